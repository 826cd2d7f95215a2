// Page layout for the PDF report on top of pdfkit: headings, paragraphs, fact lists and tables that break across
// pages and repeat their header row.
import type PDFDocument from 'pdfkit';

export type PdfDoc = InstanceType<typeof PDFDocument>;

export const INK = '#1b2631';
export const MUTED = '#5d6d7e';
export const ACCENT = '#1f5fa8';
export const RULE = '#d5d8dc';
/** The standard fonts (WinAnsi only, nothing embedded), and the names embedded Unicode fonts are registered under. */
export const STANDARD_FONTS = { body: 'Helvetica', bold: 'Helvetica-Bold' } as const;
export const EMBEDDED_FONTS = { body: 'ttx-body', bold: 'ttx-bold' } as const;

// WinAnsi, the encoding of the standard PDF fonts: Latin-1 plus these.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const MAX_CELL = 700;

/** Thrown by a layout told to stop at the first character the standard fonts cannot show. */
export class NeedsUnicodeFonts extends Error {
  constructor() {
    super('The report holds text outside WinAnsi.');
  }
}

/** Whether the embedded fonts have a glyph for a code point. */
export type FontCoverage = (codePoint: number) => boolean;

/**
 * Text the fonts can show: control characters become spaces, characters the fonts lack "?" (each one told to
 * `onReplace`). Without `covers` the fonts are the standard ones, which show WinAnsi only.
 */
export function pdfText(text: string, max = Infinity, covers?: FontCoverage, onReplace?: () => void): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (code < 32 || (code >= 127 && code < 160)) out += ' ';
    else if (covers ? covers(code) : code < 256 || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else {
      out += '?';
      onReplace?.();
    }
  }
  if (out.length <= max) return out;
  // Never cut between the two halves of a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(out[max - 4] ?? '') ? max - 4 : max - 3;
  return `${out.slice(0, cut)}...`;
}

export interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

interface MeasuredFont {
  widthOfString(text: string, size: number, features?: unknown): number;
  /** The AFM metrics of a standard font (pdfkit's StandardFont); embedded fonts have none. */
  font?: { kernPairs?: Record<string, number>; getKernPair?: (left: string, right?: string) => number };
}

/** pdfkit looks up each kerning pair by building the key `left\0right`; two map lookups give the same amounts. */
function indexKerning(font: MeasuredFont): void {
  const afm = font.font;
  if (!afm?.kernPairs || typeof afm.getKernPair !== 'function') return;
  const byLeft = new Map<string, Map<string, number>>();
  for (const [key, amount] of Object.entries(afm.kernPairs)) {
    const [left, right] = key.split('\u0000');
    let rights = byLeft.get(left);
    if (!rights) byLeft.set(left, (rights = new Map()));
    rights.set(right, amount);
  }
  afm.getKernPair = (left: string, right?: string): number => (right === undefined ? 0 : (byLeft.get(left)?.get(right) ?? 0)) || 0;
}

/**
 * pdfkit measures each word glyph by glyph through that kerning lookup, once to size a cell and again to draw it;
 * a report repeats few distinct words, so their widths are kept per font (at size 1000: pdfkit's own formula scales
 * them linearly), and each standard font's kerning table is indexed once.
 */
export function speedUpTextMetrics(doc: PdfDoc): void {
  const measure = doc.widthOfString.bind(doc);
  const fonts = new WeakMap<MeasuredFont, Map<string, number>>();
  const state = doc as unknown as { _font: MeasuredFont; _fontSize: number };
  doc.widthOfString = (text: string, options?: PDFKit.Mixins.TextOptions): number => {
    if (options?.features !== undefined) return measure(text, options);
    const font = state._font;
    let widths = fonts.get(font);
    if (!widths) {
      indexKerning(font);
      fonts.set(font, (widths = new Map()));
    }
    let unit = widths.get(text);
    if (unit === undefined) widths.set(text, (unit = font.widthOfString(text, 1000)));
    const scaling = (options as { horizontalScaling?: number } | undefined)?.horizontalScaling || 100;
    return ((unit * (state._fontSize / 1000)) + (options?.characterSpacing || 0) * (text.length - 1)) * scaling / 100;
  };
}

export interface LayoutText {
  /** Given when the fonts drawn with are the embedded ones (EMBEDDED_FONTS): which characters they show. */
  covers?: FontCoverage;
  /** Throw NeedsUnicodeFonts at the first replaced character (Unicode fonts are at hand to render again). */
  stopAtReplacement: boolean;
}

export class PdfLayout {
  /** The regular and bold fonts drawn with: standard, or the registered embedded ones. */
  readonly body: string;
  readonly bold: string;
  private readonly onReplace?: () => void;

