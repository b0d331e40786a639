import { bootstrapSteps, type BootstrapOptions, type DifferenceInterval } from './bootstrap';
import { byCase, caseStats, type SampleRecord } from './report';
import { runSteps, runStepsPaced, type Steps } from './steps';

export interface MetricComparison extends DifferenceInterval {
  grader: string;
  metric: 'mean' | 'passRate';
  current: number;
  baseline: number;
}

export interface Comparison {
  metrics: MetricComparison[];
  regressions: number;
  improvements: number;
}

/**
 * Per grader and metric (mean score, pass rate): the difference current - baseline over the cases
 * both runs graded, with a paired bootstrap interval. Graders absent from the baseline are skipped.
 */
export function compareRuns(
  current: readonly SampleRecord[],
  baseline: readonly SampleRecord[],
  graders: readonly string[],
  options: BootstrapOptions = {},
): Comparison {
  return runSteps(compareSteps(current, baseline, graders, options));
}

/**
 * {@link compareRuns}, awaiting `pause()` between slices of bootstrap work: 20,000 resamples of
 * 5,000 cases for 20 graders is seconds of CPU, which must not hold an event loop (and its job
 * locks) for that long.
 */
export function compareRunsPaced(
  current: readonly SampleRecord[],
  baseline: readonly SampleRecord[],
  graders: readonly string[],
  options: BootstrapOptions,
  pause: () => Promise<void>,
): Promise<Comparison> {
  return runStepsPaced(compareSteps(current, baseline, graders, options), pause);
}

function* compareSteps(
  current: readonly SampleRecord[],
  baseline: readonly SampleRecord[],
  graders: readonly string[],
  options: BootstrapOptions,
): Steps<Comparison> {
  const now = byCase(current);
  const before = byCase(baseline);
  const metrics: MetricComparison[] = [];
  for (const [graderIndex, grader] of graders.entries()) {
    const pairs: { current: ReturnType<typeof caseStats>; baseline: ReturnType<typeof caseStats> }[] = [];
    for (const [caseId, records] of now) {
      const old = before.get(caseId);
      if (!old) continue;
      const a = caseStats(records, grader);
      const b = caseStats(old, grader);
      if (a.graded > 0 && b.graded > 0) pairs.push({ current: a, baseline: b });
    }
    if (pairs.length === 0) continue;
    for (const [metricIndex, metric] of (['mean', 'passRate'] as const).entries()) {
      const a = pairs.map((pair) => pair.current[metric]);
      const b = pairs.map((pair) => pair.baseline[metric]);
      // A distinct, fixed seed per metric: reproducible, and metrics do not share one random stream.
      const seed = (options.seed ?? 1) + graderIndex * 2 + metricIndex;
      const interval = yield* bootstrapSteps(a, b, { ...options, seed });
      metrics.push({ grader, metric, current: avg(a), baseline: avg(b), ...interval });
      yield;
    }
  }
  return {
    metrics,
    regressions: metrics.filter((metric) => metric.verdict === 'regression').length,
    improvements: metrics.filter((metric) => metric.verdict === 'improvement').length,
  };
}

const avg = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
