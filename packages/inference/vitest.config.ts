import { defineProject } from 'vitest/config';

// Hang guards, not speed limits: the suite runs two files at a time, on 2 cores CI may share with other work.

export default defineProject({ test: { name: '@llmops/inference', testTimeout: 60_000, hookTimeout: 60_000 } });
