import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The platform's seeded PRNG (pure-rand's xoroshiro128+), uniform in [0, 1): the same seed gives the
 * same stream, so bootstrap reports, benches and simulated faults repeat.
 */
export function seededRandom(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}
