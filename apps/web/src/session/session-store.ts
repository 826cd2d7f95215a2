// The only secrets the client keeps: a controller's token (localStorage, shared by tabs) and a participant's token
// (sessionStorage, so each tab can be a different team and a reload keeps its seat).
import type { Role } from '@ttx/engine';

export interface ControllerSession {
  token: string;
  username: string;
  expiresAt: number;
}

export interface ParticipantSession {
  token: string;
  exerciseId: string;
  role: Exclude<Role, 'controller'>;
  teamId?: string;
  name?: string;
  expiresAt: number;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const CONTROLLER_KEY = 'ttx.controller';
const PARTICIPANT_KEY = 'ttx.participant';

function read<T extends { expiresAt: number; token: string }>(store: KeyValueStore, key: string, now: number): T | undefined {
  const raw = store.getItem(key);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as T;
    if (typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'number' || parsed.expiresAt <= now) {
      store.removeItem(key);
      return undefined;
    }
    return parsed;
  } catch {
    store.removeItem(key);
    return undefined;
  }
}

export class SessionStore {
  constructor(
    private readonly shared: KeyValueStore,
    private readonly perTab: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  controller(): ControllerSession | undefined {
    return read<ControllerSession>(this.shared, CONTROLLER_KEY, this.now());
  }

  participant(): ParticipantSession | undefined {
    return read<ParticipantSession>(this.perTab, PARTICIPANT_KEY, this.now());
  }

  saveController(session: ControllerSession): void {
    this.shared.setItem(CONTROLLER_KEY, JSON.stringify(session));
  }

  saveParticipant(session: ParticipantSession): void {
    this.perTab.setItem(PARTICIPANT_KEY, JSON.stringify(session));
  }

  signOutController(): void {
    this.shared.removeItem(CONTROLLER_KEY);
  }

  leaveExercise(): void {
    this.perTab.removeItem(PARTICIPANT_KEY);
  }

  /** The token to act on an exercise with: this tab's seat in it, else the controller's account. */
  tokenFor(exerciseId: string): string | undefined {
    const seat = this.participant();
    if (seat && seat.exerciseId === exerciseId) return seat.token;
    return this.controller()?.token;
  }

  /** The role the client will act in on an exercise. */
  roleFor(exerciseId: string): Role | undefined {
    const seat = this.participant();
    if (seat && seat.exerciseId === exerciseId) return seat.role;
    return this.controller() ? 'controller' : undefined;
  }
}

/** An in-memory store (tests, and browsers that refuse storage). */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}
