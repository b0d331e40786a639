import { defineProject } from 'vitest/config';

// Tests run the CLI as a child process: generous hang guards, not speed limits.
export default defineProject({ test: { name: '@llmops/cli', testTimeout: 60_000 } });
