#!/usr/bin/env node
// The `bareflow` command: runs the CLI compiled into dist/ (scripts/build-cli.js),
// compiling it first when a source changed: no TypeScript loader at start-up.
import { buildCli, currentBuild } from '../scripts/build-cli.js';

await import(currentBuild() ?? (await buildCli()));
