import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Seeded, counter-based randomness: every draw is a pure function of its key, so a run with the
 * same seed and the same request order repeats exactly, and nothing depends on Math.random.
 */

/** cyrb53: a fast 53-bit string hash with good avalanche, enough for feature hashing and seeds. */
export function hash53(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Seeded by a 32-bit integer: pure-rand's xoroshiro128+, the platform's one seeded PRNG. */
function rngFromSeed(seed: number): Rng {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

/** A generator seeded by any list of keys (seed, request number, purpose ...). */
export function rngFor(...keys: (string | number)[]): Rng {
  return rngFromSeed(hash53(keys.join('\u0000')) % 4294967296);
}

/** A standard normal draw (Box-Muller) from two uniforms. */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
