// What `npm start` prints: where TTX runs, how to log in and, on a first start, the demo exercise and its codes.
import type { RunningServer } from './bootstrap.js';
import type { TtxConfig } from './config/ttx-config.js';

export function startBanner(server: Pick<RunningServer, 'url' | 'webClient' | 'generatedAdminPassword' | 'demoExercise'>, config: TtxConfig): string {
  const lines = [
    '',
    `TTX is running at ${server.url}`,
    server.webClient ? `  Web client:  ${server.url}/` : `  Web client:  not built (no ${config.webDir}); build it with npm run build`,
    `  API docs:    ${server.url}/api/docs`,
    `  Database:    ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}`,
    server.generatedAdminPassword
      ? `  Log in as "${config.adminUser}" with the password ${server.generatedAdminPassword} (shown only now; set TTX_ADMIN_PASSWORD to choose one).`
      : `  Log in as a controller ("${config.adminUser}" was created on first start with TTX_ADMIN_PASSWORD or a printed password).`,
  ];
  const demo = server.demoExercise;
  if (demo) {
    const seats = [
      ...demo.teams.map((t) => [t.name, t.code]),
      ['Facilitator', demo.facilitatorCode],
      ['Observer', demo.observerCode],
    ];
    const width = Math.max(...seats.map(([label]) => label.length));
    lines.push(
      '',
      `  Demo exercise: ${demo.name}`,
      `    Run it:      ${server.url}${demo.controlPath}`,
      `    Join codes (shown only now; POST /api/exercises/${demo.id}/codes issues new ones), entered at ${server.url}/join:`,
      ...seats.map(([label, code]) => `      ${label.padEnd(width)}  ${code}`),
    );
  }
  lines.push('');
  return lines.join('\n');
}
