import { BENCH_OPTIONS, BENCH_USAGE, runBenchCommand } from './bench-command.ts';
import { CHECK_OPTIONS, CHECK_USAGE, runCheckCommand } from './check-command.ts';
import { EVAL_OPTIONS, EVAL_USAGE, runEvalCommand } from './eval-command.ts';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, runExtractCommand } from './extract-command.ts';
import { PACK_BUILD_OPTIONS, PACK_USAGE, runPackCommand } from './pack-command.ts';

interface Command {
  run: (args: string[]) => Promise<number> | number;
  /** `unspun <command> --help`: its forms (the lines starting `unspun `), what it does, its options. */
  usage: string;
  /** The options it parses (node:util parseArgs), which its usage documents. */
  options: Readonly<Record<string, { type: 'string' | 'boolean' }>>;
}

export const COMMANDS: Record<string, Command> = {
  extract: { run: runExtractCommand, usage: EXTRACT_USAGE, options: EXTRACT_OPTIONS },
  check: { run: runCheckCommand, usage: CHECK_USAGE, options: CHECK_OPTIONS },
  eval: { run: runEvalCommand, usage: EVAL_USAGE, options: EVAL_OPTIONS },
  bench: { run: runBenchCommand, usage: BENCH_USAGE, options: BENCH_OPTIONS },
  pack: { run: runPackCommand, usage: PACK_USAGE, options: PACK_BUILD_OPTIONS },
};

/** `unspun --help`: every form of every command. */
export const USAGE = `unspun: detect uncredited rewrites of news articles

${Object.values(COMMANDS)
  .flatMap((c) => c.usage.split('\n').filter((l) => l.startsWith('unspun ')))
  .map((l) => `  ${l}`)
  .join('\n')}

unspun <command> --help prints what a command does and its options.
`;

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processOutput: CliOutput = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * Runs `unspun <argv>` and resolves to its exit code: 0, 1 (a failure, such as a floor not met or a
 * bad argument) or 2 (no such command). Help goes to stdout with code 0: `unspun --help`,
 * `unspun help [command]`, `unspun <command> --help` (or `-h`, anywhere after the command).
 */
export async function runCli(argv: string[], out: CliOutput = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    out.stderr(USAGE);
    return 2;
  }
  if (isHelp(command) || command === 'help') {
    const about = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    if (rest[0] !== undefined && !about) {
      out.stderr(`unspun: no command '${rest[0]}'\n\n${USAGE}`);
      return 2;
    }
    out.stdout(about ? about.usage : USAGE);
    return 0;
  }
  const cmd = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!cmd) {
    out.stderr(`unspun: no command '${command}'\n\n${USAGE}`);
    return 2;
  }
  const end = rest.indexOf('--');
  if ((end < 0 ? rest : rest.slice(0, end)).some(isHelp)) {
    out.stdout(cmd.usage);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    out.stderr(`unspun: ${e instanceof Error ? e.message : String(e)}\n(unspun ${command} --help shows its usage)\n`);
    return 1;
  }
}
