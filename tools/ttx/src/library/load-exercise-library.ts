// Reads exercise files from disk and loads them as one library, checking each rule's parameters with the rules library.
import { checkRuleParams } from '@ttx/rules';
import { loadLibrary } from '@ttx/scenario';
import { UsageError } from '../cli-io.js';
import { discoverExerciseFiles, type ExerciseFile } from './exercise-files.js';

export type ExerciseLibrary = ReturnType<typeof loadLibrary>;

export interface LoadedFiles {
  files: ExerciseFile[];
  library: ExerciseLibrary;
}

/** Throws a UsageError when a path does not exist or a folder holds no exercise files. */
export function loadExerciseLibrary(inputs: readonly string[], cwd: string): LoadedFiles {
  const discovery = discoverExerciseFiles(inputs, cwd);
  if (!discovery.ok) throw new UsageError(discovery.message);
  return { files: discovery.files, library: loadLibrary(discovery.files, { checkRule: checkRuleParams }) };
}
