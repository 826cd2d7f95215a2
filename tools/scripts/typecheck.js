#!/usr/bin/env node
// Type-checks the whole workspace: builds every library and app (tsc -b), then checks each project's specs and the
// no-emit projects (web client, browser tests), since SWC runs tests without type-checking them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const run = (args) => {
  console.log(`tsc ${args.join(' ')}`);
  return spawnSync(process.execPath, [tsc, ...args], { stdio: 'inherit', cwd: root }).status === 0;
};

const projects = ['libs', 'apps', 'tools'].flatMap((base) =>
  readdirSync(path.join(root, base), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, base, d.name, 'project.json')))
    .map((d) => path.join(base, d.name)),
);
const composite = projects.filter((p) => existsSync(path.join(root, p, 'tsconfig.json')) && p !== 'apps/web' && p !== 'apps/web-e2e');
let ok = run(['-b', ...composite]);
for (const project of projects) {
  const spec = path.join(project, 'tsconfig.spec.json');
  if (existsSync(path.join(root, spec))) ok = run(['-p', spec, '--noEmit']) && ok;
}
for (const noEmit of ['apps/web/tsconfig.json', 'apps/web-e2e/tsconfig.json']) {
  if (existsSync(path.join(root, noEmit))) ok = run(['-p', noEmit]) && ok;
}
process.exit(ok ? 0 : 1);
