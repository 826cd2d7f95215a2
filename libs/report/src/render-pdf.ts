// The AAR as a PDF a facilitator can hand over: cover page, table of contents with page numbers, numbered
// pages, HSEEP sections, tables and vector charts. The document's dates come from the log, never a clock.
import type { AarModel } from './aar-model.js';
import { ACCENT, EMBEDDED_FONTS, INK, MUTED, NeedsUnicodeFonts, PdfLayout, type FontCoverage, type LayoutText, type PdfDoc } from './pdf-layout.js';
import { drawSection, drawTeamSection } from './pdf-sections.js';
import { reportSections } from './report-outline.js';
import { formatExerciseTime, formatWallTime, reportPeriod, reportTitle, scoreText } from './report-format.js';

export interface PdfRenderOptions {
  /**
   * TrueType fonts (the shells pass DejaVu Sans and its bold) embedded when some printed text is outside WinAnsi,
   * the only characters the standard PDF fonts show; without them such characters print as "?".
   */
  fonts?: PdfFonts;
}

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

interface TocEntry {
  title: string;
  page: number;
  level: 1 | 2;
  destination: string;
}

const MARGINS = { top: 60, bottom: 64, left: 56, right: 56 };

function drawCover(layout: PdfLayout, model: AarModel): void {
  const doc = layout.doc;
  const o = model.overview;
  doc.rect(0, 0, doc.page.width, 150).fill(ACCENT);
  doc.font(layout.bold).fontSize(12).fillColor('#ffffff').text('TTX TABLETOP CYBER EXERCISE', layout.left, 60, { width: layout.width, characterSpacing: 1.5 });
  doc.font(layout.body).fontSize(11).text('For exercise purposes only', layout.left, 82, { width: layout.width });
  doc.font(layout.body).fontSize(14).fillColor(MUTED).text(layout.text(reportTitle(model)), layout.left, 200, { width: layout.width });
  doc.font(layout.bold).fontSize(28).fillColor(INK).text(layout.text(o.name), layout.left, 228, { width: layout.width });
  doc.moveDown(0.4);
  doc.font(layout.body).fontSize(13).fillColor(INK).text(layout.text(o.scenario.title), { width: layout.width });
  doc.moveDown(0.3);
  doc.fontSize(12).fillColor(MUTED).text(reportPeriod(model), { width: layout.width });
  doc.moveDown(2);
  const status = model.asOf.final
    ? 'Final report: the exercise has ended.'
    : `Interim report as of exercise time ${formatExerciseTime(model.asOf.exerciseTime)} (event ${model.asOf.seq}); the exercise is ${o.status}.`;
  layout.paragraph(status, { bold: true });
  const top = model.escalation.pairs.find((p) => p.key === model.escalation.maxPair);
  layout.facts([
    ['Teams', model.teams.map((t) => `${t.name} (${scoreText(t, t.score.total)})`).join(', ')],
    ['Highest escalation', `ESC-${model.escalation.maxLevel}${top ? `, ${top.fromName} toward ${top.toName}` : ''}`],
    ['Areas for improvement', String(model.areasForImprovement.length)],
    ['Strengths', String(model.strengths.length)],
    ['Rules of engagement', o.ruleSet.title],
  ]);
  doc.font(layout.body).fontSize(9).fillColor(MUTED);
  const footer = [`AAR schema version ${model.schemaVersion}`, model.generatedAt !== undefined ? `generated ${formatWallTime(model.generatedAt)}` : '', `scenario ${o.scenario.id} ${o.scenario.version}`].filter(Boolean).join(' | ');
  doc.text(layout.text(footer), layout.left, doc.page.height - MARGINS.bottom - 20, { width: layout.width });
}

function drawToc(doc: PdfDoc, layout: PdfLayout, entries: TocEntry[]): void {
  doc.switchToPage(1);
  doc.y = MARGINS.top;
  layout.heading('Contents', 1);
  for (const entry of entries) {
    const indent = entry.level === 1 ? 0 : 16;
    const y = doc.y;
    doc.font(entry.level === 1 ? layout.bold : layout.body).fontSize(entry.level === 1 ? 11 : 10).fillColor(INK);
    const title = layout.text(entry.title, 90);
    doc.text(title, layout.left + indent, y, { width: layout.width - indent - 40, lineBreak: false, goTo: entry.destination });
    const titleEnd = layout.left + indent + doc.widthOfString(title) + 4;
    const pageX = layout.left + layout.width - 30;
    doc.moveTo(titleEnd, y + 9).lineTo(pageX - 4, y + 9).dash(1, { space: 2 }).lineWidth(0.5).strokeColor(MUTED).stroke().undash();
    doc.text(String(entry.page), pageX, y, { width: 30, align: 'right', lineBreak: false, goTo: entry.destination });
    doc.y = y + (entry.level === 1 ? 20 : 16);
  }
}

