// Twenty hostile scenario uploads at once (60,000 keys each, the file that once froze the server for 281 s), while a
// probe in its own thread asks /health: the slowest answer is the longest validation held the server's event loop.
import { healthProbe } from './aar-timing.js';
import type { TtxApi } from './ttx-api.js';

export interface FloodTiming {
  /** From the first upload sent until the last is answered. */
  ms: number;
  maxBlockMs: number;
  probes: number;
  /** How many uploads were answered with each error code (every one must be coded). */
  codes: Record<string, number>;
}

/** `k0: 0` … `k{count-1}: …`: one key per line. */
export function manyKeys(count: number): string {
  return Array.from({ length: count }, (_, i) => `k${i}: ${i}\n`).join('');
}

export async function timeValidationFlood(api: TtxApi, admin: string, uploads = 20, keys = 60_000): Promise<FloodTiming> {
  const body = manyKeys(keys);
  const probe = healthProbe(api.url);
  await probe.started;
  const started = performance.now();
  let answers: { status: number; body: { error?: { code?: string } } }[];
  try {
    answers = await Promise.all(
      Array.from({ length: uploads }, (_, i) =>
        api.call<{ error?: { code?: string } }>('POST', '/api/scenarios/validate', body, admin, {
          'content-type': 'text/yaml',
          'x-file-name': `flood-${i}.yaml`,
        }),
      ),
    );
  } finally {
    await probe.stop().catch(() => undefined);
  }
  const ms = performance.now() - started;
  const probed = await probe.stop();
  const codes: Record<string, number> = {};
  for (const answer of answers) {
    const code = answer.body?.error?.code ?? `HTTP ${answer.status} without a code`;
    codes[code] = (codes[code] ?? 0) + 1;
  }
  return { ms, maxBlockMs: probed.maxMs, probes: probed.count, codes };
}
