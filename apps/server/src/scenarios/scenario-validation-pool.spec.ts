// The validation pool against its real worker thread (the built validation-worker.js): bounded waiting and time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TtxException } from '../common/ttx.exception.js';
import { ScenarioValidationPool } from './scenario-validation-pool.js';

const wireDrill = {
  path: 'wire-drill.yaml',
  text: readFileSync(
    path.resolve(import.meta.dirname, '../../test/fixtures/exercises/wire-drill/scenario.yaml'),
    'utf8',
  ),
};

/** 24,000 unknown top-level keys: within every source limit, about half a second of checking. */
function manyUnknownFields(name: string) {
  let text = '';
  for (let i = 0; i < 24_000; i++) text += `field${i}: ${i}\n`;
  return { path: name, text };
}

const codeOf = (settled: PromiseSettledResult<unknown>) =>
  settled.status === 'rejected' ? (settled.reason as TtxException).code : 'answered';

describe('ScenarioValidationPool', () => {
  const pools: ScenarioValidationPool[] = [];
  const pool = (options: ConstructorParameters<typeof ScenarioValidationPool>[0]) => {
    const created = new ScenarioValidationPool(options);
    pools.push(created);
    return created;
  };
  afterAll(async () => {
    for (const created of pools) await created.onModuleDestroy();
  });

  it('answers with at most 200 problems and counts the others', async () => {
    const answer = await pool({}).validate({ uploads: [manyUnknownFields('many.yaml')], ruleFiles: [] });
    expect(answer.valid).toBe(false);
    expect(answer.problems).toHaveLength(200);
    expect(answer.problems.length + (answer.omittedProblems ?? 0)).toBe(24_011);
  });

  it('refuses validations beyond the one running and the queue with VALIDATION_BUSY', async () => {
    const busy = pool({ queue: 1 });
    const settled = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        busy.validate({ uploads: [manyUnknownFields(`f${i}.yaml`)], ruleFiles: [] }),
      ),
    );
    expect(settled.map(codeOf)).toEqual(['answered', 'answered', 'VALIDATION_BUSY', 'VALIDATION_BUSY']);
    // Once the queue has drained, the pool takes work again.
    await expect(busy.validate({ uploads: [wireDrill], ruleFiles: [] })).resolves.toMatchObject({
      scenarios: ['wire-drill'],
    });
  });

  it('stops a validation over its time with VALIDATION_TIMED_OUT', async () => {
    // No worker thread starts and checks 24,000 fields within a millisecond.
    const hurried = pool({ timeoutMs: 1 });
    await expect(
      hurried.validate({ uploads: [manyUnknownFields('slow.yaml')], ruleFiles: [] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_TIMED_OUT',
    });
  });

  it('refuses a file over a source limit with SCENARIO_TOO_LARGE naming the file and the limit', async () => {
    const bomb = {
      path: 'bomb.yaml',
      text: `a: &a [x, x, x, x, x, x, x, x, x]\n${'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n'}c: [${Array(9).fill('*b').join(', ')}]\n`,
    };
    const refusal = pool({})
      .validate({ uploads: [{ path: 'deep.yaml', text: `${'- '.repeat(1000)}x\n` }, bomb], ruleFiles: [] })
      .catch((error: unknown) => error);
    await expect(refusal).resolves.toBeInstanceOf(TtxException);
    await expect(refusal).resolves.toMatchObject({
      code: 'SCENARIO_TOO_LARGE',
      message: expect.stringMatching(
        /^(deep|bomb)\.yaml:1:\d+: \(root\): the file exceeds limit "(depth|aliasCopies)"/,
      ),
    });
  });
});
