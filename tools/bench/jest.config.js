import { jestConfig } from '../../jest.preset.js';

// The fault suites start real server processes: one file at a time keeps them off each other's cores.
export default jestConfig(import.meta.dirname, { maxWorkers: 1, testTimeout: 120_000 });
