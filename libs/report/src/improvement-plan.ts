// Strengths and areas for improvement from findings and observations, and the HSEEP improvement plan drafted
// from the areas, with facilitators' `improvement.edited` events applied in log order.
import type { CapabilityElement, ImprovementItemEdit } from '@ttx/engine';
import type { Dimension } from '@ttx/scenario';
import type { AarFold } from './aar-fold.js';
import type { ObservationRecord } from './fold-records.js';
import type { ImprovementItem, Judgement } from './aar-model.js';
import type { FindingGroup } from './aar-tallies.js';
import type { ExerciseLookup } from './exercise-lookup.js';
import { formatSigned } from './report-format.js';

/** The capability element a shortfall on each dimension most often calls for. */
const ELEMENT_BY_DIMENSION: Record<Dimension, CapabilityElement> = {
  restraint: 'training',
  proportionality: 'planning',
  'cbm-use': 'organisation',
  cooperation: 'organisation',
  attribution: 'planning',
  timeliness: 'training',
};

/** A first corrective action per rule kind, for facilitators to refine. */
const CORRECTIVE_ACTIONS: Record<string, string> = {
  'protect-critical-infrastructure': 'Add a civilian-infrastructure check to the response options paper and rehearse it with legal advisers (NORM-F).',
  'protect-certs': 'Record in doctrine that national CERTs are never targets and brief the decision team on it (NORM-K).',
  proportionality: 'Agree a proportionality matrix that weighs responses against the severity, sector and scope of the injury before the next exercise.',
  'countermeasure-preconditions': 'Build a countermeasure checklist: attributed and ongoing wrongful act, a demand to comply first (unless urgent), proportionate, temporary and reversible, responsible state only, never a protected target.',
  'notify-before-escalating': 'Make hotline notification a required step before any escalatory measure and test the contact list (CBM-8, CBM-13).',
  'consult-when-tension-rises': 'Set a tension threshold at which consultations are requested and name who requests them (CBM-3).',
  'answer-assistance-requests': 'Assign an owner and a response time for incoming requests for assistance (NORM-H).',
  'due-diligence-on-request': 'Write a procedure to act on requests to stop malicious activity from national territory (NORM-C).',
  'share-information': 'Establish routine indicator sharing with CERTs and operators, with a named liaison (NORM-D, CBM-14).',
  'attribution-care': 'Require an evidence threshold and legal review before any public attribution (NORM-B).',
  timeliness: 'Shorten the decision cycle: pre-agreed options, delegated authority and a decision clock for each prompt.',
};

function judgementOf(kind: Judgement['kind'], group: FindingGroup, names: ExerciseLookup): Omit<Judgement, 'id'> {
  const first = group.first;
  const times = group.count > 1 ? ` (${group.count} times, ${formatSigned(group.total)} points in all)` : ` (${formatSigned(group.total)} points)`;
  return {
    kind,
    teamId: group.teamId,
    dimension: first.dimension,
    title: `${names.team(group.teamId)}: ${first.ruleTitle}`,
    detail: `${first.explanation}${times}`,
    evidence: { seqs: [...group.seqs], ruleIds: [group.ruleId], observationIds: [], decisionIds: [...group.decisionIds] },
  };
}

function observationJudgement(kind: Judgement['kind'], objectiveId: string, o: ObservationRecord, names: ExerciseLookup): Omit<Judgement, 'id'> {
  const objective = names.input.scenario.objectives.find((x) => x.id === objectiveId);
  return {
    kind,
    objectiveId,
    title: `Objective "${objective?.title ?? objectiveId}" rated ${o.rating} by the evaluator`,
    detail: o.note,
    evidence: { seqs: [o.seq], ruleIds: [], observationIds: [o.observationId], decisionIds: [] },
  };
}

function latestObservations(fold: AarFold): [string, ObservationRecord][] {
  const order = fold.names.input.scenario.objectives.map((o) => o.id);
  return [...fold.observations.entries()]
    .map(([objectiveId, list]): [string, ObservationRecord] => [objectiveId, list[list.length - 1]])
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]) || a[0].localeCompare(b[0]));
}

export function judgementSections(fold: AarFold): { strengths: Judgement[]; areasForImprovement: Judgement[] } {
  const names = fold.names;
  // A team nobody played earns neither strengths nor areas for improvement, and so no drafted plan items.
  const played = (g: FindingGroup) => fold.isPlayed(g.teamId);
  const strengths = [...fold.tallies.strengths.values()]
    .filter(played)
    .sort((a, b) => b.total - a.total || a.teamId.localeCompare(b.teamId) || a.ruleId.localeCompare(b.ruleId))
    .map((g) => judgementOf('strength', g, names));
  const areas = [...fold.tallies.areas.values()]
    .filter(played)
    .sort((a, b) => b.worst - a.worst || a.total - b.total || a.teamId.localeCompare(b.teamId) || a.ruleId.localeCompare(b.ruleId))
    .map((g) => judgementOf('area-for-improvement', g, names));
  for (const [objectiveId, o] of latestObservations(fold)) {
    if (o.rating === 'P') strengths.push(observationJudgement('strength', objectiveId, o, names));
    if (o.rating === 'M' || o.rating === 'U') areas.push(observationJudgement('area-for-improvement', objectiveId, o, names));
  }
  return {
    strengths: strengths.map((j, i) => ({ id: `S${i + 1}`, ...j })),
    areasForImprovement: areas.map((j, i) => ({ id: `A${i + 1}`, ...j })),
  };
}

