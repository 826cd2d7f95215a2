// The first after-action reports of a restarted server, for restart-compare's `--reports`: once the exercise runs,
// wait, probe /health idle, then fetch three reports (the first reads the log and builds the review, the second
// renders the kept review in the other format, the third is the first format again), each with the bench's /health
// probe in its own thread, and the server's CPU (user + system, every thread) over the three.
import { idleBlock, timeReport } from './aar-timing.js';
import { processCpuMs } from './server-process.js';
import { TtxApi } from './ttx-api.js';

export type ReportFormat = 'json' | 'pdf';

/** The reports asked for: the format first, and whether the exercise is ended first (its review is then prepared by
 * the server as it ends, as after a real exercise's hot wash). */
export interface ReportsPlan {
  first: ReportFormat;
  end: boolean;
}

export interface ReportsTiming {
  /** The slowest /health answer over 1 s with nothing asked: the probe's floor on this machine at that moment. */
  idleBlockMs: number;
  reports: { format: ReportFormat; ms: number; maxBlockMs: number; bytes: number }[];
  /** Server CPU from before the first report to after the third. */
  cpuMs: number;
}

export interface RunRow {
  build: string;
  round: number;
  healthMs: number;
  runningMs: number;
  startCpuMs: number;
  load: number;
  reports?: ReportsTiming;
}

/** Lets the restart settle (its code cache, its first checkpoint) before the idle probe, as the kept figures did. */
const SETTLE_MS = 1500;
const IDLE_PROBE_MS = 1000;

/** The formats in the order asked: `first` (which builds the review), the other, then `first` again. */
export function reportOrder(first: ReportFormat): ReportFormat[] {
  const other: ReportFormat = first === 'json' ? 'pdf' : 'json';
  return [first, other, first];
}

export async function timeReports(
  url: string,
  token: string,
  pid: number,
  exerciseId: string,
  { first, end }: ReportsPlan,
): Promise<ReportsTiming> {
  const api = new TtxApi(url);
  if (end) {
    const ended = await api.control(token, exerciseId, 'end');
    if (!ended.ok) throw new Error(`the exercise could not be ended: ${JSON.stringify(ended)}`);
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const idleBlockMs = await idleBlock(api, IDLE_PROBE_MS);
  const cpuBefore = processCpuMs(pid);
  const reports: ReportsTiming['reports'] = [];
  for (const format of reportOrder(first)) {
    const timing = await timeReport(api, token, exerciseId, format);
    reports.push({ format, ms: timing.ms, maxBlockMs: timing.maxBlockMs, bytes: timing.bytes });
  }
  return { idleBlockMs, reports, cpuMs: processCpuMs(pid) - cpuBefore };
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;

/** One line per run, printed beside the restart line. */
export function reportsLine(timing: ReportsTiming): string {
  const reports = timing.reports.map((r) => `${r.format} ${ms(r.ms)} (block ${ms(r.maxBlockMs)})`).join(', ');
  return `  reports: idle probe ${ms(timing.idleBlockMs)}; ${reports}; server CPU ${ms(timing.cpuMs)}`;
}

/** The markdown table of every run: the restart's figures, then, when reports were fetched, theirs. */
export function runTable(rows: RunRow[], plan: ReportsPlan | undefined): string {
  const head = ['build', 'round', '/health', 'running', 'start CPU'];
  const first = plan?.first;
  if (first) {
    const [a, b, c] = reportOrder(first).map((format) => format.toUpperCase());
    head.push(
      'idle probe',
      `${a} (first, ${plan.end ? 'review prepared at the end' : 'builds the review'})`,
      'block',
      `${b} (review kept)`,
      'block',
      `${c} again`,
      'block',
      'server CPU, 3 reports',
    );
  }
  head.push('load');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 1 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) {
    const cells = [row.build, String(row.round), ms(row.healthMs), ms(row.runningMs), ms(row.startCpuMs)];
    if (first && row.reports) {
      cells.push(ms(row.reports.idleBlockMs));
      for (const report of row.reports.reports) cells.push(ms(report.ms), ms(report.maxBlockMs));
      cells.push(ms(row.reports.cpuMs));
    }
    cells.push(row.load.toFixed(2));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
