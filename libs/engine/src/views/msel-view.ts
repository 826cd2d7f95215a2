// The controller's MSEL: every inject, scenario and ad-hoc, with where it stands now. Inject states come from the
// engine's own fold of the log, so the server and a controller's browser give every row the same status.
import type { Condition } from '@ttx/scenario';
import type { AdHocInject } from '../commands.js';
import { exerciseTimeAt } from '../exercise-clock.js';
import type { ExerciseEvent, ReleasedInject } from '../events.js';
import { applyEvent, initialStateOf } from '../exercise-reducer.js';
import { readyAt } from '../inject-schedule.js';
import { audienceOfInject, indexOf } from '../scenario-index.js';
import type { ExerciseContext, ExerciseState } from '../state.js';
import type { ViewEvent } from './view-event.js';

export type MselStatus = 'pending' | 'due' | 'released' | 'held' | 'skipped';

/** The inject's text, channel, severity and audience after edits (its release's once released), and its status. */
export interface MselRow extends Pick<
  AdHocInject,
  'injectId' | 'title' | 'body' | 'channel' | 'severity' | 'audience'
> {
  status: MselStatus;
  /** Scheduled exercise time (ms), after edits; undefined for purely conditional and ad-hoc injects. */
  dueAt?: number;
  /** The scenario's `when`, if the inject waits for one. */
  condition?: Condition;
  conditionMet: boolean;
  /** Exercise time (ms) of its release. */
  releasedAt?: number;
  trigger?: ReleasedInject['trigger'];
  edited: boolean;
  adHoc: boolean;
  hasPrompt: boolean;
  /** Exercise time (ms) by which teams must answer: absolute once released, otherwise projected from `dueAt`. */
  deadline?: number;
  /** Time (ms) the prompt allows after release. */
  deadlineAfterRelease?: number;
}

/** What the MSEL reads of an exercise's context: its scenario and catalogue, never its rules. */
export type MselContext = Pick<ExerciseContext, 'scenario' | 'catalogue'>;

/**
 * The one rule for "due": a pending inject whose time and condition have both come (`readyAt`, the moment the clock
 * would release it) at or before the exercise time now, while the exercise runs or is paused.
 */
export function mselOf(ctx: MselContext, state: ExerciseState, now: number): MselRow[] {
  const index = indexOf(ctx);
  const current = exerciseTimeAt(state, now);
  const rows: MselRow[] = [];
  for (const inject of Object.values(state.injects)) {
    const def = index.injects.get(inject.injectId);
    const released = inject.released;
    const changes = inject.changes ?? {};
    const due = readyAt(inject);
    const status: MselStatus =
      inject.status === 'pending' &&
      due !== undefined &&
      due <= current &&
      (state.status === 'running' || state.status === 'paused')
        ? 'due'
        : inject.status;
    const allowance = def?.decision?.deadline;
    const deadline =
      released?.decision?.deadline ??
      (allowance !== undefined && !released && inject.dueAt !== undefined
        ? inject.dueAt + allowance
        : undefined);
    rows.push({
      injectId: inject.injectId,
      title: released?.title ?? changes.title ?? def?.title ?? inject.injectId,
      body: released?.body ?? changes.body ?? def?.body ?? '',
      channel: released?.channel ?? def?.channel ?? 'email',
      severity: released?.severity ?? changes.severity ?? def?.severity ?? 'SEV-0',
      audience: released?.audience ?? changes.audience ?? (def ? audienceOfInject(index, def) : []),
      status,
      ...(inject.dueAt !== undefined ? { dueAt: inject.dueAt } : {}),
      ...(def?.when !== undefined ? { condition: def.when } : {}),
      conditionMet: inject.conditionMet,
      ...(inject.releasedAt !== undefined ? { releasedAt: inject.releasedAt } : {}),
      ...(released ? { trigger: released.trigger } : {}),
      edited: inject.edited,
      adHoc: inject.adHoc,
      hasPrompt: (released ? released.decision : def?.decision) !== undefined,
      ...(deadline !== undefined ? { deadline } : {}),
      ...(allowance !== undefined ? { deadlineAfterRelease: allowance } : {}),
    });
  }
  return rows;
}

/**
 * The MSEL of a log read as it grows, where the context may arrive after the first events (a browser fetches the
 * scenario beside its event stream): events are kept, and folded once, the first time rows are asked for with a
 * context and then as they come. A different context folds the kept events again.
 */
export class MselBook {
  private readonly events: ViewEvent[] = [];
  private folded?: { ctx: MselContext; state: ExerciseState; applied: number };

  absorb(event: ViewEvent): void {
    this.events.push(event);
  }

  /** The engine's state of the exercise as far as the log read so far, for `ctx`. */
  stateFor(ctx: MselContext): ExerciseState {
    if (this.folded?.ctx !== ctx) this.folded = { ctx, state: initialStateOf(ctx), applied: 0 };
    const folded = this.folded;
    const index = indexOf(ctx);
    // The reducer reads neither an event's audience nor an escalation's cause, which a client may not have.
    for (; folded.applied < this.events.length; folded.applied += 1)
      applyEvent(index, folded.state, this.events[folded.applied] as ExerciseEvent);
    return folded.state;
  }

  rows(ctx: MselContext, now: number): MselRow[] {
    return mselOf(ctx, this.stateFor(ctx), now);
  }
}
