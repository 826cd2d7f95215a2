// The re-scoring routes of docs/rescoring.md: the rule sets a server knows, an exercise re-scored, and its bundle.
import type { RescoreRequest, RuleSetSummary } from '@ttx/contracts';
import type { RescoreResult } from '@ttx/report/browser';
import { apiRequest, errorOf } from './api-client.js';

const exercisePath = (id: string) => `/api/exercises/${encodeURIComponent(id)}`;

export const rescoreApi = {
  ruleSets: (token: string) => apiRequest<RuleSetSummary[]>('/api/rescore/rule-sets', { token }),
  rescore: (token: string, id: string, body: RescoreRequest) =>
    apiRequest<RescoreResult>(`${exercisePath(id)}/rescore`, { token, body }),
};

/** The bundle needs the bearer token, so it is fetched and handed to the browser as a file rather than linked. */
export async function downloadBundle(token: string, exerciseId: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${exercisePath(exerciseId)}/bundle`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw errorOf(0, undefined);
  }
  if (!response.ok) throw errorOf(response.status, await response.json().catch(() => undefined));
  const name = response.headers.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? `${exerciseId}-bundle.json`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
