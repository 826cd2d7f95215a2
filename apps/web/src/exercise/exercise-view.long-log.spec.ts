// The client's fold over a long log: each event is applied once, so 20,000 events fold in linear time. Prints the
// time it took (a measurement, not a timed assertion) and checks what the fold gives.
import { foldEvents } from './exercise-view.js';
import { longLog } from './long-log.spec-helper.js';

describe('the client fold of a long log', () => {
  it('folds 20,000 events into the views the screens read', () => {
    const events = longLog(4000);
    const started = performance.now();
    const view = foldEvents(events);
    const ms = performance.now() - started;
    process.stdout.write(`client fold of ${events.length} events: ${ms.toFixed(0)} ms\n`);
    expect(view.seq).toBe(events.length);
    expect([view.injects.length, view.decisions.length, view.messages.length]).toEqual([4000, 4000, 4000]);
    expect(view.decisions[3999].findings).toHaveLength(1);
  });
});
