// Reads exercise files from disk and loads them as one library, checking each rule's parameters with the rules
// library against the catalogue its rule set names (so a rule naming an unknown action is caught).
import { checkRuleParams } from '@ttx/rules';
import { loadCatalogue, loadLibrary, type ActionCatalogue, type ExerciseLibrary } from '@ttx/scenario';
import { UsageError } from '../cli-io.js';
import { discoverExerciseFiles, type ExerciseFile } from './exercise-files.js';

export interface LoadedFiles {
  files: ExerciseFile[];
  library: ExerciseLibrary;
}

const DECLARES_CATALOGUE = /^kind:\s*['"]?action-catalogue\b/m;

/** The valid catalogues among the files, by id; the library load reports the problems of the others. */
function cataloguesIn(files: readonly ExerciseFile[]): Map<string, ActionCatalogue> {
  const catalogues = new Map<string, ActionCatalogue>();
  for (const file of files.filter((f) => DECLARES_CATALOGUE.test(f.text))) {
    const loaded = loadCatalogue(file);
    if (loaded.ok && !catalogues.has(loaded.value.id)) catalogues.set(loaded.value.id, loaded.value);
  }
  return catalogues;
}

/** Throws a UsageError when a path does not exist or a folder holds no exercise files. */
export function loadExerciseLibrary(inputs: readonly string[], cwd: string): LoadedFiles {
  const discovery = discoverExerciseFiles(inputs, cwd);
  if (!discovery.ok) throw new UsageError(discovery.message);
  const catalogues = cataloguesIn(discovery.files);
  const library = loadLibrary(discovery.files, {
    checkRule: (rule, ruleSet) => checkRuleParams(rule, ruleSet, catalogues.get(ruleSet.catalogue)),
  });
  return { files: discovery.files, library };
}
