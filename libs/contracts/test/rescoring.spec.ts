// The re-scoring request: a loaded rule set by id, or rule-set YAML within its limit, never both; its codes' statuses.
import { httpStatusOf, parseMessage, RESCORE_LIMITS, rescoreRequestSchema } from '../src/index.js';

describe('the re-scoring request', () => {
  it('takes a rule set by id or as YAML text', () => {
    expect(parseMessage(rescoreRequestSchema, { ruleSetId: 'strict' })).toEqual({ ok: true, value: { ruleSetId: 'strict' } });
    expect(parseMessage(rescoreRequestSchema, { ruleSetYaml: 'kind: rule-set\n' })).toMatchObject({ ok: true, value: { ruleSetYaml: 'kind: rule-set' } });
  });

  it('refuses both at once, neither, blank YAML and YAML over its limit', () => {
    for (const body of [
      { ruleSetId: 'strict', ruleSetYaml: 'kind: rule-set' },
      {},
      { ruleSetYaml: '   ' },
      { ruleSetYaml: 'x'.repeat(RESCORE_LIMITS.ruleSetYamlChars + 1) },
      { ruleSetId: '' },
    ])
      expect(parseMessage(rescoreRequestSchema, body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('answers a bad rule set with 400, a re-scoring under way with 409 and one over its time with 503', () => {
    expect([httpStatusOf('RULE_SET_INVALID'), httpStatusOf('RESCORE_BUSY'), httpStatusOf('RESCORE_TIMED_OUT')]).toEqual([400, 409, 503]);
  });
});
