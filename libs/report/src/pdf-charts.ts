// Vector charts for the PDF report, drawn with pdfkit paths: escalation curves over exercise time per pair of
// states, and score bars by team and dimension.
import type { EscalationChart, ScoreChart } from './chart-data.js';
import { ticks } from './chart-data.js';
import { INK, MUTED, RULE, type PdfLayout } from './pdf-layout.js';
import { formatExerciseTime } from './report-format.js';

const LEGEND_ROW = 13;

type LegendItem = { colour: string; label: string };

/** Two columns when every label fits half the width, else one: a long pair of state names is never cut or wrapped. */
function legendColumns(layout: PdfLayout, items: readonly LegendItem[]): number {
  layout.doc.font(layout.body).fontSize(8.5);
  const half = layout.width / 2 - 18;
  return items.every((item) => layout.doc.widthOfString(layout.text(item.label, 80)) <= half) ? 2 : 1;
}

function legendHeight(layout: PdfLayout, items: readonly LegendItem[]): number {
  return Math.ceil(items.length / legendColumns(layout, items)) * LEGEND_ROW;
}

function legend(layout: PdfLayout, items: readonly LegendItem[], y: number): number {
  const doc = layout.doc;
  const columns = legendColumns(layout, items);
  const colW = layout.width / columns;
  items.forEach((item, i) => {
    const x = layout.left + (i % columns) * colW;
    const rowY = y + Math.floor(i / columns) * LEGEND_ROW;
    doc.rect(x, rowY + 1, 9, 9).fill(item.colour);
    doc.fillColor(INK).text(layout.text(item.label, 80), x + 14, rowY + 1, { width: colW - 18, height: 10, ellipsis: true });
  });
  return y + legendHeight(layout, items);
}

export function drawEscalationChart(layout: PdfLayout, chart: EscalationChart, height = 210): void {
  const doc = layout.doc;
  const items = chart.series.map((s) => ({ colour: s.colour, label: `${s.label} (peak ESC-${s.peak})` }));
  const legendH = legendHeight(layout, items) + 24;
  layout.ensureSpace(height + legendH);
  const top = doc.y;
  const m = { l: 44, r: 8, t: 6, b: 22 };
  const x0 = layout.left + m.l;
  const pw = layout.width - m.l - m.r;
  const ph = height - m.t - m.b;
  const y0 = top + m.t;
  const x = (t: number) => x0 + (t / chart.xMax) * pw;
  const y = (level: number) => y0 + ph - (level / 10) * ph;
  doc.font(layout.body).fontSize(7.5);
  for (let level = 0; level <= 10; level += 2) {
    doc.moveTo(x0, y(level)).lineTo(x0 + pw, y(level)).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.fillColor(MUTED).text(`ESC-${level}`, layout.left, y(level) - 3.5, { width: m.l - 6, align: 'right', lineBreak: false });
  }
  for (let i = 0; i <= 4; i += 1) {
    const t = (chart.xMax * i) / 4;
    doc.fillColor(MUTED).text(formatExerciseTime(t), x(t) - 30, y0 + ph + 6, { width: 60, align: 'center', lineBreak: false });
  }
  doc.moveTo(x0, y0).lineTo(x0, y0 + ph).lineTo(x0 + pw, y0 + ph).lineWidth(0.8).strokeColor(INK).stroke();
  for (const s of chart.series) {
    doc.moveTo(x(s.points[0][0]), y(s.points[0][1]));
    for (let i = 1; i < s.points.length; i += 1) {
      doc.lineTo(x(s.points[i][0]), y(s.points[i - 1][1]));
      doc.lineTo(x(s.points[i][0]), y(s.points[i][1]));
    }
    doc.lineWidth(1.6).strokeColor(s.colour).stroke();
  }
  const after = legend(layout, items, top + height + 4);
  doc.font(layout.body).fontSize(8).fillColor(MUTED).text('Escalation level (ESC-0 to ESC-10) of each state toward another, over exercise time (HH:MM:SS).', layout.left, after + 2, { width: layout.width });
  doc.y += 6;
  doc.x = layout.left;
}

export function drawScoreChart(layout: PdfLayout, chart: ScoreChart, height = 200): void {
  const doc = layout.doc;
  const items = chart.teams.map((t) => ({ colour: t.colour, label: t.name }));
  const legendH = legendHeight(layout, items) + 24;
  layout.ensureSpace(height + legendH);
  const top = doc.y;
  const m = { l: 34, r: 8, t: 6, b: 30 };
  const x0 = layout.left + m.l;
  const pw = layout.width - m.l - m.r;
  const ph = height - m.t - m.b;
  const y0 = top + m.t;
  const span = chart.max - chart.min || 1;
  const y = (v: number) => y0 + ph - ((v - chart.min) / span) * ph;
  doc.font(layout.body).fontSize(7.5);
  for (const tick of ticks(chart.min, chart.max)) {
    doc.moveTo(x0, y(tick)).lineTo(x0 + pw, y(tick)).lineWidth(0.4).strokeColor(RULE).stroke();
    doc.fillColor(MUTED).text(String(tick), layout.left, y(tick) - 3.5, { width: m.l - 6, align: 'right', lineBreak: false });
  }
  const groupW = pw / Math.max(1, chart.dimensions.length);
  const barW = Math.max(1.5, (groupW * 0.8) / Math.max(1, chart.teams.length));
  chart.dimensions.forEach((dim, di) => {
    const gx = x0 + di * groupW + groupW * 0.1;
    chart.teams.forEach((team, ti) => {
      const v = team.values[di];
      const h = Math.max(0.6, Math.abs(y(v) - y(0)));
      doc.rect(gx + ti * barW, Math.min(y(v), y(0)), barW - 0.8, h).fill(team.colour);
    });
    doc.fillColor(INK).fontSize(7.5).text(layout.text(dim.label), x0 + di * groupW + 2, y0 + ph + 5, { width: groupW - 4, align: 'center' });
  });
  doc.moveTo(x0, y(0)).lineTo(x0 + pw, y(0)).lineWidth(0.8).strokeColor(INK).stroke();
  doc.moveTo(x0, y0).lineTo(x0, y0 + ph).lineWidth(0.8).strokeColor(INK).stroke();
  const after = legend(layout, items, top + height + 4);
  doc.font(layout.body).fontSize(8).fillColor(MUTED).text('Points by dimension: rule findings plus controller adjustments.', layout.left, after + 2, { width: layout.width });
  doc.y += 6;
  doc.x = layout.left;
}
