// The parts of the after-action review a screen can ask for on their own, and the live events a screen that holds
// a review applies to it as they arrive rather than asking for the review again.
import type { EventPayloads } from '@ttx/engine';
import type { AarModel, ImprovementItem } from './aar-model.js';
import { applyEdit, inSchemaOrder } from './improvement-plan.js';

/** Each part and the sections of the review it holds. */
const PART_SECTIONS = {
  overview: ['overview'],
  teams: ['teams'],
  escalation: ['escalation'],
  objectives: ['objectives'],
  judgements: ['strengths', 'areasForImprovement'],
  'improvement-plan': ['improvementPlan'],
  timeline: ['timeline'],
  appendix: ['appendix'],
} as const satisfies Record<string, readonly (keyof AarModel)[]>;

export type ReviewPartName = keyof typeof PART_SECTIONS;
export const REVIEW_PARTS = Object.keys(PART_SECTIONS) as ReviewPartName[];

/** What every part carries: whom it is for and the log position it was built at. */
type PartHeader = Pick<AarModel, 'schemaVersion' | 'audience' | 'generatedAt' | 'asOf'>;
export type ReviewPart<P extends ReviewPartName> = PartHeader & { part: P } & Pick<AarModel, (typeof PART_SECTIONS)[P][number]>;

/** One part of a built review (the JSON `GET …/report?part=` serves), in the review's key order. */
export function reviewPart<P extends ReviewPartName>(model: AarModel, part: P): ReviewPart<P> {
  const header: PartHeader = {
    schemaVersion: model.schemaVersion,
    audience: model.audience,
    ...(model.generatedAt !== undefined && { generatedAt: model.generatedAt }),
    asOf: model.asOf,
  };
  const sections = Object.fromEntries(PART_SECTIONS[part].map((key) => [key, model[key]]));
  return { ...header, part, ...sections } as ReviewPart<P>;
}

/** An event as a live link delivers it: a client is not told its audience, and may see a payload cut down for it
 * (the payloads applied here reach staff whole). */
export interface LiveEvent {
  seq: number;
  type: string;
  payload: unknown;
}

/** The sections of a review (or a part of one) that a live event changes in place. */
export type LiveSections = Partial<Pick<AarModel, 'improvementPlan'>>;

/**
 * A review's sections with one more event of its log applied, for the events a screen can apply as they come
 * (facilitators' edits to the plan items it holds): the same sections the server builds once the event is in its
 * log. `undefined` when the event changes the review in ways only a new build shows (a decision, a finding, an
 * observation, which can draft an area and a plan item, a plan item added or restored).
 */
export function applyLiveEvent<S extends LiveSections>(sections: S, event: LiveEvent): S | undefined {
  if (event.type === 'improvement.edited') {
    const plan = sections.improvementPlan;
    const { itemId, changes } = event.payload as EventPayloads['improvement.edited'];
    const at = plan?.findIndex((item) => item.itemId === itemId) ?? -1;
    if (!plan || at < 0 || changes.removed === false) return undefined;
    if (changes.removed === true) return { ...sections, improvementPlan: plan.filter((item) => item.itemId !== itemId) };
    const item: ImprovementItem = { ...plan[at]!, edits: [...plan[at]!.edits, event.seq] };
    applyEdit(item, changes);
    return { ...sections, improvementPlan: plan.map((old, i) => (i === at ? inSchemaOrder(item) : old)) };
  }
  return undefined;
}
