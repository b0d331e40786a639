import { defineCatalog } from './catalog';
import { evaluationJobs } from './jobs/evaluation';
import { fineTuneJobs } from './jobs/fine-tune';
import { inferenceJobs } from './jobs/inference';
import { ingestJobs } from './jobs/ingest';
import { maintenanceJobs } from './jobs/maintenance';
import { pipelineJobs } from './jobs/pipeline';

/**
 * The job types users can submit. Each job family defines its entries in `jobs/<family>.ts`; the
 * worker's handler map is typed over this object, so a missing handler does not compile.
 */
export const platformCatalog = defineCatalog({ ...ingestJobs, ...inferenceJobs, ...evaluationJobs, ...pipelineJobs, ...fineTuneJobs, ...maintenanceJobs });
export type PlatformCatalog = typeof platformCatalog;
