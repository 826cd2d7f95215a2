// The MSEL as a controller sees it: every scenario inject with its due time and live status, plus ad-hoc injects.
import type { Scenario } from '@ttx/scenario';
import type { ExerciseView } from '../../exercise/exercise-view.js';

export type MselStatus = 'pending' | 'due' | 'released' | 'held' | 'skipped';

export interface MselRow {
  injectId: string;
  title: string;
  body: string;
  severity: string;
  channel: string;
  /** Exercise time it is due at, after edits; undefined for injects released by a condition only. */
  dueAt?: number;
  conditional: boolean;
  audience: string[];
  status: MselStatus;
  hasDecision: boolean;
  adHoc: boolean;
  edited: boolean;
  releasedAt?: number;
}

/** Rows in due order (conditional injects after timed ones, ad-hoc ones by release), with `due` for pending injects past their time. */
export function mselRows(scenario: Scenario, view: ExerciseView, now: number): MselRow[] {
  const allTeams = scenario.teams.map((t) => t.id);
  const released = new Map(view.injects.map((i) => [i.injectId, i]));
  const rows: MselRow[] = scenario.injects.map((inject) => {
    const control = view.control[inject.id];
    const edits = control?.edits ?? {};
    const dueAt = edits.at ?? inject.at;
    const base = control?.status ?? 'pending';
    const status: MselStatus = base === 'pending' && dueAt !== undefined && dueAt <= now && !inject.when ? 'due' : base;
    return {
      injectId: inject.id,
      title: edits.title ?? inject.title,
      body: edits.body ?? inject.body,
      severity: edits.severity ?? inject.severity,
      channel: inject.channel,
      dueAt,
      conditional: inject.when !== undefined,
      audience: edits.audience ?? (inject.audience === 'all' ? allTeams : inject.audience),
      status,
      hasDecision: inject.decision !== undefined,
      adHoc: false,
      edited: Object.keys(edits).length > 0,
      releasedAt: released.get(inject.id)?.releasedAt,
    };
  });
  const known = new Set(rows.map((r) => r.injectId));
  for (const inject of view.injects) {
    if (known.has(inject.injectId)) continue;
    rows.push({
      injectId: inject.injectId,
      title: inject.title,
      body: inject.body,
      severity: inject.severity,
      channel: inject.channel,
      dueAt: inject.releasedAt,
      conditional: false,
      audience: inject.audience,
      status: 'released',
      hasDecision: inject.decision !== undefined,
      adHoc: true,
      edited: false,
      releasedAt: inject.releasedAt,
    });
  }
  const order = (r: MselRow) => r.dueAt ?? r.releasedAt ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => order(a) - order(b));
}
