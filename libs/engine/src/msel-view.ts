// The controller's MSEL: every inject, scenario and ad-hoc, with where it stands now.
import type { Condition, InjectChannel } from '@ttx/scenario';
import { exerciseTimeAt } from './exercise-clock.js';
import type { ReleasedInject } from './events.js';
import { readyAt } from './inject-schedule.js';
import { audienceOfInject, indexOf } from './scenario-index.js';
import type { ExerciseContext, ExerciseState } from './state.js';

export type MselStatus = 'pending' | 'due' | 'released' | 'held' | 'skipped';

export interface MselRow {
  injectId: string;
  title: string;
  channel: InjectChannel;
  severity: string;
  audience: string[];
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

export function mselOf(ctx: ExerciseContext, state: ExerciseState, now: number): MselRow[] {
  const index = indexOf(ctx);
  const current = exerciseTimeAt(state, now);
  const rows: MselRow[] = [];
  for (const inject of Object.values(state.injects)) {
    const def = index.injects.get(inject.injectId);
    const released = inject.released;
    const changes = inject.changes ?? {};
    const due = readyAt(inject);
    const status: MselStatus =
      inject.status === 'pending' && due !== undefined && due <= current && (state.status === 'running' || state.status === 'paused') ? 'due' : inject.status;
    const allowance = def?.decision?.deadline;
    const deadline =
      released?.decision?.deadline ??
      (allowance !== undefined && !released && inject.dueAt !== undefined ? inject.dueAt + allowance : undefined);
    rows.push({
      injectId: inject.injectId,
      title: released?.title ?? changes.title ?? def?.title ?? inject.injectId,
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
