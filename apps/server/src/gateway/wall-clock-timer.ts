// A timer for a wall-clock moment. Node arms setTimeout from the event loop's cached time, so a timer armed late in a
// busy loop turn fires before Date.now() reaches the moment it was meant for; this one re-arms until it has.

/** Largest delay setTimeout honours; a later moment is re-armed in steps of this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface WallClockTimer {
  cancel(): void;
}

/** Calls `fire` once, at the first turn when `now()` is at or past `due`. The timer does not hold the process open. */
export function atWallClock(due: number, fire: () => void, now: () => number = Date.now): WallClockTimer {
  let handle: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = due - now();
    if (left <= 0) {
      handle = undefined;
      return fire();
    }
    handle = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    handle.unref();
  };
  handle = setTimeout(arm, Math.min(Math.max(0, due - now()), MAX_TIMER_MS));
  handle.unref();
  return { cancel: () => clearTimeout(handle) };
}
