// The events one `decide` call produces, numbered after the base state's seq, and the state as they leave it.
//
// How `decide` sees its own pending events without copying the state: every event added here is also folded into a
// light fork of the base (see state-fork.ts) that shares the scenario-sized parts (inject states, escalation,
// answered and missed prompts, participants) until it first writes one, and chains the condition facts, so
// conditions, statuses and deadlines are read from `view` at a cost proportional to what the batch changes, never to
// the log. The scoring model needs the full state before
// each event it judges: the first event of a batch gets the base state itself; a later one (a cascade) gets a full
// fork, built once per batch only when that happens, that copies the record arrays' pointers.
import type { Actor, Audience, EventEnvelope, EventPayloads, EventType, ExerciseEvent } from './events.js';
import { eventEntry } from './event-registry.js';
import { applyEvent } from './exercise-reducer.js';
import type { ScenarioIndex } from './scenario-index.js';
import { forkState } from './state-fork.js';
import type { ExerciseContext, ExerciseState } from './state.js';

export class EventBatch {
  readonly events: ExerciseEvent[] = [];
  private light?: ExerciseState;
  private full?: ExerciseState;
  private foldedIntoFull = 0;

  constructor(
    readonly ctx: ExerciseContext,
    readonly index: ScenarioIndex,
    readonly base: ExerciseState,
    readonly now: number,
  ) {}

  /** The base state with this batch's events folded in (records excepted). */
  get view(): ExerciseState {
    return this.light ?? this.base;
  }

  add<T extends EventType>(
    type: T,
    payload: EventPayloads[T],
    audience: Audience,
    exerciseTime: number,
    actor?: Actor,
  ): ExerciseEvent {
    if (!eventEntry(type).audiences.includes(audience.kind))
      throw new Error(
        `${type} is not recorded for the audience "${audience.kind}" (see its entry in event-registry.ts)`,
      );
    const envelope: EventEnvelope<T> = {
      seq: this.base.seq + this.events.length + 1,
      type,
      at: this.now,
      exerciseTime,
      audience,
      ...(actor ? { actor } : {}),
      payload,
    };
    const event = envelope as ExerciseEvent;
    this.events.push(event);
    this.light ??= forkState(this.base, false);
    applyEvent(this.index, this.light, event, false);
    return event;
  }

  /** The complete state after the events added so far, for the scoring model; the base itself before any. */
  stateSoFar(): ExerciseState {
    if (this.events.length === 0) return this.base;
    this.full ??= forkState(this.base, true);
    while (this.foldedIntoFull < this.events.length)
      applyEvent(this.index, this.full, this.events[this.foldedIntoFull++]);
    return this.full;
  }
}
