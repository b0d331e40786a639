import type { RedisClient } from '@llmops/redis';
import type { PlatformServices } from '@llmops/services';

/** What preparing an inference submission uses. */
export interface SubmissionDeps {
  /** The vault and PII policy pseudonymize the items; the model registry prices the estimate. */
  services: Pick<PlatformServices, 'vault' | 'piiPolicyFor' | 'registry'>;
  redis: RedisClient;
  /** The deployment's key prefix. */
  prefix: string;
  /** Seconds the items are kept: the job retention. */
  retentionSeconds: number;
}
