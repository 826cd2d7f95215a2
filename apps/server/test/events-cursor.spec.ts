// The seq an events answer carries is a cursor: the last committed event the answer covers. A reader that asks again
// from it, page after page, while the log is being written, ends with every event it may see, once, in order.
import type { EventMessage, EventsResponse, SyncAck } from '@ttx/contracts';
import { LIMITS } from '@ttx/contracts';
import { visibleEvents } from '@ttx/engine';
import { ExercisesService } from '../src/exercises/exercises.service.js';
import { drillSuite, type DrillExercise } from './support/exercise-setup.js';
import { sleep, type TestClient } from './support/test-server.js';

const seqs = (events: readonly { seq: number }[]) => events.map((e) => e.seq);
type Answer = { since: number; events: EventMessage[]; seq: number; more?: boolean };

let wave = 0;

/** Writes batches of chat messages from sl-cert (to sl-room, which nl-gov may not see), a wave every few ms, so that
 * a batch is mostly being written while the next is decided, until `read` has run `reads` times. */
async function chatWhileReading(client: TestClient, drill: DrillExercise, reads: number, read: () => Promise<void>): Promise<void> {
  const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
  const sender = { role: 'player' as const, id: 'Ives', teamId: 'sl-cert' };
  let done = 0;
  const writes = (async () => {
    const pending: Promise<unknown>[] = [];
    for (; done < reads; wave += 1) {
      for (let i = 0; i < 20; i += 1)
        pending.push(actor.submit({ type: 'message.send', messageId: `cursor-${wave}-${i}`, channelId: 'sl-room', teamId: 'sl-cert', text: `wave ${wave}`, actor: sender }));
      await sleep(3);
    }
    await Promise.all(pending);
  })();
  const readings = (async () => {
    for (; done < reads; done += 1) await read();
  })();
  await Promise.all([writes, readings]);
}

describe('events answers as cursors', () => {
  const suite = drillSuite();

  it('never reports a seq beyond the committed events it returns, over HTTP, sync and the exercise detail, while the log is written', async () => {
    const { client, drill } = suite;
    const http: Answer[] = [];
    const synced: Answer[] = [];
    const detailAhead: number[] = [];
    await chatWhileReading(client, drill, 60, async () => {
      const since = Math.max(0, ...http.map((a) => a.seq)) - 30;
      // The exercise's seq, read first, can be no further than the committed log read right after it.
      const detail = await client.http<{ seq: number }>('GET', `/api/exercises/${drill.id}`, undefined, drill.controller);
      const [page, ack] = await Promise.all([
        client.http<EventsResponse>('GET', `/api/exercises/${drill.id}/events?since=${Math.max(0, since)}`, undefined, drill.controller),
        drill.sockets.staff.send('sync', { sinceSeq: Math.max(0, since) }),
      ]);
      http.push({ since: Math.max(0, since), ...page.body });
      if (detail.body.seq > page.body.seq) detailAhead.push(detail.body.seq - page.body.seq);
      // Reads faster than the socket's flood limit are refused; only answers count.
      if (ack.ok) synced.push({ since: Math.max(0, since), ...(ack as unknown as SyncAck) });
      await sleep(20);
    });
    expect(synced.length).toBeGreaterThan(10);
    // Staff may see every event: a complete answer's seq is its last event's (or `since`, when there is none).
    const beyond = (answers: Answer[]) => answers.filter((a) => a.seq !== (a.events.length > 0 ? a.events[a.events.length - 1]!.seq : a.since));
    expect({ http: beyond(http).length, sync: beyond(synced).length, detail: detailAhead.length }).toEqual({ http: 0, sync: 0, detail: 0 });
  }, 60_000);

  it('brings a player polling from the seq of each answer every event it may see, once, while the log is written', async () => {
    const { client, drill } = suite;
    for (const [token, team] of [
      [drill.tokens.slGov, 'sl-gov'],
      [drill.tokens.nlGov, 'nl-gov'],
    ] as const) {
      const held: EventMessage[] = [];
      let cursor = 0;
      const poll = async () => {
        const page = await client.http<EventsResponse>('GET', `/api/exercises/${drill.id}/events?since=${cursor}`, undefined, token);
        held.push(...page.body.events);
        cursor = page.body.seq;
      };
      await chatWhileReading(client, drill, 80, poll);
      for (let more = true; more; ) {
        const page = await client.http<EventsResponse>('GET', `/api/exercises/${drill.id}/events?since=${cursor}&limit=25`, undefined, token);
        held.push(...page.body.events);
        cursor = page.body.seq;
        more = page.body.more === true;
      }
      const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
      expect({ team, seqs: seqs(held) }).toEqual({ team, seqs: seqs(visibleEvents(actor.events, { role: 'player', teamId: team }, 0)) });
      expect(cursor).toBe(actor.committedSeq);
    }
  }, 60_000);

  it('pages a long log by count and by bytes, each page saying whether more follow, sync as HTTP', async () => {
    const { client, drill } = suite;
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const sender = { role: 'player' as const, id: 'Ives', teamId: 'sl-cert' };
    const text = 'x'.repeat(LIMITS.messageLength);
    await Promise.all(
      Array.from({ length: 700 }, (_, i) => actor.submit({ type: 'message.send', messageId: `long-${i}`, channelId: 'sl-room', teamId: 'sl-cert', text, actor: sender })),
    );
    await sleep(50);
    const first = await client.http<EventsResponse>('GET', `/api/exercises/${drill.id}/events?since=0`, undefined, drill.controller);
    const bytes = Buffer.byteLength(JSON.stringify(first.body));
    expect(first.body.more).toBe(true);
    expect(bytes).toBeLessThan(LIMITS.eventsPageBytes + 8 * 1024);
    expect(first.body.seq).toBe(first.body.events[first.body.events.length - 1]!.seq);

    // nl-gov sees none of the chat: a page of 5 of its events covers the invisible ones skipped up to the 5th.
    const pages: Answer[] = [];
    for (let since = 0, more = true; more; ) {
      const ack = (await drill.sockets.nlGov.send('sync', { sinceSeq: since, limit: 5 })) as unknown as SyncAck;
      pages.push({ since, ...ack });
      since = ack.seq;
      more = ack.more === true;
    }
    const visible = visibleEvents(actor.events, { role: 'player', teamId: 'nl-gov' }, 0);
    expect(seqs(pages.flatMap((p) => p.events))).toEqual(seqs(visible));
    expect(pages.slice(0, -1).every((p) => p.events.length === 5 && p.more === true)).toBe(true);
    expect(pages[pages.length - 1]).toMatchObject({ more: false, seq: actor.committedSeq });
  }, 60_000);

  it('refuses a page size out of bounds with a coded error that names the bound', async () => {
    const { client, drill } = suite;
    const tooMany = await client.http<{ error: { code: string; message: string } }>('GET', `/api/exercises/${drill.id}/events?limit=${LIMITS.eventsPageMax + 1}`, undefined, drill.controller);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(String(LIMITS.eventsPageMax)) });
    const none = await drill.sockets.staff.send('sync', { sinceSeq: 0, limit: 0 });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
