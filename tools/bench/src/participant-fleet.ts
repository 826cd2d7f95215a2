// The benchmark's side of the participant processes: splits participants across them, sends each the same request
// for its share, and merges their answers.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  ConnectReply,
  DecideReply,
  DecisionChoice,
  FanoutReply,
  FleetReply,
  FleetRequest,
  IntegrityReply,
  ParticipantAuth,
  RejoinReply,
  RoundNotice,
} from './fleet-protocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));

type RequestBody = FleetRequest extends infer R ? (R extends FleetRequest ? Omit<R, 'id'> : never) : never;

class WorkerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly roundListeners = new Set<(injectId: string) => void>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: FleetReply | RoundNotice) => {
      if ('kind' in message) {
        for (const listener of this.roundListeners) listener(message.injectId);
        return;
      }
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(message.message));
    });
    child.on('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`participant process exited with ${code}`));
      this.waiting.clear();
    });
  }

  request<T>(body: RequestBody): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...body, id } as FleetRequest);
    });
  }
}

export class ParticipantFleet {
  private constructor(private readonly workers: WorkerProcess[]) {}

  /** Forks `count` participant processes (compiled `participant-worker.js` beside this file). */
  static start(count: number): ParticipantFleet {
    const script = path.join(here, 'participant-worker.js');
    const workers = Array.from({ length: count }, () => new WorkerProcess(fork(script, [], { execArgv: ['--max-old-space-size=4096'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })));
    return new ParticipantFleet(workers);
  }

  get pids(): number[] {
    return this.workers.map((w) => w.child.pid ?? 0);
  }

  /** Connects `auth.length` participants to `url`, spread over the processes; `ms` is the slowest process's. */
  async connect(url: string, auth: ParticipantAuth[], concurrency = 500, timeoutMs = 30_000): Promise<ConnectReply> {
    const shares = this.workers.map((_, w) => auth.filter((_a, i) => i % this.workers.length === w));
    const perWorker = Math.max(1, Math.floor(concurrency / this.workers.length));
    const replies = await Promise.all(
      this.workers.map((worker, w) => worker.request<ConnectReply>({ kind: 'connect', url, auth: shares[w]!, concurrency: perWorker, timeoutMs })),
    );
    return {
      connected: sum(replies.map((r) => r.connected)),
      failed: sum(replies.map((r) => r.failed)),
      errors: replies.flatMap((r) => r.errors),
      ms: Math.max(...replies.map((r) => r.ms)),
    };
  }

  /** Resolves once every process reports that all its participants hold `injectId`, or rejects after `timeoutMs`. */
  receivedEverywhere(injectId: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      let left = this.workers.length;
      const listeners = this.workers.map((worker) => {
        const listener = (id: string) => {
          if (id !== injectId) return;
          worker.roundListeners.delete(listener);
          left -= 1;
          if (left === 0) finish();
        };
        worker.roundListeners.add(listener);
        return { worker, listener };
      });
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`inject ${injectId} did not reach every participant within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        for (const { worker, listener } of listeners) worker.roundListeners.delete(listener);
      };
      const finish = () => {
        cleanup();
        resolve();
      };
    });
  }

  async fanoutReport(): Promise<FanoutReply> {
    const replies = await Promise.all(this.workers.map((w) => w.request<FanoutReply>({ kind: 'fanout-report' })));
    const rounds: Record<string, number[]> = {};
    for (const reply of replies) for (const [id, list] of Object.entries(reply.rounds)) (rounds[id] ??= []).push(...list);
    return { rounds };
  }

  async decide(participants: number, durationMs: number, maxPerSecond: number, prefix: string, choices: Record<string, DecisionChoice[]>): Promise<DecideReply> {
    const share = Math.ceil(participants / this.workers.length);
    const replies = await Promise.all(
      this.workers.map((w, i) => w.request<DecideReply>({ kind: 'decide', participants: share, durationMs, maxPerSecond, prefix: `${prefix}-w${i}`, choices })),
    );
    const refused: Record<string, number> = {};
    for (const r of replies) for (const [code, n] of Object.entries(r.refused)) refused[code] = (refused[code] ?? 0) + n;
    return {
      acked: sum(replies.map((r) => r.acked)),
      duplicates: sum(replies.map((r) => r.duplicates)),
      refused,
      latencies: replies.flatMap((r) => r.latencies),
      ms: Math.max(...replies.map((r) => r.ms)),
    };
  }

  async drop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ kind: 'drop' })));
  }

  async rejoin(expected: string[], concurrency = 500, timeoutMs = 30_000): Promise<RejoinReply> {
    const perWorker = Math.max(1, Math.floor(concurrency / this.workers.length));
    const replies = await Promise.all(this.workers.map((w) => w.request<RejoinReply>({ kind: 'rejoin', concurrency: perWorker, timeoutMs, expected })));
    return {
      ms: Math.max(...replies.map((r) => r.ms)),
      synced: sum(replies.map((r) => r.synced)),
      failed: sum(replies.map((r) => r.failed)),
      incomplete: sum(replies.map((r) => r.incomplete)),
      errors: replies.flatMap((r) => r.errors),
    };
  }

  async integrity(): Promise<IntegrityReply> {
    const replies = await Promise.all(this.workers.map((w) => w.request<IntegrityReply>({ kind: 'integrity' })));
    return {
      participants: sum(replies.map((r) => r.participants)),
      duplicates: sum(replies.map((r) => r.duplicates)),
      outOfOrder: sum(replies.map((r) => r.outOfOrder)),
    };
  }

  async disconnect(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ kind: 'disconnect' })));
  }

  stop(): void {
    for (const w of this.workers) w.child.disconnect();
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
