// Every command has one definition (libs/engine/src/command-table.ts): the socket and HTTP take the same boundary
// values and refuse the same roles in the same words. apps/web-e2e/src/form-limits.spec.ts drives the web forms with
// these values.
import { LIMITS } from '@ttx/contracts';
import { drillSuite } from './support/exercise-setup.js';

const text = (length: number) => 'x'.repeat(length);
let n = 0;
const id = (prefix: string) => `${prefix}.${++n}`;

interface Refusal {
  error: { code: string; message: string };
}

describe('command limits, the same over the socket and HTTP', () => {
  const suite = drillSuite();

  it('takes a chat message of exactly the limit and refuses one character more, or blank text', async () => {
    const { slGov } = suite.drill.sockets;
    const at = await slGov.send('message.send', { messageId: id('m'), channelId: 'sl-room', text: text(LIMITS.messageLength) });
    expect(at).toMatchObject({ ok: true });
    expect(LIMITS.messageLength).toBe(4000);
    const over = await slGov.send('message.send', { messageId: id('m'), channelId: 'sl-room', text: text(LIMITS.messageLength + 1) });
    expect(over.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The request was refused: text: must be at most 4,000 characters.',
      issues: ['text: must be at most 4,000 characters'],
    });
    const blank = await slGov.send('message.send', { messageId: id('m'), channelId: 'sl-room', text: '  \n ' });
    expect(blank.error?.message).toBe('The request was refused: text: must not be empty.');
  });

  it('takes client ids of 64 characters with dots, and refuses 65', async () => {
    const { slGov } = suite.drill.sockets;
    const longest = `d.${'a'.repeat(LIMITS.clientIdLength - 2)}`;
    const decision = { actions: [{ actionId: 'activate-hotline' }], rationale: '' };
    expect(await slGov.send('decision.submit', { ...decision, decisionId: longest })).toMatchObject({ ok: true });
    const over = await slGov.send('decision.submit', { ...decision, decisionId: `${longest}a` });
    expect(over.error?.message).toBe('The request was refused: decisionId: must be at most 64 characters.');
  });

  it('takes a rationale of exactly the limit, refuses one more, and refuses a decision without actions', async () => {
    const { slCert } = suite.drill.sockets;
    const at = await slCert.send('decision.submit', {
      decisionId: id('d'),
      actions: [{ actionId: 'activate-hotline' }],
      rationale: text(LIMITS.rationaleLength),
    });
    expect(at).toMatchObject({ ok: true });
    const over = await slCert.send('decision.submit', {
      decisionId: id('d'),
      actions: [{ actionId: 'activate-hotline' }],
      rationale: text(LIMITS.rationaleLength + 1),
    });
    expect(over.error?.message).toBe('The request was refused: rationale: must be at most 4,000 characters.');
    const none = await slCert.send('decision.submit', { decisionId: id('d'), actions: [], rationale: '' });
    expect(none.error?.message).toBe('The request was refused: actions: must choose at least one action.');
  });

  it('takes an observation note of exactly the limit over the socket and refuses one more', async () => {
    const { facilitator } = suite.drill.sockets;
    const observation = (note: string) => ({ observationId: id('o'), objectiveId: 'obj-channels', rating: 'S', note });
    expect(await facilitator.send('observation.record', observation(text(LIMITS.noteLength)))).toMatchObject({ ok: true });
    const over = await facilitator.send('observation.record', observation(text(LIMITS.noteLength + 1)));
    expect(over.error?.code).toBe('VALIDATION_FAILED');
  });

  it('takes a join name of exactly the limit over HTTP and refuses one more, or a blank one', async () => {
    const { client, drill } = suite;
    const join = (name: string) => client.http<Refusal>('POST', '/api/join', { code: drill.codes.joinCodes['nl-gov'], name });
    expect((await join(`N${text(LIMITS.participantLength - 1)}`)).status).toBe(200);
    const over = await join(text(LIMITS.participantLength + 1));
    expect([over.status, over.body.error.message]).toEqual([400, 'The request was refused: name: must be at most 64 characters.']);
    const blank = await join('   ');
    expect([blank.status, blank.body.error.message]).toEqual([400, 'The request was refused: name: must not be empty.']);
  });

  it('takes an adjustment reason of exactly the limit over HTTP, whole points only, within the bound', async () => {
    const { client, drill } = suite;
    const adjust = (delta: number, reason: string) =>
      client.http<Refusal>(
        'POST',
        `/api/exercises/${drill.id}/adjustments`,
        { teamId: 'sl-gov', dimension: 'cooperation', delta, reason },
        drill.controller,
      );
    expect((await adjust(LIMITS.scoreDelta, text(LIMITS.reasonLength))).status).toBe(200);
    const cases: [number, string, string][] = [
      [1, text(LIMITS.reasonLength + 1), 'reason: must be at most 2,000 characters'],
      [1, ' ', 'reason: must not be empty'],
      [1.5, 'half a point', 'delta: must be a whole number of points'],
      [LIMITS.scoreDelta + 1, 'too many', 'delta: must be at most 1,000'],
      [0, 'nothing', 'delta: must not be 0'],
    ];
    for (const [delta, reason, issue] of cases) {
      const refused = await adjust(delta, reason);
      expect([refused.status, refused.body.error.message]).toEqual([400, `The request was refused: ${issue}.`]);
    }
  });

  it('lets a facilitator adjust scores over HTTP and a controller decide for a team on the socket, as the engine does', async () => {
    const { client, drill } = suite;
    const adjusted = await client.http(
      'POST',
      `/api/exercises/${drill.id}/adjustments`,
      { teamId: 'nl-gov', dimension: 'restraint', delta: 2, reason: 'Held back under provocation' },
      drill.tokens.facilitator,
    );
    expect(adjusted.status).toBe(200);
    const decided = await drill.sockets.staff.send('decision.submit', {
      decisionId: id('d'),
      teamId: 'nl-gov',
      actions: [{ actionId: 'activate-hotline' }],
      rationale: 'Entered for the team by the white cell',
    });
    expect(decided).toMatchObject({ ok: true });
    const teamless = await drill.sockets.staff.send('decision.submit', {
      decisionId: id('d'),
      actions: [{ actionId: 'activate-hotline' }],
      rationale: '',
    });
    expect(teamless.error).toEqual({ code: 'INVALID_COMMAND', message: 'Say which team acts: teamId.' });
  });

  it('refuses a role the same way over HTTP and the socket', async () => {
    const { client, drill } = suite;
    const overHttp = await client.http<Refusal>(
      'POST',
      `/api/exercises/${drill.id}/adjustments`,
      { teamId: 'sl-gov', dimension: 'cooperation', delta: 1, reason: 'self-scored' },
      drill.tokens.slGov,
    );
    const overSocket = await drill.sockets.slGov.send('observation.record', {
      observationId: id('o'),
      objectiveId: 'obj-channels',
      rating: 'P',
      note: '',
    });
    expect([overHttp.status, overHttp.body.error]).toEqual([
      403,
      { code: 'FORBIDDEN_ROLE', message: 'Only facilitators or controllers may adjust scores; you are signed in as a player.' },
    ]);
    expect(overSocket.error).toEqual({
      code: 'FORBIDDEN_ROLE',
      message: 'Only facilitators or controllers may record observations; you are signed in as a player.',
    });
  });
});
