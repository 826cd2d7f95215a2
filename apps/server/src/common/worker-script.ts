// Finds a worker thread's built script: beside the running module (dist/<folder>/), or in <folder>/ beside the
// bundle in dist/; from the TypeScript sources (the test runner) the build's copy in dist/.
import { existsSync } from 'node:fs';

export function builtWorkerScript(moduleUrl: string, folder: string, script: string): URL {
  const at = moduleUrl.lastIndexOf('/src/');
  const built =
    moduleUrl.endsWith('.ts') && at >= 0
      ? `${moduleUrl.slice(0, at)}/dist/${moduleUrl.slice(at + 5, -3)}.js`
      : moduleUrl;
  const candidates = [`./${script}`, `./${folder}/${script}`].map((relative) => new URL(relative, built));
  const found = candidates.find((url) => existsSync(url));
  if (!found)
    throw new Error(
      `The ${script} worker is not built: none of ${candidates.map((url) => url.pathname).join(', ')} exists.`,
    );
  return found;
}
