// The server's MSEL and scores agree with the shared views a browser folds from the events it receives: at the
// boundary where an inject falls due, and in the points each team has.
import type {
  EventMessage,
  EventsResponse,
  ExerciseDetail,
  MselResponse,
  ScoresResponse,
} from '@ttx/contracts';
import { MselBook, ScoreBook } from '@ttx/engine';
import { ExercisesService } from '../src/exercises/exercises.service.js';
import { drillSuite } from './support/exercise-setup.js';

describe('shared read views', () => {
  const suite = drillSuite();

  async function eventsSeenBy(token: string): Promise<EventMessage[]> {
    const events: EventMessage[] = [];
    for (let since = 0, more = true; more;) {
      const page = await suite.client.http<EventsResponse>(
        'GET',
        `/api/exercises/${suite.drill.id}/events?since=${since}`,
        undefined,
        token,
      );
      events.push(...page.body.events);
      since = page.body.seq;
      more = page.body.more === true;
    }
    return events;
  }

  beforeAll(async () => {
    const { client, drill } = suite;
    await client.http('POST', `/api/exercises/${drill.id}/pause`, undefined, drill.controller);
    const { actor } = await client.server.app.get(ExercisesService).get(drill.id);
    const staff = { role: 'controller' as const, id: 'admin' };
    // Adjustments are whole points; fractional findings and their rounding are folded by the same ScoreBook
    // (apps/web/src/exercise/scoreboard-escalation.spec.ts sums 0.1 + 0.2 there).
    for (const [adjustmentId, dimension, delta] of [
      ['a1', 'cooperation', 1],
      ['a2', 'cooperation', 2],
      ['a3', 'timeliness', 5],
      ['a4', 'restraint', -3],
    ] as const) {
      const done = await actor.submit({
        type: 'score.adjust',
        adjustmentId,
        teamId: 'sl-gov',
        dimension,
        delta,
        reason: 'rounding boundary',
        actor: staff,
      });
      if (!done.ok) throw new Error(JSON.stringify(done));
    }
  });

  it('gives every MSEL row the status the browser works out, an inject due exactly now as due and one a millisecond later as pending', async () => {
    const { client, drill } = suite;
    const detail = await client.http<ExerciseDetail>(
      'GET',
      `/api/exercises/${drill.id}`,
      undefined,
      drill.controller,
    );
    const now = detail.body.clock.exerciseTime;
    const before = await client.http<MselResponse>(
      'GET',
      `/api/exercises/${drill.id}/msel`,
      undefined,
      drill.controller,
    );
    const [onTime, later] = before.body.filter(
      (r) => r.status === 'pending' && r.condition === undefined && !r.adHoc,
    );
    expect(onTime && later).toBeDefined();
    await client.http(
      'POST',
      `/api/exercises/${drill.id}/injects/${onTime.injectId}/edit`,
      { changes: { at: now } },
      drill.controller,
    );
    await client.http(
      'POST',
      `/api/exercises/${drill.id}/injects/${later.injectId}/edit`,
      { changes: { at: now + 1 } },
      drill.controller,
    );

    const server = await client.http<MselResponse>(
      'GET',
      `/api/exercises/${drill.id}/msel`,
      undefined,
      drill.controller,
    );
    const scenario = await client.http<{ scenario: never; catalogue: never }>(
      'GET',
      `/api/scenarios/${detail.body.scenarioId}`,
      undefined,
      drill.controller,
    );
    const browser = new MselBook();
    for (const event of await eventsSeenBy(drill.controller)) browser.absorb(event);
    // Paused, the clock stands: any wall time gives the same exercise time.
    const rows = browser.rows(
      { scenario: scenario.body.scenario, catalogue: scenario.body.catalogue },
      Date.now(),
    );
    expect(rows).toEqual(server.body);
    const status = (id: string) => server.body.find((r) => r.injectId === id)?.status;
    expect([status(onTime.injectId), status(later.injectId)]).toEqual(['due', 'pending']);
  });

  it('gives staff and the team the scores the browser sums', async () => {
    const { client, drill } = suite;
    for (const token of [drill.controller, drill.tokens.slGov]) {
      const server = await client.http<ScoresResponse>(
        'GET',
        `/api/exercises/${drill.id}/scores`,
        undefined,
        token,
      );
      const browser = new ScoreBook();
      for (const event of await eventsSeenBy(token)) browser.absorb(event);
      const teams =
        token === drill.controller
          ? browser.scores(['sl-gov', 'sl-cert', 'nl-gov'])
          : [browser.scoreSeenByTeam('sl-gov')];
      expect(server.body.teams).toEqual(teams);
    }
    const staff = await client.http<ScoresResponse>(
      'GET',
      `/api/exercises/${drill.id}/scores`,
      undefined,
      drill.controller,
    );
    const slGov = staff.body.teams.find((t) => t.teamId === 'sl-gov');
    expect([
      slGov?.byDimension.cooperation,
      slGov?.byDimension.timeliness,
      slGov?.byDimension.restraint,
    ]).toEqual([3, 5, -3]);
  });
});
