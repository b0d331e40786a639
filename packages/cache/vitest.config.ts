import { defineProject } from 'vitest/config';

export default defineProject({
  // LANCEDB_LOG=error: LanceDB warns on every query that selects columns without _distance.
  test: { name: '@llmops/cache', env: { LANCEDB_LOG: 'error' }, testTimeout: 30_000 },
});
