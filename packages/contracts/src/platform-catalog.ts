import { defineCatalog } from './catalog';

/**
 * The job types users can submit. Each job family registers here with its queue, schemas and retry
 * policy; the worker's handler map is typed over this object, so a missing handler does not compile.
 */
export const platformCatalog = defineCatalog({});
export type PlatformCatalog = typeof platformCatalog;
