import type { RedisClient } from '@llmops/redis';
import { llmKeyPrefix } from '@llmops/contracts';
import { createLlmClient, ProvidersConfig, type LlmClient } from '@llmops/llm';
import { createVault, defaultPolicy, warmPersonDetector, type PiiPolicy, type Vault } from '@llmops/pii';
import { createRedisVaultStore } from '@llmops/pii/redis';
import { countTokens, createModelRegistry, type ModelRegistry } from '@llmops/tokens';
import { createVectorStore, type VectorStore } from '@llmops/vector';
import { createTenantLimits, type TenantLimitsService } from '@llmops/limits';
import type { ServicesEnv } from './env';
import { createJobLookup } from './job-lookup';
import { recordUsageCounters } from './usage-metrics';

/** What job processors and the API's synchronous routes use beyond Redis queues. */
export interface PlatformServices {
  llm: LlmClient;
  vectors: VectorStore;
  vault: Vault;
  registry: ModelRegistry;
  /** Per-tenant rate, concurrency, work and spend limits and fair scheduling (TENANT_LIMITS). */
  limits: TenantLimitsService;
  /** The providers the LLM client routes to (for provider APIs it does not wrap: files, fine-tuning). */
  providers: ProvidersConfig;
  /** The tenant's PII policy (PII_POLICIES[tenant] ?? PII_POLICIES.default ?? pseudonymize everything). */
  piiPolicyFor(tenant: string): PiiPolicy;
  close(): Promise<void>;
}

export class ServicesConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServicesConfigError';
  }
}

/** The provider config from LLM_PROVIDERS, or from OPENAI_BASE_URL / OPENAI_API_KEY. */
export function providersFrom(env: ServicesEnv): ProvidersConfig {
  if (env.LLM_PROVIDERS) return env.LLM_PROVIDERS;
  if (!env.OPENAI_BASE_URL && !env.OPENAI_API_KEY) {
    throw new ServicesConfigError(
      'no LLM provider configured: set OPENAI_API_KEY (OpenAI), OPENAI_BASE_URL (+ OPENAI_API_KEY) for any OpenAI-compatible server, or LLM_PROVIDERS. `./dev start` starts the simulator when none is set.',
    );
  }
  return ProvidersConfig.parse({
    providers: [
      { name: 'default', baseURL: env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1', apiKey: env.OPENAI_API_KEY ?? 'unused', limits: env.LLM_LIMITS ?? {} },
    ],
  });
}

/**
 * Builds the services from the environment, once per process. `redis` is a client-role connection
 * the caller owns (it holds the limiter, the ledger and the vault).
 */
export function createPlatformServices(env: ServicesEnv, options: { redis: RedisClient; prefix: string; vaultTtlSeconds: number }): PlatformServices {
  if (!env.PII_VAULT_KEY) {
    throw new ServicesConfigError('PII_VAULT_KEY is not set: generate one with `openssl rand -hex 32` (it encrypts the pseudonym vault)');
  }
  const registry = createModelRegistry(env.MODEL_OVERRIDES ?? []);
  const llmPrefix = llmKeyPrefix(options.prefix);
  const jobs = createJobLookup(options.redis, options.prefix);
  const providers = providersFrom(env);
  const limits = createTenantLimits({
    redis: options.redis,
    keyPrefix: options.prefix,
    spendKeyPrefix: llmPrefix,
    config: env.TENANT_LIMITS ?? {},
    isUnfinished: jobs.isUnfinished,
  });
  const llm = createLlmClient({
    redis: options.redis,
    providers,
    registry,
    limiter: { keyPrefix: llmPrefix },
    ledger: {
      keyPrefix: llmPrefix,
      onUsage: (event) => void recordUsageCounters(options.redis, options.prefix, event).catch(() => {}),
    },
    spend: limits.spendGuard,
  });
  const vectors = createVectorStore({
    qdrant: env.QDRANT_URL ? { url: env.QDRANT_URL, apiKey: env.QDRANT_API_KEY } : undefined,
    embedded: { directory: env.VECTOR_DIR },
  });
  const vault = createVault({
    key: env.PII_VAULT_KEY,
    store: createRedisVaultStore(options.redis, { prefix: options.prefix, ttlSeconds: options.vaultTtlSeconds }),
  });
  const policies = env.PII_POLICIES ?? {};
  return {
    llm,
    vectors,
    vault,
    registry,
    limits,
    providers,
    piiPolicyFor: (tenant) => policies[tenant] ?? policies.default ?? defaultPolicy,
    async close() {
      await jobs.close();
      await llm.close();
      await vectors.close();
    },
  };
}

/**
 * Loads what the first request would otherwise pay for on the event loop (the name lexicons and
 * tagger, about half a second; the tokenizer's tables): call once at boot, before listening.
 */
export function warmUp(): void {
  warmPersonDetector();
  countTokens('warm up', 'gpt-4o-mini');
}
