// The series both chart renderers draw (SVG in HTML, vector paths in PDF), so the two always show the same thing.
import type { AarModel } from './aar-model.js';
import { DIMENSION_LABELS } from './report-format.js';

export const CHART_COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#d68910', '#7d3c98', '#17808a', '#a04000', '#5d6d7e'];

export interface StepSeries {
  key: string;
  label: string;
  colour: string;
  peak: number;
  /** [exercise ms, level] from 0 to the end of the report, one entry per change. */
  points: [number, number][];
}

export interface EscalationChart {
  xMax: number;
  series: StepSeries[];
}

/** Keeps a step series readable and small: per time bucket, the lowest and highest level in time order. */
function thin(points: [number, number][], limit: number, xMax: number): [number, number][] {
  if (points.length <= limit) return points;
  const buckets = Math.max(1, Math.floor(limit / 2));
  const out: [number, number][] = [points[0]];
  let bucket = -1;
  let lo: [number, number] | undefined;
  let hi: [number, number] | undefined;
  const flush = () => {
    if (lo && hi) out.push(...(lo[0] <= hi[0] ? [lo, hi] : [hi, lo]).filter((p, i, a) => i === 0 || p !== a[0]));
  };
  for (let i = 1; i < points.length; i += 1) {
    const p = points[i];
    const b = Math.min(buckets - 1, Math.floor((p[0] / Math.max(1, xMax)) * buckets));
    if (b !== bucket) {
      flush();
      bucket = b;
      lo = hi = p;
    } else {
      if (p[1] < (lo as [number, number])[1]) lo = p;
      if (p[1] >= (hi as [number, number])[1]) hi = p;
    }
  }
  flush();
  const last = points[points.length - 1];
  if (out[out.length - 1] !== last) out.push([last[0], last[1]]);
  return out;
}

/** One curve per ordered pair of states that ever left ESC-0; at most eight, the highest peaks first. */
export function escalationChart(model: AarModel, limit = 400): EscalationChart {
  const xMax = Math.max(1, model.asOf.exerciseTime, ...model.escalation.pairs.map((p) => p.points.at(-1)?.exerciseTime ?? 0));
  const pairs = model.escalation.pairs
    .filter((p) => p.peak > 0)
    .sort((a, b) => b.peak - a.peak || a.key.localeCompare(b.key))
    .slice(0, CHART_COLOURS.length);
  return {
    xMax,
    series: pairs.map((p, i) => {
      const raw: [number, number][] = [[0, 0], ...p.points.map((pt): [number, number] => [pt.exerciseTime, pt.level])];
      const points = thin(raw, limit, xMax);
      if (points[points.length - 1][0] < xMax) points.push([xMax, points[points.length - 1][1]]);
      return { key: p.key, label: `${p.fromName} toward ${p.toName}`, colour: CHART_COLOURS[i], peak: p.peak, points };
    }),
  };
}

export interface ScoreChart {
  dimensions: { id: string; label: string }[];
  teams: { teamId: string; name: string; colour: string; values: number[] }[];
  min: number;
  max: number;
}

/** Score by team and dimension, for the teams that played; the scale always includes zero. */
export function scoreChart(model: AarModel): ScoreChart {
  const dimensions = (model.teams[0]?.score.dimensions ?? []).map((d) => ({ id: d.dimension, label: DIMENSION_LABELS[d.dimension] ?? d.dimension }));
  const teams = model.teams.filter((t) => t.played).map((t, i) => ({
    teamId: t.teamId,
    name: t.name,
    colour: CHART_COLOURS[i % CHART_COLOURS.length],
    values: t.score.dimensions.map((d) => d.total),
  }));
  const all = teams.flatMap((t) => t.values);
  return { dimensions, teams, min: Math.min(0, ...all), max: Math.max(0, ...all, 1) };
}

/** Round tick values for an axis from `min` to `max`. */
export function ticks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}
