// `pnpm bench event-loop`: /healthz latency (p50/p99/max, from another process) while the API accepts
// an 8.4 MB inference body of "+1 (" in two shapes (10,000 items x 840 chars, 84 items x 100,000
// chars): how long request work holds the API's event loop. Run it on an otherwise idle machine.
import { bodyOf, measure, postFromAnotherProcess } from '../test/fixtures/event-loop-probe';
import { json, keys, startPlatform } from '../test/fixtures/platform-harness';

const harness = await startPlatform('bench-event-loop');
try {
  const post = (tag: string, items: number, chars: number) =>
    postFromAnotherProcess(`${harness.api.url}/v1/inference`, json(keys.alice), bodyOf(tag, items, chars));
  await measure(harness.api.url, 'warm-up (cold process)', () => post('warm', 84, 100_000));
  const rows: string[] = [];
  for (const [items, chars] of [
    [10_000, 840],
    [84, 100_000],
  ] as const) {
    for (let trial = 0; trial < 3; trial++) {
      const run = await measure(harness.api.url, `POST ${items} x ${chars}`, () => post(`t${trial}x${items}`, items, chars));
      rows.push(
        `${String(items).padStart(6)} items x ${String(chars).padStart(7)} chars  trial ${trial + 1}: status ${run.result.status}, /healthz p99 ${run.p99.toFixed(1)} ms, max ${(run.ms.at(-1) ?? 0).toFixed(1)} ms, ${run.answeredDuring}/${run.during.length} answered during the request`,
      );
    }
  }
  console.log('\n8.4 MB inference bodies of "+1 (" through the whole submit path');
  for (const row of rows) console.log(row);
} finally {
  await harness.close();
}
