// The case book (docs/casebook.md): every case played through the real engine with the default rules and catalogue,
// the coverage the book promises, and the document generated from the same table.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '@ttx/engine';
import { EVIDENCE_LEVELS } from '@ttx/scenario';
import { CITATION_TITLES } from '../src/index.js';
import { CASES } from './casebook/cases.js';
import { runCase } from './casebook/run-case.js';
import { renderCasebook } from './casebook/render-casebook.js';
import type { Case, ExpectedFinding, Points } from './casebook/case-types.js';
import { catalogue, defaultRules, root } from './world.js';

const pointsOf = (delta: number): Points => (delta > 0 ? '+' : delta < 0 ? '-' : '0');
const found = (f: Finding): ExpectedFinding => ({
  rule: f.ruleId,
  severity: f.severity,
  points: pointsOf(f.delta),
  ...(f.actionId === undefined ? {} : { action: f.actionId }),
});
const key = (e: ExpectedFinding) => [e.rule, e.severity, e.points, e.action ?? '—'].join(' ');
const runs = new Map(CASES.map((c) => [c.id, runCase(c)]));
const findingsOf = (c: Case) => runs.get(c.id)!.findings;
const allFindings = CASES.flatMap((c) => findingsOf(c).map((f) => ({ c, f })));

describe('the case book: each case through the engine and the default rules', () => {
  it.each(CASES.map((c) => [c.id, c.title, c] as const))('%s %s', (_id, _title, c) => {
    expect(findingsOf(c).map(found).map(key).sort()).toEqual(c.expected.map(key).sort());
    for (const rule of [...(c.clears ?? []), ...(c.withholds ?? [])])
      expect(findingsOf(c).filter((f) => f.ruleId === rule)).toEqual([]);
    for (const rule of c.clears ?? []) expect(defaultRules.rules.map((r) => r.id)).toContain(rule);
    const verdicts = runs
      .get(c.id)!
      .verdicts.map((x) => ({
        action: x.actionId,
        ...(x.targetId === undefined ? {} : { target: x.targetId }),
        character: x.character,
        verdict: x.verdict,
      }));
    expect(verdicts).toEqual(c.decision ? c.verdicts : []);
    for (const rule of c.withholds ?? []) expect(defaultRules.rules.map((r) => r.id)).toContain(rule);
  });
});

