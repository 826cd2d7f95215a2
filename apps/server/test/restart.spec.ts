// Restart: a new process on the same database resumes the clock exactly, keeps every acknowledged decision,
// releases what fell due during the downtime once, and tells reconnecting clients exactly what they missed.
import type { EventMessage, ExerciseDetail, JoinResponse } from '@ttx/contracts';
import { drillExercise, fire } from './support/exercise-setup.js';
import { databaseKinds, sleep, startTestServer, type TestClient, type TestDatabase } from './support/test-server.js';

const SPEED = 60;

describe.each(databaseKinds())('restart on $name', ({ name, create }) => {
  let database: TestDatabase;
  let clients: TestClient[] = [];
  const secret: Record<string, string> = name === 'SQLite' ? { TTX_SECRET: 'persisted' } : {};
  const start = async () => {
    // A downtime of a few seconds stays under the pause threshold: the clock runs on through it.
    const client = await startTestServer(database, { ...secret, TTX_RESTART_PAUSE_AFTER: '60' });
    clients.push(client);
    return client;
  };

  beforeAll(() => {
    database = create();
  });
  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    clients = [];
    await database.cleanup();
  });

  it('resumes the clock exactly, keeps acknowledged decisions and lets clients sync what they missed', async () => {
    const first = await start();
    const drill = await drillExercise(first);
    await fire(first, drill, 'd02-sl-intrusion', 'd03-nl-brief');
    const certJoin = (await first.http<JoinResponse>('POST', '/api/join', { code: drill.codes.joinCodes['sl-cert'], name: 'Ives' })).body;

    // Decisions and messages sent together are committed together; each ack means it is durable.
    const acks = await Promise.all([
      drill.sockets.slGov.decide('sl-before-restart', { inject: 'd02-sl-intrusion', action: 'activate-hotline', target: 'northland-government' }, 'Call them.'),
      drill.sockets.nlGov.decide('nl-before-restart', { inject: 'd03-nl-brief', action: 'request-consultations', target: 'southland-government' }, 'Talk.'),
      ...Array.from({ length: 20 }, (_, i) =>
        drill.sockets.slCert.send('message.send', { messageId: `cert-${i}`, channelId: 'sl-room', text: `status ${i}` }),
      ),
    ]);
    expect(acks.every((a) => a.ok)).toBe(true);
    const certSeen: EventMessage[] = [...drill.sockets.slCert.events];
    const certLastSeq = Math.max(...certSeen.map((e) => e.seq));
    const before = await first.http<ExerciseDetail>('GET', `/api/exercises/${drill.id}`, undefined, drill.controller);
    expect(before.body.clock.exerciseTime).toBeLessThan(300_000);

    await first.close();
    // d04-cert-advisory falls due at exercise time 05:00, five seconds after the start at speed 60: while nobody runs.
    await sleep(Math.max(0, 300_000 / SPEED - (before.body.clock.exerciseTime / SPEED) + 500));

    const second = await start();
    const log = await eventsOf(second, drill.id, drill.controller);
    const started = log.find((e) => e.type === 'exercise.started')!;
    const detail = await second.http<ExerciseDetail>('GET', `/api/exercises/${drill.id}`, undefined, drill.controller);
    expect(detail.body.clock.running).toBe(true);
    // Exercise time is the wall time since the start, times the speed: the downtime did not shift it.
    expect(Math.abs(detail.body.clock.exerciseTime - (detail.body.clock.serverTime - started.at) * SPEED)).toBeLessThanOrEqual(SPEED);

    const decided = log.flatMap((e) => (e.type === 'decision.submitted' ? [e.payload.decisionId] : []));
    expect(decided.sort()).toEqual(['nl-before-restart', 'sl-before-restart']);
    expect(log.filter((e) => e.type === 'message.sent')).toHaveLength(20);
    const advisories = log.filter((e) => e.type === 'inject.released' && e.payload.injectId === 'd04-cert-advisory');
    expect(advisories).toHaveLength(1);
    expect(advisories[0]!.exerciseTime).toBe(300_000);

    // The CERT's old token still works; sync returns exactly what it missed.
    const cert = await second.connect({ token: certJoin.token });
    const sync = await cert.send('sync', { sinceSeq: certLastSeq });
    expect(sync.ok).toBe(true);
    const missed = sync.events as EventMessage[];
    expect(missed.every((e) => e.seq > certLastSeq)).toBe(true);
    expect(missed.some((e) => e.type === 'inject.released' && e.payload.injectId === 'd04-cert-advisory')).toBe(true);
    const everything = await eventsOf(second, drill.id, certJoin.token);
    // Live before the restart plus the sync after it: every event it may see since its first welcome, once each.
    const { seq: welcomedAt } = await drill.sockets.slCert.welcomed;
    expect([...certSeen, ...missed].map((e) => e.seq)).toEqual(everything.filter((e) => e.seq > welcomedAt && e.seq <= (sync.seq as number)).map((e) => e.seq));

    // A second restart releases nothing again.
    await second.close();
    const third = await start();
    const again = await eventsOf(third, drill.id, drill.controller);
    expect(again.filter((e) => e.type === 'inject.released' && e.payload.injectId === 'd04-cert-advisory')).toHaveLength(1);
    const ended = await third.http('POST', `/api/exercises/${drill.id}/end`, undefined, drill.controller);
    expect(ended.status).toBe(200);
  });
});

async function eventsOf(client: TestClient, id: string, token: string): Promise<EventMessage[]> {
  const response = await client.http<{ events: EventMessage[] }>('GET', `/api/exercises/${id}/events?since=0`, undefined, token);
  if (response.status !== 200) throw new Error(`events: ${response.status}`);
  return response.body.events;
}