  constructor(
    readonly doc: PdfDoc,
    private readonly textMode: LayoutText = { stopAtReplacement: false },
  ) {
    speedUpTextMetrics(doc);
    ({ body: this.body, bold: this.bold } = textMode.covers ? EMBEDDED_FONTS : STANDARD_FONTS);
    if (textMode.stopAtReplacement) {
      this.onReplace = () => {
        throw new NeedsUnicodeFonts();
      };
    }
  }

  /** Text as the fonts in use can show it (see pdfText), cut to `max` characters. */
  text(text: string, max = Infinity): string {
    return pdfText(text, max, this.textMode.covers, this.onReplace);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    this.ensureSpace(size * 3);
    if (level > 1) this.doc.moveDown(0.6);
    this.doc.font(this.bold).fontSize(size).fillColor(level === 1 ? ACCENT : INK);
    this.doc.text(this.text(text), this.left, this.doc.y, { width: this.width });
    if (level === 1) {
      const y = this.doc.y + 2;
      this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(1.5).strokeColor(ACCENT).stroke();
      this.doc.y = y + 8;
    } else {
      this.doc.moveDown(0.3);
    }
    this.doc.font(this.body).fontSize(10).fillColor(INK);
  }

  paragraph(text: string, options: { size?: number; colour?: string; bold?: boolean } = {}): void {
    this.doc.font(options.bold ? this.bold : this.body).fontSize(options.size ?? 10).fillColor(options.colour ?? INK);
    const clean = this.text(text, 4000);
    this.ensureSpace(Math.min(this.doc.heightOfString(clean, { width: this.width }), 200));
    this.doc.text(clean, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4);
    this.doc.font(this.body).fontSize(10).fillColor(INK);
  }

  bullets(items: string[]): void {
    this.doc.font(this.body).fontSize(10).fillColor(INK);
    for (const item of items) {
      const clean = this.text(item, 2000);
      this.ensureSpace(this.doc.heightOfString(clean, { width: this.width - 14 }) + 2);
      const y = this.doc.y;
      this.doc.circle(this.left + 4, y + 5, 1.6).fill(INK);
      this.doc.fillColor(INK).text(clean, this.left + 14, y, { width: this.width - 14 });
      this.doc.moveDown(0.2);
    }
    this.doc.moveDown(0.3);
  }

  /** Two columns of label and value. */
  facts(pairs: [string, string][]): void {
    const labelW = 150;
    for (const [label, value] of pairs) {
      const clean = this.text(value, 2000);
      this.doc.font(this.body).fontSize(10);
      const h = Math.max(12, this.doc.heightOfString(clean, { width: this.width - labelW }));
      this.ensureSpace(h + 4);
      const y = this.doc.y;
      this.doc.font(this.bold).fillColor(INK).text(this.text(label), this.left, y, { width: labelW - 8 });
      this.doc.font(this.body).text(clean, this.left + labelW, y, { width: this.width - labelW });
      this.doc.y = Math.max(this.doc.y, y + h) + 3;
    }
    this.doc.moveDown(0.4);
  }

  table(columns: Column[], rows: string[][], empty = 'None recorded.'): void {
    if (rows.length === 0) {
      this.paragraph(empty, { colour: MUTED });
      return;
    }
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const size = 8.5;
    const heightOf = (cells: string[], font: string) => {
      this.doc.font(font).fontSize(size);
      return Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], y: number, h: number, font: string, fill?: string) => {
      if (fill) this.doc.rect(this.left, y, this.width, h).fill(fill);
      this.doc.font(font).fontSize(size).fillColor(INK);
      let x = this.left;
      cells.forEach((c, i) => {
        this.doc.text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
        x += widths[i];
      });
      this.doc.moveTo(this.left, y + h).lineTo(this.left + this.width, y + h).lineWidth(0.5).strokeColor(RULE).stroke();
    };
    const header = columns.map((c) => this.text(c.header));
    const headerH = heightOf(header, this.bold);
    const drawHeader = () => {
      const y = this.doc.y;
      drawRow(header, y, headerH, this.bold, '#eaf0f7');
      this.doc.y = y + headerH;
    };
    this.ensureSpace(headerH * 2);
    drawHeader();
    for (let index = 0; index < rows.length; index += 1) {
      const cells = rows[index].map((c) => this.text(c, MAX_CELL));
      const h = heightOf(cells, this.body);
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        drawHeader();
      }
      const y = this.doc.y;
      drawRow(cells, y, h, this.body, index % 2 === 1 ? '#f8f9f9' : undefined);
      this.doc.y = y + h;
    }
    this.doc.x = this.left;
    this.doc.moveDown(0.8);
    this.doc.font(this.body).fontSize(10).fillColor(INK);
  }
}
