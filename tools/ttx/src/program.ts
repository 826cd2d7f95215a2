// The ttx command line: one commander program, a sub-command per file in commands/.
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE, UsageError, type CliIo } from './cli-io.js';
import { addRescoreCommand } from './commands/rescore-command.js';
import { addSimulateCommand } from './commands/simulate-command.js';
import { addValidateCommand } from './commands/validate-command.js';

export function createProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('ttx')
    .description(
      'TTX tools for exercise designers: check exercise files, rehearse scenarios with bot teams and re-score exercises under another rule set.\n' +
        'Run `ttx <command> --help` for the options of each command.',
    )
    .version('0.1.0', '-V, --version', 'print the ttx version')
    .helpOption('-h, --help', 'show help for ttx or a command')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  addValidateCommand(program, io, done);
  addSimulateCommand(program, io, done);
  addRescoreCommand(program, io, done);
  return program;
}

/** Runs ttx with `args` (without node and script) and resolves to the exit status. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let status = 0;
  const program = createProgram(io, (code) => {
    status = code;
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return status;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error instanceof UsageError) io.err(`${error.message}\n(run with --help for usage)`);
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    return EXIT_USAGE;
  }
}
