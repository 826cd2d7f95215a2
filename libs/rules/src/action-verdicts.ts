// One assessment per action of a decision, assembled across every rule that judged it: the action's character in
// law, one verdict (violation / concern / acceptable / commendation) and its points by dimension. The assembly keeps
// the verdicts consistent whatever the rules found one by one: an action a rule finds a violation keeps no credit
// from another, and an escalatory step is at best acceptable — only well-founded public attribution, of the steps
// above a démarche, may be commended.
import type { Action, ActionCharacter, Dimension, RuleSet, Team, Verdict } from '@ttx/scenario';
import type { ActionVerdict, Finding } from '@ttx/engine';
import { hasTrait, type ChosenAction, type WorldIndex } from './rule-context.js';

/** The highest rung a step may sit on and still be commended (ESC-1: a private démarche asking the other state to stop). */
export const COMMENDABLE_UP_TO = 1;

/** The rule kind whose commendation of a public attribution stands although attribution sits above ESC-1. */
const ATTRIBUTION_KIND = 'attribution-care';

/** How the law characterises an action before judging it, from its catalogue traits, category and rung. */
export function characterOf(action: Action): ActionCharacter {
  if (hasTrait(action, ['use-of-force']) || action.category === 'military') return 'use-of-force';
  if (hasTrait(action, ['countermeasure', 'offensive-cyber'])) return 'countermeasure';
  if (action.category === 'cooperative') return 'cooperative';
  if (action.rung === 'ESC-0') return 'defensive';
  return 'retorsion';
}

const CHARACTER_WORDS: Record<ActionCharacter, string> = {
  cooperative: 'Characterised as cooperation',
  defensive: 'Characterised as a defensive measure at home',
  retorsion: 'Characterised as retorsion, lawful by nature',
  countermeasure: 'Characterised as a countermeasure',
  'use-of-force': 'Characterised as a use of force',
};

const DIMENSION_WORDS: Record<Dimension, string> = {
  restraint: 'restraint',
  proportionality: 'proportionality',
  'cbm-use': 'CBM use',
  cooperation: 'cooperation',
  attribution: 'attribution',
  timeliness: 'timeliness',
};

export interface AssembledDecision {
  findings: Finding[];
  verdicts: ActionVerdict[];
}

const sameChoice = (finding: Finding, chosen: ChosenAction) =>
  finding.actionId === chosen.action.id && finding.targetId === chosen.choice.targetId;

/**
 * Assembles a decision's findings into one verdict per action chosen. Findings about an action a rule finds a
 * violation lose any credit (a positive finding on the same action is dropped); on an escalatory action (above
 * ESC-1) a commendation becomes a note, its points kept as the credit for the practice around the step (a notice
 * given before it), unless it is the attribution rule commending a well-founded public attribution. Findings about
 * the decision as a whole (timeliness, restraint shown overall) are kept as they are and carry no verdict.
 */
export function assembleVerdicts(ruleSet: RuleSet, world: WorldIndex, team: Team, chosen: readonly ChosenAction[], findings: readonly Finding[]): AssembledDecision {
  const titles = new Map(ruleSet.rules.map((r) => [r.id, r.title]));
  const dropped = new Set<Finding>();
  const replaced = new Map<Finding, Finding>();
  const verdicts: ActionVerdict[] = [];
  const seen = new Set<string>();
  for (const c of chosen) {
    const key = `${c.action.id}\u0000${c.choice.targetId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const own = findings.filter((f) => f.teamId === team.id && sameChoice(f, c));
    const violated = own.some((f) => f.severity === 'violation');
    const commendable = c.rung <= COMMENDABLE_UP_TO;
    const kept: Finding[] = [];
    for (const f of own) {
      if (violated && f.severity !== 'violation' && (f.delta > 0 || f.severity === 'commendation')) {
        dropped.add(f);
        continue;
      }
      const standing = commendable || (f.ruleKind === ATTRIBUTION_KIND && hasTrait(c.action, ['public-attribution']));
      if (f.severity === 'commendation' && !standing) {
        const note: Finding = { ...f, severity: 'note' };
        replaced.set(f, note);
        kept.push(note);
      } else kept.push(f);
    }
    verdicts.push(verdictOf(c, kept, titles, world));
  }
  const out = findings.filter((f) => !dropped.has(f)).map((f) => replaced.get(f) ?? f);
  return { findings: out, verdicts };
}

function verdictOf(c: ChosenAction, own: readonly Finding[], titles: ReadonlyMap<string, string>, world: WorldIndex): ActionVerdict {
  const verdict: Verdict = own.some((f) => f.severity === 'violation')
    ? 'violation'
    : own.some((f) => f.severity === 'concern' || f.delta < 0)
      ? 'concern'
      : own.some((f) => f.severity === 'commendation')
        ? 'commendation'
        : 'acceptable';
  const points: Partial<Record<Dimension, number>> = {};
  let total = 0;
  for (const f of own) {
    points[f.dimension] = round((points[f.dimension] ?? 0) + f.delta);
    total += f.delta;
  }
  const character = characterOf(c.action);
  const owner = c.target?.state === undefined ? undefined : (world.states.get(c.target.state)?.name ?? c.target.state);
  const ownerShown = owner !== undefined && !c.target!.name.includes(owner);
  // "aimed at BorealHost (Northland)", but "aimed at Government of Northland (Presidential Administration), Federal Republic of Northland".
  const aimed = c.target ? `, aimed at ${c.target.name}${ownerShown ? (c.target.name.endsWith(')') ? `, ${owner}` : ` (${owner})`) : ''}` : '';
  const deciding = own.filter((f) =>
    verdict === 'violation' ? f.severity === 'violation' : verdict === 'concern' ? f.severity === 'concern' || f.delta < 0 : verdict === 'commendation' ? f.severity === 'commendation' : true,
  );
  const named = [...new Set(deciding.map((f) => `${f.ruleId} "${titles.get(f.ruleId) ?? f.ruleKind}" (${f.cites.join(', ')})`))];
  const reason =
    verdict === 'violation'
      ? `a violation under ${named.join('; ')}`
      : verdict === 'concern'
        ? `a concern under ${named.join('; ')}`
        : verdict === 'commendation'
          ? `commended under ${named.join('; ')}`
          : c.rung > COMMENDABLE_UP_TO
            ? `acceptable: no rule finds it unlawful, and a step above ESC-1 is at best acceptable${named.length > 0 ? ` (${named.join('; ')})` : ''}`
            : `acceptable${named.length > 0 ? ` (${named.join('; ')})` : ': no rule finds for or against it'}`;
  const pointWords = Object.entries(points)
    .filter(([, v]) => v !== 0)
    .map(([d, v]) => `${v > 0 ? '+' : '−'}${Math.abs(v)} ${DIMENSION_WORDS[d as Dimension]}`);
  const summary = `${CHARACTER_WORDS[character]}: ${c.action.name} (${c.action.rung})${aimed}. ⇒ ${reason[0]!.toUpperCase()}${reason.slice(1)}.${pointWords.length > 0 ? ` Points: ${pointWords.join(', ')}.` : ''}`;
  const out: ActionVerdict = { actionId: c.action.id, character, verdict, points, total: round(total), summary };
  if (c.choice.targetId !== undefined) out.targetId = c.choice.targetId;
  return out;
}

function round(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
