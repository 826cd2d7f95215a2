// How each report format is served: its media type, and the file name a download is saved under.
import type { ReportFormat, ReportTable } from './http.js';

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** The HTML report carries its own styles and inline SVG charts and runs nothing: forbid everything else. */
export const HTML_CONTENT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

/** Lower-case letters, digits and dashes, so the name is safe in any file system and header. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'exercise';
}

/**
 * `<scenario>-<exercise>-aar.<ext>` for the staff's review, `<scenario>-<exercise>-<team>-debrief.<ext>` for a
 * team's debrief; a CSV names its table (`…-aar-decisions.csv`), since both tables come from the same review.
 */
export function reportFileName(
  scenarioId: string,
  exerciseId: string,
  teamId: string | undefined,
  format: ReportFormat,
  table: ReportTable,
): string {
  const kind = teamId === undefined ? ['aar'] : [fileSlug(teamId), 'debrief'];
  const parts = [fileSlug(scenarioId), fileSlug(exerciseId), ...kind, ...(format === 'csv' ? [table] : [])];
  return `${parts.join('-')}.${format}`;
}
