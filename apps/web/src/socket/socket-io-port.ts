// Adapts a Socket.IO client on namespace /exercise to the port the exercise connection uses.
import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_NAMESPACE,
  type Ack,
  type ClientToServerEvents,
  type ErrorBody,
  type HandshakeAuth,
  type ServerToClientEvents,
} from '@ttx/contracts';
import type { SocketPort } from './exercise-connection.js';

type ExerciseSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function errorBodyOf(error: Error & { data?: unknown }): ErrorBody {
  const data = error.data as Partial<ErrorBody> | undefined;
  if (data && typeof data.code === 'string') return { code: data.code, message: data.message ?? error.message } as ErrorBody;
  return { code: 'INTERNAL', message: error.message || 'The live connection failed; retrying.' };
}

export function socketIoPort(auth: HandshakeAuth, url = ''): SocketPort {
  const socket: ExerciseSocket = io(`${url}${SOCKET_NAMESPACE}`, {
    auth,
    autoConnect: false,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
  });
  return {
    get connected() {
      return socket.connected;
    },
    onConnect: (listener) => void socket.on('connect', listener),
    onDisconnect: (listener) =>
      void socket.on('disconnect', (reason) => {
        listener(reason);
        // The server closed the socket (a restart drains it this way): reconnect on our side.
        if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000);
      }),
    onConnectError: (listener) => {
      socket.on('connect_error', (error) => listener(errorBodyOf(error)));
      // A session the server ended (token expired or its code replaced) is refused like a handshake, with its reason.
      socket.on('session.ended', (ended) => listener(ended));
    },
    onWelcome: (listener) => void socket.on('welcome', listener),
    onEvents: (listener) => void socket.on('events', listener),
    request: <T extends object>(name: string, payload: unknown, timeoutMs: number) =>
      // The name is one of the client messages; the port keeps the connection logic free of Socket.IO generics.
      (socket.timeout(timeoutMs) as unknown as Socket).emitWithAck(name, payload) as Promise<Ack<T>>,
    open: () => void socket.connect(),
    close: () => void socket.disconnect(),
  };
}
