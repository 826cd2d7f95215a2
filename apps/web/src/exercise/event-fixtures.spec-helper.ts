// Builds wire events for the view specs, numbered in the order they are written.
import type { EventMessage } from '@ttx/contracts';
import type { EventType, ReleasedInject, SeenPayloads } from '@ttx/engine';

export function eventAt<T extends EventType>(
  seq: number,
  type: T,
  payload: SeenPayloads[T],
  exerciseTime = 0,
  at = 1_000_000 + seq * 1000,
): EventMessage {
  return { seq, type, at, exerciseTime, payload } as EventMessage;
}

export function releasedInject(injectId: string, audience: string[], extra: Partial<ReleasedInject> = {}): ReleasedInject {
  return {
    injectId,
    title: `Inject ${injectId}`,
    body: 'Body',
    channel: 'intelligence',
    severity: 'SEV-2',
    attack: [],
    audience,
    trigger: 'schedule',
    ...extra,
  };
}
