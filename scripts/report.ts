// `npm run report -- <data-package-dir> [options]`: the coverage report on stdout, or one
// line on stderr and a non-zero exit (src/lib/report/node/report-cli.ts).
import { runReport } from '../src/lib/report/node/report-cli.ts';

void runReport(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  // exitCode rather than exit(): lets pending stdout/stderr writes drain to a pipe.
  process.exitCode = code;
});
