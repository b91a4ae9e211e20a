import { runEvalCommand } from './eval-command.ts';
import { runExtractCommand } from './extract-command.ts';
import { runCheckCommand } from './check-command.ts';
import { runBenchCommand } from './bench-command.ts';
import { runPackCommand } from './pack-command.ts';

const USAGE = `unspun: detect uncredited rewrites of news articles

  unspun extract <page.html> [--url URL]
  unspun extract --batch <folder> --out <file.json>
  unspun check <page.html> --url URL --library <corpus folder>
  unspun check <URL or page.html> --lookup [--engine gdelt|rss] [--endpoint URL] [--min-interval S] [--via http://HOST:PORT]
  unspun eval --corpus <folder> [--out verdicts.jsonl] [--floors floors.json]
  unspun eval --corpus <folder> --lookup [--empty-library] [--via http://HOST:PORT] [--min-interval S] ...
  unspun bench --corpus <folder> [--scale N] [--floors speed-floors.json]
  unspun pack build --corpus <folder> --out <pack.jsonl>
  unspun pack check <pack.jsonl>
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number> | number> = {
  extract: runExtractCommand,
  check: runCheckCommand,
  eval: runEvalCommand,
  bench: runBenchCommand,
  pack: runPackCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    process.stderr.write(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`unspun: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
