// The text `ttx rescore` prints without --json: both scoreboards side by side, then the findings that differ.
import type { FindingChange, RescoreResult } from '@ttx/report';
import { DIMENSIONS } from '@ttx/scenario';

const points = (n: number) => (n > 0 ? `+${n}` : String(n));
const change = (n: number) => (n === 0 ? '' : points(Math.round(n * 100) / 100));

/** Rows of cells as columns padded to their widest cell; `right` lists the columns aligned right (numbers). */
function table(rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((row) =>
    `  ${row.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd(),
  );
}

function scoreRows(result: RescoreResult): string[][] {
  const rows = [['team', 'dimension', 'recorded', 're-scored', 'change']];
  for (const team of result.recorded.teams) {
    const after = result.rescored.teams.find((t) => t.teamId === team.teamId) ?? team;
    rows.push([team.teamName, 'total', points(team.total), points(after.total), change(after.total - team.total)]);
    for (const dimension of DIMENSIONS) {
      const was = team.byDimension[dimension];
      const now = after.byDimension[dimension];
      if (was !== 0 || now !== 0) rows.push(['', dimension, points(was), points(now), change(now - was)]);
    }
  }
  return rows;
}

function about(c: FindingChange): string {
  if (c.decisionId !== undefined) return `decision ${c.decisionId}`;
  if (c.injectId !== undefined) return `inject ${c.injectId}`;
  return `event ${c.seq}`;
}

function changeRows(changes: readonly FindingChange[]): string[][] {
  const rows = [['seq', 'team', 'rule', 'about', 'change', 'recorded', 're-scored', 'points']];
  for (const c of changes)
    rows.push([
      String(c.seq),
      c.teamName,
      c.ruleId,
      about(c),
      c.change,
      c.before ? `${points(c.before.delta)} ${c.before.dimension}` : '—',
      c.after ? `${points(c.after.delta)} ${c.after.dimension}` : '—',
      points(c.pointsDelta),
    ]);
  return rows;
}

export function formatRescoreText(result: RescoreResult): string[] {
  const exercise = result.exercise ? `exercise ${result.exercise.name ?? result.exercise.id}, ` : '';
  const { recorded, rescored } = result;
  const lines = [
    `${result.scenario.title} — re-scored (${exercise}${result.events} events)`,
    `recorded under ${recorded.ruleSet.id} (${recorded.ruleSet.title})`,
    `re-scored under ${rescored.ruleSet.id} (${rescored.ruleSet.title})`,
    '',
    'Scores',
    ...table(scoreRows(result), new Set([2, 3, 4])),
    '',
  ];
  if (result.changes.length === 0) lines.push('No finding differs: both rule sets judge this log alike.');
  else lines.push(`Findings that differ (${result.changes.length})`, ...table(changeRows(result.changes), new Set([0, 7])));
  return lines;
}
