// The exercise clock as a read view: its anchor moved by start, pause, resume, speed and end events. Exercise time
// is read from it with `exerciseTimeOnClock` (whole ms, rounded down), on the server and in every client alike.
import type { ClockState } from '../state.js';
import type { ViewEvent } from './view-event.js';

/** The clock after `event`; unchanged by events that do not move it. */
export function clockAfter(clock: ClockState, event: ViewEvent): ClockState {
  const anchored = (running: boolean, speed = clock.speed): ClockState => ({
    running,
    speed,
    anchorWall: event.at,
    anchorExercise: event.exerciseTime,
  });
  switch (event.type) {
    case 'exercise.created':
      return { ...clock, speed: event.payload.speed };
    case 'exercise.started':
      return anchored(true, event.payload.speed);
    case 'exercise.paused':
    case 'exercise.ended':
      return anchored(false);
    case 'exercise.resumed':
      return anchored(true);
    case 'exercise.speed-changed':
      return anchored(clock.running, event.payload.speed);
    default:
      return clock;
  }
}