function drawPageFurniture(doc: PdfDoc, layout: PdfLayout, model: AarModel): void {
  const range = doc.bufferedPageRange();
  const label = layout.text(`${model.overview.name}: ${reportTitle(model)}`, 90);
  for (let i = range.start; i < range.start + range.count; i += 1) {
    if (i === 0) continue;
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    doc.moveTo(MARGINS.left, y - 6).lineTo(doc.page.width - MARGINS.right, y - 6).lineWidth(0.5).strokeColor('#d5d8dc').stroke();
    doc.font(layout.body).fontSize(8).fillColor(MUTED);
    doc.text(label, MARGINS.left, y, { width: 380, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, doc.page.width - MARGINS.right - 100, y, { width: 100, align: 'right', lineBreak: false });
    doc.text('EXERCISE', MARGINS.left, 30, { width: doc.page.width - MARGINS.left - MARGINS.right, align: 'center', lineBreak: false, characterSpacing: 2 });
    doc.page.margins.bottom = bottom;
  }
}

function collect(doc: PdfDoc): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('error', reject);
    doc.on('end', () => {
      const size = chunks.reduce((n, c) => n + c.length, 0);
      const out = new Uint8Array(size);
      let offset = 0;
      for (const c of chunks) {
        out.set(c, offset);
        offset += c.length;
      }
      resolve(out);
    });
  });
}

/**
 * Renders the report as PDF bytes: with the standard fonts (small, fast), or, when the report prints a character
 * they lack and fonts are given, again from the start with those fonts embedded.
 */
export async function renderAarPdf(model: AarModel, options: PdfRenderOptions = {}): Promise<Uint8Array> {
  const fonts = options.fonts;
  try {
    return await renderWith(model, fonts !== undefined);
  } catch (error) {
    if (!(error instanceof NeedsUnicodeFonts) || !fonts) throw error;
    return renderWith(model, false, fonts);
  }
}

/** The characters both embedded fonts have glyphs for, each looked up once. */
function coverage(doc: PdfDoc): FontCoverage {
  const glyphs = [EMBEDDED_FONTS.body, EMBEDDED_FONTS.bold].map((name) => (doc.font(name) as unknown as { _font: { font: { hasGlyphForCodePoint(code: number): boolean } } })._font.font);
  const known = new Map<number, boolean>();
  return (code) => {
    let shown = known.get(code);
    if (shown === undefined) known.set(code, (shown = glyphs.every((g) => g.hasGlyphForCodePoint(code))));
    return shown;
  };
}

async function renderWith(model: AarModel, stopAtReplacement: boolean, fonts?: PdfFonts): Promise<Uint8Array> {
  // pdfkit (~0.15 s of CPU to load) is loaded with the first PDF, so a JSON, CSV or HTML report does not wait for it.
  const { default: PDFDocument } = await import('pdfkit');
  const stamp = model.generatedAt ?? model.asOf.at ?? 0;
  const doc: PdfDoc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: {
      Author: 'TTX',
      Creator: 'TTX after-action review',
      CreationDate: new Date(stamp),
      ModDate: new Date(stamp),
    },
  });
  const textMode: LayoutText = { stopAtReplacement };
  if (fonts) {
    doc.registerFont(EMBEDDED_FONTS.body, fonts.regular);
    doc.registerFont(EMBEDDED_FONTS.bold, fonts.bold);
    textMode.covers = coverage(doc);
  }
  const layout = new PdfLayout(doc, textMode);
  doc.info.Title = layout.text(`${reportTitle(model)}: ${model.overview.name}`);
  doc.info.Subject = layout.text(model.overview.scenario.title);
  const bytes = collect(doc);
  drawCover(layout, model);
  doc.addPage();
  const toc: TocEntry[] = [];
  const start = (title: string, level: 1 | 2, destination: string) => {
    doc.addNamedDestination(destination);
    toc.push({ title, page: doc.bufferedPageRange().count, level, destination });
    doc.outline.addItem(layout.text(title));
  };
  for (const section of reportSections(model)) {
    doc.addPage();
    start(section.title, 1, section.id);
    layout.heading(section.title, 1);
    if (section.id === 'teams') {
      for (const team of model.teams) {
        if (doc.y > MARGINS.top + 40) doc.addPage();
        toc.push({ title: team.name, page: doc.bufferedPageRange().count, level: 2, destination: `team-${team.teamId}` });
        doc.addNamedDestination(`team-${team.teamId}`);
        drawTeamSection(layout, team);
      }
    } else {
      drawSection(layout, model, section.id);
    }
  }
  drawToc(doc, layout, toc);
  drawPageFurniture(doc, layout, model);
  doc.end();
  return bytes;
}
