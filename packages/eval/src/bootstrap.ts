import { seededRandom } from './random';
import { mean } from './stats';
import { runSteps, type Steps } from './steps';

/** Draws between two pauses of a paced run (about a few milliseconds of work). */
const drawsPerSlice = 500_000;

/** Options of {@link bootstrapDifference}. */
export interface BootstrapOptions {
  /** Resamples drawn. Default 2,000. */
  resamples?: number;
  /** Two-sided confidence level. Default 0.95. */
  confidence?: number;
  /** PRNG seed, so a report repeats exactly. Default 1. */
  seed?: number;
}

export type Verdict = 'regression' | 'improvement' | 'no-change';

export interface DifferenceInterval {
  /** mean(current) - mean(baseline) over the paired cases. */
  difference: number;
  lower: number;
  upper: number;
  /** Cases present in both runs. */
  pairs: number;
  /** A regression or improvement only when the interval excludes zero. */
  verdict: Verdict;
}

/**
 * Paired percentile bootstrap of the difference of means: cases are resampled with replacement and
 * the same draw is used for both runs, so case difficulty cancels out. `current[i]` and
 * `baseline[i]` must be the same case.
 */
export function bootstrapDifference(current: readonly number[], baseline: readonly number[], options: BootstrapOptions = {}): DifferenceInterval {
  return runSteps(bootstrapSteps(current, baseline, options));
}

/** {@link bootstrapDifference} in slices of about {@link drawsPerSlice} draws. */
export function* bootstrapSteps(current: readonly number[], baseline: readonly number[], options: BootstrapOptions = {}): Steps<DifferenceInterval> {
  if (current.length !== baseline.length) throw new RangeError('current and baseline must be paired (same length)');
  const n = current.length;
  const resamples = options.resamples ?? 2_000;
  const confidence = options.confidence ?? 0.95;
  const random = seededRandom(options.seed ?? 1);
  const deltas = current.map((value, i) => value - baseline[i]!);
  const difference = mean(deltas);
  if (n === 0) return { difference: 0, lower: 0, upper: 0, pairs: 0, verdict: 'no-change' };
  const draws = new Float64Array(resamples);
  const resamplesPerSlice = Math.max(1, Math.floor(drawsPerSlice / n));
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += deltas[Math.floor(random() * n)]!;
    draws[r] = sum / n;
    if ((r + 1) % resamplesPerSlice === 0) yield;
  }
  draws.sort();
  const tail = (1 - confidence) / 2;
  const lower = draws[Math.max(0, Math.floor(tail * resamples))]!;
  const upper = draws[Math.min(resamples - 1, Math.ceil((1 - tail) * resamples) - 1)]!;
  const verdict: Verdict = upper < 0 ? 'regression' : lower > 0 ? 'improvement' : 'no-change';
  return { difference, lower, upper, pairs: n, verdict };
}
