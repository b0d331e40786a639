import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A percentile bootstrap interval of a mean: the values (one per evaluation case) are resampled with
 * replacement, the same method and defaults as packages/eval's comparison with a baseline (2,000
 * resamples, 95%, seed 1), so a report drawn twice shows the same interval.
 */
export function bootstrapMean(
  values: readonly number[],
  options: { resamples?: number; confidence?: number; seed?: number } = {},
): { mean: number; lower: number; upper: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, lower: 0, upper: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const resamples = options.resamples ?? 2_000;
  const confidence = options.confidence ?? 0.95;
  const random = seededRandom(options.seed ?? 1);
  const draws = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]!;
    draws[r] = sum / n;
  }
  draws.sort();
  const tail = (1 - confidence) / 2;
  return { mean, lower: draws[Math.max(0, Math.floor(tail * resamples))]!, upper: draws[Math.min(resamples - 1, Math.ceil((1 - tail) * resamples) - 1)]! };
}

/** The platform's seeded PRNG (pure-rand's xoroshiro128+, as packages/eval): uniform in [0, 1). */
function seededRandom(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}
