// Many readers paging through a long log at once, as staff, each following `more` from the seq the page before
// covers, while a probe in its own thread asks /health every 20 ms: the slowest answer is the longest the pages held
// the server's event loop.
import { healthProbe } from './aar-timing.js';
import type { TtxApi } from './ttx-api.js';

export interface ReadersTiming {
  /** From the first request to the last reader's last page. */
  ms: number;
  pages: number;
  bytes: number;
  maxBlockMs: number;
  probes: number;
}

const PROBE_EVERY_MS = 20;
/** More pages than any planned log needs: a reader that never reaches `more: false` stops here. */
const MAX_PAGES = 100_000;
const TAIL_BYTES = 96;

interface PageEnd {
  seq: number;
  more: boolean;
}

/** The page's `seq` and `more` from its last bytes (the answer ends with them), else from the whole body: decoding
 * and parsing 20 × 24 MB here would take the core the server's answers are measured against. */
function pageEndOf(body: Uint8Array): PageEnd {
  const tail = new TextDecoder().decode(body.subarray(Math.max(0, body.byteLength - TAIL_BYTES)));
  const match = /"seq":(\d+),"more":(true|false)\}$/.exec(tail);
  if (match) return { seq: Number(match[1]), more: match[2] === 'true' };
  const page = JSON.parse(new TextDecoder().decode(body)) as { seq: number; more?: boolean };
  return { seq: page.seq, more: page.more === true };
}

async function readWholeLog(
  api: TtxApi,
  token: string,
  exerciseId: string,
): Promise<{ pages: number; bytes: number; seq: number }> {
  let since = 0;
  let bytes = 0;
  for (let pages = 1; pages <= MAX_PAGES; pages += 1) {
    const response = await fetch(`${api.url}/api/exercises/${exerciseId}/events?since=${since}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200)
      throw new Error(
        `GET /events?since=${since} answered ${response.status}: ${new TextDecoder().decode(body.subarray(0, 300))}`,
      );
    bytes += body.byteLength;
    const end = pageEndOf(body);
    if (!end.more) return { pages, bytes, seq: end.seq };
    if (end.seq <= since)
      throw new Error(`GET /events?since=${since} said more follow but covered nothing (seq ${end.seq})`);
    since = end.seq;
  }
  throw new Error(`a reader was still paging after ${MAX_PAGES} pages`);
}

/** `readers` staff readers page through the whole log at once; each must end at `committedSeq` or past it (the
 * exercise runs on, so events may be committed meanwhile). */
export async function timeEventReaders(
  api: TtxApi,
  token: string,
  exerciseId: string,
  readers: number,
  committedSeq: number,
): Promise<ReadersTiming> {
  const probe = healthProbe(api.url, PROBE_EVERY_MS);
  await probe.started;
  const started = performance.now();
  let read: Awaited<ReturnType<typeof readWholeLog>>[];
  try {
    read = await Promise.all(Array.from({ length: readers }, () => readWholeLog(api, token, exerciseId)));
  } finally {
    await probe.stop().catch(() => undefined);
  }
  const ms = performance.now() - started;
  const probed = await probe.stop();
  const short = read.filter((r) => r.seq < committedSeq);
  if (short.length > 0)
    throw new Error(
      `${short.length} of ${readers} readers ended at seq ${short[0]!.seq}, short of the log's ${committedSeq}`,
    );
  return {
    ms,
    pages: read.reduce((sum, r) => sum + r.pages, 0),
    bytes: read.reduce((sum, r) => sum + r.bytes, 0),
    maxBlockMs: probed.maxMs,
    probes: probed.count,
  };
}
