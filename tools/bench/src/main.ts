// `npm run bench [-- --quick] [-- --json <file>]`: runs the benchmark, prints the table, writes the JSON; fails
// on lost or duplicated messages and on errors, never on times.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { FULL_PLAN, QUICK_PLAN, runBench } from './bench-run.js';
import { formatTable, measuresJson } from './measures.js';

interface CliOptions {
  quick?: boolean;
  json?: string;
  workers?: string;
  profile?: string;
  keep?: boolean;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('bench')
    .description('TTX under load beside bare Socket.IO and bare SQLite, measured in the same run')
    .option('--quick', 'a small run (200 participants, 10k events) for CI: under two minutes')
    .option('--json <file>', 'write the figures as a JSON array of {name, value, unit, baseline?}')
    .option('--workers <n>', 'participant processes (default 1: the server keeps one core, the participants the other)')
    .option('--profile <dir>', 'write V8 CPU profiles of the TTX server into <dir> (node --cpu-prof)')
    .option('--keep', 'keep the temporary folder with the databases')
    .exitOverride();
  try {
    program.parse(argv);
  } catch {
    return 2;
  }
  const options = program.opts<CliOptions>();
  const plan = {
    ...(options.quick ? QUICK_PLAN : FULL_PLAN),
    ...(options.workers ? { workers: Math.max(1, Number(options.workers)) } : {}),
    ...(options.profile ? { cpuProfileDir: path.resolve(options.profile) } : {}),
    ...(options.keep ? { keepFolder: true } : {}),
  };
  const started = Date.now();
  console.log(`TTX bench (${options.quick ? 'quick' : 'full'}) on ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
  const outcome = await runBench(plan, (line) => console.log(line));
  console.log('');
  console.log(formatTable(outcome.measures));
  console.log('');
  if (options.json) {
    const file = path.resolve(options.json);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, measuresJson(outcome.measures) + '\n');
    console.log(`figures written to ${file}`);
  }
  console.log(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
  if (outcome.problems.length > 0) {
    console.error(`${outcome.problems.length} problem(s): lost or duplicated messages, or errors:`);
    for (const problem of outcome.problems) console.error(`  - ${problem}`);
    return 1;
  }
  return 0;
}
