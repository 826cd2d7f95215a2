// Where a command writes and which folder it works from, so commands run the same in a terminal and in tests.
import { CommanderError } from 'commander';

export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export const EXIT_OK = 0;
/** Files were read but are not valid (validate), or a run could not complete (simulate). */
export const EXIT_INVALID = 1;
/** The command line itself is wrong: unknown option, missing argument, path that does not exist. */
export const EXIT_USAGE = 2;

/** A command-line mistake found after parsing; reported like commander's own usage errors. */
export class UsageError extends CommanderError {
  constructor(message: string) {
    super(EXIT_USAGE, 'ttx.usage', `error: ${message}`);
  }
}

export const processIo: CliIo = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
