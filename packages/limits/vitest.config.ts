import { defineProject } from 'vitest/config';

// Tests run BullMQ workers and the LLM simulator on real Redis: generous hang guards, not speed limits.
export default defineProject({ test: { name: '@llmops/limits', testTimeout: 120_000, hookTimeout: 60_000 } });
