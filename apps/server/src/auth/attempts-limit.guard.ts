// Limits failed login and join attempts per minute, per address and per code or user name, so join codes and
// passwords cannot be guessed by brute force while a classroom behind one address still joins freely.
// (@nestjs/throttler 6 is CommonJS and requires Nest 12's ES modules, which jest cannot load on Node 20.)
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { TtxConfig } from '../config/ttx-config.js';
import type { HttpRequest, HttpResponse } from '../common/http-types.js';
import { TtxException } from '../common/ttx.exception.js';
import { normaliseAccessCode } from '../exercises/access-codes.js';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 100_000;
/** The status of a wrong code or password, the only answer that counts. */
const FAILED_STATUS = 401;

interface Subject {
  key: string;
  /** Completes "Too many failed attempts …". */
  from: string;
}

/** Failed attempts per key in the current window (a login's from its start, refunded when it succeeds). */
class AttemptWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Seconds to wait before `key` may try again, or 0. */
  waitFor(key: string, limit: number, now: number): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS || window.count < limit) return 0;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  count(key: string, now: number): void {
    if (this.windows.size >= MAX_TRACKED) this.prune(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) this.windows.set(key, { start: now, count: 1 });
    else window.count += 1;
  }

  refund(key: string): void {
    const window = this.windows.get(key);
    if (!window) return;
    window.count -= 1;
    if (window.count <= 0) this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
    // Still full of live windows (a spray of distinct codes): forget the oldest rather than grow without bound.
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED) break;
      this.windows.delete(key);
    }
  }
}

@Injectable()
export class AttemptsLimitGuard implements CanActivate {
  private readonly attempts = new AttemptWindows();

  constructor(@Inject(TtxConfig) private readonly config: TtxConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest & { ip?: string; body?: unknown }>();
    const response = http.getResponse<HttpResponse>();
    const now = Date.now();
    const subjects = subjectsOf(request);
    for (const { key, from } of subjects) {
      const wait = this.attempts.waitFor(key, this.config.authRateLimit, now);
      if (wait > 0)
        throw new TtxException(
          'RATE_LIMITED',
          `Too many failed attempts ${from}; wait ${wait} seconds and try again.`,
          undefined,
          wait,
        );
    }
    // A password can be guessed, so a login counts while it runs (parallel guesses are bounded too); a 100-bit join
    // code cannot, so a join counts once it failed and a whole team joining at once with one code is never refused.
    const countsWhileRunning = subjects.some((s) => s.key.startsWith('user:'));
    if (countsWhileRunning) for (const { key } of subjects) this.attempts.count(key, now);
    response.once('close', () => {
      const failed = response.statusCode === FAILED_STATUS;
      if (countsWhileRunning && !failed) for (const { key } of subjects) this.attempts.refund(key);
      if (!countsWhileRunning && failed) for (const { key } of subjects) this.attempts.count(key, Date.now());
    });
    return true;
  }
}

/** The address (X-Forwarded-For only through a trusted proxy: Express's `request.ip`), and the code or user name tried. */
function subjectsOf(request: HttpRequest & { ip?: string; body?: unknown }): Subject[] {
  const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
  const subjects: Subject[] = [{ key: `address:${address}`, from: 'from your address' }];
  const body =
    typeof request.body === 'object' && request.body !== null
      ? (request.body as Record<string, unknown>)
      : {};
  if (typeof body.code === 'string')
    subjects.push({ key: `code:${normaliseAccessCode(body.code).slice(0, 64)}`, from: 'with this code' });
  else if (typeof body.username === 'string')
    subjects.push({ key: `user:${body.username.slice(0, 64)}`, from: 'for this user name' });
  return subjects;
}
