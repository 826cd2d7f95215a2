// Jest global setup of the server suites: they run from the TypeScript sources, but the report worker is a separate
// thread that runs the built dist/reports/report-worker.js and @ttx/report's dist, so the build is brought up to date
// first (`tsc -b` is incremental: a few seconds when nothing changed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../../..');
const worker = path.join(root, 'apps/server/dist/reports/report-worker.js');

export default function buildServer() {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'apps/server'], { cwd: root, encoding: 'utf8' });
  // Type errors still emit JavaScript: the suites run from the sources and report real failures themselves.
  if (build.status !== 0) console.warn(`tsc -b apps/server reported errors; the report worker runs the JavaScript it emitted:\n${build.stdout}${build.stderr}`);
  if (!existsSync(worker)) throw new Error(`The server does not build, and the report worker needs ${worker}:\n${build.stdout}${build.stderr}`);
}
