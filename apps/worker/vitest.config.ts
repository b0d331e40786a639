import { defineProject } from 'vitest/config';

// These tests start worker processes and wait for jobs on real Redis: generous hang guards, not speed limits.
export default defineProject({ test: { name: '@llmops/worker', testTimeout: 120_000, hookTimeout: 60_000 } });
