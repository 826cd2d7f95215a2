// Socket writes in bulk: a committed batch of events leaves for each recipient as one TCP write instead of one write
// per event (ws writes every frame on its own, and the syscall per frame is what a fan-out spends most on).
import type { Namespace, Socket } from 'socket.io';

/** The parts of engine.io's connection and transport that decide when buffered packets are written. */
interface EngineTransport {
  name: string;
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

/**
 * Runs `emitAll` with the writes to every socket in `room` held back, then flushes each socket's packets at once on
 * the next turn of the event loop, so that what the same turn's microtasks send (the acks of the batch's commands)
 * leaves in the same write as the batch.
 */
export function emitHeldBack(namespace: Namespace, room: string, emitAll: () => void): void {
  const held: { conn: EngineConnection; transport: EngineTransport }[] = [];
  for (const id of namespace.adapter.rooms.get(room) ?? []) {
    const socket = namespace.sockets.get(id);
    if (!socket) continue;
    const conn = engineOf(socket);
    // A transport already busy (or held by a batch whose flush is due) keeps its own buffer: nothing to hold here.
    // Only websockets are held: a polling transport's writable flag tracks its pending request, not ours to set.
    if (conn.transport.name === 'websocket' && conn.transport.writable) {
      conn.transport.writable = false;
      held.push({ conn, transport: conn.transport });
    }
  }
  try {
    emitAll();
  } finally {
    setImmediate(() => release(held));
  }
}

function release(held: readonly { conn: EngineConnection; transport: EngineTransport }[]): void {
  for (const { conn, transport } of held) {
    transport.writable = true;
    if (conn.readyState !== 'closed' && conn.transport === transport) conn.flush();
  }
}
