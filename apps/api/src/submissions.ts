import type { SubmissionRoute } from './deps';

/**
 * The submission routes users call, one per job type in the platform catalog. Job families add
 * theirs here as they land.
 */
export const platformSubmissions: readonly SubmissionRoute[] = [];
