// Commands a client has asked the server for and not yet seen acknowledged. A command keeps its client id across
// retries, so the server (idempotent on that id) records it once however often the connection drops.
export type OutboxStatus = 'sending' | 'waiting' | 'acknowledged' | 'refused';

export interface OutboxItem<P = unknown> {
  clientId: string;
  /** Socket event the command is sent as. */
  name: string;
  payload: P;
  status: OutboxStatus;
  attempts: number;
  error?: { code: string; message: string };
}

export type Outbox = OutboxItem[];

/** Refusals that mean an earlier attempt of the same command already went through. */
const ALREADY_RECORDED = new Set(['DUPLICATE_ID', 'ALREADY_RECORDED']);

export function enqueueCommand<P>(outbox: Outbox, name: string, clientId: string, payload: P): Outbox {
  if (outbox.some((item) => item.clientId === clientId)) return outbox;
  return [...outbox, { clientId, name, payload, status: 'waiting', attempts: 0 }];
}

function update(outbox: Outbox, clientId: string, change: (item: OutboxItem) => OutboxItem): Outbox {
  return outbox.map((item) => (item.clientId === clientId ? change(item) : item));
}

/** Commands to send now: those waiting (never sent, or sent over a connection that dropped before the ack). */
export function commandsToSend(outbox: Outbox): OutboxItem[] {
  return outbox.filter((item) => item.status === 'waiting');
}

export function markSending(outbox: Outbox, clientId: string): Outbox {
  return update(outbox, clientId, (item) => ({ ...item, status: 'sending', attempts: item.attempts + 1 }));
}

/** The connection dropped or the ack timed out: everything in flight waits to be sent again with the same id. */
export function markInFlightWaiting(outbox: Outbox): Outbox {
  return outbox.map((item) => (item.status === 'sending' ? { ...item, status: 'waiting' } : item));
}

/** One command's ack did not come in time: send it again with the same id. */
export function markWaiting(outbox: Outbox, clientId: string): Outbox {
  return update(outbox, clientId, (item) => (item.status === 'sending' ? { ...item, status: 'waiting' } : item));
}

export function markAcknowledged(outbox: Outbox, clientId: string): Outbox {
  return update(outbox, clientId, (item) => ({ ...item, status: 'acknowledged', error: undefined }));
}

/** A refusal; on a retry, a duplicate-id refusal means the first attempt was recorded, so it counts as an ack. */
export function markRefused(outbox: Outbox, clientId: string, error: { code: string; message: string }): Outbox {
  return update(outbox, clientId, (item) =>
    item.attempts > 1 && ALREADY_RECORDED.has(error.code)
      ? { ...item, status: 'acknowledged', error: undefined }
      : { ...item, status: 'refused', error },
  );
}

/** Commands whose event the client has already received are acknowledged, whatever became of their ack. */
export function settleRecorded(outbox: Outbox, recordedIds: ReadonlySet<string>): Outbox {
  if (!outbox.some((item) => item.status !== 'acknowledged' && recordedIds.has(item.clientId))) return outbox;
  return outbox.map((item) =>
    item.status !== 'acknowledged' && item.status !== 'refused' && recordedIds.has(item.clientId)
      ? { ...item, status: 'acknowledged', error: undefined }
      : item,
  );
}

export function findCommand(outbox: Outbox, clientId: string): OutboxItem | undefined {
  return outbox.find((item) => item.clientId === clientId);
}
