// `npm run report -- <data-package-dir> [options]`: the coverage report on stdout, or one
// line on stderr and a non-zero exit (src/lib/report/node/report-cli.ts).
import { servePopulationThread, threadPopulationReader } from '../src/lib/data/node/population-thread.ts';
import { runReport } from '../src/lib/report/node/report-cli.ts';

// This script is also the population file's worker thread (one bundle, one file).
if (!servePopulationThread()) {
  const io = { stdout: (text: string) => process.stdout.write(text), stderr: (text: string) => process.stderr.write(text) };
  void runReport(process.argv.slice(2), io, { populationReader: threadPopulationReader(new URL(import.meta.url)) }).then((code) => {
    // exitCode rather than exit(): lets pending stdout/stderr writes drain to a pipe.
    process.exitCode = code;
  });
}
