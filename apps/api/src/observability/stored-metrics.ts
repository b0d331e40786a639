import { Counter, Gauge, Histogram, type MetricType, type Registry } from 'prom-client';

/** One sample of a metric read from Redis: its label values and its value. */
export interface StoredSample<L extends string> {
  labels: Record<L, string>;
  value: number;
}

interface StoredMetricOptions<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  registry: Registry;
  /** Reads every sample at scrape time (from Redis, so every replica's counts are in it). */
  read: () => Promise<StoredSample<L>[]>;
}

/**
 * A prom-client Counter whose values are read at scrape time: counts that workers and other API
 * replicas add to in Redis. prom-client formats the exposition (label values escaped).
 */
export function storedCounter<L extends string>(options: StoredMetricOptions<L>): Counter<L> {
  return new Counter<L>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames,
    registers: [options.registry],
    async collect() {
      const samples = await options.read();
      // Reset only after the read: concurrent scrapes never see a half-filled metric.
      this.reset();
      for (const sample of samples) this.inc(sample.labels as Partial<Record<L, string>>, Math.max(0, sample.value));
    },
  });
}

/** A prom-client Gauge whose values are read at scrape time (see {@link storedCounter}). */
export function storedGauge<L extends string>(options: StoredMetricOptions<L>): Gauge<L> {
  return new Gauge<L>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames,
    registers: [options.registry],
    async collect() {
      const samples = await options.read();
      this.reset();
      for (const sample of samples) this.set(sample.labels as Partial<Record<L, string>>, sample.value);
    },
  });
}

/** One series of a histogram kept in Redis: cumulative counts per upper bound (`+Inf` last), sum and count. */
export interface StoredHistogramSeries<L extends string> {
  labels: Record<L, string>;
  buckets: readonly (readonly [le: string, count: number])[];
  sum: number;
  count: number;
}

/**
 * A histogram whose buckets are summed in Redis by every worker (prom-client's Histogram can only
 * observe values in this process). It is a prom-client Histogram so the registry formats and escapes
 * it like any other; its samples come from `read` at scrape time instead of local observations.
 * (Typed with `le` among its labels because its samples carry it; prom-client adds it itself.)
 */
export class StoredHistogram<L extends string> extends Histogram<L | 'le'> {
  private readonly metricName: string;
  private readonly metricHelp: string;
  private readonly read: () => Promise<StoredHistogramSeries<L>[]>;

  constructor(options: Omit<StoredMetricOptions<L>, 'read'> & { read: () => Promise<StoredHistogramSeries<L>[]> }) {
    super({ name: options.name, help: options.help, labelNames: options.labelNames, registers: [] });
    this.metricName = options.name;
    this.metricHelp = options.help;
    this.read = options.read;
    options.registry.registerMetric(this);
  }

  override async get(): Promise<HistogramSnapshot<L | 'le'>> {
    const values: HistogramSnapshot<L | 'le'>['values'] = [];
    for (const series of await this.read()) {
      // Record<L, string> is a set of L | 'le' labels; TypeScript cannot see it for a generic L.
      const labels = series.labels as Partial<Record<L | 'le', string>>;
      for (const [le, value] of series.buckets) values.push({ metricName: `${this.metricName}_bucket`, labels: { ...labels, le }, value });
      values.push({ metricName: `${this.metricName}_sum`, labels, value: series.sum }, { metricName: `${this.metricName}_count`, labels, value: series.count });
    }
    // prom-client's typings declare `type` as a numeric enum; at run time (and in the text format) it is the string.
    const type = 'histogram' as unknown as MetricType;
    return { name: this.metricName, help: this.metricHelp, type, aggregator: 'sum', values, collect: () => undefined };
  }

  /** What the registry asks a histogram for (prom-client's internal name): the same samples. */
  getForPromString(): Promise<HistogramSnapshot<L | 'le'>> {
    return this.get();
  }
}

type HistogramSnapshot<L extends string> = Awaited<ReturnType<Histogram<L>['get']>>;

/**
 * One read shared by the metrics a scrape collects at once (the registry asks them all together):
 * callers while a read is in flight get its promise; the next scrape reads afresh.
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    inFlight ??= read().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
