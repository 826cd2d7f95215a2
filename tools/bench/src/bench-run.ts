// One benchmark run: the production server on a fresh SQLite file beside a bare Socket.IO server and a bare SQLite
// writer, driven by participant processes, phase after phase; every loop is bounded in count and time.
import path from 'node:path';
import { idleBlock, timeReport, timeRowRead } from './aar-timing.js';
import { BareSocketServer, runBareSqlite } from './bare-baselines.js';
import { timeEventReaders } from './events-readers.js';
import { bareTarget, type FanoutResult, measureDecisions, measureFanout, measureStorm, type PhaseLog, ttxTarget } from './bench-phases.js';
import { BENCH_NATION_CHOICES as CHOICES, BENCH_NATION_TEAMS as TEAMS, BENCH_SCENARIO as SCENARIO } from './bench-nation.js';
import { type Measure, percentile, sizeLabel } from './measures.js';
import { ParticipantFleet } from './participant-fleet.js';
import { benchFolder, freePort, removeFolder, ServerProcess } from './server-process.js';
import { TtxApi } from './ttx-api.js';
import { timeValidationFlood } from './validation-flood.js';

export interface BenchPlan {
  /** Participant counts for the fan-out, the first also measuring memory per participant. */
  sizes: number[];
  /** Participants that decide and then storm (one of `sizes`). */
  deciders: number;
  rounds: number;
  decisionMs: number;
  /** Events the stored log must reach before restart and AAR are timed. */
  logEvents: number;
  /** Upper bound on the time spent filling the log. */
  fillBudgetMs: number;
  /** Staff readers paging through the whole filled log at once. */
  readers: number;
  workers: number;
  cpuProfileDir?: string;
  keepFolder?: boolean;
}

export const QUICK_PLAN: BenchPlan = { sizes: [200], deciders: 200, rounds: 10, decisionMs: 5000, logEvents: 10_000, fillBudgetMs: 40_000, readers: 20, workers: 1 };
export const FULL_PLAN: BenchPlan = { sizes: [5000, 100, 1000], deciders: 1000, rounds: 20, decisionMs: 15_000, logEvents: 100_000, fillBudgetMs: 240_000, readers: 20, workers: 1 };

const FIRST_FILL_MS = 3000;
const MIN_FILL_MS = 250;
const MAX_FILL_MS = 15_000;

export interface BenchOutcome {
  measures: Measure[];
  problems: string[];
  notes: string[];
}

