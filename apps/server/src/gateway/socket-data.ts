// What the server keeps on each socket of namespace /exercise.
import type { ClientToServerEvents, ServerToClientEvents } from '@ttx/contracts';
import type { Socket } from 'socket.io';
import type { Viewer } from '../auth/token.service.js';
import type { FloodLimiter } from './flood-limiter.js';
import type { WallClockTimer } from './wall-clock-timer.js';

export interface SocketData {
  viewer: Viewer;
  exerciseId: string;
  limiter: FloodLimiter;
  /** The token's signature: what its sockets' shared quotas are keyed by. */
  tokenKey: string;
  /** Frees the socket's place among its token's connections; safe to call twice. */
  releaseSocket: () => void;
  /** Ends the session when the token expires, even on an idle socket. */
  expiryTimer?: WallClockTimer;
}

export type ExerciseSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const rooms = {
  everyone: (exerciseId: string) => `ex:${exerciseId}`,
  staff: (exerciseId: string) => `ex:${exerciseId}:staff`,
  team: (exerciseId: string, teamId: string) => `ex:${exerciseId}:team:${teamId}`,
  /** Players whose token names no team: left out when an event goes to every team at once. */
  teamless: (exerciseId: string) => `ex:${exerciseId}:teamless`,
};
