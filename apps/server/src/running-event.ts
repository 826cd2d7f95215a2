// Said on `process` once the server listens and has resumed its exercises: the production entry (ttx-server.ts)
// then saves the compiled code for the next start.
import type { EventEmitter } from 'node:events';

const RUNNING_EVENT = 'ttx:running';
// Node's typings list only its own process events.
const processEvents: EventEmitter = process;

export function announceRunning(): void {
  processEvents.emit(RUNNING_EVENT);
}

export function onceRunning(listener: () => void): void {
  processEvents.once(RUNNING_EVENT, listener);
}
