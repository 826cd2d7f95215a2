// The production entry (`npm start`): runs the bundled server, dist/ttx-server.bundle.cjs (tools/scripts/bundle-server.js
// builds it from main.js), with V8's code cache. Node 20 keeps no compiled code between starts, so without the
// cache every start compiles the startup paths of ~9 MB of Nest, express, socket.io and TypeORM again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { onceRunning } from './running-event.js';

const BUNDLE = fileURLToPath(new URL('./ttx-server.bundle.cjs', import.meta.url));
const CACHE_PREFIX = 'ttx-server.bundle.';
const CACHE_SUFFIX = '.v8cache';
/** After the server is running, so the cache holds the code every start runs; later, so it is not written while
 * the clients of a restart reconnect. */
const CACHE_DELAY_MS = 2000;

/** The cache's name carries a hash of the bundle and of Node: V8 itself only checks the source's length. */
function codeCacheFile(source: string): string {
  const key = createHash('sha256')
    .update(source)
    .update(`\0${process.version}\0${process.arch}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(path.dirname(BUNDLE), `${CACHE_PREFIX}${key}${CACHE_SUFFIX}`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole (temporary file, then rename) and removes those of earlier builds and any temporary file
 * a killed process left; a read-only install simply starts without a cache. */
function writeCache(script: vm.Script, file: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
    for (const name of readdirSync(path.dirname(file))) {
      const other = path.join(path.dirname(file), name);
      if (other !== file && name.startsWith(CACHE_PREFIX) && /\.v8cache(\.\d+\.tmp)?$/.test(name))
        rmSync(other, { force: true });
    }
  } catch {
    rmSync(temporary, { force: true });
  }
}

function run(): void {
  let source: string;
  try {
    // esbuild writes ASCII only (non-ASCII characters escaped), so latin1 reads it without UTF-8 decoding.
    source = readFileSync(BUNDLE, 'latin1');
  } catch {
    console.error(`${BUNDLE} is missing: build the server with npm run build (or npx nx run server:build).`);
    process.exit(1);
  }
  const cacheFile = codeCacheFile(source);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) {
    onceRunning(() => setTimeout(() => writeCache(script, cacheFile), CACHE_DELAY_MS).unref());
  }
  const bundleModule = new Module(BUNDLE);
  bundleModule.filename = BUNDLE;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(
    bundleModule.exports,
    bundleModule.exports,
    createRequire(BUNDLE),
    bundleModule,
    BUNDLE,
    path.dirname(BUNDLE),
  );
}

run();
