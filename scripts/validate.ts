// `npm run validate -- <dir>`: checks a data package folder (src/lib/data/node/validate-cli.ts).
import { runValidate } from '../src/lib/data/node/validate-cli.ts';

runValidate(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  },
);
