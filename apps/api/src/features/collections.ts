import type { Feature } from '../deps';

/** The collections routes. */
export const collectionsFeature: Feature = {};
