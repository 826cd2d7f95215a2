// The re-scoring pool against its real worker thread (the built rescore-worker.js): one re-scoring per exercise at a
// time, a re-scoring over its time stopped, and the log read from the database's JSON or, failing that, as held.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createEngine, type ExerciseEvent, type IssuedCommand } from '@ttx/engine';
import { createScoringModel } from '@ttx/rules';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { TtxException } from '../common/ttx.exception.js';
import type { RescoreTask } from './rescore-worker.js';
import { type LogSource, RescorePool } from './rescore-pool.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const load = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));
const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));

/** A log through the real engine: every team joins, and the first team takes 200 free decisions. */
function playedLog(): ExerciseEvent[] {
  const engine = createEngine({ scenario, catalogue, ruleSet, scoring: createScoringModel() });
  const state = engine.initialState();
  const log: ExerciseEvent[] = [];
  const controller = { role: 'controller' as const, id: 'ctl' };
  const issue = (command: IssuedCommand, now: number) => {
    const result = engine.decide(state, command, now);
    if (!result.ok) throw new Error(JSON.stringify(result));
    for (const event of result.events) log.push(engine.apply(state, event) && event);
  };
  const t0 = Date.UTC(2026, 2, 10, 9);
  issue({ type: 'exercise.create', exerciseId: 'ex', name: 'Pool drill', actor: controller }, t0);
  issue({ type: 'exercise.open-lobby', actor: controller }, t0);
  for (const team of scenario.teams)
    issue({ type: 'team.join', teamId: team.id, participant: `${team.id} lead`, actor: { role: 'player', id: `${team.id} lead`, teamId: team.id } }, t0);
  issue({ type: 'exercise.start', actor: controller }, t0);
  const team = scenario.teams[0]!;
  const action = catalogue.actions[0]!;
  for (let i = 0; i < 200; i += 1)
    issue({ type: 'decision.submit', decisionId: `d${i}`, teamId: team.id, actions: [{ actionId: action.id }], rationale: `Move ${i}`, actor: { role: 'player', id: `${team.id} lead`, teamId: team.id } }, t0 + i * 1000);
  return log;
}
const events = playedLog();

const task = (id: string): Omit<RescoreTask, 'log'> => ({
  exercise: { id, name: id },
  context: { scenario, catalogue, ruleSet },
  rules: { kind: 'loaded', ruleSet: { ...ruleSet, id: 'other' } },
});

/** The log as the database writes it: one JSON slice (or one it could not write, with `unwritten`). */
const source = (unwritten = false): LogSource => ({
  slices: async () => [{ events: unwritten ? null : JSON.stringify(events), rows: events.length }],
  events: () => events,
});

const resultOf = (json: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(json));

const codeOf = (settled: PromiseSettledResult<unknown>) =>
  settled.status === 'rejected' ? (settled.reason as TtxException).code : 'answered';

describe('RescorePool', () => {
  const pools: RescorePool[] = [];
  const pool = (options: ConstructorParameters<typeof RescorePool>[0]) => {
    const created = new RescorePool(options);
    pools.push(created);
    return created;
  };
  afterAll(async () => {
    for (const created of pools) await created.onModuleDestroy();
  });

  it('refuses a second re-scoring of an exercise while one runs with RESCORE_BUSY, not one of another exercise', async () => {
    const busy = pool({});
    const settled = await Promise.allSettled([busy.rescore(source(), task('ex-a')), busy.rescore(source(), task('ex-a')), busy.rescore(source(), task('ex-b'))]);
    expect(settled.map(codeOf)).toEqual(['answered', 'RESCORE_BUSY', 'answered']);
    const first = settled[0] as PromiseFulfilledResult<Uint8Array>;
    expect(resultOf(first.value)).toMatchObject({ exercise: { id: 'ex-a' }, rescored: { ruleSet: { id: 'other' } }, changes: [] });
    // Once it has answered, the exercise may be re-scored again.
    expect(resultOf(await busy.rescore(source(), task('ex-a')))).toMatchObject({ events: events.length });
  });

  it('stops a re-scoring over its time with RESCORE_TIMED_OUT, and the next one runs', async () => {
    // No worker thread starts and replays 200 decisions within a millisecond.
    const hurried = pool({ timeoutMs: 1 });
    await expect(hurried.rescore(source(), task('ex-c'))).rejects.toMatchObject({ code: 'RESCORE_TIMED_OUT' });
    expect(resultOf(await pool({}).rescore(source(), task('ex-c')))).toMatchObject({ events: events.length });
  });

  it('re-scores and writes the bundle from the events as held when the database could not write a slice', async () => {
    const both = pool({});
    const fromSlices = resultOf(await both.rescore(source(), task('ex-e')));
    expect(resultOf(await both.rescore(source(true), task('ex-e')))).toEqual(fromSlices);
    const bundle = resultOf(await both.bundle(source(true), task('ex-e')));
    expect(bundle).toMatchObject({ format: 'ttx-exercise-bundle', exercise: { id: 'ex-e' }, events: { length: events.length } });
    expect(resultOf(await both.bundle(source(), task('ex-e')))).toEqual(bundle);
  });

  it('answers YAML that is not a rule set with RULE_SET_INVALID and each problem at its line and column', async () => {
    const yaml = { kind: 'yaml' as const, file: 'given.yaml', text: 'schemaVersion: 1\nkind: rule-set\nid: x\n' };
    const refused = await pool({})
      .rescore(source(), { ...task('ex-d'), rules: yaml })
      .catch((error: unknown) => error as TtxException);
    expect(refused).toBeInstanceOf(TtxException);
    expect((refused as TtxException).code).toBe('RULE_SET_INVALID');
    expect((refused as TtxException).issues?.[0]).toMatch(/^given\.yaml:\d+:\d+: /);
  });
});
