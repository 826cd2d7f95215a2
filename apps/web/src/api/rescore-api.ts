// The re-scoring routes of docs/rescoring.md: the rule sets a server knows, an exercise re-scored, and its bundle.
import type { RescoreRequest, RuleSetSummary } from '@ttx/contracts';
import type { RescoreResult } from '@ttx/report/browser';
import { apiRequest } from './api-client.js';
import { downloadFile } from './file-download.js';

const exercisePath = (id: string) => `/api/exercises/${encodeURIComponent(id)}`;

export const rescoreApi = {
  ruleSets: (token: string) => apiRequest<RuleSetSummary[]>('/api/rescore/rule-sets', { token }),
  rescore: (token: string, id: string, body: RescoreRequest) =>
    apiRequest<RescoreResult>(`${exercisePath(id)}/rescore`, { token, body }),
};

/** The exercise's bundle saved as a file, under the name the server gives it. */
export function downloadBundle(token: string, exerciseId: string): Promise<string> {
  return downloadFile(`${exercisePath(exerciseId)}/bundle`, token, (disposition) => disposition?.match(/filename="([^"]+)"/)?.[1] ?? `${exerciseId}-bundle.json`);
}
