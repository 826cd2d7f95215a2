import {
  commandsToSend,
  enqueueCommand,
  findCommand,
  markAcknowledged,
  markInFlightWaiting,
  markRefused,
  markSending,
  settleRecorded,
  type Outbox,
} from './outbox.js';

const decision = { injectId: 'a', actions: [{ actionId: 'activate-hotline' }], rationale: 'talk first' };

describe('decision outbox', () => {
  it('queues a command once per client id', () => {
    let outbox: Outbox = [];
    outbox = enqueueCommand(outbox, 'decision.submit', 'd1', decision);
    outbox = enqueueCommand(outbox, 'decision.submit', 'd1', decision);
    expect(outbox).toHaveLength(1);
    expect(commandsToSend(outbox).map((c) => c.clientId)).toEqual(['d1']);
  });

  it('resends a command caught by a dropped connection with the same client id', () => {
    let outbox = markSending(enqueueCommand([], 'decision.submit', 'd1', decision), 'd1');
    expect(commandsToSend(outbox)).toHaveLength(0);
    outbox = markInFlightWaiting(outbox);
    const retry = commandsToSend(outbox);
    expect(retry.map((c) => [c.clientId, c.payload])).toEqual([['d1', decision]]);
    outbox = markSending(outbox, 'd1');
    expect(findCommand(outbox, 'd1')?.attempts).toBe(2);
  });

  it('is done once acknowledged', () => {
    const outbox = markAcknowledged(markSending(enqueueCommand([], 'decision.submit', 'd1', decision), 'd1'), 'd1');
    expect(findCommand(outbox, 'd1')?.status).toBe('acknowledged');
    expect(commandsToSend(markInFlightWaiting(outbox))).toHaveLength(0);
  });

  it('keeps a first-attempt refusal with its coded error for the player to read', () => {
    const error = { code: 'DEADLINE_PASSED', message: 'The deadline has passed.' };
    const outbox = markRefused(markSending(enqueueCommand([], 'decision.submit', 'd1', decision), 'd1'), 'd1', error);
    expect(findCommand(outbox, 'd1')).toMatchObject({ status: 'refused', error });
  });

  it('counts a duplicate-id refusal on a retry as the first attempt having gone through', () => {
    let outbox = markSending(enqueueCommand([], 'decision.submit', 'd1', decision), 'd1');
    outbox = markSending(markInFlightWaiting(outbox), 'd1');
    outbox = markRefused(outbox, 'd1', { code: 'DUPLICATE_ID', message: 'already recorded' });
    expect(findCommand(outbox, 'd1')?.status).toBe('acknowledged');
  });

  it('settles waiting commands whose events have already arrived, so they are not sent again', () => {
    const outbox = markInFlightWaiting(markSending(enqueueCommand([], 'decision.submit', 'd1', decision), 'd1'));
    const settled = settleRecorded(outbox, new Set(['d1']));
    expect(commandsToSend(settled)).toHaveLength(0);
    expect(settleRecorded(settled, new Set(['d1']))).toBe(settled);
  });
});
