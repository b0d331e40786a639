import { defineCatalog } from './catalog';
import { evaluationJobs } from './jobs/evaluation';
import { inferenceJobs } from './jobs/inference';
import { ingestJobs } from './jobs/ingest';

/**
 * The job types users can submit. Each job family defines its entries in `jobs/<family>.ts`; the
 * worker's handler map is typed over this object, so a missing handler does not compile.
 */
export const platformCatalog = defineCatalog({ ...ingestJobs, ...inferenceJobs, ...evaluationJobs });
export type PlatformCatalog = typeof platformCatalog;
