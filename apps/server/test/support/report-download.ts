// Fetches a report as a browser would, bytes and text, for the report suites.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AarModel } from '@ttx/report';
import type { TestClient } from './test-server.js';

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

export async function download(
  client: TestClient,
  exerciseId: string,
  query: string,
  token?: string,
): Promise<Download> {
  const response = await fetch(`${client.url}/api/exercises/${exerciseId}/report${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

export async function model(client: TestClient, exerciseId: string, token: string): Promise<AarModel> {
  const got = await download(client, exerciseId, '?format=json', token);
  if (got.status !== 200) throw new Error(`report failed: ${got.status} ${got.text}`);
  return JSON.parse(got.text) as AarModel;
}

/** The text of a PDF as `pdftotext` reads it, laid out as on the page unless `layout` is false. */
export function pdfText(bytes: Buffer, { layout = true } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
