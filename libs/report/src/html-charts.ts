// Inline SVG charts for the HTML report: escalation curves over exercise time and score bars by team and dimension.
import type { EscalationChart, ScoreChart } from './chart-data.js';
import { ticks } from './chart-data.js';
import { formatExerciseTime } from './report-format.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

export function svgEscalationChart(chart: EscalationChart): string {
  if (chart.series.length === 0) return '<p class="muted">No pair of states left ESC-0.</p>';
  const w = 720;
  const h = 280;
  const m = { l: 56, r: 16, t: 12, b: 36 };
  const pw = w - m.l - m.r;
  const ph = h - m.t - m.b;
  const x = (t: number) => m.l + (t / chart.xMax) * pw;
  const y = (level: number) => m.t + ph - (level / 10) * ph;
  const grid: string[] = [];
  for (let level = 0; level <= 10; level += 2) {
    grid.push(`<line x1="${m.l}" x2="${w - m.r}" y1="${fmt(y(level))}" y2="${fmt(y(level))}" class="grid"/>`);
    grid.push(`<text x="${m.l - 6}" y="${fmt(y(level) + 4)}" text-anchor="end">ESC-${level}</text>`);
  }
  for (let i = 0; i <= 4; i += 1) {
    const t = (chart.xMax * i) / 4;
    grid.push(`<text x="${fmt(x(t))}" y="${h - m.b + 16}" text-anchor="middle">${formatExerciseTime(t)}</text>`);
  }
  const lines = chart.series.map((s) => {
    let d = `M${fmt(x(s.points[0][0]))} ${fmt(y(s.points[0][1]))}`;
    for (let i = 1; i < s.points.length; i += 1) {
      d += `H${fmt(x(s.points[i][0]))}V${fmt(y(s.points[i][1]))}`;
    }
    return `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"><title>${escapeHtml(s.label)}</title></path>`;
  });
  const legend = chart.series
    .map((s) => `<li><span class="swatch" style="background:${s.colour}"></span>${escapeHtml(s.label)} (peak ESC-${s.peak})</li>`)
    .join('');
  return `<figure><svg viewBox="0 0 ${w} ${h}" role="img" aria-label="Escalation level between states over exercise time">${grid.join('')}<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${m.t + ph}" class="axis"/><line x1="${m.l}" x2="${w - m.r}" y1="${m.t + ph}" y2="${m.t + ph}" class="axis"/>${lines.join('')}</svg><figcaption>Escalation level (ESC-0 to ESC-10) of each state toward another, over exercise time.</figcaption><ul class="legend">${legend}</ul></figure>`;
}

export function svgScoreChart(chart: ScoreChart): string {
  if (chart.teams.length === 0) return '';
  const w = 720;
  const h = 300;
  const m = { l: 48, r: 16, t: 12, b: 64 };
  const pw = w - m.l - m.r;
  const ph = h - m.t - m.b;
  const y = (v: number) => m.t + ph - ((v - chart.min) / (chart.max - chart.min)) * ph;
  const groupW = pw / Math.max(1, chart.dimensions.length);
  const barW = Math.max(2, (groupW * 0.8) / chart.teams.length);
  const parts: string[] = [];
  for (const tick of ticks(chart.min, chart.max)) {
    parts.push(`<line x1="${m.l}" x2="${w - m.r}" y1="${fmt(y(tick))}" y2="${fmt(y(tick))}" class="grid"/>`);
    parts.push(`<text x="${m.l - 6}" y="${fmt(y(tick) + 4)}" text-anchor="end">${tick}</text>`);
  }
  chart.dimensions.forEach((dim, di) => {
    const gx = m.l + di * groupW + groupW * 0.1;
    chart.teams.forEach((team, ti) => {
      const v = team.values[di];
      const top = Math.min(y(v), y(0));
      const height = Math.max(0.5, Math.abs(y(v) - y(0)));
      parts.push(`<rect x="${fmt(gx + ti * barW)}" y="${fmt(top)}" width="${fmt(barW - 1)}" height="${fmt(height)}" fill="${team.colour}"><title>${escapeHtml(team.name)}, ${escapeHtml(dim.label)}: ${v}</title></rect>`);
    });
    parts.push(`<text x="${fmt(m.l + di * groupW + groupW / 2)}" y="${h - m.b + 16}" text-anchor="middle">${escapeHtml(dim.label.split(' ')[0])}</text>`);
  });
  parts.push(`<line x1="${m.l}" x2="${w - m.r}" y1="${fmt(y(0))}" y2="${fmt(y(0))}" class="axis"/>`);
  const legend = chart.teams.map((t) => `<li><span class="swatch" style="background:${t.colour}"></span>${escapeHtml(t.name)}</li>`).join('');
  return `<figure><svg viewBox="0 0 ${w} ${h}" role="img" aria-label="Score by team and dimension">${parts.join('')}</svg><figcaption>Score by dimension (rule findings plus controller adjustments).</figcaption><ul class="legend">${legend}</ul></figure>`;
}