/** The id a drafted plan item keeps for as long as its area exists, so facilitators' edits stay attached. */
export function improvementItemId(area: Judgement): string {
  if (area.teamId !== undefined && area.evidence.ruleIds.length > 0) return `ip-${area.teamId}-${area.evidence.ruleIds[0]}`;
  return `ip-objective-${area.objectiveId ?? area.id}`;
}

function draftItem(area: Judgement, names: ExerciseLookup): ImprovementItem {
  const ruleId = area.evidence.ruleIds[0];
  const rule = ruleId !== undefined ? names.rules.get(ruleId) : undefined;
  const corrective = rule
    ? (CORRECTIVE_ACTIONS[rule.kind] ?? `Review "${rule.title}" (${rule.cites.join(', ')}) with the team and rehearse it in the next exercise.`)
    : 'Analyse the shortfall with the evaluator and agree a corrective action.';
  return {
    itemId: improvementItemId(area),
    source: 'drafted',
    areaId: area.id,
    ...(area.teamId !== undefined && { teamId: area.teamId }),
    ...(area.objectiveId !== undefined && { objectiveId: area.objectiveId }),
    issue: rule ? `${rule.title} (${rule.cites.join(', ')}): ${area.detail}` : `${area.title}: ${area.detail}`,
    correctiveAction: corrective,
    capabilityElement: area.dimension !== undefined ? ELEMENT_BY_DIMENSION[area.dimension] : 'planning',
    responsibleOrganisation: area.teamId !== undefined ? names.team(area.teamId) : '',
    pointOfContact: '',
    edits: [],
  };
}

export function applyEdit(item: ImprovementItem, changes: ImprovementItemEdit): void {
  if (changes.objectiveId !== undefined) item.objectiveId = changes.objectiveId;
  if (changes.issue !== undefined) item.issue = changes.issue;
  if (changes.correctiveAction !== undefined) item.correctiveAction = changes.correctiveAction;
  if (changes.capabilityElement !== undefined) item.capabilityElement = changes.capabilityElement;
  if (changes.responsibleOrganisation !== undefined) item.responsibleOrganisation = changes.responsibleOrganisation;
  if (changes.pointOfContact !== undefined) item.pointOfContact = changes.pointOfContact;
  if (changes.startDate !== undefined) item.startDate = changes.startDate;
  if (changes.completionDate !== undefined) item.completionDate = changes.completionDate;
}

export function improvementPlanSection(fold: AarFold, areas: readonly Judgement[]): ImprovementItem[] {
  const items = new Map<string, ImprovementItem>();
  for (const area of areas) {
    const item = draftItem(area, fold.names);
    if (!items.has(item.itemId)) items.set(item.itemId, item);
  }
  const removed = new Set<string>();
  for (const edit of fold.improvementEdits) {
    let item = items.get(edit.itemId);
    if (!item) {
      item = { itemId: edit.itemId, source: 'facilitator', issue: '', correctiveAction: '', capabilityElement: 'planning', responsibleOrganisation: '', pointOfContact: '', edits: [] };
      items.set(edit.itemId, item);
    }
    applyEdit(item, edit.changes);
    item.edits.push(edit.seq);
    if (edit.changes.removed === true) removed.add(edit.itemId);
    if (edit.changes.removed === false) removed.delete(edit.itemId);
  }
  return [...items.values()].filter((item) => !removed.has(item.itemId)).map(inSchemaOrder);
}

/** Edits add fields in any order; the report lists them in the documented order. */
export function inSchemaOrder(item: ImprovementItem): ImprovementItem {
  return {
    itemId: item.itemId,
    source: item.source,
    ...(item.areaId !== undefined && { areaId: item.areaId }),
    ...(item.teamId !== undefined && { teamId: item.teamId }),
    ...(item.objectiveId !== undefined && { objectiveId: item.objectiveId }),
    issue: item.issue,
    correctiveAction: item.correctiveAction,
    capabilityElement: item.capabilityElement,
    responsibleOrganisation: item.responsibleOrganisation,
    pointOfContact: item.pointOfContact,
    ...(item.startDate !== undefined && { startDate: item.startDate }),
    ...(item.completionDate !== undefined && { completionDate: item.completionDate }),
    edits: item.edits,
  };
}
