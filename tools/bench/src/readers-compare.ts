// Times the readers phase alone, round after round, on a copy of a folder kept by `bench --keep` (its filled
// exercise): a server build's pages compared on the same log, with the medians a shared machine needs.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idleBlock } from './aar-timing.js';
import { timeEventReaders } from './events-readers.js';
import { percentile } from './measures.js';
import { liveExercise } from './restart-compare.js';
import { freePort, removeFolder, ServerProcess } from './server-process.js';
import { TtxApi } from './ttx-api.js';

const USAGE =
  "usage: readers-compare <folder kept by bench --keep> [--rounds N] [--readers N] [--profile <dir>: V8 CPU profile of the server] [--entry <another build's ttx-server.js>]";

function takeValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? (args.splice(at, 2)[1] ?? '') : undefined;
}

/** `node tools/bench/bin/readers-compare.js <kept folder> [--rounds N] [--readers N] [--profile dir] [--entry file]` */
export async function compareReaders(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const rounds = Number(takeValue(args, '--rounds') ?? 5);
  const readers = Number(takeValue(args, '--readers') ?? 20);
  const profile = takeValue(args, '--profile');
  const entry = takeValue(args, '--entry');
  const [folder] = args;
  if (
    !folder ||
    args.length > 1 ||
    !Number.isInteger(rounds) ||
    rounds < 1 ||
    !Number.isInteger(readers) ||
    readers < 1
  ) {
    console.error(USAGE);
    return 2;
  }
  const exercise = await liveExercise(path.join(folder, 'data/ttx.sqlite'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-readers-'));
  cpSync(folder, dir, { recursive: true });
  // A kept folder's exercise was "down" since it was kept: it comes back running, not paused for the outage.
  const server = ServerProcess.spawn({
    dir,
    port: await freePort(),
    cpuProfileDir: profile ? path.resolve(profile) : undefined,
    entry: entry ? path.resolve(entry) : undefined,
    env: { TTX_RESTART_PAUSE_AFTER: '86400' },
  });
  try {
    await server.ready(120_000);
    const api = new TtxApi(server.url);
    const admin = await api.login();
    const { seq } = await api.detail(admin, exercise.id);
    const idle = await idleBlock(api);
    console.log(`exercise ${exercise.id}, ${seq} events; slowest /health idle ${Math.round(idle)} ms`);
    const blocks: number[] = [];
    const times: number[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const timing = await timeEventReaders(api, admin, exercise.id, readers, seq);
      blocks.push(timing.maxBlockMs);
      times.push(timing.ms);
      console.log(
        `round ${round}: ${readers} readers, ${timing.pages} pages (${(timing.bytes / 1024 / 1024).toFixed(1)} MB) in ${Math.round(timing.ms)} ms; slowest /health ${Math.round(timing.maxBlockMs)} ms of ${timing.probes}; load ${os.loadavg()[0]!.toFixed(2)}`,
      );
    }
    console.log(
      `median over ${rounds} rounds: slowest /health ${Math.round(percentile(blocks, 50))} ms, readers ${Math.round(percentile(times, 50))} ms`,
    );
    return 0;
  } finally {
    await server.stop();
    removeFolder(dir);
  }
}
