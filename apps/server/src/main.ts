// Starts TTX: API, socket endpoint and web client on one port; prints where and how to log in, and the demo
// exercise a first start creates.
import 'reflect-metadata';
import { startServer } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/ttx-config.js';
import { announceRunning } from './running-event.js';
import { startBanner } from './start-banner.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const server = await startServer(config);
  server.app.enableShutdownHooks();
  console.log(startBanner(server, config));
  announceRunning();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
