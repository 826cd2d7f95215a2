import { scenarioSchema } from '@ttx/scenario';
import { ExerciseRun, MIN, T0, catalogue, playerOf, ruleSet, scenarioInput } from '../test/exercise-fixture.js';
import { eventNamesFrom, eventWords, type IssuedCommand } from './index.js';

const south = playerOf('south-gov');

/** An exercise started at T0, ten minutes in. */
function running(): ExerciseRun {
  const run = ExerciseRun.started();
  run.tick(T0 + 10 * MIN);
  return run;
}

function send(channelId: string, purpose: string | undefined, messageId = 'm1', actor = south): IssuedCommand {
  return { type: 'message.send', messageId, channelId, text: 'Please stop the scans.', ...(purpose ? { purpose } : {}), actor } as IssuedCommand;
}

describe('a message with a purpose', () => {
  it('records the purpose on the event and the message, and indexes the first and last such message', () => {
    const run = running();
    const [first] = run.ok(send('hotline', 'demand', 'm1'), T0 + 11 * MIN);
    run.ok(send('hotline', 'demand', 'm2'), T0 + 12 * MIN);
    run.ok(send('hotline', undefined, 'm3'), T0 + 13 * MIN);
    expect(first).toMatchObject({ type: 'message.sent', payload: { messageId: 'm1', channelId: 'hotline', teamId: 'south-gov', purpose: 'demand' } });
    expect(run.state.messages.map((m) => [m.messageId, m.purpose])).toEqual([['m1', 'demand'], ['m2', 'demand'], ['m3', undefined]]);
    expect(run.state.messages[2]).not.toHaveProperty('purpose');
    const span = run.state.purposed?.['hotline:south-gov:demand'];
    expect([span?.first.messageId, span?.last.messageId]).toEqual(['m1', 'm2']);
    expect(Object.keys(run.state.purposed ?? {})).toEqual(['hotline:south-gov:demand']);
  });

  it('says the purpose when the message is put in words', () => {
    const run = running();
    const [event] = run.ok(send('hotline', 'consult', 'm1'), T0 + 11 * MIN);
    expect(eventWords(event, eventNamesFrom({}))).toBe('[hotline] south-gov (consult): Please stop the scans.');
  });

  it('refuses a purpose the channel does not allow, naming the channel and what it allows, and records nothing', () => {
    const run = running();
    const before = structuredClone(run.state);
    const onHotline = run.issue(send('hotline', 'share-indicators'), T0 + 11 * MIN);
    expect(onHotline).toEqual({
      ok: false,
      error: {
        code: 'PURPOSE_NOT_ALLOWED',
        message:
          'Channel hotline (Inter-state hotline) does not allow the purpose share-indicators: it allows notify, demand, consult, request-assistance, offer-assistance; choose one or none.',
      },
    });
    const onChat = run.issue(send('south-chat', 'consult'), T0 + 11 * MIN);
    expect(onChat).toEqual({
      ok: false,
      error: {
        code: 'PURPOSE_NOT_ALLOWED',
        message: 'Channel south-chat (Southland chat) does not allow the purpose consult: it allows no purpose; send the message without one.',
      },
    });
    expect(run.state).toEqual(before);
  });

  it('refuses a purpose that is not one, with the field that is wrong, and records nothing', () => {
    const run = running();
    const before = structuredClone(run.state);
    const result = run.issue(send('hotline', 'threaten'), T0 + 11 * MIN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_COMMAND');
    expect(result.error.message).toContain('purpose');
    expect(result.error.message).toContain('must be a purpose share-indicators, request-assistance, offer-assistance, notify, demand, consult');
    expect(run.state).toEqual(before);
  });

  it("follows the channel's own purposes when the scenario lists them", () => {
    const channels = scenarioInput.channels!.map((c) =>
      c.id === 'hotline' ? { ...c, purposes: ['notify' as const] } : c.id === 'south-chat' ? { ...c, purposes: ['consult' as const] } : c,
    );
    const scenario = scenarioSchema.parse({ ...scenarioInput, channels });
    const run = ExerciseRun.started({ scenario, catalogue, ruleSet });
    expect(run.issue(send('hotline', 'demand'), T0 + MIN)).toMatchObject({ ok: false, error: { code: 'PURPOSE_NOT_ALLOWED' } });
    expect(run.issue(send('hotline', 'notify', 'm2'), T0 + MIN)).toMatchObject({ ok: true });
    expect(run.issue(send('south-chat', 'consult', 'm3'), T0 + MIN)).toMatchObject({ ok: true });
  });
});
