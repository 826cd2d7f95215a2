// The decision phase alone, repeated: N participants of bench-nation decide for a while after a warm-up, and the
// server's own CPU (user + system from /proc) is read around the timed part, which stays comparable on a shared
// machine when the rate itself follows the load.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { BENCH_NATION_CHOICES, BENCH_NATION_TEAMS, BENCH_SCENARIO } from './bench-nation.js';
import { measureDecisions, type PhaseLog } from './bench-phases.js';
import { ParticipantFleet } from './participant-fleet.js';
import {
  benchFolder,
  ensureServerBuilt,
  freePort,
  processCpuMs,
  removeFolder,
  ServerProcess,
} from './server-process.js';
import { TtxApi } from './ttx-api.js';

export interface DecisionPhaseRun {
  perSecond: number;
  ackP99: number;
  acked: number;
  serverCpuPerDecisionUs: number;
  /** Cores' worth of CPU the server and the participant processes used during the timed part. */
  serverCores: number;
  participantCores: number;
  load: number;
}

export async function runDecisionPhase(
  participants: number,
  seconds: number,
  cpuProfileDir: string | undefined,
  log: PhaseLog,
): Promise<DecisionPhaseRun> {
  const dir = benchFolder([BENCH_SCENARIO]);
  const server = ServerProcess.spawn({ dir, port: await freePort(), cpuProfileDir });
  const fleet = ParticipantFleet.start(1);
  try {
    await server.ready();
    const api = new TtxApi(server.url);
    const admin = await api.login();
    const exercise = await api.createExercise(admin, BENCH_SCENARIO);
    await api.control(admin, exercise.id, 'start');
    const tokens: string[] = [];
    for (const team of BENCH_NATION_TEAMS)
      tokens.push((await api.join(exercise.joinCodes[team]!, `bench ${team}`)).token);
    await fleet.connect(
      server.url,
      Array.from({ length: participants }, (_, i) => ({ token: tokens[i % tokens.length] })),
    );
    await measureDecisions(fleet, participants, 2000, 'warm', BENCH_NATION_CHOICES, log);
    const load = os.loadavg()[0];
    const server0 = processCpuMs(server.pid);
    const fleet0 = fleet.pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    const decided = await measureDecisions(
      fleet,
      participants,
      seconds * 1000,
      'timed',
      BENCH_NATION_CHOICES,
      log,
    );
    const serverMs = processCpuMs(server.pid) - server0;
    const fleetMs = fleet.pids.reduce((sum, pid) => sum + processCpuMs(pid), 0) - fleet0;
    return {
      perSecond: decided.perSecond,
      ackP99: decided.ackP99,
      acked: decided.acked,
      serverCpuPerDecisionUs: decided.acked > 0 ? (serverMs * 1000) / decided.acked : 0,
      serverCores: serverMs / (seconds * 1000),
      participantCores: fleetMs / (seconds * 1000),
      load,
    };
  } finally {
    fleet.stop();
    await server.stop();
    removeFolder(dir);
  }
}

/** `decision-phase [--participants 1000] [--seconds 10] [--runs 3] [--profile dir]`: one line per run. */
export async function decisionPhaseCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv.slice(2),
    options: {
      participants: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '10' },
      runs: { type: 'string', default: '3' },
      profile: { type: 'string' },
    },
  });
  const participants = Number(values.participants);
  const seconds = Number(values.seconds);
  const runs = Number(values.runs);
  if (![participants, seconds, runs].every((n) => Number.isInteger(n) && n > 0)) {
    console.error('decision-phase: --participants, --seconds and --runs take whole numbers above 0');
    return 2;
  }
  ensureServerBuilt();
  const problems: string[] = [];
  const log: PhaseLog = { note: () => undefined, problem: (line) => problems.push(line) };
  console.log(
    '| run | decisions/s | ack p99 | server CPU per decision | server cores | participant cores | load |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (let run = 1; run <= runs; run += 1) {
    const r = await runDecisionPhase(participants, seconds, values.profile, log);
    console.log(
      `| ${run} | ${Math.round(r.perSecond)} | ${Math.round(r.ackP99)} ms | ${Math.round(r.serverCpuPerDecisionUs)} µs | ${r.serverCores.toFixed(2)} | ${r.participantCores.toFixed(2)} | ${r.load.toFixed(1)} |`,
    );
  }
  for (const problem of problems) console.error(`problem: ${problem}`);
  return problems.length === 0 ? 0 : 1;
}
