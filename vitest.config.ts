import { defineConfig } from 'vitest/config';

// One run over every app and package, so CI gets a single report with every count.
export default defineConfig({
  test: {
    projects: ['apps/*', 'packages/*'],
  },
});
