// What a facilitator's edit of an improvement-plan item sends: only the fields that changed, in the shape of the
// `improvement.edit` message (dates only when they are whole ISO dates; a date cannot be unset, only replaced).
import type { CapabilityElement, ImprovementItemEdit } from '@ttx/engine';
import type { ImprovementItem } from '@ttx/report/browser';

export interface ImprovementDraft {
  issue: string;
  correctiveAction: string;
  capabilityElement: CapabilityElement;
  responsibleOrganisation: string;
  pointOfContact: string;
  startDate: string;
  completionDate: string;
}

const TEXT_FIELDS = ['issue', 'correctiveAction', 'responsibleOrganisation', 'pointOfContact'] as const;
const DATE_FIELDS = ['startDate', 'completionDate'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function draftOf(item?: ImprovementItem): ImprovementDraft {
  return {
    issue: item?.issue ?? '',
    correctiveAction: item?.correctiveAction ?? '',
    capabilityElement: item?.capabilityElement ?? 'planning',
    responsibleOrganisation: item?.responsibleOrganisation ?? '',
    pointOfContact: item?.pointOfContact ?? '',
    startDate: item?.startDate ?? '',
    completionDate: item?.completionDate ?? '',
  };
}

/** The changes from `before` to `draft`; a new item (no `before`) sends everything it has. */
export function improvementChanges(before: ImprovementItem | undefined, draft: ImprovementDraft): ImprovementItemEdit {
  const base = draftOf(before);
  const changes: ImprovementItemEdit = {};
  for (const field of TEXT_FIELDS) {
    const value = draft[field].trim();
    if (value !== base[field] || (!before && value)) changes[field] = value;
  }
  if (draft.capabilityElement !== base.capabilityElement || !before) changes.capabilityElement = draft.capabilityElement;
  for (const field of DATE_FIELDS) {
    if (ISO_DATE.test(draft[field]) && draft[field] !== base[field]) changes[field] = draft[field];
  }
  return changes;
}

/** Why the draft cannot be saved yet, in words for the facilitator; undefined when it can. */
export function problemWithDraft(draft: ImprovementDraft): string | undefined {
  if (!draft.issue.trim()) return 'Describe the issue the item answers.';
  if (!draft.correctiveAction.trim()) return 'Say what corrective action will be taken.';
  if (draft.startDate && draft.completionDate && draft.completionDate < draft.startDate) {
    return 'The completion date comes before the start date.';
  }
  return undefined;
}

/** An id for an item a facilitator adds: letters, digits and dashes, unlike the drafted `ip-<team>-<rule>` ids. */
export function newImprovementItemId(random: string): string {
  return `ip-added-${random.replace(/[^A-Za-z0-9]/g, '').slice(0, 24).toLowerCase()}`;
}
