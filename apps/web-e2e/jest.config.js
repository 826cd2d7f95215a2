import { jestConfig } from '../../jest.preset.js';

// Real browsers against the real server: one suite at a time, with room for builds and a cold Chromium.
export default jestConfig(import.meta.dirname, { testTimeout: 240_000, maxWorkers: 1 });
