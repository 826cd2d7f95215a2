// The sections every rendering shows, in HSEEP AAR/IP order, and how much of a long log each one prints.
import type { AarModel } from './aar-model.js';

export type SectionId = 'overview' | 'scores' | 'escalation' | 'objectives' | 'strengths' | 'areas' | 'teams' | 'timeline' | 'plan' | 'appendix';

export interface ReportSection {
  id: SectionId;
  title: string;
}

export function reportSections(model: AarModel): ReportSection[] {
  const debrief = model.audience.kind === 'team';
  return [
    { id: 'overview', title: 'Exercise overview' },
    { id: 'scores', title: debrief ? 'Score by dimension' : 'Scores by team and dimension' },
    { id: 'escalation', title: 'Escalation between states' },
    { id: 'objectives', title: 'Objectives and ratings' },
    { id: 'strengths', title: 'Strengths' },
    { id: 'areas', title: 'Areas for improvement' },
    { id: 'teams', title: debrief ? 'Team analysis' : 'Analysis by team' },
    { id: 'timeline', title: 'Timeline' },
    { id: 'plan', title: 'Appendix A: Improvement plan' },
    { id: 'appendix', title: 'Appendix B: Participants and rules library' },
  ];
}

/** Printed documents list at most this many rows of each long table; the CSV files always hold everything. */
export const TIMELINE_LIMITS = {
  html: 2000,
  /** Key decisions: those behind escalation peaks, then the heaviest violations. */
  pdfDecisions: 30,
  pdfEvents: 100,
  /** The latest messages of each channel, after the per-channel summary. */
  pdfMessages: 8,
  /** Key findings per team (violations first), after the per-rule summary. */
  pdfFindingsPerTeam: 15,
} as const;
