import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, loadCatalogue, loadRuleSet, loadScenario, SOURCE_LIMITS } from '../src/index.js';
import { fixture } from './fixture-files.js';

const GUIDE = path.resolve(import.meta.dirname, '../../../docs/scenario-format.md');

function guideExample(): string {
  const text = readFileSync(GUIDE, 'utf8');
  const match = /<!-- scenario-example:start -->\n```yaml\n([\s\S]*?)```\n<!-- scenario-example:end -->/.exec(
    text,
  );
  if (!match) throw new Error('docs/scenario-format.md has lost its marked example');
  return match[1];
}

describe('docs/scenario-format.md', () => {
  it('shows a complete example that loads with no problems against a catalogue holding its actions', () => {
    const catalogue = loadCatalogue(fixture('ok/roe/catalogue.yaml'));
    const ruleSet = loadRuleSet(fixture('ok/roe/rules.yaml'));
    if (!catalogue.ok || !ruleSet.ok) throw new Error('ok fixtures must load');
    const refs = {
      catalogues: new Map([[catalogue.value.id, catalogue.value]]),
      ruleSets: new Map([['default', { ...ruleSet.value, id: 'default' }]]),
    };
    const result = loadScenario({ path: 'docs/scenario-format.md', text: guideExample() }, refs);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('states the source limits the loader enforces', () => {
    const text = readFileSync(GUIDE, 'utf8');
    for (const [limit, value] of Object.entries(SOURCE_LIMITS))
      expect(text).toContain(`| \`${limit}\` | ${value.toLocaleString('en-US')} |`);
  });
});
