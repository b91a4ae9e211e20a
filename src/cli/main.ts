import { runCli } from './cli.ts';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`unspun: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
