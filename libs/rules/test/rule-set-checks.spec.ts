import type { Rule } from '@ttx/scenario';
import { checkRuleParams, checkRuleSet, ruleKinds } from '../src/index.js';
import { catalogue, defaultRules } from './world.js';

const rule = (overrides: Partial<Rule>): Rule => ({ ...defaultRules.rules[0], ...overrides });

describe('checking a rule set', () => {
  it('accepts the default rule set, which uses every rule kind', () => {
    expect(checkRuleSet(defaultRules, catalogue)).toEqual([]);
    expect(new Set(defaultRules.rules.map((r) => r.kind))).toEqual(new Set(Object.keys(ruleKinds)));
  });

  it('rejects a rule citing an unknown source, at the citation', () => {
    expect(checkRuleParams(rule({ cites: ['NORM-F', 'NORM-Z'] }))).toEqual([{ path: ['cites', 1], message: expect.stringContaining('"NORM-Z" is not a known source') }]);
  });

  it('rejects an unknown rule kind, naming the kinds there are', () => {
    expect(checkRuleParams(rule({ kind: 'be-nice' }))).toEqual([{ path: ['kind'], message: expect.stringContaining('"be-nice" is not a rule kind; use one of protect-critical-infrastructure') }]);
  });

  it('rejects unknown and malformed params, at the param', () => {
    const issues = checkRuleParams(rule({ params: { fromRung: 'ESC-12', colour: 'red' } }));
    expect(issues).toHaveLength(2);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['params', 'colour'], message: 'is not a parameter of protect-critical-infrastructure' },
        { path: ['params', 'fromRung'], message: 'must be a rung ESC-0 … ESC-10' },
      ]),
    );
  });

  it('rejects a param naming an action the catalogue lacks', () => {
    const diligence = defaultRules.rules.find((r) => r.kind === 'due-diligence-on-request');
    if (!diligence) throw new Error('the default set has a due-diligence rule');
    const issues = checkRuleParams({ ...diligence, params: { answeredBy: ['take-down-botnet'] } }, defaultRules, catalogue);
    expect(issues).toEqual([{ path: ['params', 'answeredBy', 0], message: '"take-down-botnet" is not an action of catalogue catalogue' }]);
  });

  it('positions problems from the rule set root, including escalation parameters and repeated ids', () => {
    const broken = {
      ...defaultRules,
      escalation: { ...defaultRules.escalation, easeEvery: 5 },
      rules: [...defaultRules.rules, { ...defaultRules.rules[1], kind: 'nope' }],
    };
    const issues = checkRuleSet(broken, catalogue);
    const last = defaultRules.rules.length;
    expect(issues).toEqual([
      { path: ['rules', last, 'id'], message: `rule id "${defaultRules.rules[1].id}" is used twice` },
      { path: ['rules', last, 'kind'], message: expect.stringContaining('"nope" is not a rule kind') },
      { path: ['escalation', 'easeEvery'], message: expect.stringContaining('is not an escalation parameter; use one of easeEveryMinutes') },
    ]);
  });
});
