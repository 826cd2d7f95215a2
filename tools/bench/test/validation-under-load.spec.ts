// Twenty hostile scenario uploads at once against the production server in its own process: those beyond the
// validation queue are refused at once, the rest are answered with their limit (or, past the validation time bound,
// as timed out), and meanwhile /health answers within 100 ms and a participant's decision is acknowledged. The server
// runs apart from this test and /health is polled from a thread of its own, so what the poller measures is the
// server's event loop, not this process's own sending.
import { Worker } from 'node:worker_threads';
import { LIMITS } from '@ttx/contracts';
import { FaultWorld, Participant, sleep } from './support/fault-harness.js';

/** `k0: 0` … `k59999: 59999`: the 799 kB probe that once froze the server for 281 s. */
const manyKeys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}: ${i}\n`).join('');

/** Polls /health every 20 ms from a thread of its own, so that this process sending the uploads does not delay the
 * poller's own timing: what it measures is the server's answer. */
function healthProbe(url: string): { stop(): Promise<number[]> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    const times = [];
    let stopped = false;
    parentPort.on('message', () => (stopped = true));
    (async () => {
      // The thread's first fetch loads its HTTP client: not timed.
      await (await fetch(workerData + '/health')).text();
      while (!stopped) {
        const started = performance.now();
        await (await fetch(workerData + '/health')).text();
        times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      parentPort.postMessage(times);
    })();`,
    { eval: true, workerData: url },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (times: number[]) => void worker.terminate().then(() => resolve(times)));
        worker.postMessage('stop');
      }),
  };
}

describe('scenario validation under a flood of hostile uploads', () => {
  let world: FaultWorld;
  beforeAll(async () => {
    world = await FaultWorld.start('fault-drill');
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('keeps /health under 100 ms and decisions acknowledged while 20 uploads of 60,000 keys arrive at once', async () => {
    const { api } = world;
    const admin = await api.login();
    const exercise = await api.createExercise(admin, 'fault-drill');
    await api.control(admin, exercise.id, 'start');
    const player = new Participant(
      world.server.url,
      (await api.join(exercise.joinCodes['sl-gov']!, 'sl')).token,
    );
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
    const probe = healthProbe(world.server.url);
    await Promise.allSettled([uploads, acknowledged]);
    const healthMs = await probe.stop();
    player.drop();

    const codes = (await uploads).map((answer) => answer.body.error?.code);
    expect(codes.filter((code) => code === 'SCENARIO_TOO_LARGE').length).toBeGreaterThanOrEqual(1);
    expect(codes.filter((code) => code === 'VALIDATION_BUSY').length).toBeGreaterThanOrEqual(
      20 - 1 - LIMITS.validationQueue,
    );
    // Every upload gets a coded answer within the validation bound: refused at the node limit, refused as busy, or,
    // for one that waited past LIMITS.validationMs behind the four others (each takes about 2 s), timed out.
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
    expect(Math.max(...healthMs)).toBeLessThan(100);
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
