// libs/report (with pdfkit under it) costs about 0.3 s of CPU to load: it is loaded with the first report, not at start.
import type * as Report from '@ttx/report';

export type ReportLibrary = typeof Report;

let loading: Promise<ReportLibrary> | undefined;

export function reportLibrary(): Promise<ReportLibrary> {
  loading ??= import('@ttx/report');
  return loading;
}
