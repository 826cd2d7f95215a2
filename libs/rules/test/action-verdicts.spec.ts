// One verdict per action, assembled across the whole default rule set: never commended and violated at once, an
// escalatory step at best acceptable (only a well-founded public attribution may be commended), points by dimension.
import type { DecisionRecord } from '@ttx/engine';
import { characterOf, judgeWithVerdicts, resolveChoices } from '../src/index.js';
import { catalogue, choose, ctx, minutes, stateWith, world } from './world.js';

type Earlier = Omit<DecisionRecord, 'seq' | 'rationale'>;
const earlier = (minute: number, ...actions: [string, string?][]): Earlier => ({ decisionId: `d${minute}`, teamId: 'south', actions: choose(...actions), exerciseTime: minutes(minute) });

function assess(setup: Parameters<typeof stateWith>[0], actions: [string, string?][], confidence?: DecisionRecord['confidence']) {
  const state = stateWith(setup);
  const choices = choose(...actions);
  const decision: DecisionRecord = { seq: state.seq + 1, decisionId: 'd-now', teamId: 'south', actions: choices, rationale: 'because', exerciseTime: minutes(50), ...(confidence ? { confidence } : {}) };
  return judgeWithVerdicts(ctx, state, world.teams.get('south')!, { kind: 'decision', decision, chosen: resolveChoices(world, choices) }, world);
}

const AFTER_BLACKOUT = { released: { probe: 5, blackout: 30 } };

describe('the assessment of each action', () => {
  it('characterises every catalogue action in law', () => {
    const by = Object.fromEntries(catalogue.actions.map((a) => [a.id, characterOf(a)]));
    expect(by).toMatchObject({
      'activate-hotline': 'cooperative',
      'mitigate-activity-from-territory': 'cooperative',
      'isolate-and-restore': 'defensive',
      'investigate-activity-from-territory': 'defensive',
      'private-demarche': 'retorsion',
      'public-attribution': 'retorsion',
      'targeted-sanctions': 'retorsion',
      'reversible-countermeasure': 'countermeasure',
      'disruptive-operation': 'countermeasure',
      'attack-critical-infrastructure': 'countermeasure',
      'limited-strike': 'use-of-force',
      'armed-response': 'use-of-force',
    });
  });

  it('finds a strike on a water utility a violation, and no rule credits it for the notice given before', () => {
    const { verdicts, findings } = assess({ ...AFTER_BLACKOUT, decisions: [earlier(35, ['activate-hotline', 'north-gov'])] }, [['attack-critical-infrastructure', 'north-water']]);
    expect(verdicts).toEqual([expect.objectContaining({ actionId: 'attack-critical-infrastructure', targetId: 'north-water', character: 'countermeasure', verdict: 'violation' })]);
    const own = findings.filter((f) => f.actionId === 'attack-critical-infrastructure');
    expect(own.some((f) => f.severity === 'violation')).toBe(true);
    expect(own.filter((f) => f.delta > 0 || f.severity === 'commendation')).toEqual([]);
    expect(verdicts[0]!.total).toBeLessThan(0);
    expect(verdicts[0]!.summary).toMatch(/^Characterised as a countermeasure: Attack .* \(ESC-8\), aimed at Northland Water Utility\. ⇒ A violation under /);
  });

  it('finds a lawful countermeasure after a démarche acceptable, the notice credited as CBM use, not commended', () => {
    const { verdicts, findings } = assess({ ...AFTER_BLACKOUT, decisions: [earlier(31, ['private-demarche', 'north-gov'])] }, [['reversible-countermeasure', 'north-gov']]);
    expect(verdicts).toEqual([expect.objectContaining({ verdict: 'acceptable', character: 'countermeasure' })]);
    expect(findings.filter((f) => f.actionId === 'reversible-countermeasure' && f.severity === 'commendation')).toEqual([]);
    expect(verdicts[0]!.points['cbm-use']).toBeGreaterThan(0);
    expect(verdicts[0]!.summary).toContain('a step above ESC-1 is at best acceptable');
  });

  it('commends well-founded public attribution, stated with the confidence the evidence supports, after the hotline', () => {
    const { verdicts } = assess({ released: { wiper: 40 } }, [['activate-hotline', 'north-gov'], ['public-attribution', 'north-gov']], 'high');
    expect(verdicts[1]).toEqual(expect.objectContaining({ actionId: 'public-attribution', verdict: 'commendation', character: 'retorsion' }));
    expect(verdicts[1]!.points.attribution).toBeGreaterThan(0);
  });

  it('finds the same attribution without notice first a concern, its attribution credit kept beside the CBM penalty', () => {
    const [v] = assess({ released: { wiper: 40 } }, [['public-attribution', 'north-gov']], 'high').verdicts;
    expect(v).toMatchObject({ verdict: 'concern', points: { attribution: 4, 'cbm-use': -6 }, total: -2 });
    expect(v!.summary).toContain('⇒ A concern under notify-before-escalating "Use the contact point or the hotline before escalating" (CBM-8, CBM-13). Points: −6 CBM use, +4 attribution.');
  });

  it('finds public attribution on weak evidence a concern or a violation, never acceptable', () => {
    const [v] = assess({ released: { probe: 5 } }, [['public-attribution', 'north-gov']], 'high').verdicts;
    expect(['concern', 'violation']).toContain(v!.verdict);
  });

  it('commends sharing indicators with a CERT, and gives each action of one decision its own verdict', () => {
    const { verdicts } = assess(AFTER_BLACKOUT, [['share-indicators', 'south-cert'], ['attack-critical-infrastructure', 'north-water']]);
    expect(verdicts.map((v) => [v.actionId, v.verdict])).toEqual([
      ['share-indicators', 'commendation'],
      ['attack-critical-infrastructure', 'violation'],
    ]);
  });

  it('finds an action no rule speaks to acceptable, with no points', () => {
    const { verdicts } = assess({}, [['isolate-and-restore']]);
    expect(verdicts).toEqual([expect.objectContaining({ actionId: 'isolate-and-restore', character: 'defensive', verdict: 'acceptable', points: {}, total: 0 })]);
    expect(verdicts[0]!.summary).toBe(
      'Characterised as a defensive measure at home: Isolate and restore your own systems (ESC-0). ⇒ Acceptable: no rule finds for or against it.',
    );
  });
});
