import { defineProject } from 'vitest/config';

// These tests start worker processes and wait for jobs on real Redis: generous hang guards, not speed limits.
// The worker the tests fork is bundled once per run (test/fixtures/worker-bundle.ts).
export default defineProject({ test: { name: '@llmops/api', testTimeout: 120_000, hookTimeout: 60_000, globalSetup: ['./test/fixtures/worker-bundle.ts'] } });
