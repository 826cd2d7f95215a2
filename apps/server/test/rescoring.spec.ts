// Re-scoring over HTTP on a real SQLite file: staff download the exercise bundle, controllers list the rule sets and
// re-score the exercise under a loaded one or under YAML they give; a bad rule set is positioned, other roles refused.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseBundle, rescore, type ExerciseBundle, type RescoreResult } from '@ttx/report';
import type { ErrorBody, RuleSetSummary } from '@ttx/contracts';
import { drillSuite, fire } from './support/exercise-setup.js';
import type { TestClient } from './support/test-server.js';
import type { DrillExercise } from './support/exercise-setup.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
/** The default rules with sharing information worth twice as much. */
const strictYaml = readFileSync(path.join(repoRoot, 'exercises/roe/default.yaml'), 'utf8')
  .replace('id: default', 'id: generous-sharing')
  .replace(/(- id: share-information[\s\S]*?weight: )4/, '$18');

describe('re-scoring an exercise', () => {
  const suite = drillSuite({
    folder: (dir) => writeFileSync(path.join(dir, 'exercises/roe/generous-sharing.yaml'), strictYaml),
  });
  let client: TestClient;
  let drill: DrillExercise;

  beforeAll(async () => {
    ({ client, drill } = suite);
    await fire(client, drill, 'd03-nl-brief');
    await drill.sockets.nlGov.released('d03-nl-brief');
    const acks = await Promise.all([
      drill.sockets.nlGov.decide('nl-consult', { inject: 'd03-nl-brief', action: 'request-consultations', target: 'southland-government' }, 'Talk first'),
      drill.sockets.nlGov.decide('nl-share', { action: 'share-indicators', target: 'southland-cert' }, 'They can defend with these'),
    ]);
    expect(acks.map((a) => a.ok)).toEqual([true, true]);
  });

  it('gives controllers and facilitators the bundle of the log as it stands, as a JSON file', async () => {
    for (const token of [drill.controller, drill.tokens.facilitator]) {
      const got = await client.http<ExerciseBundle>('GET', `/api/exercises/${drill.id}/bundle`, undefined, token);
      expect(got.status).toBe(200);
      const read = parseBundle(got.body);
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      expect(read.bundle).toMatchObject({ exercise: { id: drill.id }, scenario: { id: 'wire-drill' }, ruleSet: { id: 'default' } });
      expect(read.bundle.events.some((e) => e.type === 'decision.submitted' && e.payload.decisionId === 'nl-share')).toBe(true);
    }
    const response = await fetch(`${client.url}/api/exercises/${drill.id}/bundle`, { headers: { authorization: `Bearer ${drill.controller}` } });
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="wire-drill-${drill.id}-bundle.json"`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await response.json()) as unknown).toMatchObject({ format: 'ttx-exercise-bundle', version: 1 });
  });

  it('lists the rule sets the server loaded', async () => {
    const got = await client.http<RuleSetSummary[]>('GET', '/api/rescore/rule-sets', undefined, drill.controller);
    expect(got.status).toBe(200);
    expect(got.body.map((r) => r.id)).toEqual(['default', 'generous-sharing']);
    expect(got.body[0]).toMatchObject({ catalogue: 'catalogue', rules: expect.any(Number) });
  });

  it('re-scores under a loaded rule set: both scoreboards and the finding whose points changed', async () => {
    const got = await client.http<RescoreResult>('POST', `/api/exercises/${drill.id}/rescore`, { ruleSetId: 'generous-sharing' }, drill.controller);
    expect(got.status).toBe(200);
    expect(got.body.recorded.ruleSet.id).toBe('default');
    expect(got.body.rescored.ruleSet.id).toBe('generous-sharing');
    expect(got.body.changes).toEqual([
      expect.objectContaining({ change: 'changed', teamId: 'nl-gov', ruleId: 'share-information', decisionId: 'nl-share', before: expect.objectContaining({ delta: 4 }), after: expect.objectContaining({ delta: 8 }), pointsDelta: 4 }),
    ]);
    const before = got.body.recorded.teams.find((t) => t.teamId === 'nl-gov')!;
    const after = got.body.rescored.teams.find((t) => t.teamId === 'nl-gov')!;
    expect(after.total - before.total).toBeCloseTo(4, 6);
    expect(after.byDimension.cooperation - before.byDimension.cooperation).toBeCloseTo(4, 6);
    // The same answer as the library gives on the downloaded bundle.
    const bundle = await client.http<ExerciseBundle>('GET', `/api/exercises/${drill.id}/bundle`, undefined, drill.controller);
    const read = parseBundle(bundle.body);
    if (!read.ok) throw new Error('bad bundle');
    const local = rescore(read.bundle, { ...read.bundle.ruleSet, id: 'generous-sharing', rules: read.bundle.ruleSet.rules.map((r) => (r.id === 'share-information' ? { ...r, weight: 8 } : r)) });
    expect(local.ok && local.result.changes).toEqual(got.body.changes);
  });

  it('re-scores under rule-set YAML a controller gives', async () => {
    const got = await client.http<RescoreResult>('POST', `/api/exercises/${drill.id}/rescore`, { ruleSetYaml: strictYaml.replace('generous-sharing', 'pasted') }, drill.controller);
    expect(got.status).toBe(200);
    expect(got.body.rescored.ruleSet.id).toBe('pasted');
    expect(got.body.changes.map((c) => c.ruleId)).toEqual(['share-information']);
  });

  it('refuses YAML that is not a valid rule set with RULE_SET_INVALID, naming line and column', async () => {
    const broken = strictYaml.replace('weight: 20', 'weight: lots');
    const line = broken.slice(0, broken.indexOf('weight: lots')).split('\n').length;
    const got = await client.http<{ error: ErrorBody }>('POST', `/api/exercises/${drill.id}/rescore`, { ruleSetYaml: broken }, drill.controller);
    expect(got.status).toBe(400);
    expect(got.body.error.code).toBe('RULE_SET_INVALID');
    expect(got.body.error.issues?.[0]).toMatch(new RegExp(`^rule-set\\.yaml:${line}:\\d+: rules\\[0\\]\\.weight: `));
    expect(got.body.error.message).toContain(`rule-set.yaml:${line}:`);
    const foreign = strictYaml.replace('catalogue: catalogue', 'catalogue: elsewhere');
    const other = await client.http<{ error: ErrorBody }>('POST', `/api/exercises/${drill.id}/rescore`, { ruleSetYaml: foreign }, drill.controller);
    expect([other.status, other.body.error.code]).toEqual([400, 'RULE_SET_INVALID']);
    expect(other.body.error.issues?.[0]).toMatch(/^rule-set\.yaml:\d+:\d+: catalogue: /);
  });

  it('refuses an unknown rule set, a body of neither kind, and every role but the controller', async () => {
    const unknown = await client.http<{ error: ErrorBody }>('POST', `/api/exercises/${drill.id}/rescore`, { ruleSetId: 'nope' }, drill.controller);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const both = await client.http<{ error: ErrorBody }>('POST', `/api/exercises/${drill.id}/rescore`, { ruleSetId: 'default', ruleSetYaml: 'x' }, drill.controller);
    expect([both.status, both.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    for (const token of [drill.tokens.facilitator, drill.tokens.observer, drill.tokens.nlGov]) {
      const refused = await client.http<{ error: ErrorBody }>('POST', `/api/exercises/${drill.id}/rescore`, { ruleSetId: 'default' }, token);
      expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    for (const token of [drill.tokens.observer, drill.tokens.slGov]) {
      const refused = await client.http<{ error: ErrorBody }>('GET', `/api/exercises/${drill.id}/bundle`, undefined, token);
      expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    const listed = await client.http<{ error: ErrorBody }>('GET', '/api/rescore/rule-sets', undefined, drill.tokens.facilitator);
    expect(listed.status).toBe(403);
  });
});
