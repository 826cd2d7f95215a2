// The one live connection per exercise a screen subscribes to: the folded view, the connection state, the outbox.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ExerciseConnection, type ExerciseConnectionState } from './exercise-connection.js';
import { socketIoPort } from './socket-io-port.js';

export interface ExerciseSocket extends ExerciseConnectionState {
  actions: Pick<ExerciseConnection, 'submitDecision' | 'sendMessage' | 'recordObservation' | 'editImprovement' | 'dismissCaughtUp'>;
}

const idle = new ExerciseConnection({
  connected: false,
  onConnect: () => undefined,
  onDisconnect: () => undefined,
  onConnectError: () => undefined,
  onWelcome: () => undefined,
  onEvents: () => undefined,
  request: () => new Promise(() => undefined),
  open: () => undefined,
  close: () => undefined,
});

export function useExerciseSocket(exerciseId: string | undefined, token: string | undefined): ExerciseSocket {
  const [connection, setConnection] = useState<ExerciseConnection>(idle);
  useEffect(() => {
    if (!exerciseId || !token) return;
    const live = new ExerciseConnection(socketIoPort({ token, exerciseId }));
    live.start();
    setConnection(live);
    return () => {
      live.stop();
      setConnection(idle);
    };
  }, [exerciseId, token]);
  const state = useSyncExternalStore(connection.subscribe, connection.getState);
  return { ...state, actions: connection };
}
