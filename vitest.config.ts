import { defineConfig } from 'vitest/config';

// One run over every app and package, so CI gets a single report with every count.
// Two test files at a time: vitest's default is one less than the cores (1 on the 2-core CI machine),
// and many files spend most of their time waiting on a provider window, a slow simulator or a worker
// process, not on the CPU. Measured on the 2-core machine: tests 851 s one at a time, 536 s two at a time.
export default defineConfig({
  test: {
    projects: ['apps/*', 'packages/*'],
    maxWorkers: 2,
  },
});
