// `npm run validate -- <dir>`: checks a data package folder (src/lib/data/node/validate-cli.ts).
import { servePopulationThread, threadPopulationReader } from '../src/lib/data/node/population-thread.ts';
import { runValidate } from '../src/lib/data/node/validate-cli.ts';

// This script is also the population file's worker thread (one bundle, one file).
if (!servePopulationThread()) {
  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
  runValidate(process.argv.slice(2), io, { populationReader: threadPopulationReader(new URL(import.meta.url)) }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(2);
    },
  );
}
