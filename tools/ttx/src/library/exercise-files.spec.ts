import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverExerciseFiles } from './exercise-files.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ttx-files-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const paths = (result: ReturnType<typeof discoverExerciseFiles>) =>
  result.ok ? result.files.map((f) => f.path) : result.message;

describe('finding exercise files', () => {
  const root = tree({
    'exercises/roe/catalogue.yaml': 'kind: action-catalogue\nid: catalogue\n',
    'exercises/roe/default.yaml': 'kind: rule-set\nid: default\n',
    'exercises/grid/scenario.yaml': 'id: grid\n',
    'exercises/grid/notes.yaml': 'not an exercise file\n',
    'exercises/health/scenario.yml': 'id: health\n',
    'elsewhere/lonely.yaml': 'id: lonely\n',
    'elsewhere/my-rules.yaml': 'kind: rule-set\nid: default\n',
    'empty/readme.md': '# nothing\n',
  });

  const ROE = ['exercises/roe/catalogue.yaml', 'exercises/roe/default.yaml'];
  it.each([
    [
      'searches folders for scenario files and roe/ files only',
      'exercises',
      ['exercises/grid/scenario.yaml', 'exercises/health/scenario.yml', ...ROE],
    ],
    [
      'adds the nearest roe/ folder to a scenario checked on its own',
      'exercises/grid/scenario.yaml',
      ['exercises/grid/scenario.yaml', ...ROE],
    ],
    [
      'falls back to exercises/roe of the working directory for a file outside the exercise tree',
      'elsewhere/lonely.yaml',
      ['elsewhere/lonely.yaml', ...ROE],
    ],
    [
      'lets a rule set named on the command line stand in for the roe/ one with the same id',
      'elsewhere/my-rules.yaml',
      ['elsewhere/my-rules.yaml', 'exercises/roe/catalogue.yaml'],
    ],
  ])('%s', (_behaviour, named, found) => {
    expect(paths(discoverExerciseFiles([named], root))).toEqual(found);
  });

  it('reports a path that does not exist and a folder without exercise files', () => {
    expect(discoverExerciseFiles(['nowhere.yaml'], root)).toEqual({
      ok: false,
      message: 'nowhere.yaml: no such file or folder',
    });
    expect(discoverExerciseFiles(['empty'], root)).toEqual({
      ok: false,
      message: 'empty: no scenario.yaml or roe/*.yaml files in this folder',
    });
  });
});
