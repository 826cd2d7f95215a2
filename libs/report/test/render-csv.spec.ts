import { parse } from 'csv-parse/sync';
import { DECISION_COLUMNS, TIMELINE_COLUMNS, renderDecisionsCsv, renderTimelineCsv, timelineText } from '@ttx/report';
import { goldenModel } from './golden.js';

const parseCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, record_delimiter: '\r\n', relax_quotes: false });
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('the CSV exports', () => {
  const model = goldenModel();

  it('list every decision with its findings, agreeing with the JSON', () => {
    const text = renderDecisionsCsv(model);
    expect(text.split('\r\n')[0]).toBe(DECISION_COLUMNS.join(','));
    const rows = parseCsv(text);
    expect(rows).toHaveLength(model.timeline.decisions.length);
    rows.forEach((row, i) => {
      const d = model.timeline.decisions[i];
      expect(Number(row.seq)).toBe(d.seq);
      expect(Number(row.exerciseTimeMs)).toBe(d.exerciseTime);
      expect(row.teamId).toBe(d.teamId);
      expect(row.decisionId).toBe(d.decisionId);
      expect(row.actions.split(';')).toEqual(d.actions.map((a) => a.actionId));
      expect(row.rationale).toBe(defused(d.rationale));
      expect(row.findings).toBe(d.findings.join(';'));
      expect(Number(row.scoreDelta)).toBe(d.scoreDelta);
    });
    expect(rows[2].findings).toBe('protect-ci;on-time');
    expect(rows[2].explanations).toContain('Northland Water Utility, civilian critical infrastructure (NORM-F)');
  });

  it('hold the whole event timeline, one row per event, agreeing with the JSON', () => {
    const text = renderTimelineCsv(model);
    expect(text.split('\r\n')[0]).toBe(TIMELINE_COLUMNS.join(','));
    const rows = parseCsv(text);
    expect(rows.map((r) => Number(r.seq))).toEqual(model.timeline.entries.map((e) => e.seq));
    const line = timelineText(model);
    rows.forEach((row, i) => {
      const e = model.timeline.entries[i];
      expect(row.type).toBe(e.type);
      expect(Number(row.exerciseTimeMs)).toBe(e.exerciseTime);
      expect(row.summary).toBe(defused(line(e)));
      expect(new Date(row.wallTime).getTime()).toBe(e.at);
    });
  });

  it('quote commas, quotes and markup in player text (RFC 4180) and defuse spreadsheet formulas', () => {
    const timeline = renderTimelineCsv(model);
    expect(timeline).toContain('"[Southland team chat] Southland Government: =HYPERLINK(""http://evil""), they did it"');
    const decisions = parseCsv(renderDecisionsCsv(model));
    expect(decisions[0].rationale).toBe('Name them <b>now</b> & "loudly"');
    const message = model.timeline.channels.find((c) => c.channelId === 'south-chat')?.messages[0];
    expect(message?.text.startsWith('=HYPERLINK')).toBe(true);
  });

  it('quotes a rationale that holds a lone line feed or carriage return, so every reader sees one record', () => {
    const broken = structuredClone(model);
    broken.timeline.decisions[0]!.rationale = 'first line\nsecond line\rthird';
    const text = renderDecisionsCsv(broken);
    expect(text).toContain('"first line\nsecond line\rthird"');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(model.timeline.decisions.length);
    expect(rows[0]!.rationale).toBe('first line\nsecond line\rthird');
  });
});
