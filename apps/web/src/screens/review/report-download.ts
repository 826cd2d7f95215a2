// A report of the review saved as a file, under the name the server gives it.
import type { ReportFormat, ReportTable } from '@ttx/contracts';
import { exerciseApi } from '../../api/exercise-api.js';
import { downloadFile } from '../../api/file-download.js';

export interface ReportFile {
  format: ReportFormat;
  table?: ReportTable;
}

/** The file name the server gives in Content-Disposition, else one made from the exercise id. */
export function reportFileName(disposition: string | null, exerciseId: string, file: ReportFile): string {
  const quoted = disposition?.match(/filename="([^"]+)"/)?.[1] ?? disposition?.match(/filename=([^;]+)/)?.[1];
  const safe = quoted?.trim().replace(/[/\\]/g, '-');
  if (safe) return safe;
  const table = file.format === 'csv' ? `-${file.table ?? 'decisions'}` : '';
  return `${exerciseId.replace(/[^A-Za-z0-9-]/g, '-')}-aar${table}.${file.format}`;
}

export function downloadReport(token: string, exerciseId: string, file: ReportFile): Promise<string> {
  return downloadFile(exerciseApi.reportUrl(exerciseId, file.format, file.table), token, (disposition) => reportFileName(disposition, exerciseId, file));
}
