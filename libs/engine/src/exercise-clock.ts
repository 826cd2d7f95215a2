// Exercise time is derived from the clock's last anchor (start, pause, resume, speed change), never counted.
import type { ClockState, ExerciseState } from './state.js';

/** Exercise time (whole ms) shown by `clock` at wall time `now`; a wall clock that steps back does not run it backwards. */
export function exerciseTimeOnClock(clock: ClockState, now: number): number {
  if (!clock.running) return clock.anchorExercise;
  return clock.anchorExercise + Math.floor(Math.max(0, now - clock.anchorWall) * clock.speed);
}

export function exerciseTimeAt(state: ExerciseState, now: number): number {
  return exerciseTimeOnClock(state.clock, now);
}

/** The first whole wall millisecond, not before `now`, at which a running clock shows `exerciseTime`. */
export function wallTimeOf(clock: ClockState, exerciseTime: number, now: number): number {
  if (!clock.running || clock.speed <= 0 || exerciseTimeOnClock(clock, now) >= exerciseTime) return now;
  let wall = clock.anchorWall + Math.ceil((exerciseTime - clock.anchorExercise) / clock.speed);
  while (exerciseTimeOnClock(clock, wall) < exerciseTime) wall += 1;
  while (wall - 1 > now && exerciseTimeOnClock(clock, wall - 1) >= exerciseTime) wall -= 1;
  return Math.max(now, wall);
}
