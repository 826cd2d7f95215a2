// Limits login and join attempts per address and minute, so join codes and passwords cannot be guessed by brute force.
// (@nestjs/throttler 6 is CommonJS and requires Nest 12's ES modules, which jest cannot load on Node 20.)
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { TtxConfig } from '../config/ttx-config.js';
import type { HttpRequest } from '../common/http-types.js';
import { TtxException } from '../common/ttx.exception.js';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 100_000;

@Injectable()
export class AttemptsLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(@Inject(TtxConfig) private readonly config: TtxConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<HttpRequest & { ip?: string }>();
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    if (this.windows.size > MAX_TRACKED) this.prune(now);
    const window = this.windows.get(address);
    if (!window || now - window.start >= WINDOW_MS) {
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    if (window.count > this.config.authRateLimit) {
      const wait = Math.ceil((window.start + WINDOW_MS - now) / 1000);
      throw new TtxException('RATE_LIMITED', `Too many attempts from your address; wait ${wait} seconds and try again.`, undefined, wait);
    }
    return true;
  }

  private prune(now: number): void {
    for (const [address, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(address);
  }
}
