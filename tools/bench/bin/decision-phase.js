#!/usr/bin/env node
// The decision phase alone, repeated, with the server's CPU per decision; build with `npx tsc -b tools/bench`.
import { decisionPhaseCommand } from '../dist/decision-phase.js';

process.exitCode = await decisionPhaseCommand(process.argv);
