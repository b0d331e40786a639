#!/usr/bin/env node
// The `llmops` command: runs the TypeScript sources through tsx, so the workspace needs no build step.
/* global process -- Node's, for eslint */
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
