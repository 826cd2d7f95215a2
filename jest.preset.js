// Shared jest settings: TypeScript through SWC as native ESM, workspace libs resolved to their sources.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @param {string} projectDir @param {import('jest').Config} [extra] */
export function jestConfig(projectDir, extra = {}) {
  const name = path.relative(root, projectDir);
  return {
    displayName: name,
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: {
      '^@ttx/(contracts|scenario|engine|rules|report)$': path.join(root, 'libs/$1/src/index.ts'),
      '^@ttx/report/browser$': path.join(root, 'libs/report/src/browser.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
            keepClassNames: true,
          },
          sourceMaps: 'inline',
        },
      ],
    },
    ...extra,
  };
}