describe('the case book covers', () => {
  it('the expected verdict on every action of every decision', () => {
    expect(CASES.filter((c) => c.decision && c.verdicts === undefined).map((c) => c.id)).toEqual([]);
  });

  it('at least 60 cases, numbered CB-01 on without gaps, each citing known sources', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(CASES.map((c) => c.id)).toEqual(CASES.map((_c, i) => `CB-${String(i + 1).padStart(2, '0')}`));
    const unknown = CASES.flatMap((c) =>
      c.sources.length === 0
        ? [`${c.id}: none`]
        : c.sources.filter((s) => !CITATION_TITLES[s]).map((s) => `${c.id}: ${s}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every rule of the default set from both sides: finding against the team, and crediting or clearing it', () => {
    const sides = defaultRules.rules.map((rule) => {
      const against =
        allFindings.some(({ f }) => f.ruleId === rule.id && f.delta < 0) ||
        CASES.some((c) => c.withholds?.includes(rule.id));
      const forTeam =
        allFindings.some(({ f }) => f.ruleId === rule.id && f.delta >= 0) ||
        CASES.some((c) => c.clears?.includes(rule.id));
      return [rule.id, against, forTeam];
    });
    expect(sides).toEqual(defaultRules.rules.map((rule) => [rule.id, true, true]));
    // The rules that can both credit and blame do both in the book itself, by findings.
    for (const rule of [
      'countermeasure-preconditions',
      'proportionate-response',
      'notify-before-escalating',
      'due-diligence-on-request',
      'attribution-care',
    ]) {
      expect([
        rule,
        allFindings.some(({ f }) => f.ruleId === rule && f.delta < 0),
        allFindings.some(({ f }) => f.ruleId === rule && f.delta >= 0),
      ]).toEqual([rule, true, true]);
    }
  });

  const countermeasureChains = allFindings
    .filter(({ f }) => f.ruleId === 'countermeasure-preconditions')
    .map(({ f }) => f.explanation);
  it.each([
    'Prior wrongful act by Northland',
    'Act ongoing',
    'Call to comply',
    'Proportionate to the injury',
    'Temporary and reversible',
    'Aimed only at Northland',
  ])('the countermeasure condition "%s" both met and not met', (condition) => {
    expect(countermeasureChains.some((e) => e.includes(`${condition}: met — `))).toBe(true);
    expect(countermeasureChains.some((e) => e.includes(`${condition}: not met — `))).toBe(true);
  });

  it('the urgency exception, and a call to comply that is required and missing', () => {
    expect(
      countermeasureChains.some((e) =>
        e.includes('Call to comply: not required — the act of inject wiper calls for urgent countermeasures'),
      ),
    ).toBe(true);
    for (const reason of [
      'no demand was sent',
      'the demand in this same decision',
      'came before the act it would answer',
    ]) {
      expect([reason, countermeasureChains.some((e) => e.includes(reason))]).toEqual([reason, true]);
    }
  });

  it.each([
    'is the authorised CERT of Northland',
    'is civilian critical infrastructure of Northland',
    'serves healthcare in Northland',
    'serves emergency-services in Northland',
  ])('the protected target that %s', (reason) => {
    expect(
      countermeasureChains.some((e) => e.includes(`Protected target: not met — `) && e.includes(reason)),
    ).toBe(true);
  });

  it('retorsion judged politically: never a violation, its concern citing the Toolbox, not the law of countermeasures', () => {
    const retorsion = (actionId: string | undefined) =>
      catalogue.actions
        .find((a) => a.id === actionId)
        ?.traits.some((t) => t === 'retorsion' || t === 'sanction') ?? false;
    const onRetorsion = allFindings.filter(({ f }) => retorsion(f.actionId));
    expect(
      onRetorsion.filter(
        ({ f }) => f.severity === 'violation' || f.ruleId === 'countermeasure-preconditions',
      ),
    ).toEqual([]);
    const weighed = onRetorsion.filter(({ f }) => f.ruleId === 'proportionate-response');
    expect(weighed.length).toBeGreaterThan(0);
    for (const { f } of weighed)
      expect([f.severity, f.cites, f.explanation]).toEqual([
        'concern',
        ['EU-TOOLBOX'],
        expect.stringContaining('As retorsion it is lawful whatever the other state did'),
      ]);
    expect(
      CASES.filter((c) => c.covers?.includes('retorsion') && c.clears?.includes('proportionate-response'))
        .length,
    ).toBeGreaterThan(0);
  });

  it('every grade of evidence against every stated confidence, and joint attribution credited and not', () => {
    const attributions = allFindings.filter(({ f }) => f.ruleId === 'attribution-care');
    for (const grade of EVIDENCE_LEVELS) {
      for (const confidence of ['low', 'moderate', 'high']) {
        const cell = attributions.filter(
          ({ f }) =>
            f.explanation.includes(`had received: ${grade} (`) &&
            f.explanation.includes(`Stated confidence: ${confidence}.`),
        );
        expect([grade, confidence, cell.length > 0]).toEqual([grade, confidence, true]);
      }
    }
    const joint = attributions
      .filter(({ f }) => f.actionId === 'joint-attribution')
      .map(({ f }) => f.severity);
    expect(joint).toEqual(expect.arrayContaining(['commendation', 'violation']));
  });

  it('notice before, after and to the wrong state, and notice for a step that is itself a violation', () => {
    const notified = (c: Case) => findingsOf(c).filter((f) => f.ruleId === 'notify-before-escalating');
    const tagged = (tag: string) => CASES.filter((c) => c.covers?.includes(tag));
    expect(tagged('notice-before').every((c) => notified(c).length === 1 && notified(c)[0]!.delta > 0)).toBe(
      true,
    );
    for (const tag of ['notice-after', 'notice-wrong-state'])
      expect(
        tagged(tag).every(
          (c) =>
            notified(c)
              .map((f) => f.severity)
              .join() === 'concern',
        ),
      ).toBe(true);
    const beforeViolation = tagged('notice-before-violation');
    expect(
      beforeViolation.every(
        (c) => notified(c).length === 0 && findingsOf(c).some((f) => f.severity === 'violation'),
      ),
    ).toBe(true);
    for (const tag of ['notice-before', 'notice-after', 'notice-wrong-state', 'notice-before-violation'])
      expect([tag, tagged(tag).length > 0]).toEqual([tag, true]);
  });

  it('requests for assistance from abroad and from home, and law-enforcement measures against activity from one’s territory', () => {
    const assists = allFindings.filter(
      ({ f }) => f.ruleId === 'answer-assistance-requests' && f.severity === 'commendation',
    );
    expect(assists.some(({ f }) => f.cites.includes('CBM-14'))).toBe(true);
    expect(assists.some(({ f }) => !f.cites.includes('CBM-14'))).toBe(true);
    const lawEnforcement = catalogue.actions
      .filter((a) => a.traits.includes('law-enforcement'))
      .map((a) => a.id);
    const diligent = allFindings.filter(
      ({ f }) =>
        f.ruleId === 'due-diligence-on-request' &&
        f.severity === 'commendation' &&
        lawEnforcement.includes(f.actionId ?? ''),
    );
    expect(new Set(diligent.map(({ f }) => f.actionId))).toEqual(new Set(lawEnforcement));
  });

  it('teams nobody plays, and late and missed answers', () => {
    const marked = CASES.filter((c) => c.before.some((s) => 'mark' in s && !s.mark.played));
    expect(marked.filter((c) => findingsOf(c).length === 0).length).toBeGreaterThanOrEqual(2);
    expect(marked.some((c) => findingsOf(c).some((f) => f.ruleId === 'timeliness'))).toBe(true);
    expect(
      CASES.some(
        (c) =>
          c.decision?.refused === 'DEADLINE_PASSED' && runs.get(c.id)!.refusal?.code === 'DEADLINE_PASSED',
      ),
    ).toBe(true);
    expect(
      CASES.some(
        (c) =>
          c.tick &&
          !c.before.some((s) => 'mark' in s) &&
          findingsOf(c).some((f) => f.ruleId === 'timeliness'),
      ),
    ).toBe(true);
  });
});

describe('the case book for legal advisers (docs/casebook.md)', () => {
  const docPath = path.join(root, 'docs/casebook.md');
  const rendered = renderCasebook(CASES, runs);
  if (process.env.UPDATE_CASEBOOK === '1') writeFileSync(docPath, rendered);

  it('is up to date with the cases and the rules (regenerate with UPDATE_CASEBOOK=1)', () => {
    expect(readFileSync(docPath, 'utf8')).toBe(rendered);
  });

  it('shows every case with the explanation the engine gave for each finding, grouped by topic', () => {
    for (const c of CASES) {
      expect(rendered).toContain(`### ${c.id} ${c.title}\n`);
      for (const f of findingsOf(c)) expect(rendered).toContain(f.explanation);
    }
    expect(rendered.indexOf('## The law of countermeasures')).toBeLessThan(rendered.indexOf('### CB-01 '));
  });
});
