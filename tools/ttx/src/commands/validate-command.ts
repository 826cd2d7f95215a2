// `ttx validate`: checks scenarios, action catalogues and rule sets, and prints every problem with its position.
import { type Command } from 'commander';
import { formatProblem } from '@ttx/scenario';
import { EXIT_INVALID, EXIT_OK, type CliIo } from '../cli-io.js';
import { loadExerciseLibrary } from '../library/load-exercise-library.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function validateFiles(inputs: readonly string[], io: CliIo): number {
  const { files, library } = loadExerciseLibrary(inputs, io.cwd);
  for (const problem of library.problems) io.out(formatProblem(problem));
  const contents = [
    plural(library.scenarios.size, 'scenario'),
    plural(library.catalogues.size, 'action catalogue'),
    plural(library.ruleSets.size, 'rule set'),
  ].join(', ');
  if (library.problems.length === 0) {
    io.out(`${plural(files.length, 'file')} valid (${contents}).`);
    return EXIT_OK;
  }
  const troubled = new Set(library.problems.map((p) => p.file)).size;
  io.out(`${plural(library.problems.length, 'problem')} in ${troubled} of ${plural(files.length, 'file')}.`);
  return EXIT_INVALID;
}

export function addValidateCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('validate')
    .summary('check scenarios, action catalogues and rule sets')
    .description(
      'Check exercise files and print every problem as file:line:col: field.path: message.\n\n' +
        'A folder is searched recursively for scenario.yaml files and the YAML files of roe/ folders. A scenario is ' +
        'checked against the rule set and action catalogue of the nearest roe/ folder beside or above it ' +
        '(exercises/roe of the working directory otherwise).',
    )
    .addHelpText(
      'after',
      '\nExit status: 0 when every file is valid, 1 when there are problems, 2 for a wrong command line.\n\n' +
        'Examples:\n  ttx validate exercises\n  ttx validate exercises/grid-dark-winter/scenario.yaml exercises/roe/default.yaml',
    )
    .argument('<file-or-dir...>', 'exercise YAML files, or folders to search')
    .action((inputs: string[]) => done(validateFiles(inputs, io)));
}
