// The HTTP calls the benchmark and the fault tests make, as a controller and as joining participants.
import type { CommandResponse, CreateExerciseResponse, EventsResponse, ExerciseDetail, JoinResponse } from '@ttx/contracts';
import { ADMIN_PASSWORD } from './server-process.js';

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

export class TtxApi {
  constructor(readonly url: string) {}

  async call<T>(method: string, route: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    const allHeaders: Record<string, string> = { ...headers };
    if (token) allHeaders.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      allHeaders['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.url + route, { method, headers: allHeaders, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T };
  }

  private async expectOk<T>(method: string, route: string, body?: unknown, token?: string): Promise<T> {
    const answer = await this.call<T>(method, route, body, token);
    if (answer.status >= 300) throw new Error(`${method} ${route} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
    return answer.body;
  }

  async login(): Promise<string> {
    const body = await this.expectOk<{ token: string }>('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    return body.token;
  }

  createExercise(token: string, scenarioId: string): Promise<CreateExerciseResponse> {
    return this.expectOk('POST', '/api/exercises', { scenarioId }, token);
  }

  control(token: string, exerciseId: string, action: 'lobby' | 'start' | 'pause' | 'resume' | 'end'): Promise<CommandResponse> {
    return this.expectOk('POST', `/api/exercises/${exerciseId}/${action}`, undefined, token);
  }

  speed(token: string, exerciseId: string, speed: number): Promise<CommandResponse> {
    return this.expectOk('POST', `/api/exercises/${exerciseId}/speed`, { speed }, token);
  }

  join(code: string, name?: string): Promise<JoinResponse> {
    return this.expectOk('POST', '/api/join', name ? { code, name } : { code });
  }

  /** Sends an ad-hoc inject to `audience` now. */
  adHoc(token: string, exerciseId: string, injectId: string, audience: string[]): Promise<CommandResponse> {
    return this.expectOk(
      'POST',
      `/api/exercises/${exerciseId}/injects`,
      { injectId, title: `Bench inject ${injectId}`, body: 'A situation update for every team.', channel: 'news', severity: 'SEV-1', audience },
      token,
    );
  }

  detail(token: string, exerciseId: string): Promise<ExerciseDetail> {
    return this.expectOk('GET', `/api/exercises/${exerciseId}`, undefined, token);
  }

  events(token: string, exerciseId: string, since = 0, limit = 10_000): Promise<EventsResponse> {
    return this.expectOk('GET', `/api/exercises/${exerciseId}/events?since=${since}&limit=${limit}`, undefined, token);
  }

  /** Every event the token may see, page after page, each asked from the seq the one before covers. */
  async allEvents(token: string, exerciseId: string): Promise<EventsResponse['events']> {
    const out: EventsResponse['events'] = [];
    for (let since = 0, pages = 0; pages < 10_000; pages += 1) {
      const page = await this.events(token, exerciseId, since);
      out.push(...page.events);
      if (page.more !== true) break;
      since = page.seq;
    }
    return out;
  }
}
