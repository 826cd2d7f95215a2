import { jestConfig } from '../../jest.preset.js';

// Server suites start real apps on real ports and databases: give them time and run them one after another. The
// report worker runs the server's build, so the build is brought up to date first.
export default jestConfig(import.meta.dirname, { testTimeout: 60000, maxWorkers: 1, globalSetup: '<rootDir>/test/support/build-server.js' });
