// kube-evidence command line: parses arguments, runs one command, maps errors to one line and exit codes 2 and 3.
import { Command, CommanderError } from 'commander';
import { InputError, MissingToolError } from '../util/errors.js';
import { TOOL } from '../version.js';
import { scrubText } from '../util/scrub.js';
import { setQuiet } from './log.js';
import { EXIT_CODES_HELP, EXIT_UNEXPECTED, EXIT_USAGE } from './exit-codes.js';
import { registerAttest } from './commands/attest.js';
import { registerCompare } from './commands/compare.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerRender } from './commands/render.js';
import { registerReport } from './commands/report.js';
import { registerRules } from './commands/rules.js';
import { registerProfiles } from './commands/profiles.js';
import { registerVerify } from './commands/verify.js';
import { registerCollect } from './commands/collect.js';
import { registerCollectNode } from './commands/collect-node.js';
import { registerScan } from './commands/scan.js';
import { registerFleet } from './commands/fleet.js';

export function buildProgram(): Command {
  const program = new Command('kube-evidence')
    .description(
      'Turn a Kubernetes cluster (AKS, kubeadm or self-managed) into an audit-ready evidence pack.',
    )
    .version(TOOL.version)
    .option('--debug', 'on an unexpected error (exit 3), print its stack trace too')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // Each command registers itself; a new command is one file plus one line here.
  registerReport(program);
  registerScan(program);
  registerCollect(program);
  registerCollectNode(program);
  registerEvaluate(program);
  registerRender(program);
  registerRules(program);
  registerProfiles(program);
  registerCompare(program);
  registerVerify(program);
  registerAttest(program);
  registerFleet(program);
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
    await buildProgram().parseAsync(argv);
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
