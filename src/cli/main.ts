// kube-evidence command line: parses arguments, runs one command, maps errors to one line and exit codes 2 and 3.
import { Command, CommanderError } from 'commander';
import { InputError, MissingToolError } from '../util/errors.js';
import { TOOL } from '../version.js';
import { scrubText } from '../util/scrub.js';
import { setQuiet } from './log.js';
import { EXIT_CODES_HELP, EXIT_UNEXPECTED, EXIT_USAGE } from './exit-codes.js';

type Register = (program: Command) => void;

/**
 * Every command, in the order --help lists them, each loaded only when needed: `verify` or `compare` should not
 * first load what `report`, `scan` and `fleet` need (the PDF driver, exceljs, the Azure SDK: seconds of start-up).
 */
const COMMANDS: [string, () => Promise<Register>][] = [
  ['report', async () => (await import('./commands/report.js')).registerReport],
  ['scan', async () => (await import('./commands/scan.js')).registerScan],
  ['collect', async () => (await import('./commands/collect.js')).registerCollect],
  ['collect-node', async () => (await import('./commands/collect-node.js')).registerCollectNode],
  ['evaluate', async () => (await import('./commands/evaluate.js')).registerEvaluate],
  ['render', async () => (await import('./commands/render.js')).registerRender],
  ['rules', async () => (await import('./commands/rules.js')).registerRules],
  ['profiles', async () => (await import('./commands/profiles.js')).registerProfiles],
  ['compare', async () => (await import('./commands/compare.js')).registerCompare],
  ['verify', async () => (await import('./commands/verify.js')).registerVerify],
  ['attest', async () => (await import('./commands/attest.js')).registerAttest],
  ['fleet', async () => (await import('./commands/fleet.js')).registerFleet],
];

/** The command named on the command line (its first argument that is not an option), when it is one of ours. */
function commandOf(argv: string[]): string | undefined {
  const first = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return COMMANDS.some(([name]) => name === first) ? first : undefined;
}

/** The program with every command, or with only `only` (what a run of that command needs). */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('kube-evidence')
    .description(
      'Turn a Kubernetes cluster (AKS, kubeadm or self-managed) into an audit-ready evidence pack.',
    )
    .version(TOOL.version)
    .option('--debug', 'on an unexpected error (exit 3), print its stack trace too')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // Each command registers itself; a new command is one file plus one line in COMMANDS.
  for (const [name, load] of COMMANDS) if (only === undefined || name === only) (await load())(program);
  const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)];
  for (const command of everyCommand(program)) {
    command.exitOverride();
    command.addHelpText('after', EXIT_CODES_HELP);
  }
  // --quiet, where a command has it, silences progress for the whole run.
  program.hook('preAction', (_program, action) => {
    if (action.opts().quiet === true) setQuiet(true);
  });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  setQuiet(false);
  try {
    await (await buildProgram(commandOf(argv))).parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed the usage error itself.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof InputError || error instanceof MissingToolError) {
      process.stderr.write(`kube-evidence: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // One line, scrubbed of credentials; the stack only when asked for (it can quote paths and values).
    const message = error instanceof Error ? error.message : String(error);
    const line = scrubText(message.split('\n')[0] ?? '').slice(0, 500);
    process.stderr.write(`kube-evidence: unexpected error: ${line} (run with --debug for details)\n`);
    if (argv.includes('--debug') && error instanceof Error && error.stack)
      process.stderr.write(`${scrubText(error.stack)}\n`);
    return EXIT_UNEXPECTED;
  }
}
