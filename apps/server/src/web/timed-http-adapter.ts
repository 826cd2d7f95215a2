// Express on a Node HTTP server that closes a request not fully received in time (Node's default waits 300 s), so a
// slow-body client cannot hold connections open.
import http from 'node:http';
import { ExpressAdapter } from '@nestjs/platform-express';

/** How often Node looks for requests past their deadline: at most a quarter of the timeout late. */
function checkingIntervalMs(timeoutMs: number): number {
  return Math.min(5000, Math.max(250, Math.floor(timeoutMs / 4)));
}

export class TimedExpressAdapter extends ExpressAdapter {
  constructor(private readonly requestTimeoutMs: number) {
    super();
  }

  override initHttpServer(options: Parameters<ExpressAdapter['initHttpServer']>[0]): void {
    super.initHttpServer(options);
    if (options?.httpsOptions) return;
    // Node reads the checking interval only when the server is created, hence a server of our own.
    const server = http.createServer(
      {
        requestTimeout: this.requestTimeoutMs,
        headersTimeout: this.requestTimeoutMs,
        connectionsCheckingInterval: checkingIntervalMs(this.requestTimeoutMs),
      },
      this.getInstance(),
    );
    this.setHttpServer(server);
  }
}
