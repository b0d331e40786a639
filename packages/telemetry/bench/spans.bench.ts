// pnpm bench spans: what a span costs the code that makes it. withSpan around an async no-op with
// tracing off (no SDK: OpenTelemetry's no-op tracer), on and sampled (SDK, batch processor, an
// exporter that drops the batches: the export itself happens off the request path), and on but not
// sampled (always_off); injectTrace (what each enqueued job pays) and extractTrace (each job start).
import { ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import { extractTrace, injectTrace, withSpan } from '../src';
import { startTracing, type TracingConfig } from '../src/sdk';

const N = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 200_000);
const ROUNDS = 5;

let exported = 0;
const dropping: SpanExporter = {
  export(spans: ReadableSpan[], done) {
    exported += spans.length;
    done({ code: ExportResultCode.SUCCESS });
  },
  shutdown: async () => {},
};

const config = (sampler: TracingConfig['sampler']['name']): TracingConfig => ({
  serviceName: 'bench',
  resourceAttributes: {},
  exporter: { kind: 'console' },
  sampler: { name: sampler, ratio: 1 },
  batch: { scheduledDelayMs: 200, exportTimeoutMs: 30_000, maxQueueSize: 65_536, maxExportBatchSize: 4_096 },
});

/** ns per operation: median of ROUNDS runs of N awaited operations. */
async function nsPerOp(op: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 20_000; i++) await op(); // warm-up (JIT)
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < N; i++) await op();
    rounds.push(Number(process.hrtime.bigint() - started) / N);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

const attributes = { 'llmops.tenant': 'alice', 'llmops.job.id': 'inference-1', 'llmops.item.index': 3 };
const noop = async () => {};
const rows: [string, number][] = [];

rows.push(['plain await of an async no-op (baseline)', await nsPerOp(noop)]);
rows.push(['withSpan, tracing off (no SDK)', await nsPerOp(() => withSpan('op', attributes, noop))]);
rows.push(['injectTrace, tracing off', await nsPerOp(() => injectTrace())]);

// The batch processor, as in production, with an exporter that drops the batches: what is measured is
// the span's own cost in the app, not the network I/O (which runs on the export timer).
let tracing = startTracing(config('always_on'), { exporter: dropping, batched: true });
rows.push(['withSpan, tracing on, sampled', await nsPerOp(() => withSpan('op', attributes, noop))]);
rows.push([
  'withSpan nested 3 deep, tracing on, sampled',
  await nsPerOp(() => withSpan('a', attributes, () => withSpan('b', attributes, () => withSpan('c', attributes, noop)))),
]);
const carrier = await withSpan('parent', {}, () => injectTrace());
rows.push(['injectTrace inside a span, tracing on', await withSpan('parent', {}, () => nsPerOp(() => injectTrace()))]);
rows.push(['extractTrace of a carrier, tracing on', await nsPerOp(() => extractTrace(carrier))]);
await tracing.shutdown();

tracing = startTracing(config('always_off'), { exporter: dropping, batched: true });
rows.push(['withSpan, tracing on, not sampled (always_off)', await nsPerOp(() => withSpan('op', attributes, noop))]);
await tracing.shutdown();

console.log(`${N.toLocaleString()} operations per round, median of ${ROUNDS} rounds; Node ${process.version}`);
console.log(`${'operation'.padEnd(52)} ${'ns/op'.padStart(8)} ${'over baseline'.padStart(14)}`);
const base = rows[0]![1];
for (const [name, ns] of rows)
  console.log(
    `${name.padEnd(52)} ${ns.toFixed(0).padStart(8)} ${(name.startsWith('plain') || name.startsWith('inject') || name.startsWith('extract') ? '' : `+${(ns - base).toFixed(0)}`).padStart(14)}`,
  );
console.log(`(spans exported by the dropping exporter: ${exported.toLocaleString()})`);
