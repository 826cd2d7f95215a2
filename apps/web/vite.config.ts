// Builds the single-page client into apps/web/dist, which the server serves beside the API on one port.
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(import.meta.dirname, '../..');
const libs = ['contracts', 'scenario', 'engine', 'rules', 'report'];
const serverUrl = process.env.TTX_SERVER_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    alias: [
      // The report library's browser entry: its types and wording, none of its Node renderers.
      { find: '@ttx/report/browser', replacement: path.join(root, 'libs/report/src/browser.ts') },
      ...libs.map((lib) => ({
        find: `@ttx/${lib}`,
        replacement: path.join(root, `libs/${lib}/src/index.ts`),
      })),
    ],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': serverUrl,
      '/health': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
