// NORM-B: consider all relevant information before naming a state; judged, as calibrated forecasts are, on the
// evidence the team received and the confidence it stated.
import { z } from 'zod';
import { EVIDENCE_LEVELS, type EvidenceLevel } from '@ttx/scenario';
import { ATTRIBUTION_CONFIDENCES, type AttributionConfidence, type Finding } from '@ttx/engine';
import {
  aimedEarlierAt,
  chosenActions,
  defineRuleKind,
  foreignState,
  hasTrait,
  recordFinding,
  type ChosenAction,
  type RuleContext,
} from '../rule-context.js';
import { lastMessagedTo } from '../message-purposes.js';
import { evidenceReceived } from '../received-evidence.js';
import { evidenceParam, shareParam, templateParam, traitsParam } from './params.js';

const OVERCLAIMED =
  '{team} named {targetState} on evidence it had received that supports the attribution ({evidence}: {received}), but stated {confidence} confidence. {calibration} ⇒ A concern: a public statement should claim no more certainty than the evidence gives ({cites}).';

const params = z.strictObject({
  traits: traitsParam.default(['public-attribution', 'joint-attribution']),
  minimumEvidence: evidenceParam.default('moderate'),
  /** The confidence a decision stating none is judged as. */
  unstatedConfidence: z.enum(ATTRIBUTION_CONFIDENCES).default('moderate'),
  /** Share of the weight lost for each evidence grade below `minimumEvidence`. */
  shortfallShare: shareParam.default(0.2),
  /** Share of the weight lost for each grade the stated confidence claims beyond the evidence. */
  overclaimShare: shareParam.default(0.2),
  overclaimed: templateParam.default(OVERCLAIMED),
  supported: templateParam.optional(),
  /** Share earned when the stated confidence matches the evidence. */
  calibratedShare: shareParam.default(0),
  /** The attribution itself is made with partners. */
  coordinatedTraits: traitsParam.default(['joint-attribution']),
  /** An earlier action (or one in the same decision) that shares with partners or CERTs before naming a state. */
  sharedTraits: traitsParam.default(['information-sharing']),
  /** Share earned for a well-founded attribution that is coordinated. */
  coordinatedShare: shareParam.default(0),
}).refine((p) => p.minimumEvidence !== 'none', {
  message: 'must require some evidence: low, moderate or high',
  path: ['minimumEvidence'],
});

type Params = z.output<typeof params>;

export const attributionCare = defineRuleKind({
  kind: 'attribution-care',
  sources: ['NORM-B'],
  summary:
    "Judges each action with one of `traits` naming a state against the strongest evidence naming that state in the injects released to the team (injects released only to others do not count) and the team's stated confidence (a decision stating none is judged as `unstatedConfidence`). Below `minimumEvidence` it is a violation costing `shortfallShare` of the weight per missing grade plus `overclaimShare` per grade the confidence claims beyond the evidence (at most the whole weight), so no evidence costs more than low evidence and confident and wrong more than cautious and wrong. Well-founded but stated with more confidence than the evidence gives, it is a concern costing `overclaimShare` per grade. Otherwise it is well-founded: commended with `calibratedShare` when the stated confidence matches the evidence and `coordinatedShare` when coordinated (an action with one of `coordinatedTraits`, or after an action with one of `sharedTraits` aimed at a state other than the one named, earlier or in the same decision, or an earlier message sharing indicators on the hotline or the CERT network with another state); a note (`supported`) when it earns nothing. One finding per action, never both a commendation and a violation.",
  params,
  evaluate(context) {
    const p = context.params;
    const findings: Finding[] = [];
    for (const chosen of chosenActions(context)) {
      const named = foreignState(context.team, chosen);
      if (named === undefined || !hasTrait(chosen.action, p.traits)) continue;
      const finding = judgeAttribution(context, p, chosen, named);
      if (finding) findings.push(finding);
    }
    return findings;
  },
});

