// Hostile files sent to POST /api/scenarios/validate are answered within seconds with a coded refusal or a bounded
// answer, while the server keeps answering /health and acknowledging decisions: validation never holds its event loop.
import { LIMITS } from '@ttx/contracts';
import { drillSuite, fire } from './support/exercise-setup.js';

interface ValidateAnswer {
  valid?: boolean;
  problems?: unknown[];
  omittedProblems?: number;
  error?: { code: string; message: string };
}

/** `k0: 0` … `k59999: 59999`: the 799 kB probe that took 281 s and froze the server. */
function manyKeys(count: number, prefix = 'k'): string {
  let text = '';
  for (let i = 0; i < count; i++) text += `${prefix}${i}: ${i}\n`;
  return text;
}

/** Nine aliases of nine aliases … of nine values: 387 million copies once read. */
function aliasBomb(): string {
  let text = 'lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++)
    text += `lol${i}: &lol${i} [${Array(9)
      .fill(`*lol${i - 1}`)
      .join(', ')}]\n`;
  return text;
}

const HOSTILE_FILES: [name: string, status: number, code: string, limit: RegExp, text: string][] = [
  [
    'many-keys.yaml',
    413,
    'SCENARIO_TOO_LARGE',
    /^many-keys\.yaml:25000:9: .*limit "nodes"/,
    manyKeys(60_000),
  ],
  [
    'dashes.yaml',
    413,
    'SCENARIO_TOO_LARGE',
    /^dashes\.yaml:1:\d+: .*limit "depth"/,
    `${'- '.repeat(400_000)}x\n`,
  ],
  [
    'brackets.yaml',
    413,
    'SCENARIO_TOO_LARGE',
    /^brackets\.yaml:1:36: .*limit "depth"/,
    `a: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n`,
  ],
  ['bomb.yaml', 413, 'SCENARIO_TOO_LARGE', /^bomb\.yaml:1:1: .*limit "aliasCopies"/, aliasBomb()],
  ['huge.yaml', 413, 'PAYLOAD_TOO_LARGE', /too large/, `# ${'x'.repeat(LIMITS.scenarioUploadBytes)}\n`],
];

/** One check of many-keys.yaml on the server's own thread holds it 570–770 ms on this machine; a loop left free
 * answers /health within 40 ms idle, 101 ms at worst seen under load. The 100 ms target is the benchmark's
 * (`validation_flood_20_max_block`); this bound tells a free event loop from one a check holds. */
const HELD_LOOP_MS = 300;

describe('hostile validation', () => {
  const suite = drillSuite();
  let decisions = 0;

  const validate = (name: string, text: string) =>
    suite.client
      .http<ValidateAnswer>('POST', '/api/scenarios/validate', text, suite.drill.tokens.facilitator, {
        'content-type': 'text/yaml',
        'x-file-name': name,
      })
      .then(({ status, body }) => ({ status, ...body }));

  /** Polls /health every 20 ms until `work` settles; resolves with the slowest answer, in milliseconds. */
  async function slowestHealthDuring(work: Promise<unknown>): Promise<{ slowest: number; polls: number }> {
    let done = false;
    void work.finally(() => (done = true));
    let slowest = 0;
    let polls = 0;
    while (!done) {
      const started = performance.now();
      const health = await fetch(`${suite.client.url}/health`);
      await health.text();
      slowest = Math.max(slowest, performance.now() - started);
      polls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { slowest, polls };
  }

  /** A player's decision, which must be acknowledged however busy validation is. */
  const decide = () =>
    suite.drill.sockets.slGov.decide(`during-validation-${(decisions += 1)}`, { action: 'share-indicators', target: 'southland-cert' }, 'Share what we see.');

  beforeAll(() => fire(suite.client, suite.drill, 'd02-sl-intrusion'));

  it.each(HOSTILE_FILES)(
    'answers %s with %d %s within seconds while /health keeps answering',
    async (name, status, code, limit, text) => {
      const answer = validate(name, text);
      const acknowledged = new Promise((resolve) => setTimeout(resolve, 50)).then(decide);
      const { slowest, polls } = await slowestHealthDuring(Promise.all([answer, acknowledged]));
      expect(await answer).toMatchObject({ status, error: { code, message: expect.stringMatching(limit) } });
      expect(await acknowledged).toMatchObject({ ok: true });
      expect(polls).toBeGreaterThan(0);
      expect(slowest).toBeLessThan(HELD_LOOP_MS);
    },
  );

  it('lists the first 200 of thousands of problems and counts the rest', async () => {
    const answer = await validate('unknown-fields.yaml', manyKeys(5_000, 'field'));
    expect(answer).toMatchObject({
      status: 200,
      valid: false,
      omittedProblems: 5_011 - LIMITS.validationProblems,
    });
    expect(answer.problems).toHaveLength(LIMITS.validationProblems);
  });
});
