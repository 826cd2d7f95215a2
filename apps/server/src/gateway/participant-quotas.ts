// What one participant and one team may send, whatever the number of sockets and tokens they open: sockets per token,
// a message bucket shared by a token's sockets, and a write bucket shared by a team's tokens (staff have no team's).
import type { ParticipantLimits } from '../config/ttx-config.js';
import { TtxException } from '../common/ttx.exception.js';
import { FloodLimiter } from './flood-limiter.js';

export class ParticipantQuotas {
  private readonly socketsByToken = new Map<string, number>();
  private readonly tokenBuckets = new Map<string, FloodLimiter>();
  private readonly teamBuckets = new Map<string, FloodLimiter>();

  constructor(private readonly limits: ParticipantLimits) {}

  /** Counts one more socket of the token; TOO_MANY_SOCKETS when it already holds the cap. Returns its release. */
  openSocket(tokenKey: string): () => void {
    const open = this.socketsByToken.get(tokenKey) ?? 0;
    if (open >= this.limits.socketsPerToken)
      throw new TtxException(
        'TOO_MANY_SOCKETS',
        `This token already holds ${open} live connections, the most one participant may open; close a tab or device, or join with your code on this one.`,
      );
    this.socketsByToken.set(tokenKey, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.socketsByToken.get(tokenKey) ?? 1) - 1;
      if (left > 0) return void this.socketsByToken.set(tokenKey, left);
      this.socketsByToken.delete(tokenKey);
      this.tokenBuckets.delete(tokenKey);
    };
  }

  /** RATE_LIMITED when the token's sockets together send faster than allowed. */
  messageRefusal(tokenKey: string, now: number): TtxException | undefined {
    let bucket = this.tokenBuckets.get(tokenKey);
    if (!bucket) this.tokenBuckets.set(tokenKey, (bucket = new FloodLimiter(this.limits.tokenMessagesPerSecond, this.limits.tokenBurst, now)));
    if (bucket.take(now)) return undefined;
    return new TtxException(
      'RATE_LIMITED',
      `Too many messages from this token over all its connections: at most ${this.limits.tokenMessagesPerSecond} a second; wait ${bucket.secondsUntilNext()} s and retry.`,
    );
  }

  /** RATE_LIMITED when the team's tokens together send decisions and chat messages faster than allowed. */
  teamWriteRefusal(exerciseId: string, teamId: string, now: number): TtxException | undefined {
    const key = `${exerciseId}\n${teamId}`;
    let bucket = this.teamBuckets.get(key);
    if (!bucket) this.teamBuckets.set(key, (bucket = new FloodLimiter(this.limits.teamWritesPerMinute / 60, this.limits.teamWriteBurst, now)));
    if (bucket.take(now)) return undefined;
    return new TtxException(
      'RATE_LIMITED',
      `Your team sends decisions and messages too fast: at most ${this.limits.teamWritesPerMinute} a minute over all its members; wait ${bucket.secondsUntilNext()} s and retry.`,
    );
  }
}
