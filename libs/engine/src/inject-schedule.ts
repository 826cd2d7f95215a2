// When scheduled things happen: injects whose time (and condition) has come, prompt deadlines, the end of the run.
import type { Inject } from '@ttx/scenario';
import { exerciseTimeAt, wallTimeOf } from './exercise-clock.js';
import type { ReleasedInject } from './events.js';
import { own } from './own-value.js';
import { audienceOfInject, indexOf, type ScenarioIndex } from './scenario-index.js';
import type { ExerciseContext, ExerciseState, InjectState } from './state.js';

/** With a scoring model, the clock also wakes every exercise minute so that escalation can ease between injects. */
export const EASING_INTERVAL_MS = 60_000;

/** Exercise time at which a pending inject is released by the clock: its time and its condition both met. */
export function readyAt(inject: InjectState): number | undefined {
  if (inject.status !== 'pending' || !inject.conditionMet) return undefined;
  if (inject.dueAt === undefined) return inject.notBefore;
  return Math.max(inject.dueAt, inject.notBefore ?? 0);
}

export type ScheduledItem =
  | { kind: 'release'; injectId: string; time: number }
  | { kind: 'deadline'; injectId: string; teamId: string; time: number };

/** The earliest release or missed deadline at or before `limit`; ties go to releases, then MSEL and audience order. */
export function nextScheduledItem(state: ExerciseState, limit: number): ScheduledItem | undefined {
  let next: ScheduledItem | undefined;
  for (const inject of Object.values(state.injects)) {
    const due = readyAt(inject);
    if (due !== undefined && due <= limit && (!next || due < next.time)) {
      next = { kind: 'release', injectId: inject.injectId, time: due };
    }
  }
  const deadline = nextOpenDeadline(state, limit);
  if (deadline && (!next || deadline.time < next.time)) next = deadline;
  return next;
}

/** The earliest deadline at or before `limit` of a released prompt that a team of its audience has neither answered nor missed. */
export function nextOpenDeadline(state: ExerciseState, limit: number): Extract<ScheduledItem, { kind: 'deadline' }> | undefined {
  let next: Extract<ScheduledItem, { kind: 'deadline' }> | undefined;
  for (const inject of Object.values(state.injects)) {
    const deadline = inject.released?.decision?.deadline;
    if (inject.status !== 'released' || deadline === undefined || deadline > limit) continue;
    if (next && deadline >= next.time) continue;
    for (const teamId of inject.released?.audience ?? []) {
      const key = `${inject.injectId}:${teamId}`;
      if (own(state.answered, key) === undefined && own(state.missed, key) !== true) {
        next = { kind: 'deadline', injectId: inject.injectId, teamId, time: deadline };
        break;
      }
    }
  }
  return next;
}

/** Less late than this (exercise ms) is on time: timer jitter and whole-ms wake-ups must not shift deadlines. */
export const LATE_RELEASE_GRACE_MS = 1000;

/** Exercise time at which the clock ends the exercise: its duration, moved back by the latest release. */
export function endOf(index: ScenarioIndex, state: ExerciseState): number {
  return index.duration + (state.endDelay ?? 0);
}

/**
 * The inject as teams receive it: scenario text with the controller's edits, the deadline made absolute. Released
 * at `seenAt`, later than its own `exerciseTime`, its deadline counts from `seenAt`: nobody could answer it earlier.
 */
export function releasedInjectOf(
  index: ScenarioIndex,
  inject: Inject,
  state: InjectState,
  exerciseTime: number,
  trigger: ReleasedInject['trigger'],
  seenAt = exerciseTime,
): ReleasedInject {
  const changes = state.changes ?? {};
  const prompt = inject.decision;
  const late = seenAt - exerciseTime;
  const lateBy = late >= LATE_RELEASE_GRACE_MS ? late : 0;
  return {
    injectId: inject.id,
    title: changes.title ?? inject.title,
    body: changes.body ?? inject.body,
    channel: inject.channel,
    ...(inject.from !== undefined ? { from: inject.from } : {}),
    severity: changes.severity ?? inject.severity,
    ...(inject.sector !== undefined ? { sector: inject.sector } : {}),
    attack: [...inject.attack],
    audience: changes.audience ? [...changes.audience] : audienceOfInject(index, inject),
    ...(prompt
      ? {
          decision: {
            prompt: prompt.prompt,
            actions: [...prompt.actions],
            targets: [...prompt.targets],
            maxActions: prompt.maxActions,
            ...(prompt.deadline !== undefined ? { deadline: exerciseTime + lateBy + prompt.deadline } : {}),
          },
        }
      : {}),
    trigger,
    ...(lateBy > 0 ? { lateBy } : {}),
  };
}

export function nextWakeAt(ctx: ExerciseContext, state: ExerciseState, now: number): number | undefined {
  if (state.status !== 'running' || !state.clock.running) return undefined;
  const current = exerciseTimeAt(state, now);
  let target = endOf(indexOf(ctx), state);
  const item = nextScheduledItem(state, target);
  if (item) target = Math.min(target, item.time);
  if (ctx.scoring) target = Math.min(target, (Math.floor(current / EASING_INTERVAL_MS) + 1) * EASING_INTERVAL_MS);
  return wallTimeOf(state.clock, target, now);
}
