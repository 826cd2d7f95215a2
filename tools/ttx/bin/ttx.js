#!/usr/bin/env node
// Runs the compiled CLI; `npm run ttx` compiles it first (tsc -b tools/ttx).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
