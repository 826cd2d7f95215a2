// Finds the exercise files a command works on: the paths given, scenarios and roe/ files under given folders,
// and the rule sets and catalogues (the nearest roe/ folder) a scenario needs to be checked on its own.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ExerciseFile {
  /** Relative to the working directory, as problems print it. */
  path: string;
  text: string;
}

export type FileDiscovery = { ok: true; files: ExerciseFile[] } | { ok: false; message: string };

const YAML = /\.ya?ml$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);

const isScenarioFile = (file: string) => /^scenario\.ya?ml$/.test(path.basename(file));
const inRoeFolder = (file: string) => path.basename(path.dirname(file)) === 'roe';

/** Scenario files and roe/*.yaml under a folder, in a stable order. */
function exerciseFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) found.push(...exerciseFilesUnder(full));
    } else if (YAML.test(entry.name) && (isScenarioFile(full) || inRoeFolder(full))) {
      found.push(full);
    }
  }
  return found;
}

/** The roe/ folder beside the file or in the nearest folder above it; `exercises/roe` of the working directory otherwise. */
export function roeFolderFor(file: string, cwd: string): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    const candidate = path.join(dir, 'roe');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fallback = path.join(cwd, 'exercises', 'roe');
  return existsSync(fallback) ? fallback : undefined;
}

function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => YAML.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Collects the files for `inputs` (files or folders), plus the roe/ files their scenarios rely on. */
export function discoverExerciseFiles(inputs: readonly string[], cwd: string): FileDiscovery {
  const chosen: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    if (!existsSync(full)) return { ok: false, message: `${input}: no such file or folder` };
    if (statSync(full).isDirectory()) {
      const found = exerciseFilesUnder(full);
      if (found.length === 0) return { ok: false, message: `${input}: no scenario.yaml or roe/*.yaml files in this folder` };
      chosen.push(...found);
    } else {
      chosen.push(full);
    }
  }
  const supporting: string[] = [];
  for (const file of chosen) {
    if (inRoeFolder(file)) continue;
    const roe = roeFolderFor(file, cwd);
    if (roe) supporting.push(...yamlFilesIn(roe));
  }
  const read = (full: string): ExerciseFile => ({ path: path.relative(cwd, full) || full, text: readFileSync(full, 'utf8') });
  const given = [...new Set(chosen)].map(read);
  // A rule set or catalogue named on the command line stands in for the roe/ file with the same kind and id.
  const givenIdentities = new Set(given.map(identityOf).filter(Boolean));
  const extra = [...new Set(supporting)]
    .filter((full) => !chosen.includes(full))
    .map(read)
    .filter((file) => !givenIdentities.has(identityOf(file)));
  return { ok: true, files: [...given, ...extra] };
}

/** `kind:id` of a rule file from its top-level lines, without parsing it (the loader reports any YAML errors). */
function identityOf(file: ExerciseFile): string {
  const kind = /^kind:\s*['"]?([\w-]+)/m.exec(file.text)?.[1];
  const id = /^id:\s*['"]?([\w-]+)/m.exec(file.text)?.[1];
  return kind && id ? `${kind}:${id}` : '';
}