export async function runBench(plan: BenchPlan, print: (line: string) => void): Promise<BenchOutcome> {
  const measures: Measure[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const log: PhaseLog = {
    note: (line) => {
      notes.push(line);
      print(`  ${line}`);
    },
    problem: (line) => {
      problems.push(line);
      print(`  PROBLEM: ${line}`);
    },
  };
  const dir = benchFolder([SCENARIO]);
  const port = await freePort();
  let server = ServerProcess.spawn({ dir, port, cpuProfileDir: plan.cpuProfileDir });
  const bare = await BareSocketServer.start();
  const fleet = ParticipantFleet.start(plan.workers);
  try {
    const freshStartMs = await server.ready();
    log.note(`TTX server up on an empty database in ${freshStartMs} ms (pid ${server.pid}); bare Socket.IO at ${bare.url}`);
    const api = new TtxApi(server.url);
    const admin = await api.login();
    const exercise = await api.createExercise(admin, SCENARIO);
    await api.control(admin, exercise.id, 'start');
    const tokens: string[] = [];
    for (const team of TEAMS) tokens.push((await api.join(exercise.joinCodes[team]!, `bench ${team}`)).token);
    const ttx = ttxTarget(api, admin, exercise.id, tokens, TEAMS, () => server.rssBytes());
    const bareSide = bareTarget(bare, TEAMS);

    const fanout = async (size: number, keepTtx: boolean) => {
      print(`fan-out with ${size} participants`);
      const b = await measureFanout(fleet, bareSide, size, plan.rounds, log);
      await fleet.disconnect();
      const t = await measureFanout(fleet, ttx, size, plan.rounds, log);
      if (!keepTtx) await fleet.disconnect();
      return { t, b };
    };
    const ordered = [...plan.sizes.filter((s) => s !== plan.deciders), plan.deciders];
    for (const size of ordered) {
      const { t, b } = await fanout(size, size === plan.deciders);
      measures.push(...fanoutMeasures(size, t, b, size === plan.sizes[0]));
    }

    print(`decisions: ${plan.deciders} participants for ${plan.decisionMs / 1000} s`);
    const decided = await measureDecisions(fleet, plan.deciders, plan.decisionMs, 'ingest', CHOICES, log);
    const sqlite = await runBareSqlite(path.join(dir, 'bare.sqlite'), plan.deciders, plan.decisionMs);
    log.note(`TTX acked ${decided.acked} decisions (${Math.round(decided.perSecond)}/s, ack p99 ${decided.ackP99} ms); bare SQLite ${Math.round(sqlite.rowsPerSecond)} rows/s, commit p99 ${sqlite.commitP99} ms`);
    measures.push({ name: 'decisions_per_s', value: decided.perSecond, unit: 'decisions/s', baseline: sqlite.rowsPerSecond });
    measures.push({ name: `ack_p99_${plan.deciders}`, value: decided.ackP99, unit: 'ms', baseline: sqlite.commitP99 });

    print(`reconnect storm: ${plan.deciders} participants`);
    const storm = await measureStorm(fleet, ttx, 3, log);
    await fleet.disconnect();
    await fleet.connect(bare.url, Array.from({ length: plan.deciders }, () => ({ token: 'bare' })));
    const bareStorm = await measureStorm(fleet, bareSide, 3, log);
    await fleet.disconnect();
    measures.push({ name: `reconnect_storm_${plan.deciders}`, value: storm.ms, unit: 'ms', baseline: bareStorm.ms });

    // Restart and review are timed on a second exercise filled to the planned size, however many events the decision
    // phase wrote on this machine; the first is ended, so that the restart replays only the second.
    await api.control(admin, exercise.id, 'end');
    print(`filling a second exercise's log to ${plan.logEvents} events`);
    const reviewed = await api.createExercise(admin, SCENARIO);
    await api.control(admin, reviewed.id, 'start');
    const reviewedTokens: string[] = [];
    for (const team of TEAMS) reviewedTokens.push((await api.join(reviewed.joinCodes[team]!, `bench ${team}`)).token);
    await fleet.connect(server.url, Array.from({ length: plan.deciders }, (_, i) => ({ token: reviewedTokens[i % reviewedTokens.length]! })));
    const filled = await fillLog(api, admin, reviewed.id, fleet, plan, log);
    await fleet.disconnect();

    print(`restart with ${filled} events`);
    await server.stop();
    server = ServerProcess.spawn({ dir, port, cpuProfileDir: plan.cpuProfileDir });
    const restartMs = await runningAgain(server, api, admin, reviewed.id);
    log.note(`restarted and running again in ${restartMs} ms (empty database: ${freshStartMs} ms)`);
    const size = sizeLabel(Math.floor(filled / 1000) * 1000);
    measures.push({ name: `restart_${size}`, value: restartMs, unit: 'ms', baseline: freshStartMs });

    print(`after-action review of ${filled} events (GET /api/exercises/:id/report)`);
    const rows = await timeRowRead(path.join(dir, 'data/ttx.sqlite'), reviewed.id);
    const idle = await idleBlock(api);
    const json = await timeReport(api, admin, reviewed.id, 'json');
    const pdf = await timeReport(api, admin, reviewed.id, 'pdf');
    log.note(`AAR of ${rows.events} events: JSON ${Math.round(json.ms)} ms (${mb(json.bytes)} MB), then PDF ${Math.round(pdf.ms)} ms (${mb(pdf.bytes)} MB); reading the rows alone ${Math.round(rows.ms)} ms`);
    log.note(`slowest /health answer: ${Math.round(json.maxBlockMs)} ms of ${json.probes} during the JSON, ${Math.round(pdf.maxBlockMs)} ms of ${pdf.probes} during the PDF, ${Math.round(idle)} ms idle`);
    measures.push({ name: `aar_${size}`, value: json.ms, unit: 'ms', baseline: rows.ms });
    measures.push({ name: `aar_${size}_max_block`, value: json.maxBlockMs, unit: 'ms', baseline: idle });
    measures.push({ name: `aar_pdf_${size}`, value: pdf.ms, unit: 'ms', baseline: rows.ms });
    measures.push({ name: `aar_pdf_${size}_max_block`, value: pdf.maxBlockMs, unit: 'ms', baseline: idle });
    // Two more events (a pause and a resume), then the JSON again: the worker folds only the new events onto its review.
    await api.control(admin, reviewed.id, 'pause');
    await api.control(admin, reviewed.id, 'resume');
    const next = await timeReport(api, admin, reviewed.id, 'json');
    log.note(`AAR again after two more events: JSON ${Math.round(next.ms)} ms, slowest /health answer ${Math.round(next.maxBlockMs)} ms`);
    measures.push({ name: `aar_next_${size}`, value: next.ms, unit: 'ms', baseline: rows.ms });

    print(`${plan.readers} readers paging at once through the ${filled}-event log (GET /api/exercises/:id/events)`);
    const { seq } = await api.detail(admin, reviewed.id);
    const readers = await timeEventReaders(api, admin, reviewed.id, plan.readers, seq);
    log.note(
      `${plan.readers} readers read ${readers.pages} pages (${mb(readers.bytes)} MB) in ${Math.round(readers.ms)} ms; slowest /health answer ${Math.round(readers.maxBlockMs)} ms of ${readers.probes}, ${Math.round(idle)} ms idle`,
    );
    measures.push({ name: `readers_${plan.readers}_${size}`, value: readers.ms, unit: 'ms' });
    measures.push({ name: `readers_${plan.readers}_${size}_max_block`, value: readers.maxBlockMs, unit: 'ms', baseline: idle });

    print('20 hostile scenario uploads at once (POST /api/scenarios/validate, 60,000 keys each)');
    const flood = await timeValidationFlood(api, admin);
    const codes = Object.entries(flood.codes).map(([code, n]) => `${n} ${code}`).join(', ');
    log.note(`answered in ${Math.round(flood.ms)} ms: ${codes}; slowest /health answer ${Math.round(flood.maxBlockMs)} ms of ${flood.probes}, ${Math.round(idle)} ms idle`);
    if (Object.keys(flood.codes).some((code) => !['SCENARIO_TOO_LARGE', 'VALIDATION_BUSY', 'VALIDATION_TIMED_OUT'].includes(code))) {
      log.problem(`a hostile upload was answered without its coded refusal: ${codes}`);
    }
    measures.push({ name: 'validation_flood_20_max_block', value: flood.maxBlockMs, unit: 'ms', baseline: idle });
  } catch (error) {
    log.problem(`the run stopped: ${(error as Error).message}`);
  } finally {
    fleet.stop();
    bare.stop();
    await server.stop();
    if (!plan.keepFolder) removeFolder(dir);
    else print(`kept ${dir}`);
  }
  return { measures, problems, notes };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function fanoutMeasures(size: number, t: FanoutResult, b: FanoutResult, withMemory: boolean): Measure[] {
  const out: Measure[] = [{ name: `connect_${size}`, value: t.connectMs, unit: 'ms', baseline: b.connectMs }];
  for (const p of [50, 95, 99]) {
    out.push({ name: `fanout_p${p}_${size}`, value: percentile(t.latencies, p), unit: 'ms', baseline: percentile(b.latencies, p) });
  }
  out.push({ name: `fanout_last_p50_${size}`, value: percentile(t.lastReceipt, 50), unit: 'ms', baseline: percentile(b.lastReceipt, 50) });
  if (withMemory) out.push({ name: `memory_per_participant_${size}`, value: t.memoryPerParticipant / 1024, unit: 'kB', baseline: b.memoryPerParticipant / 1024 });
  return out;
}

/** Decides until the log holds `plan.logEvents` events, a little more at most: each round lasts as long as the
 * rate of the one before says the events still missing take (seven tenths of it: a round's rate can be below the
 * next one's as the participants warm up, and the last rounds are short). */
async function fillLog(api: TtxApi, admin: string, exerciseId: string, fleet: ParticipantFleet, plan: BenchPlan, log: PhaseLog): Promise<number> {
  const started = Date.now();
  let seq = (await api.detail(admin, exerciseId)).seq;
  let perSecond = 0;
  for (let round = 1; seq < plan.logEvents && Date.now() - started < plan.fillBudgetMs; round += 1) {
    const before = seq;
    const t0 = Date.now();
    const needed = perSecond > 0 ? ((plan.logEvents - seq) / perSecond) * 700 : FIRST_FILL_MS;
    const ms = Math.max(MIN_FILL_MS, Math.min(MAX_FILL_MS, needed, plan.fillBudgetMs - (Date.now() - started)));
    await measureDecisions(fleet, plan.deciders, ms, `fill${round}`, CHOICES, log);
    seq = (await api.detail(admin, exerciseId)).seq;
    perSecond = ((seq - before) * 1000) / (Date.now() - t0);
    log.note(`log at ${seq} events (${Math.round(perSecond)} events/s)`);
  }
  if (seq < plan.logEvents) log.note(`the log reached ${seq} of ${plan.logEvents} events within the fill budget`);
  return seq;
}

/** From process start until /health answers and the exercise answers with its clock running. */
async function runningAgain(server: ServerProcess, api: TtxApi, admin: string, exerciseId: string): Promise<number> {
  await server.ready(60_000);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const answer = await api.call<{ clock?: { running?: boolean } }>('GET', `/api/exercises/${exerciseId}`, undefined, admin);
    if (answer.status === 200 && answer.body.clock?.running) return Date.now() - server.startedAt;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the exercise was not running again within 60 s of the restart');
}
