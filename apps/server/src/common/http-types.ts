// The few parts of Express's request and response the server touches (the workspace carries no @types/express).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HttpRequest extends IncomingMessage {
  params?: Record<string, string>;
  path: string;
}

export interface HttpResponse extends ServerResponse {
  status(code: number): HttpResponse;
  json(body: unknown): HttpResponse;
  sendFile(file: string): void;
}

export type NextFn = (error?: unknown) => void;

/** Express middleware registration, as used on the underlying application. */
export interface MiddlewareHost {
  use(handler: (request: HttpRequest, response: HttpResponse, next: NextFn) => void): unknown;
  use(handler: (error: unknown, request: HttpRequest, response: HttpResponse, next: NextFn) => void): unknown;
}
