// One SessionStore for the page, over the browser's storages; screens re-render when a session changes.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { memoryStore, SessionStore, type KeyValueStore } from '../session/session-store.js';

function browserStore(kind: 'localStorage' | 'sessionStorage'): KeyValueStore {
  try {
    const store = window[kind];
    store.getItem('ttx.probe');
    return store;
  } catch {
    return memoryStore();
  }
}

interface SessionContextValue {
  sessions: SessionStore;
  /** Bumped on every change so readers re-render. */
  version: number;
  changed: () => void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const sessions = useMemo(() => new SessionStore(browserStore('localStorage'), browserStore('sessionStorage')), []);
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(() => ({ sessions, version, changed }), [sessions, version, changed]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessions(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessions needs a SessionProvider');
  return value;
}
