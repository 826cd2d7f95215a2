// The text `ttx simulate` prints without --json: the timeline, then scores and escalation peaks.
import { formatOffset, type ActionCatalogue, type Scenario } from '@ttx/scenario';
import type { SimulationRun } from './run-simulation.js';
import type { SimulationSummary } from './simulation-summary.js';
import { formatTimeline } from './timeline-text.js';

export function formatSimulationText(scenario: Scenario, catalogue: ActionCatalogue, run: SimulationRun, summary: SimulationSummary): string[] {
  const lines = [`${scenario.title} — simulation, seed ${summary.seed}, speed ${summary.speed}×`, ''];
  lines.push(...formatTimeline(run.events, scenario, catalogue), '', 'Scores');
  const width = Math.max(...summary.teams.map((t) => t.name.length));
  for (const team of summary.teams) {
    const breakdown = Object.entries(team.breakdown)
      .filter(([, value]) => value !== 0)
      .map(([dimension, value]) => `${dimension} ${value > 0 ? '+' : ''}${value}`)
      .join(', ');
    lines.push(
      `  ${team.name.padEnd(width)}  ${String(team.score).padStart(5)}  ${team.policy.padEnd(10)} ${team.findings.length} findings${breakdown ? ` (${breakdown})` : ''}`,
    );
  }
  const peaks = Object.entries(summary.escalation.peaks).filter(([, level]) => level > 0);
  lines.push('', `Escalation: highest ESC-${summary.escalation.max}`);
  for (const [pair, level] of peaks) lines.push(`  ${pair.replace('>', ' > ')}: peak ESC-${level}, final ESC-${summary.escalation.final[pair] ?? 0}`);
  if (summary.refusals.length > 0) lines.push('', 'Refused bot commands', ...summary.refusals.map((r) => `  ${r}`));
  lines.push('', `${summary.events} events over ${formatOffset(summary.exerciseTime)} of exercise time; digest ${summary.digest}`);
  return lines;
}
