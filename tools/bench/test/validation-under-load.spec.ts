// Twenty hostile scenario uploads at once against the production server in its own process: those beyond the
// validation queue are refused at once, the rest are answered with their limit, and meanwhile /health keeps answering
// and a participant's decision is acknowledged. The server runs apart from this test, so what the poller measures is
// the server's event loop, not this process's own sending. The 100 ms target is the benchmark's
// (`validation_flood_20_max_block`); here the bound is what tells a free event loop from one a check holds.
import { LIMITS } from '@ttx/contracts';
import { manyKeys } from '../src/validation-flood.js';
import { faultSuite, Participant, sleep } from './support/fault-harness.js';

/** One check of `manyKeys(60_000)` (the 799 kB probe that once froze the server for 281 s) on the server's own
 * thread holds it 570–770 ms on this machine, so five in turn (one running, four queued) hold /health for seconds; a
 * loop left free answers within 40 ms idle, 101 ms at worst seen under load. */
const HELD_LOOP_MS = 300;

describe('scenario validation under a flood of hostile uploads', () => {
  const suite = faultSuite('fault-drill');

  it('keeps /health answering and decisions acknowledged while 20 uploads of 60,000 keys arrive at once', async () => {
    const { world } = suite;
    const { api } = world;
    const { admin, tokens } = await world.openExercise({ seats: { 'sl-gov': 'sl' } });
    const player = new Participant(world.server.url, tokens['sl-gov']);
    await player.join();

    const body = Buffer.from(manyKeys(60_000));
    const uploads = Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${world.server.url}/api/scenarios/validate`, {
          method: 'POST',
          body,
          headers: {
            authorization: `Bearer ${admin}`,
            'content-type': 'text/yaml',
            'x-file-name': `many-${i}.yaml`,
          },
        }).then(async (response) => ({
          status: response.status,
          body: (await response.json()) as { error?: { code: string } },
        })),
      ),
    );
    const acknowledged = sleep(200).then(() =>
      player.send('decision.submit', {
        decisionId: 'during-validation',
        actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }],
        rationale: 'Call before acting.',
      }),
    );
    let done = false;
    void Promise.allSettled([uploads, acknowledged]).then(() => (done = true));
    const healthMs: number[] = [];
    while (!done) {
      const started = performance.now();
      await (await fetch(`${world.server.url}/health`)).text();
      healthMs.push(performance.now() - started);
      await sleep(20);
    }
    player.drop();

    const codes = (await uploads).map((answer) => answer.body.error?.code);
    expect(codes.filter((code) => code === 'SCENARIO_TOO_LARGE').length).toBeGreaterThanOrEqual(1);
    expect(codes.filter((code) => code === 'VALIDATION_BUSY').length).toBeGreaterThanOrEqual(
      20 - 1 - LIMITS.validationQueue,
    );
    // Every upload gets a coded answer within the validation bound: refused at the node limit, refused as busy, or,
    // for one that waited past LIMITS.validationMs behind the others, timed out.
    expect(
      codes.every(
        (code) =>
          code === 'SCENARIO_TOO_LARGE' || code === 'VALIDATION_BUSY' || code === 'VALIDATION_TIMED_OUT',
      ),
    ).toBe(true);
    expect((await acknowledged).ok).toBe(true);
    expect(healthMs.length).toBeGreaterThan(0);
    console.log(
      `20 hostile uploads: ${healthMs.length} /health polls, slowest ${Math.max(...healthMs).toFixed(1)} ms`,
    );
    expect(Math.max(...healthMs)).toBeLessThan(HELD_LOOP_MS);
    // The queue drains: a small file is checked again at once.
    const after = await api.call<{ valid: boolean }>(
      'POST',
      '/api/scenarios/validate',
      { files: [{ path: 'empty.yaml', text: 'schemaVersion: 1\n' }] },
      admin,
    );
    expect(after).toMatchObject({ status: 200, body: { valid: false } });
  });
});
