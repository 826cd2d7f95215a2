import { jestConfig } from '../../jest.preset.js';

// Server suites start real apps on real ports and databases: give them time and run them one after another.
export default jestConfig(import.meta.dirname, { testTimeout: 60000, maxWorkers: 1 });
