#!/usr/bin/env node
// Compares restart times of server builds on a folder kept by `npm run bench -- --keep`, and with `--reports` the
// first after-action reports of each restart; build with `npx tsc -b tools/bench`.
import { compareRestarts } from '../dist/restart-compare.js';

process.exitCode = await compareRestarts(process.argv);
