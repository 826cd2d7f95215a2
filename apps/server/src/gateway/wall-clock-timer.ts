// A timer for a wall-clock moment. libuv times setTimeout on the monotonic clock in whole milliseconds, so a timer armed
// for `due - Date.now()` can fire before Date.now() reaches `due`; this one re-arms until it has.

/** Largest delay setTimeout honours; a later moment is re-armed in steps of this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface WallClockTimer {
  cancel(): void;
}

/** Calls `fire` once, in a later turn, when `now()` is at or past `due`. The timer does not hold the process open. */
export function atWallClock(due: number, fire: () => void, now: () => number = Date.now): WallClockTimer {
  let handle: NodeJS.Timeout | undefined;
  const arm = (delay: number) => {
    handle = setTimeout(check, Math.min(Math.max(0, delay), MAX_TIMER_MS));
    handle.unref();
  };
  const check = () => {
    const left = due - now();
    if (left <= 0) fire();
    else arm(left);
  };
  arm(due - now());
  return { cancel: () => clearTimeout(handle) };
}
