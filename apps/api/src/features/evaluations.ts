import type { Feature } from '../deps';

/** The evaluations routes. */
export const evaluationsFeature: Feature = {};
