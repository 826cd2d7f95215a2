import { atWallClock } from './wall-clock-timer.js';

describe('atWallClock', () => {
  it('never fires before Date.now() reaches its moment', async () => {
    // libuv times timers on the monotonic clock in whole milliseconds: a plain setTimeout armed for `due - Date.now()`
    // from a timer's callback fires before Date.now() reaches `due` some 11 to 27 times in these 300 (measured over
    // six runs); this timer, never.
    const early = await new Promise<number[]>((done) => {
      const found: number[] = [];
      const arm = (k: number) => {
        const due = Date.now() + 1 + (k % 5);
        atWallClock(due, () => {
          if (Date.now() < due) found.push(due - Date.now());
          if (k < 300) arm(k + 1);
          else done(found);
        });
      };
      arm(1);
    });
    expect(early).toEqual([]);
  });

  it('fires at once for a moment already past, and never after cancel', async () => {
    const fired: string[] = [];
    atWallClock(Date.now() - 1000, () => fired.push('past'));
    const cancelled = atWallClock(Date.now() + 20, () => fired.push('cancelled'));
    cancelled.cancel();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fired).toEqual(['past']);
  });

  it('re-arms a moment beyond the range of one setTimeout instead of firing at once', async () => {
    const clock = 0;
    const fired: number[] = [];
    const timer = atWallClock(
      2 ** 31 + 10,
      () => fired.push(clock),
      () => clock,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toEqual([]);
    timer.cancel();
  });
});
