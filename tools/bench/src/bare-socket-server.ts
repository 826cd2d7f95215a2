// The Socket.IO baseline: a bare server on the same namespace and with the same message shapes and sizes as TTX
// (welcome, event, sync), holding its events in memory. Run as its own process; the benchmark fires injects over IPC.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

interface BareEvent {
  seq: number;
  type: string;
  at: number;
  exerciseTime: number;
  actor: { role: 'controller'; id: string };
  payload: { injectId: string; title: string; body: string; channel: string; severity: string; attack: string[]; audience: string[]; trigger: string };
}

/** `audience`: the teams TTX addresses the same inject to, so that both servers send frames of the same size. */
export type BareRequest = { id: number; kind: 'fire'; injectId: string; audience: string[] } | { id: number; kind: 'rss' };
export type BareReply = { id: number; seq?: number; rss?: number } | { kind: 'listening'; port: number };

const events: BareEvent[] = [];
const http = createServer();
const server = new Server(http, { transports: ['websocket', 'polling'], maxHttpBufferSize: 256 * 1024 });
const namespace = server.of('/exercise');

namespace.on('connection', (socket) => {
  socket.emit('welcome', { exerciseId: 'bare', role: 'player', seq: events.length });
  socket.on('sync', (request: { sinceSeq?: unknown }, ack: (reply: unknown) => void) => {
    const since = typeof request?.sinceSeq === 'number' ? request.sinceSeq : 0;
    if (typeof ack === 'function') ack({ ok: true, events: events.slice(since), seq: events.length });
  });
  socket.on('decision.submit', (_payload: unknown, ack: (reply: unknown) => void) => {
    if (typeof ack === 'function') ack({ ok: true, seq: events.length });
  });
});

process.on('message', (request: BareRequest) => {
  if (request.kind === 'fire') {
    // The shape and text TTX sends for the bench's ad-hoc inject (see TtxApi.adHoc and eventMessageOf).
    const payload = {
      injectId: request.injectId,
      title: `Bench inject ${request.injectId}`,
      body: 'A situation update for every team.',
      channel: 'news',
      severity: 'SEV-1',
      attack: [],
      audience: request.audience,
      trigger: 'ad-hoc',
    };
    const event: BareEvent = { seq: events.length + 1, type: 'inject.released', at: Date.now(), exerciseTime: 0, actor: { role: 'controller', id: 'admin' }, payload };
    events.push(event);
    namespace.emit('event', event);
    process.send?.({ id: request.id, seq: event.seq } satisfies BareReply);
  } else {
    process.send?.({ id: request.id, rss: process.memoryUsage().rss } satisfies BareReply);
  }
});
process.on('disconnect', () => process.exit(0));

// The same listen backlog as the TTX server, so that connection storms meet the same kernel queue.
http.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  process.send?.({ kind: 'listening', port: (http.address() as AddressInfo).port } satisfies BareReply);
});
