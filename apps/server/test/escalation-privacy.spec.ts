// Escalation changes: every player sees the level between the states, but only staff and the acting team see which
// team, action and decision moved it — live, in a sync answer, over GET /events and in the team debriefs.
import type { EventMessage } from '@ttx/contracts';
import type { AarModel } from '@ttx/report';
import { fire, drillSuite } from './support/exercise-setup.js';
import { download, model, pdfText } from './support/report-download.js';
import type { LiveSocket } from './support/test-server.js';

const LEVELS_ONLY = { from: 'southland', to: 'northland', previous: 0, level: 2 };
const CAUSE = {
  cause: 'action',
  teamId: 'sl-gov',
  actionId: 'public-attribution',
  decisionId: 'sl-attribution',
};
/** What would tell another team who decided what: the decision's id, the action's id and name. */
const LEAKS = /sl-attribution|public-attribution|Public attribution/i;

const escalations = (events: readonly EventMessage[]) =>
  events.filter((e) => e.type === 'escalation.changed');

describe('what players see of an escalation change', () => {
  const suite = drillSuite();

  beforeAll(async () => {
    const { client, drill } = suite;
    await fire(client, drill, 'd02-sl-intrusion', 'd03-nl-brief');
    await drill.sockets.slGov.released('d02-sl-intrusion');
    const ack = await drill.sockets.slGov.decide('sl-attribution', { inject: 'd02-sl-intrusion', action: 'public-attribution', target: 'northland-government' }, 'Name them.');
    expect(ack).toMatchObject({ ok: true });
    for (const socket of Object.values(drill.sockets))
      await socket.waitFor((e) => e.type === 'escalation.changed');
  });

  it("sends other teams' players the pair and its levels live, and staff and the acting team its cause", () => {
    const { slGov, slCert, nlGov, staff, observer, facilitator } = suite.drill.sockets;
    for (const other of [nlGov, slCert]) {
      expect(escalations(other.events).map((e) => e.payload)).toEqual([LEVELS_ONLY]);
      expect(JSON.stringify(other.events)).not.toMatch(LEAKS);
    }
    for (const told of [slGov, staff, observer, facilitator])
      expect(escalations(told.events).map((e) => e.payload)).toEqual([{ ...LEVELS_ONLY, ...CAUSE }]);
  });

  it('answers a sync the same way', async () => {
    const { slGov, slCert, nlGov, staff } = suite.drill.sockets;
    const synced = async (socket: LiveSocket) => {
      const answer = await socket.send('sync', { sinceSeq: 0 });
      expect(answer.ok).toBe(true);
      return answer.events as EventMessage[];
    };
    for (const other of [nlGov, slCert]) {
      const events = await synced(other);
      expect(escalations(events).map((e) => e.payload)).toEqual([LEVELS_ONLY]);
      expect(JSON.stringify(events)).not.toMatch(LEAKS);
    }
    for (const told of [slGov, staff])
      expect(escalations(await synced(told)).map((e) => e.payload)).toEqual([{ ...LEVELS_ONLY, ...CAUSE }]);
  });

  it('answers GET /events the same way', async () => {
    const { client, drill } = suite;
    const read = async (token: string) => {
      const got = await client.http<{ events: EventMessage[] }>(
        'GET',
        `/api/exercises/${drill.id}/events?since=0`,
        undefined,
        token,
      );
      expect(got.status).toBe(200);
      return got.body.events;
    };
    for (const token of [drill.tokens.nlGov, drill.tokens.slCert]) {
      const events = await read(token);
      expect(escalations(events).map((e) => e.payload)).toEqual([LEVELS_ONLY]);
      expect(JSON.stringify(events)).not.toMatch(LEAKS);
    }
    for (const token of [drill.tokens.slGov, drill.controller, drill.tokens.observer]) {
      expect(escalations(await read(token)).map((e) => e.payload)).toEqual([{ ...LEVELS_ONLY, ...CAUSE }]);
    }
  });

  it("keeps another team's cause out of a team's debrief in every format, and the acting team's and staff's in", async () => {
    const { client, drill } = suite;
    const pairOf = (aar: AarModel) => aar.escalation.pairs.find((p) => p.key === 'southland>northland')!;
    const northland = await model(client, drill.id, drill.tokens.nlGov);
    expect(pairOf(northland).points).toEqual([
      { seq: expect.any(Number), exerciseTime: expect.any(Number), level: 2 },
    ]);
    expect(pairOf(northland).peaks.map((p) => p.explanation)).toEqual([
      expect.stringMatching(
        /^Republic of Southland toward Federal Republic of Northland reached ESC-2 at [\d:]+\.$/,
      ),
    ]);
    const entry = northland.timeline.entries.find((e) => e.type === 'escalation.changed')!;
    expect(entry).toMatchObject({
      summary: 'Escalation Republic of Southland toward Federal Republic of Northland: ESC-0 to ESC-2',
    });
    expect(entry.teamId).toBeUndefined();
    for (const token of [drill.tokens.nlGov, drill.tokens.slCert]) {
      for (const query of ['?format=json', '?format=csv', '?format=csv&table=timeline', '?format=html']) {
        const got = await download(client, drill.id, query, token);
        expect(got.status).toBe(200);
        expect({ query, leak: LEAKS.exec(got.text)?.[0] }).toEqual({ query, leak: undefined });
      }
      const pdf = await download(client, drill.id, '?format=pdf', token);
      expect(pdf.status).toBe(200);
      const text = pdfText(pdf.bytes);
      expect(text).toContain('ESC-2');
      expect(LEAKS.exec(text)?.[0]).toBeUndefined();
    }
    for (const token of [drill.tokens.slGov, drill.controller]) {
      const aar = await model(client, drill.id, token);
      expect(pairOf(aar).points).toEqual([expect.objectContaining({ level: 2, ...CAUSE })]);
      expect(pairOf(aar).peaks[0]!.explanation).toMatch(
        /after Southland government chose Public attribution .*\(decision sl-attribution\)/,
      );
    }
    // The same words are found in the acting team's PDF, so their absence above means something.
    expect(pdfText((await download(client, drill.id, '?format=pdf', drill.tokens.slGov)).bytes)).toMatch(
      LEAKS,
    );
  });
});
