import { defineProject } from 'vitest/config';

// Tests talk HTTP to a local server: generous hang guards, not speed limits.
export default defineProject({ test: { name: '@llmops/client', testTimeout: 30_000 } });
