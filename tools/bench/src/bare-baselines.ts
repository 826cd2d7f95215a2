// The bare stack, measured in the same run as TTX: a bare Socket.IO server process and a bare SQLite writer process.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BareReply, BareRequest } from './bare-socket-server.js';
import type { BareSqliteResult } from './bare-sqlite-writer.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export class BareSocketServer {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: BareReply) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (reply: BareReply) => {
      if (!('id' in reply)) return;
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
  }

  static start(): Promise<BareSocketServer> {
    const child = fork(path.join(here, 'bare-socket-server.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the bare Socket.IO server did not start within 10 s')), 10_000);
      child.once('message', (reply: BareReply) => {
        clearTimeout(timer);
        if ('kind' in reply) resolve(new BareSocketServer(child, `http://127.0.0.1:${reply.port}`));
      });
      child.once('exit', (code) => reject(new Error(`the bare Socket.IO server exited with ${code}`)));
    });
  }

  private request(body: Omit<Extract<BareRequest, { kind: 'fire' }>, 'id'> | Omit<Extract<BareRequest, { kind: 'rss' }>, 'id'>): Promise<BareReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...body, id });
    });
  }

  async fire(injectId: string, audience: string[]): Promise<void> {
    await this.request({ kind: 'fire', injectId, audience });
  }

  /** Resident memory of the bare server process, in bytes (from /proc, as for TTX). */
  rssBytes(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  }

  stop(): void {
    this.child.disconnect();
  }
}

/** Runs the bare SQLite writer for `durationMs` with `writers` concurrent writers on a fresh file. */
export function runBareSqlite(file: string, writers: number, durationMs: number): Promise<BareSqliteResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'bare-sqlite-writer.js'), file, String(writers), String(durationMs)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the bare SQLite writer exited with ${code}`));
      try {
        resolve(JSON.parse(out) as BareSqliteResult);
      } catch {
        reject(new Error(`the bare SQLite writer printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}
