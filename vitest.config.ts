import { defineConfig } from 'vitest/config';

// One run over every app and package, so CI gets a single report with every count.
// Two test files run at a time: `--maxWorkers=2` in the root package.json's test script (vitest 5
// ignores `maxWorkers` in this config when `projects` are set; checked). Its default is one less than
// the cores: one file at a time on the 2-core CI machine, while many files mostly wait on a provider
// window, slow answers or a worker process. Measured on the 2-core machine: tests 851 s one at a time,
// 536 s two at a time.
export default defineConfig({
  test: {
    projects: ['apps/*', 'packages/*'],
  },
});
