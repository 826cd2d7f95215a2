// Wall time on the simulator's virtual clock: it starts at a fixed instant and only moves when the runner jumps it.
import type { ClockState } from '@ttx/engine';

/** A fixed start, so the same seed gives the same wall times and the same digest on every machine. */
export const SIMULATION_EPOCH = Date.UTC(2026, 0, 5, 8, 0, 0);

/** The first whole wall millisecond at which a running clock shows `exerciseTime` (or later). */
export function wallTimeAt(clock: ClockState, exerciseTime: number, now: number): number {
  if (!clock.running) return now;
  const wall = clock.anchorWall + Math.ceil((exerciseTime - clock.anchorExercise) / clock.speed);
  return Math.max(now, wall);
}
