#!/usr/bin/env node
// Runs the compiled benchmark; `npm run bench` compiles the server and the benchmark first.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
