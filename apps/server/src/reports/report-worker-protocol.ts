// The messages between the server and its report worker: the server hands over each exercise's context once; the
// worker reads the log from the database itself (asking the server for a slice it cannot read exactly), or, without
// a database, the server sends the log in order (only what the worker lacks); then the server asks for a rendering,
// and the worker builds the review, says it is ready, and hands its bytes over a chunk at a time as the server pulls
// them (so the server never holds a report).
import type { ReportFormat, ReportTable } from '@ttx/contracts';
import type { ExerciseEvent } from '@ttx/engine';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';
import type { LogDatabase } from './report-log-reader.js';

/** What the worker is started with (`workerData`): the database it reads logs from, if it can open one. */
export interface ReportWorkerData {
  database?: LogDatabase;
}

/** What the review needs of an exercise besides its log. */
export interface ReportContext {
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: RuleSet;
}

export type ToReportWorker =
  /** Starts holding an exercise with an empty log (replacing any log held under that id). */
  | { type: 'hold'; exerciseId: string; context: ReportContext }
  /** The next events of a held exercise's log, in seq order, continuing where the last append ended. */
  | { type: 'append'; exerciseId: string; events: ExerciseEvent[] }
  | { type: 'drop'; exerciseId: string }
  /** Events the worker asked for (`lacks`), in order, a message at a time; `done` on the last; `unavailable` when the
   * server no longer has the request they were for. */
  | { type: 'supplied'; ask: number; events: ExerciseEvent[]; done: boolean; unavailable?: true }
  /** The review of the log up to `seq` in one format: the staff's, or `teamId`'s own debrief. */
  | { type: 'render'; requestId: number; exerciseId: string; seq: number; teamId?: string; format: ReportFormat; table: ReportTable }
  /** The next chunk of a rendering the worker said was ready. */
  | { type: 'pull'; requestId: number }
  /** The rest of a rendering is not wanted (the client went away). */
  | { type: 'discard'; requestId: number }
  /** Close the database connection and end the thread (the server shuts down, or gives up on a stalled worker). */
  | { type: 'close' };

/** Codes a rendering can be refused with: the same the route gave when it built the review itself. */
export type ReportRefusal = 'DEBRIEF_NOT_ALLOWED' | 'FORBIDDEN_ROLE';

export type FromReportWorker =
  /** The worker reads the log itself but could not read the events with after < seq <= upTo exactly (`error` when the
   * database failed): the server sends them from the log of rendering `requestId`, as `supplied` messages. */
  | { type: 'lacks'; requestId: number; ask: number; after: number; upTo: number; error?: string }
  /** The review is built (JSON is written as it is pulled; the other formats are whole, `byteLength` bytes). */
  | { type: 'ready'; requestId: number; fileName: string; byteLength?: number }
  /** The next chunk of a ready rendering, in order; its buffer is transferred. */
  | { type: 'chunk'; requestId: number; bytes: Uint8Array }
  /** No chunk left. */
  | { type: 'end'; requestId: number }
  | { type: 'refused'; requestId: number; code: ReportRefusal; message: string }
  | { type: 'failed'; requestId: number; message: string };
