import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CITATIONS } from '@ttx/scenario';
import { CITATION_TITLES, renderRulesDoc } from '../src/index.js';
import { catalogue, defaultRules, root } from './world.js';

const docPath = path.join(root, 'docs/rules.md');

describe('the rules library for facilitators (docs/rules.md)', () => {
  const rendered = renderRulesDoc(defaultRules, catalogue);
  if (process.env.UPDATE_RULES_DOC === '1') writeFileSync(docPath, rendered);

  it('is up to date with exercises/roe (regenerate with UPDATE_RULES_DOC=1)', () => {
    expect(readFileSync(docPath, 'utf8')).toBe(rendered);
  });

  it('gives every rule its weight and the full name of every source it cites', () => {
    for (const rule of defaultRules.rules) {
      expect(rendered).toContain(`(\`${rule.id}\`)`);
      expect(rendered).toContain(`**weight:** ${rule.weight}`);
      for (const source of rule.cites) expect(rendered).toContain(`**${source}** — ${CITATION_TITLES[source]}`);
    }
    expect(CITATIONS.filter((c) => !CITATION_TITLES[c])).toEqual([]);
  });

  it('lists every catalogue action and the escalation parameters', () => {
    for (const action of catalogue.actions) expect(rendered).toContain(`| \`${action.id}\` |`);
    expect(rendered).toContain('| `easeEveryMinutes` | 20 | 20 |');
  });
});
