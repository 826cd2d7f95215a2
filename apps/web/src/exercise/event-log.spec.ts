import { emptyEventLog, mergeEvents } from './event-log.js';
import { eventAt } from './event-fixtures.spec-helper.js';

const paused = (seq: number) => eventAt(seq, 'exercise.paused', {});

describe('mergeEvents', () => {
  it('adds new events in seq order and remembers the last seq held', () => {
    const { log, added, reordered } = mergeEvents(emptyEventLog, [paused(3), paused(1), paused(2)]);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(added.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log.lastSeq).toBe(3);
    expect(reordered).toBe(false);
  });

  it('drops events it already holds, so a sync that overlaps live events duplicates nothing', () => {
    const first = mergeEvents(emptyEventLog, [paused(1), paused(2)]).log;
    const { log, added } = mergeEvents(first, [paused(2), paused(3), paused(3)]);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(added.map((e) => e.seq)).toEqual([3]);
  });

  it('returns the same log when nothing is new', () => {
    const first = mergeEvents(emptyEventLog, [paused(1)]).log;
    expect(mergeEvents(first, [paused(1)]).log).toBe(first);
  });

  it('keeps the seq gaps of events the client may not see without inventing any', () => {
    const { log } = mergeEvents(emptyEventLog, [paused(2), paused(7)]);
    expect(log.events.map((e) => e.seq)).toEqual([2, 7]);
    expect(log.lastSeq).toBe(7);
  });

  it('flags an event older than one already held, so the view is rebuilt rather than patched', () => {
    const first = mergeEvents(emptyEventLog, [paused(5)]).log;
    const { log, reordered } = mergeEvents(first, [paused(4)]);
    expect(reordered).toBe(true);
    expect(log.events.map((e) => e.seq)).toEqual([4, 5]);
    expect(log.lastSeq).toBe(5);
  });

  it('takes a batch listed out of seq order after what it holds without a rebuild', () => {
    const first = mergeEvents(emptyEventLog, [paused(1), paused(2)]).log;
    const { log, added, reordered } = mergeEvents(first, [paused(6), paused(3), paused(5)]);
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3, 5, 6]);
    expect(added.map((e) => e.seq)).toEqual([3, 5, 6]);
    expect(reordered).toBe(false);
  });

  it('drops duplicates inside one batch and against what it holds, and flags a batch reaching below the last seq', () => {
    const first = mergeEvents(emptyEventLog, [paused(2), paused(4)]).log;
    const { log, added, reordered } = mergeEvents(first, [paused(5), paused(3), paused(5), paused(4), paused(2)]);
    expect(log.events.map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(added.map((e) => e.seq)).toEqual([3, 5]);
    expect(reordered).toBe(true);
  });
});
