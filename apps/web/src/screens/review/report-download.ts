// Reports need the bearer token, so they are fetched and handed to the browser as a file rather than linked.
import { errorOf } from '../../api/api-client.js';
import { exerciseApi } from '../../api/exercise-api.js';

export type ReportFormat = 'json' | 'html' | 'pdf' | 'csv';

const EXTENSION: Record<ReportFormat, string> = { json: 'json', html: 'html', pdf: 'pdf', csv: 'csv' };

export async function downloadReport(token: string, exerciseId: string, format: ReportFormat): Promise<void> {
  const response = await fetch(exerciseApi.reportUrl(exerciseId, format), { headers: { authorization: `Bearer ${token}` } });
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
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `aar-${exerciseId}.${EXTENSION[format]}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
