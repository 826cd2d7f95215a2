// The bots rank as the rules of engagement say they should, on every shipped scenario and seeds 1–5: restraint scores
// at least as well as lawful countermeasures, which beat escalation, which beats striking protected targets; and the
// unlawful team draws violations of sovereignty (TM2-R4), NORM-F or NORM-K.
import { scoreboardFromEvents } from '@ttx/rules';
import { playBot, SEEDS, SHIPPED_SCENARIOS as SCENARIOS } from './bot-run.js';

const POLICIES = ['restrained', 'lawful-retaliator', 'escalatory', 'unlawful'] as const;

function played(scenarioId: string, policy: string, seed: number) {
  const { events, scenario } = playBot(scenarioId, policy, seed);
  const findings = events.flatMap((e) => (e.type === 'findings.recorded' ? e.payload.findings : []));
  const total = scoreboardFromEvents(events, { teams: scenario.teams.map((t) => t.id) }).reduce((sum, s) => sum + s.total, 0);
  return { total, findings, events };
}

describe.each(SCENARIOS)('the bots on %s', (scenarioId) => {
  it.each(SEEDS)('rank restrained ≥ lawful-retaliator > escalatory > unlawful with seed %i', (seed) => {
    const totals = Object.fromEntries(POLICIES.map((p) => [p, played(scenarioId, p, seed).total]));
    expect(totals.restrained).toBeGreaterThanOrEqual(totals['lawful-retaliator']!);
    expect(totals['lawful-retaliator']).toBeGreaterThan(totals.escalatory!);
    expect(totals.escalatory).toBeGreaterThan(totals.unlawful!);
  });

  it('finds the unlawful team violating sovereignty, NORM-F or NORM-K', () => {
    const { findings } = played(scenarioId, 'unlawful', 1);
    const violations = findings.filter((f) => f.severity === 'violation');
    expect(violations.some((f) => f.cites.some((c) => ['TM2-R4', 'NORM-F', 'NORM-K'].includes(c)))).toBe(true);
  });
});

describe('the lawful retaliator on Dark Winter', () => {
  it.each(SEEDS)('demands compliance before its reversible countermeasure and draws no violation for it (seed %i)', (seed) => {
    const { events, findings } = played('grid-dark-winter', 'lawful-retaliator', seed);
    const decisions = events.flatMap((e) => (e.type === 'decision.submitted' ? [e.payload] : []));
    const struck = decisions.filter((d) => d.actions.some((a) => a.actionId === 'reversible-countermeasure'));
    expect(struck.length).toBeGreaterThan(0);
    for (const strike of struck) {
      const before = decisions.filter((d) => d.teamId === strike.teamId && d.decisionId !== strike.decisionId && decisions.indexOf(d) < decisions.indexOf(strike));
      expect(before.some((d) => d.actions.some((a) => a.actionId === 'private-demarche'))).toBe(true);
      const own = findings.filter((f) => f.decisionId === strike.decisionId && f.severity === 'violation');
      expect(own.map((f) => f.ruleId)).toEqual([]);
    }
  });
});
