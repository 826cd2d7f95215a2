// Reports need the bearer token, so they are fetched and handed to the browser as a file rather than linked.
import type { ReportFormat, ReportTable } from '@ttx/contracts';
import { errorOf } from '../../api/api-client.js';
import { exerciseApi } from '../../api/exercise-api.js';

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

export async function downloadReport(token: string, exerciseId: string, file: ReportFile): Promise<string> {
  let response: Response;
  try {
    response = await fetch(exerciseApi.reportUrl(exerciseId, file.format, file.table), { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw errorOf(0, undefined);
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw errorOf(response.status, body);
  }
  const blob = await response.blob();
  const name = reportFileName(response.headers.get('content-disposition'), exerciseId, file);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
