/**
 * A step counter the detectors bump for every candidate they examine and every character their
 * scanners walk. Tests read it to prove work stays proportional to input size (no timing needed).
 */
export const work = { steps: 0 };

/** Adds `n` steps. */
export function step(n = 1): void {
  work.steps += n;
}