function judgeAttribution(context: RuleContext<Params>, p: Params, chosen: ChosenAction, named: string): Finding | undefined {
  const received = evidenceReceived(context, context.team.id, named);
  const evidence = EVIDENCE_LEVELS.indexOf(received.level);
  const required = EVIDENCE_LEVELS.indexOf(p.minimumEvidence);
  const stated = context.trigger.kind === 'decision' ? context.trigger.decision.confidence : undefined;
  const judged = EVIDENCE_LEVELS.indexOf(stated ?? p.unstatedConfidence);
  const shortfall = Math.max(0, required - evidence);
  const overclaim = Math.max(0, judged - evidence);
  const fields = {
    evidence: received.level,
    required: p.minimumEvidence,
    received: receivedWords(context, received.injectIds),
    confidence: stated ?? `not stated (judged as ${p.unstatedConfidence})`,
    calibration: calibrationWords(received.level, stated, p.unstatedConfidence),
    coordination: '',
  };
  if (shortfall > 0) {
    const share = -Math.min(1, shortfall * p.shortfallShare + overclaim * p.overclaimShare);
    return recordFinding(context, { severity: 'violation', share, chosen, fields });
  }
  if (overclaim > 0) {
    const share = -Math.min(1, overclaim * p.overclaimShare);
    return recordFinding(context, { severity: 'concern', share, chosen, fields, template: p.overclaimed });
  }
  const coordination = coordinationWords(context, p, chosen, named);
  const calibrated = stated !== undefined && judged === evidence;
  const share = Math.min(1, (calibrated ? p.calibratedShare : 0) + (coordination ? p.coordinatedShare : 0));
  if (share === 0 && p.supported === undefined) return undefined;
  const template = p.supported ?? context.rule.explanation;
  const severity = share > 0 ? 'commendation' : 'note';
  return recordFinding(context, { severity, share, chosen, fields: { ...fields, coordination: coordination ?? '' }, template });
}

function receivedWords(context: RuleContext<Params>, injectIds: readonly string[]): string {
  if (injectIds.length === 0) return 'no inject it received names them';
  return injectIds.map((id) => `inject ${id} "${context.world.injects.get(id)?.title ?? id}"`).join(', ');
}

function calibrationWords(evidence: EvidenceLevel, stated: AttributionConfidence | undefined, unstated: AttributionConfidence): string {
  if (stated === undefined) return `No confidence was stated; it is judged as ${unstated}.`;
  const gap = EVIDENCE_LEVELS.indexOf(stated) - EVIDENCE_LEVELS.indexOf(evidence);
  if (gap === 0) return `The stated confidence (${stated}) matches the evidence.`;
  if (gap > 0) return `The stated confidence (${stated}) claims more than the evidence (${evidence}) supports.`;
  return `The stated confidence (${stated}) is more cautious than the evidence (${evidence}).`;
}

/** How the attribution was coordinated with partners, in words, or undefined when it was not. */
function coordinationWords(context: RuleContext<Params>, p: Params, chosen: ChosenAction, named: string): string | undefined {
  if (hasTrait(chosen.action, p.coordinatedTraits)) return ' It was made jointly with partners.';
  const own = chosenActions(context).find((c) => c !== chosen && hasTrait(c.action, p.sharedTraits) && c.target?.state !== named);
  if (own) return ` It came with ${own.action.name}${own.target ? ` (${own.target.name})` : ''}.`;
  for (const state of context.world.states.keys()) {
    if (state !== named && aimedEarlierAt(context, state, p.sharedTraits)) return ' It followed sharing with partners or CERTs.';
  }
  for (const state of context.world.states.keys()) {
    const message = state === named ? undefined : lastMessagedTo(context, state, p.sharedTraits);
    if (message) return ` It followed sharing with partners or CERTs: ${message.label}.`;
  }
  return undefined;
}
