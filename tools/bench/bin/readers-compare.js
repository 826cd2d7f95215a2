#!/usr/bin/env node
// Times the readers phase alone on a folder kept by `npm run bench -- --keep`; build with `npx tsc -b tools/bench`.
import { compareReaders } from '../dist/readers-compare.js';

process.exitCode = await compareReaders(process.argv);
