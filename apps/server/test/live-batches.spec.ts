// Live delivery over the wire: each committed batch reaches a socket as one `events` message holding every event
// of it the socket may see, once and in seq order, exactly what `sync` answers for the same range.
import type { EventMessage } from '@ttx/contracts';
import { drillSuite, fire } from './support/exercise-setup.js';
import { sleep, type LiveSocket } from './support/test-server.js';

const seqs = (events: EventMessage[]) => events.map((e) => e.seq);

describe('live events in batches', () => {
  const suite = drillSuite();

  beforeAll(async () => {
    const { client, drill } = suite;
    await fire(client, drill, 'd02-sl-intrusion', 'd03-nl-brief');
    const { slGov, slCert } = drill.sockets;
    await slGov.released('d02-sl-intrusion');
    // Sent together, so that some of them share a batch; each is acknowledged after its commit.
    const acks = await Promise.all([
      slGov.decide('sl-batch-1', { inject: 'd02-sl-intrusion', action: 'private-demarche', target: 'northland-government' }, 'A quiet word first.'),
      slCert.send('message.send', { messageId: 'm-batch-1', channelId: 'sl-room', text: 'Indicators are in.' }),
      fire(client, drill, 'd04-cert-advisory'),
    ]);
    expect(acks.slice(0, 2)).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
    await drill.sockets.staff.released('d05-after-decision');
    await drill.sockets.staff.released('d04-cert-advisory');
    await sleep(300);
  });

  const everySocket = () => Object.entries(suite.drill.sockets) as [string, LiveSocket][];

  it('gives every socket each event it may see once, in seq order, exactly as sync has them', async () => {
    const { drill } = suite;
    for (const [name, socket] of everySocket()) {
      const welcome = await socket.welcomed;
      const live = seqs(socket.batches.flat());
      expect({ name, ordered: live.every((seq, i) => i === 0 || seq > live[i - 1]!) }).toEqual({ name, ordered: true });
      const synced = await socket.send('sync', { sinceSeq: welcome.seq });
      expect({ name, live }).toEqual({ name, live: seqs(synced.events as EventMessage[]) });
    }
    expect(drill.sockets.nlGov.types()).not.toContain('decision.submitted');
    expect(drill.sockets.staff.types()).toEqual(expect.arrayContaining(['decision.submitted', 'findings.recorded', 'message.sent']));
  });

  it("sends a decision, its findings and the inject it releases to its team as one message", () => {
    const { drill } = suite;
    const batch = drill.sockets.slGov.batches.find((b) => b.some((e) => e.type === 'decision.submitted'));
    expect(batch?.map((e) => e.type)).toEqual(expect.arrayContaining(['decision.submitted', 'findings.recorded', 'inject.released']));
    const staffBatch = drill.sockets.staff.batches.find((b) => b.some((e) => e.type === 'decision.submitted'));
    expect(seqs(staffBatch ?? [])).toEqual(expect.arrayContaining(seqs(batch ?? [])));
  });

  it('sends no empty message to a socket that may see nothing of a batch', () => {
    for (const [, socket] of everySocket()) expect(socket.batches.every((b) => b.length > 0)).toBe(true);
  });

  it('records a decision sent without an ack callback and delivers it like any other', async () => {
    const { drill } = suite;
    const { slGov, staff } = drill.sockets;
    const untyped = slGov.socket as unknown as { emit: (name: string, payload: unknown) => void };
    untyped.emit('decision.submit', { decisionId: 'sl-no-ack', actions: [{ actionId: 'private-demarche', targetId: 'northland-government' }], rationale: 'No answer needed.' });
    const recorded = await staff.waitFor((e) => e.type === 'decision.submitted' && e.payload.decisionId === 'sl-no-ack');
    expect(await slGov.waitFor((e) => e.seq === recorded.seq)).toMatchObject({ type: 'decision.submitted' });
  });
});
