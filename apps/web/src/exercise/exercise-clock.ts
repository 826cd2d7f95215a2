// Exercise time on the client, computed by the engine's own clock function so the client and server agree to the ms.
import { exerciseTimeOnClock, type ClockState } from '@ttx/engine';

export const stoppedClock: ClockState = { running: false, speed: 1, anchorWall: 0, anchorExercise: 0 };

/** Exercise time (ms) at wall time `now` (server clock, ms since the epoch). */
export function exerciseTimeAt(clock: ClockState, now: number): number {
  return exerciseTimeOnClock(clock, now);
}

/** `H:MM:SS` for a clock face, `-` prefixed for negative values. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** Wall-clock milliseconds left until exercise time `deadline`, given the clock; Infinity while paused. */
export function wallTimeUntil(clock: ClockState, now: number, deadline: number): number {
  const left = deadline - exerciseTimeAt(clock, now);
  if (left <= 0) return 0;
  if (!clock.running) return Number.POSITIVE_INFINITY;
  return left / clock.speed;
}
