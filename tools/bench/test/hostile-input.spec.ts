// Fuzzing the socket handlers and the HTTP bodies of the running server with seeded, generated hostile input: each
// is answered with a coded error, the process stays up, and the exercise log does not change.
import { ERROR_CODES } from '@ttx/contracts';
import fc from 'fast-check';
import { FaultWorld, Participant } from './support/fault-harness.js';
import { httpCase, type HttpCase, socketCase, type SocketCase } from './support/hostile-payloads.js';

const CODES = new Set<string>(ERROR_CODES);

/** Why an answer is not a coded refusal, or undefined when it is one. */
function notCodedRefusal(answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return 'no object';
  const { ok, error } = answer as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (ok !== false) return 'not refused';
  if (typeof error?.code !== 'string' || !CODES.has(error.code)) return `unknown code ${String(error?.code)}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return 'no message';
  return undefined;
}

describe('hostile input to a running exercise', () => {
  let world: FaultWorld;
  let admin: string;
  let exerciseId: string;
  let tokens: Record<'sl-gov' | 'sl-cert' | 'observer', string>;
  let logSeq: number;

  beforeAll(async () => {
    world = await FaultWorld.start('bench-drill');
    const opened = await world.openExercise({
      seats: { 'sl-gov': 'fuzz-sl', 'sl-cert': 'fuzz-cert', observer: 'fuzz-observer' },
    });
    ({ admin, tokens } = opened);
    exerciseId = opened.exercise.id;
    logSeq = (await world.api.detail(admin, exerciseId)).seq;
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  async function expectLogUnchangedAndServerUp(): Promise<void> {
    expect(world.server.child.exitCode).toBeNull();
    expect((await world.api.call('GET', '/health')).status).toBe(200);
    const events = await world.api.allEvents(admin, exerciseId);
    expect(events.length).toBe(logSeq);
    expect(events[events.length - 1]!.seq).toBe(logSeq);
  }

  it('refuses 1,200 generated socket messages each with a coded error', async () => {
    const cases: SocketCase[] = fc.sample(socketCase, { seed: 1126, numRuns: 1200 });
    // Thirty messages a socket stay inside the flood limit's burst, so refusals come from the handlers themselves.
    const perSocket = 30;
    const failures: string[] = [];
    const codes = new Map<string, number>();
    for (let start = 0; start < cases.length; start += perSocket * 10) {
      const slice = cases.slice(start, start + perSocket * 10);
      const sockets = new Map<string, Participant[]>();
      for (const from of ['sl-gov', 'sl-cert', 'observer'] as const) {
        const list: Participant[] = [];
        for (let i = 0; i < Math.ceil(slice.filter((c) => c.from === from).length / perSocket); i += 1) {
          const p = new Participant(world.server.url, tokens[from]);
          await p.join();
          list.push(p);
        }
        sockets.set(from, list);
      }
      const used = new Map<string, number>();
      for (const c of slice) {
        const n = used.get(c.from) ?? 0;
        used.set(c.from, n + 1);
        const socket = sockets.get(c.from)![Math.floor(n / perSocket)]!.socket!;
        let answer: unknown;
        try {
          answer = await socket.timeout(5000).emitWithAck(c.name, ...c.args);
        } catch (error) {
          answer = `no ack: ${(error as Error).message}`;
        }
        const wrong = notCodedRefusal(answer);
        if (wrong)
          failures.push(
            `${c.from} ${c.name} ${JSON.stringify(c.args).slice(0, 200)} → ${wrong}: ${JSON.stringify(answer).slice(0, 200)}`,
          );
        else {
          const code = (answer as { error: { code: string } }).error.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }
      for (const list of sockets.values()) for (const p of list) p.drop();
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The generated input reaches the schemas, the role checks, the size limit and the engine's own refusals.
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'FORBIDDEN_ROLE', 'PAYLOAD_TOO_LARGE', 'NOT_YOUR_TEAM']),
    );
    await expectLogUnchangedAndServerUp();
  }, 120_000);

  it('refuses 400 generated HTTP bodies each with a coded error and a 4xx status', async () => {
    const cases: HttpCase[] = fc.sample(httpCase(exerciseId), { seed: 2611, numRuns: 400 });
    const failures: string[] = [];
    for (const c of cases) {
      const token = c.as === 'controller' ? admin : c.as === 'player' ? tokens['sl-gov'] : undefined;
      const headers: Record<string, string> = c.contentType ? { 'content-type': c.contentType } : {};
      const answer = await world.api.call<unknown>(c.method, c.route, c.body, token, headers);
      const wrong =
        answer.status < 400 || answer.status >= 500
          ? `status ${answer.status}`
          : notCodedRefusal(answer.body);
      if (wrong)
        failures.push(
          `${c.as} ${c.route} ${JSON.stringify(c.body).slice(0, 200)} → ${wrong}: ${JSON.stringify(answer.body).slice(0, 200)}`,
        );
    }
    expect(failures.slice(0, 10)).toEqual([]);
    const exercises = (await world.api.call<unknown[]>('GET', '/api/exercises', undefined, admin)).body;
    expect(exercises).toHaveLength(1);
    await expectLogUnchangedAndServerUp();
  }, 120_000);
});
