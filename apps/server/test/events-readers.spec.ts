// Many readers paging through a long log at once: their pages are built a few at a time, between the other requests
// the server answers, and each HTTP page is the JSON of the very answer a `sync` gives.
import type { EventsResponse, SyncAck } from '@ttx/contracts';
import { LIMITS } from '@ttx/contracts';
import { eventsPageJsonOf, eventsPageOf } from '../src/exercises/events-page.js';
import { ExercisesService } from '../src/exercises/exercises.service.js';
import { drillSuite, pausedWithMessages } from './support/exercise-setup.js';

const READERS = 40;

describe('many readers of a long log', () => {
  const suite = drillSuite();

  beforeAll(async () => {
    await pausedWithMessages(suite.client, suite.drill, 700, (i) =>
      `${i} `.padEnd(LIMITS.messageLength, 'x'),
    );
  }, 60_000);

  it('answers /health while the pages of 40 readers of a long log wait, before the last of them is built', async () => {
    const { client, drill } = suite;
    const exercises = client.server.app.get(ExercisesService);
    const staff = { role: 'controller' as const, name: 'admin' };
    let built = 0;
    const pages = Array.from({ length: READERS }, () =>
      exercises.eventsJsonFor(staff, drill.id, 0).then((json) => {
        built += 1;
        return json;
      }),
    );
    await pages[0];
    const health = await client.http('GET', '/health');
    const builtWhenAnswered = built;
    const bodies = await Promise.all(pages);
    expect(health.status).toBe(200);
    expect(builtWhenAnswered).toBeLessThan(READERS);
    expect(new Set(bodies).size).toBe(1);
    expect((JSON.parse(bodies[0]!) as EventsResponse).more).toBe(true);
  });

  it('writes each HTTP page as the JSON of the page a sync gives, as each viewer may see it', async () => {
    const { client, drill } = suite;
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const bounds = { limit: LIMITS.eventsPageDefault, maxBytes: LIMITS.eventsPageBytes };
    for (const viewer of [
      { role: 'controller' as const },
      { role: 'player' as const, teamId: 'sl-cert' },
      { role: 'player' as const, teamId: 'nl-gov' },
    ]) {
      for (const since of [0, 5, 400])
        expect(eventsPageJsonOf(actor.events, viewer, since, bounds)).toBe(
          JSON.stringify(eventsPageOf(actor.events, viewer, since, bounds)),
        );
    }
    const http = await client.http<EventsResponse>(
      'GET',
      `/api/exercises/${drill.id}/events?since=5`,
      undefined,
      drill.tokens.slCert,
    );
    const ack = (await drill.sockets.slCert.send('sync', { sinceSeq: 5 })) as unknown as SyncAck;
    expect(http.body).toEqual({ events: ack.events, seq: ack.seq, more: ack.more });
    expect(http.body.more).toBe(true);
    const raw = await fetch(`${client.url}/api/exercises/${drill.id}/events?since=5`, {
      headers: { authorization: `Bearer ${drill.tokens.slCert}` },
    });
    expect(raw.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});
