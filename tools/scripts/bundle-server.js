#!/usr/bin/env node
// Bundles the compiled server (apps/server/dist, built by `tsc -b apps/server`, which keeps Nest's decorator
// metadata) into apps/server/dist/ttx-server.bundle.cjs: one script to read and compile instead of ~1,800 modules to
// resolve. dist/ttx-server.js (apps/server/src/ttx-server.ts) runs it with V8's code cache, which Node keeps for
// scripts only, hence CommonJS.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const distDir = path.join(root, 'apps/server/dist');
export const BUNDLE_FILE = path.join(distDir, 'ttx-server.bundle.cjs');

// Left to Node at run time: native addons, the packages Nest and TypeORM probe for that TTX does not install, and
// those loaded on first use only (the report worker's library with pdfkit and its fonts, swagger for /api/docs).
const EXTERNAL = [
  'sqlite3',
  'pg',
  'pg-native',
  '@nestjs/microservices',
  '@nestjs/microservices/*',
  'class-transformer',
  'class-validator',
  '@ttx/report',
  'pdfkit',
  '@nestjs/swagger',
];

const relativeToBundle = (file) => path.relative(distDir, file).split(path.sep).join('/');

/** CommonJS packages that locate files beside themselves (socket.io serving its client, piscina starting its
 * worker) get their own __dirname / __filename, resolved from the bundle's location at run time. */
const ownFilePaths = {
  name: 'own-file-paths',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/\b__(dirname|filename)\b/.test(source) || /\bimport\.meta\b/.test(source)) return undefined;
      const file = JSON.stringify(relativeToBundle(args.path));
      const dir = JSON.stringify(relativeToBundle(path.dirname(args.path)));
      return {
        contents: `var __filename = __ttxBundlePath(${file}), __dirname = __ttxBundlePath(${dir});\n${source}`,
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

/** In TTX's own compiled files, `new URL('./x.js', import.meta.url)` (a worker script, say) is rewritten to the
 * same file seen from the bundle, so it still names the compiled file; import.meta.dirname/filename would name the
 * bundle's folder silently, so they are refused. */
const ownRelativeUrls = {
  name: 'own-relative-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]apps[\\/]server[\\/]dist[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const rewritten = source.replace(
        /new URL\(\s*(['"`])(\.{1,2}\/[^'"`]+)\1\s*,\s*import\.meta\.url\s*\)/g,
        (_match, _quote, rel) => {
          const target = path.resolve(path.dirname(args.path), rel);
          if (!existsSync(target))
            throw new Error(`${args.path} refers to ${rel}, which the build did not produce`);
          return `new URL(${JSON.stringify('./' + relativeToBundle(target))}, import.meta.url)`;
        },
      );
      if (/import\.meta\.(dirname|filename)\b/.test(rewritten)) {
        throw new Error(
          `${args.path} uses import.meta.dirname/filename, which would name the bundle's folder: use new URL('./…', import.meta.url)`,
        );
      }
      return { contents: rewritten, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

// import.meta.url (Nest's createRequire, TTX's worker script) becomes the bundle's own URL.
const BANNER = [
  "const __ttxImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
  "const __ttxBundlePath = (relative) => require('node:url').fileURLToPath(new URL(relative === '' ? '.' : relative, __ttxImportMetaUrl));",
].join('\n');

export async function bundleServer() {
  const entry = path.join(distDir, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run tsc -b apps/server first`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: BUNDLE_FILE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The launcher reads the bundle as latin1, which needs ASCII (esbuild's default; stated because it is relied on).
    charset: 'ascii',
    // V8 loses a script's dynamic-import callback when it comes from the code cache (Node 20): import() of an external
    // package becomes require(), which loads ES modules too (Node ≥ 20.19).
    supported: { 'dynamic-import': false },
    external: EXTERNAL,
    define: { 'import.meta.url': '__ttxImportMetaUrl' },
    // Nest finds injectables by class reference, but its logs and errors print class names: keep them.
    keepNames: true,
    sourcemap: 'linked',
    banner: { js: BANNER },
    plugins: [ownFilePaths, ownRelativeUrls],
    logLevel: 'warning',
    metafile: true,
    write: false,
  });
  // Written whole (temporary file, then rename): a server starting meanwhile reads the old bundle or the new one.
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundleServer().then(
    (result) => {
      const bytes = result.metafile.outputs[path.relative(root, BUNDLE_FILE)].bytes;
      console.log(
        `bundled ${Object.keys(result.metafile.inputs).length} modules into ${path.relative(root, BUNDLE_FILE)} (${(bytes / 1e6).toFixed(1)} MB)`,
      );
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
