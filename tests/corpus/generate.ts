// The corpus of malformed packages (see corpus.ts): `generateCorpus(seed)` builds every
// case in memory; `npx tsx tests/corpus/generate.ts <dir> [seed]` writes them as package
// folders, for looking at one by hand (npm run validate -- <dir>/<case>).
import { addBinaryDefects } from './binary.ts';
import { Corpus, writeCase } from './corpus.ts';
import type { CorpusCase } from './corpus.ts';
import { addDamagedFiles } from './damage.ts';
import { addFieldDefects } from './fields.ts';
import { addGeometryDefects } from './geometry.ts';

export const DEFAULT_SEED = 20_260_901;

export function generateCorpus(seed = DEFAULT_SEED): CorpusCase[] {
  const corpus = new Corpus(seed);
  addDamagedFiles(corpus);
  addFieldDefects(corpus);
  addGeometryDefects(corpus);
  addBinaryDefects(corpus);
  return corpus.cases;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/tests\//, '/tests/'))) {
  const [dir, seed] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npx tsx tests/corpus/generate.ts <output folder> [seed]');
    process.exit(2);
  }
  const cases = generateCorpus(seed === undefined ? DEFAULT_SEED : Number(seed));
  for (const c of cases) writeCase(c, `${dir}/${c.id}`);
  console.log(`${cases.length} cases written to ${dir}`);
}
