import type { Feature } from '../deps';

/** The inference routes. */
export const inferenceFeature: Feature = {};
