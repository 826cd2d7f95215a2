// Starts TTX: API, socket endpoint and web client on one port; prints where and how to log in.
import 'reflect-metadata';
import { startServer } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/ttx-config.js';

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
  const lines = [
    '',
    `TTX is running at ${server.url}`,
    server.webClient ? `  Web client:  ${server.url}/` : `  Web client:  not built (no ${config.webDir}); build it with npm run build`,
    `  API docs:    ${server.url}/api/docs`,
    `  Database:    ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}`,
    server.generatedAdminPassword
      ? `  Log in as "${config.adminUser}" with the password ${server.generatedAdminPassword} (shown only now; set TTX_ADMIN_PASSWORD to choose one).`
      : `  Log in as a controller ("${config.adminUser}" was created on first start with TTX_ADMIN_PASSWORD or a printed password).`,
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
