import { exerciseTimeAt, formatClock, wallTimeUntil } from './exercise-clock.js';

describe('exercise clock', () => {
  const running = { running: true, speed: 60, anchorWall: 10_000, anchorExercise: 5_000 };

  it('advances from its anchor at the exercise speed while running', () => {
    expect(exerciseTimeAt(running, 11_000)).toBe(5_000 + 60_000);
  });

  it('stands still at its anchor while paused', () => {
    expect(exerciseTimeAt({ ...running, running: false }, 99_000)).toBe(5_000);
  });

  it('never runs backwards when the local clock is behind the anchor', () => {
    expect(exerciseTimeAt(running, 9_000)).toBe(5_000);
  });

  it('formats hours, minutes and seconds for the clock face', () => {
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-61_000)).toBe('-0:01:01');
  });

  it('turns an exercise-time deadline into wall time left, and infinity while paused', () => {
    expect(wallTimeUntil(running, 10_000, 5_000 + 120_000)).toBe(2_000);
    expect(wallTimeUntil(running, 20_000, 5_000 + 120_000)).toBe(0);
    expect(wallTimeUntil({ ...running, running: false }, 10_000, 6_000)).toBe(Number.POSITIVE_INFINITY);
  });
});
