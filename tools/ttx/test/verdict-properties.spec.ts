// One assessment per action, whatever the team does: over every bot on every shipped scenario and seeds 1–5, each
// action of each decision gets exactly one verdict; no action is both commended and found a violation; no step
// above ESC-1 is commended except a well-founded public attribution; and an action's points are its findings' sum.
import { rungLevel } from '@ttx/scenario';
import type { ExerciseEvent, Finding } from '@ttx/engine';
import { playBot as run, SEEDS, SHIPPED_SCENARIOS as SCENARIOS } from './bot-run.js';

const POLICIES = ['restrained', 'lawful-retaliator', 'escalatory', 'unlawful', 'random'] as const;

const runs = SCENARIOS.flatMap((s) => POLICIES.flatMap((p) => SEEDS.map((seed) => [s, p, seed] as const)));

describe('verdicts over bot runs', () => {
  const seen = { decisions: 0, verdicts: new Map<string, number>() };

  it.each(runs)('%s, %s bot, seed %i: one verdict per action, never commended and violated, escalation never commended', (scenarioId, policy, seed) => {
    const { events, catalogue } = run(scenarioId, policy, seed);
    const rung = new Map(catalogue.actions.map((a) => [a.id, rungLevel(a.rung)]));
    const traits = new Map(catalogue.actions.map((a) => [a.id, a.traits]));
    const assessed = new Map<string, ExerciseEvent & { type: 'findings.recorded' }>();
    for (const e of events) if (e.type === 'findings.recorded' && e.payload.decisionId !== undefined && e.payload.verdicts) assessed.set(e.payload.decisionId, e);
    for (const e of events) {
      if (e.type !== 'decision.submitted') continue;
      seen.decisions += 1;
      const recorded = assessed.get(e.payload.decisionId);
      expect(recorded).toBeDefined();
      const { verdicts = [], findings } = recorded!.payload;
      const keys = e.payload.actions.map((a) => `${a.actionId}:${a.targetId ?? ''}`);
      expect(verdicts.map((v) => `${v.actionId}:${v.targetId ?? ''}`)).toEqual([...new Set(keys)]);
      for (const v of verdicts) {
        seen.verdicts.set(v.verdict, (seen.verdicts.get(v.verdict) ?? 0) + 1);
        const own: Finding[] = findings.filter((f) => f.actionId === v.actionId && f.targetId === v.targetId);
        const severities = new Set(own.map((f) => f.severity));
        expect(severities.has('commendation') && severities.has('violation')).toBe(false);
        if (severities.has('violation')) {
          expect(v.verdict).toBe('violation');
          expect(own.filter((f) => f.delta > 0)).toEqual([]);
        }
        const escalatory = rung.get(v.actionId)! > 1;
        const wellFoundedAttribution =
          traits.get(v.actionId)!.includes('public-attribution') && own.some((f) => f.ruleKind === 'attribution-care' && f.severity === 'commendation');
        if (escalatory && !wellFoundedAttribution) {
          expect(v.verdict).not.toBe('commendation');
          expect(own.filter((f) => f.severity === 'commendation')).toEqual([]);
        }
        expect(v.total).toBeCloseTo(own.reduce((sum, f) => sum + f.delta, 0), 6);
        expect(v.summary).toMatch(/^Characterised as .+ ⇒ (A violation|A concern|Acceptable|Commended)/);
      }
    }
  });

  afterAll(() => {
    // The runs must exercise every verdict, or the properties above prove little.
    expect(seen.decisions).toBeGreaterThan(100);
    expect([...seen.verdicts.keys()].sort()).toEqual(['acceptable', 'commendation', 'concern', 'violation']);
  });
});
