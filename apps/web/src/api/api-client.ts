// Every HTTP call of the client goes through here: JSON in and out, the token as a bearer, coded errors as values.
import type { ErrorBody } from '@ttx/contracts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string';
}

/** The error body of a refusal, whether it comes bare or as `{ok:false, error}`. */
export function errorOf(status: number, body: unknown): ApiError {
  const candidate = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : body;
  if (isErrorBody(candidate)) return new ApiError(status, candidate.code, candidate.message, candidate.issues);
  if (status === 0) return new ApiError(0, 'NETWORK', 'The server could not be reached. Check the connection and try again.');
  return new ApiError(status, 'HTTP_' + status, `The server answered ${status}. Try again in a moment.`);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw errorOf(0, undefined);
  }
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) throw errorOf(response.status, body);
  return body as T;
}

/** Plain-language text of any error thrown at the UI. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}
