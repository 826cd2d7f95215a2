// The registry of rule kinds, and the checks a rule set must pass before an exercise may use it.
import { CITATIONS, type ActionCatalogue, type ActionTrait, type Rule, type RuleSet } from '@ttx/scenario';
import type { RuleKind } from './rule-context.js';
import { answerAssistanceRequests } from './kinds/answer-assistance-requests.js';
import { attributionCare } from './kinds/attribution-care.js';
import { consultWhenTensionRises } from './kinds/consult-when-tension-rises.js';
import { countermeasurePreconditions } from './kinds/countermeasure-preconditions.js';
import { crisisCommunication } from './kinds/crisis-communication.js';
import { dueDiligenceOnRequest } from './kinds/due-diligence-on-request.js';
import { notifyBeforeEscalating } from './kinds/notify-before-escalating.js';
import { proportionality } from './kinds/proportionality.js';
import { protectCerts } from './kinds/protect-certs.js';
import { protectCriticalInfrastructure } from './kinds/protect-critical-infrastructure.js';
import { shareInformation } from './kinds/share-information.js';
import { timeliness } from './kinds/timeliness.js';
import { useOfForce } from './kinds/use-of-force.js';
import { ESCALATION_DEFAULTS } from './escalation-model.js';

/** Every rule kind a rule set may name, by kind id. */
export const ruleKinds: Readonly<Record<string, RuleKind>> = Object.fromEntries(
  [
    protectCriticalInfrastructure,
    protectCerts,
    proportionality,
    countermeasurePreconditions,
    useOfForce,
    notifyBeforeEscalating,
    consultWhenTensionRises,
    crisisCommunication,
    answerAssistanceRequests,
    dueDiligenceOnRequest,
    shareInformation,
    attributionCare,
    timeliness,
  ].map((k) => [k.kind, k as RuleKind]),
);

/** A problem in a rule set, positioned relative to the rule (or to the rule set for `checkRuleSet`). */
export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/** Problems with one rule: an unknown kind, params its kind rejects, an unknown source; `[]` when it is sound. */
export function checkRuleParams(rule: Rule, _ruleSet?: RuleSet, catalogue?: ActionCatalogue): RuleIssue[] {
  const issues: RuleIssue[] = [];
  rule.cites.forEach((source, i) => {
    if (!CITATIONS.includes(source)) {
      issues.push({ path: ['cites', i], message: `"${source}" is not a known source; cite one of NORM-A…K, CBM-1…16, TM2-R4, TM2-R20…R26, TM2-R68…R75, TM2-R92, TM2-R93, ILC-22, ILC-49…53, CBM-UN-POC, EU-TOOLBOX, UN-CHARTER-2-4, UN-CHARTER-51, DUE-DILIGENCE, HSEEP` });
    }
  });
  const kind = ruleKinds[rule.kind];
  if (!kind) {
    issues.push({ path: ['kind'], message: `"${rule.kind}" is not a rule kind; use one of ${Object.keys(ruleKinds).join(', ')}` });
    return issues;
  }
  const parsed = kind.params.safeParse(rule.params ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (keys.length > 0) {
        for (const key of keys) issues.push({ path: ['params', key], message: `is not a parameter of ${rule.kind}` });
      } else {
        issues.push({ path: ['params', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
      }
    }
    return issues;
  }
  if (catalogue) {
    const known = new Set(catalogue.actions.map((a) => a.id));
    const answeredBy = (parsed.data as { answeredBy?: unknown }).answeredBy;
    if (Array.isArray(answeredBy)) {
      answeredBy.forEach((id, i) => {
        if (typeof id === 'string' && !known.has(id)) {
          issues.push({ path: ['params', 'answeredBy', i], message: `"${id}" is not an action of catalogue ${catalogue.id}` });
        }
      });
    }
  }
  return issues;
}

/** Problems with a rule set's `escalation:` parameters: unknown names or values out of range. */
export function checkEscalationParams(ruleSet: RuleSet): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [name, value] of Object.entries(ruleSet.escalation)) {
    if (!(name in ESCALATION_DEFAULTS)) {
      issues.push({ path: ['escalation', name], message: `is not an escalation parameter; use one of ${Object.keys(ESCALATION_DEFAULTS).join(', ')}` });
    } else if (!Number.isFinite(value) || value < 0) {
      issues.push({ path: ['escalation', name], message: 'must be a number of at least 0' });
    }
  }
  return issues;
}

/** Every problem in a rule set, positioned from its root: rules, escalation parameters, the catalogue it names. */
export function checkRuleSet(ruleSet: RuleSet, catalogue?: ActionCatalogue): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (catalogue && ruleSet.catalogue !== catalogue.id) {
    issues.push({ path: ['catalogue'], message: `names catalogue "${ruleSet.catalogue}" but "${catalogue.id}" was given` });
  }
  const seen = new Set<string>();
  ruleSet.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) issues.push({ path: ['rules', i, 'id'], message: `rule id "${rule.id}" is used twice` });
    seen.add(rule.id);
    for (const issue of checkRuleParams(rule, ruleSet, catalogue)) issues.push({ path: ['rules', i, ...issue.path], message: issue.message });
  });
  issues.push(...checkEscalationParams(ruleSet));
  issues.push(...checkOneCharacterisation(ruleSet, catalogue));
  return issues;
}

/** The traits a rule of kind `kind` judges, once its params parse. */
function judgedTraits(rule: Rule): readonly ActionTrait[] | undefined {
  const parsed = ruleKinds[rule.kind]?.params.safeParse(rule.params ?? {});
  return parsed?.success ? (parsed.data as { traits: ActionTrait[] }).traits : undefined;
}

/**
 * An action is characterised once, as a use of force or as a countermeasure — never both, since force is never a
 * countermeasure (ILC Art. 50): the two rules' traits may not overlap, nor may a catalogue action carry both.
 */
function checkOneCharacterisation(ruleSet: RuleSet, catalogue?: ActionCatalogue): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const ofKind = (kind: string) => ruleSet.rules.flatMap((rule, i) => (rule.kind === kind ? [{ rule, i, traits: judgedTraits(rule) }] : []));
  for (const force of ofKind('use-of-force')) {
    for (const counter of ofKind('countermeasure-preconditions')) {
      if (!force.traits || !counter.traits) continue;
      const path = ['rules', force.i, 'params', 'traits'];
      const shared = force.traits.filter((t) => counter.traits!.includes(t));
      if (shared.length > 0) {
        issues.push({ path, message: `shares ${shared.join(', ')} with rule "${counter.rule.id}" (countermeasure-preconditions); an action is judged as a use of force or as a countermeasure, never both` });
        continue;
      }
      for (const action of catalogue?.actions ?? []) {
        const asForce = action.traits.find((t) => force.traits!.includes(t));
        const asCounter = action.traits.find((t) => counter.traits!.includes(t));
        if (asForce && asCounter) {
          issues.push({ path, message: `action "${action.id}" of catalogue ${catalogue!.id} carries ${asForce} and ${asCounter}, so both this rule and rule "${counter.rule.id}" would judge it; give it one of the two` });
        }
      }
    }
  }
  return issues;
}
