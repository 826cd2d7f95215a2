// The measured phases of a run, each against TTX or its bare baseline with the same participants.
import type { BareSocketServer } from './bare-baselines.js';
import type { DecisionChoice, ParticipantAuth } from './fleet-protocol.js';
import { percentile } from './measures.js';
import type { ParticipantFleet } from './participant-fleet.js';
import type { TtxApi } from './ttx-api.js';

/** Where participants connect and how the controller releases an inject to all of them. */
export interface FanoutTarget {
  label: 'TTX' | 'bare';
  url: string;
  auth: (index: number) => ParticipantAuth;
  release: (injectId: string) => Promise<void>;
  rssBytes: () => number;
}

export interface FanoutResult {
  connectMs: number;
  latencies: number[];
  /** Per round: release → receipt by the last participant. */
  lastReceipt: number[];
  /** Server resident memory added per connected participant, in bytes. */
  memoryPerParticipant: number;
}

export interface PhaseLog {
  note: (line: string) => void;
  problem: (line: string) => void;
}

const ROUND_TIMEOUT_MS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function ttxTarget(api: TtxApi, controllerToken: string, exerciseId: string, teamTokens: string[], teams: string[], rss: () => number): FanoutTarget {
  return {
    label: 'TTX',
    url: api.url,
    auth: (i) => ({ token: teamTokens[i % teamTokens.length]! }),
    release: async (injectId) => {
      await api.adHoc(controllerToken, exerciseId, injectId, teams);
    },
    rssBytes: rss,
  };
}

export function bareTarget(bare: BareSocketServer, teams: string[]): FanoutTarget {
  return { label: 'bare', url: bare.url, auth: () => ({ token: 'bare' }), release: (id) => bare.fire(id, teams), rssBytes: () => bare.rssBytes() };
}

/** Connects `size` participants (left connected) and releases `rounds` injects one after another. */
export async function measureFanout(fleet: ParticipantFleet, target: FanoutTarget, size: number, rounds: number, log: PhaseLog): Promise<FanoutResult> {
  await sleep(500);
  const rssBefore = target.rssBytes();
  const auth = Array.from({ length: size }, (_, i) => target.auth(i));
  const connected = await fleet.connect(target.url, auth);
  if (connected.failed > 0) log.problem(`${target.label}: ${connected.failed} of ${size} participants could not connect (${connected.errors.join('; ')})`);
  await sleep(1500);
  const rssAfter = target.rssBytes();
  log.note(`${target.label} ${size}: connected in ${connected.ms} ms, server RSS ${mb(rssBefore)} → ${mb(rssAfter)} MB`);

  for (let r = 1; r <= rounds; r += 1) {
    const injectId = `bench-${target.label.toLowerCase()}-${size}-${r}`;
    const everywhere = fleet.receivedEverywhere(injectId, ROUND_TIMEOUT_MS);
    try {
      await target.release(injectId);
      await everywhere;
    } catch (error) {
      everywhere.catch(() => undefined);
      log.problem(`${target.label} ${size}: round ${r}: ${(error as Error).message}`);
    }
    await sleep(150);
  }
  const { rounds: received } = await fleet.fanoutReport();
  const latencies = Object.values(received).flat();
  const lastReceipt = Object.values(received).map((list) => Math.max(...list));
  const integrity = await fleet.integrity();
  if (integrity.duplicates > 0 || integrity.outOfOrder > 0) {
    log.problem(`${target.label} ${size}: ${integrity.duplicates} duplicated and ${integrity.outOfOrder} out-of-order events`);
  }
  log.note(
    `${target.label} ${size}: fan-out p50 ${percentile(latencies, 50)} p95 ${percentile(latencies, 95)} p99 ${percentile(latencies, 99)} ms, last receipt p50 ${percentile(lastReceipt, 50)} ms`,
  );
  return { connectMs: connected.ms, latencies, lastReceipt, memoryPerParticipant: Math.max(0, rssAfter - rssBefore) / size };
}

export interface DecisionResult {
  perSecond: number;
  ackP99: number;
  acked: number;
}

/** The participants already connected decide for `durationMs` as fast as their acks (and the flood limit) allow. */
export async function measureDecisions(
  fleet: ParticipantFleet,
  participants: number,
  durationMs: number,
  prefix: string,
  choices: Record<string, DecisionChoice[]>,
  log: PhaseLog,
): Promise<DecisionResult> {
  // 15 a second stays under the server's flood limit of 20 a second per socket.
  const reply = await fleet.decide(participants, durationMs, 15, prefix, choices);
  const refused = Object.entries(reply.refused);
  if (refused.length > 0) log.problem(`decisions refused: ${refused.map(([code, n]) => `${n} × ${code}`).join(', ')}`);
  if (reply.duplicates > 0) log.problem(`${reply.duplicates} fresh decisions were acknowledged as duplicates`);
  const perSecond = reply.acked / (reply.ms / 1000);
  return { perSecond, ackP99: percentile(reply.latencies, 99), acked: reply.acked };
}

export interface StormResult {
  ms: number;
}

/** Drops every connected participant, releases `missed` injects while they are away, reconnects them all at once
 * and times until the last one's sync is answered; each must then hold every missed inject. */
export async function measureStorm(fleet: ParticipantFleet, target: FanoutTarget, missed: number, log: PhaseLog): Promise<StormResult> {
  await fleet.drop();
  await sleep(500);
  const expected: string[] = [];
  for (let i = 1; i <= missed; i += 1) {
    const injectId = `storm-${target.label.toLowerCase()}-${i}`;
    await target.release(injectId);
    expected.push(injectId);
  }
  const reply = await fleet.rejoin(expected);
  if (reply.failed > 0) log.problem(`${target.label} storm: ${reply.failed} participants did not resync (${reply.errors.join('; ')})`);
  if (reply.incomplete > 0) log.problem(`${target.label} storm: ${reply.incomplete} participants miss an inject released while they were away`);
  const integrity = await fleet.integrity();
  if (integrity.duplicates > 0 || integrity.outOfOrder > 0) log.problem(`${target.label} storm: ${integrity.duplicates} duplicated, ${integrity.outOfOrder} out-of-order events`);
  log.note(`${target.label} storm: ${reply.synced} participants resynced in ${reply.ms} ms`);
  return { ms: reply.ms };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
