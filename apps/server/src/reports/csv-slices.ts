// The CSV tables rendered a slice of rows at a time, giving the event loop back between slices: the renderers in
// libs/report write a whole table in one go, which for a long exercise's timeline would hold up every socket.
import type { ReportTable } from '@ttx/contracts';
import type { AarModel } from '@ttx/report';
import { reportLibrary } from './report-library.js';

const ROWS_PER_SLICE = 2000;

/** The same text as `renderDecisionsCsv` or `renderTimelineCsv`: each slice is rendered alone and its header dropped. */
export async function renderCsvInSlices(model: AarModel, table: ReportTable, yieldToEventLoop: () => Promise<void>): Promise<string> {
  const { DECISION_COLUMNS, renderDecisionsCsv, renderTimelineCsv, TIMELINE_COLUMNS } = await reportLibrary();
  const header = `${(table === 'timeline' ? TIMELINE_COLUMNS : DECISION_COLUMNS).join(',')}\r\n`;
  const rowCount = table === 'timeline' ? model.timeline.entries.length : model.timeline.decisions.length;
  const parts = [header];
  for (let start = 0; start < rowCount; start += ROWS_PER_SLICE) {
    const end = start + ROWS_PER_SLICE;
    const text =
      table === 'timeline'
        ? renderTimelineCsv({ ...model, timeline: { ...model.timeline, entries: model.timeline.entries.slice(start, end) } })
        : renderDecisionsCsv({ ...model, timeline: { ...model.timeline, decisions: model.timeline.decisions.slice(start, end) } });
    if (!text.startsWith(header)) throw new Error(`The ${table} CSV no longer starts with its column row; its slices cannot be joined.`);
    parts.push(text.slice(header.length));
    if (end < rowCount) await yieldToEventLoop();
  }
  return parts.join('');
}
