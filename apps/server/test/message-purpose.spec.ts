// A message's purpose over the wire: the socket takes one the channel allows and carries it to the channel's members,
// and refuses one the channel does not allow (PURPOSE_NOT_ALLOWED) or that is no purpose (VALIDATION_FAILED) in
// the ack, recording nothing.
import { drillSuite } from './support/exercise-setup.js';

interface LogPage {
  events: { type: string; payload: { messageId?: string; purpose?: string } }[];
}

describe('a message with a purpose (message.send purpose)', () => {
  const suite = drillSuite();
  const sentIds = async () => {
    const log = await suite.client.http<LogPage>('GET', `/api/exercises/${suite.drill.id}/events?since=0`, undefined, suite.drill.controller);
    return log.body.events.filter((e) => e.type === 'message.sent').map((e) => e.payload.messageId);
  };

  it('refuses a purpose the hotline does not allow with PURPOSE_NOT_ALLOWED, naming the channel and what it allows', async () => {
    const { slGov, staff } = suite.drill.sockets;
    const ack = await slGov.send('message.send', { messageId: 'm-iocs', channelId: 'hotline', text: 'Indicators attached.', purpose: 'share-indicators' });
    expect(ack).toEqual({
      ok: false,
      error: {
        code: 'PURPOSE_NOT_ALLOWED',
        message:
          'Channel hotline (Southland–Northland hotline) does not allow the purpose share-indicators: it allows notify, demand, consult, request-assistance, offer-assistance; choose one or none.',
      },
    });
    expect(await sentIds()).toEqual([]);
    expect(staff.events.filter((e) => e.type === 'message.sent')).toEqual([]);
  });

  it('refuses any purpose on a team chat, which allows none', async () => {
    const { slGov } = suite.drill.sockets;
    const ack = await slGov.send('message.send', { messageId: 'm-room', channelId: 'sl-room', text: 'Let us consult.', purpose: 'consult' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'PURPOSE_NOT_ALLOWED', message: expect.stringContaining('it allows no purpose') } });
    expect(await sentIds()).toEqual([]);
  });

  it('refuses a value that is no purpose with VALIDATION_FAILED naming the field', async () => {
    const { slGov } = suite.drill.sockets;
    const ack = await slGov.send('message.send', { messageId: 'm-threat', channelId: 'hotline', text: 'Stop now.', purpose: 'threaten' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('purpose: must be a purpose') } });
    expect(await sentIds()).toEqual([]);
  });

  it('takes a demand on the hotline and carries the purpose to the other state and the log', async () => {
    const { slGov, nlGov } = suite.drill.sockets;
    const ack = await slGov.send('message.send', { messageId: 'm-demand', channelId: 'hotline', text: 'Stop the intrusion.', purpose: 'demand' });
    expect(ack).toMatchObject({ ok: true });
    const received = await nlGov.waitFor((e) => e.type === 'message.sent');
    expect(received.payload).toMatchObject({ messageId: 'm-demand', channelId: 'hotline', teamId: 'sl-gov', purpose: 'demand' });
    expect(await sentIds()).toEqual(['m-demand']);
  });
});
