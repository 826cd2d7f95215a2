// Socket writes in bulk: a committed batch of events leaves for each recipient as one TCP write instead of one write
// per event (ws writes every frame on its own, and the syscall per frame is what a fan-out spends most on).
import type { Namespace, Socket } from 'socket.io';

/** The parts of engine.io's connection and transport that decide when buffered packets are written. */
interface EngineTransport {
  writable: boolean;
  send(packets: unknown[]): void;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}

interface EngineConnection {
  readyState: string;
  transport: EngineTransport;
  flush(): void;
  on(event: 'upgrade', listener: (transport: EngineTransport) => void): void;
}

const CORKED = Symbol('ttx.corkedSend');

function engineOf(socket: Socket): EngineConnection {
  return socket.conn as unknown as EngineConnection;
}

/** Makes each flush of the socket's packet buffer one write: the frames are corked while they are queued. */
export function writeFlushesWhole(socket: Socket): void {
  const conn = engineOf(socket);
  corkSends(conn.transport);
  conn.on('upgrade', corkSends);
}

function corkSends(transport: EngineTransport & { [CORKED]?: true }): void {
  const raw = transport.socket?._socket;
  if (!raw || transport[CORKED]) return;
  const send = transport.send.bind(transport);
  transport[CORKED] = true;
  transport.send = (packets) => {
    raw.cork();
    try {
      send(packets);
    } finally {
      raw.uncork();
    }
  };
}

/** Runs `emitAll` with the writes to every socket in `room` held back, then flushes each socket's packets at once. */
export function emitHeldBack(namespace: Namespace, room: string, emitAll: () => void): void {
  const held: EngineConnection[] = [];
  for (const id of namespace.adapter.rooms.get(room) ?? []) {
    const socket = namespace.sockets.get(id);
    if (!socket) continue;
    const conn = engineOf(socket);
    // A transport already busy keeps its own buffer until its write completes: nothing to hold back there.
    if (conn.transport.writable) {
      conn.transport.writable = false;
      held.push(conn);
    }
  }
  try {
    emitAll();
  } finally {
    for (const conn of held) {
      conn.transport.writable = true;
      if (conn.readyState !== 'closed') conn.flush();
    }
  }
}
