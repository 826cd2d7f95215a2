// Entry point of the compiled CLI (bin/ttx.js).
import { processIo } from './cli-io.js';
import { runCli } from './program.js';

export async function main(argv: readonly string[]): Promise<number> {
  return runCli(argv.slice(2), processIo);
}
