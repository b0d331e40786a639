import { z } from 'zod';
import { PiiPolicy } from '@llmops/pii';
import { ProvidersConfig } from '@llmops/llm';
import { ModelOverride } from '@llmops/tokens';
import { parseTenantLimits, TenantLimitsConfigError } from '@llmops/limits';

const json = <S extends z.ZodType>(schema: S, example: string) =>
  z.string().transform((text, context): z.infer<S> => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: `not valid JSON (example: ${example})` });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
      return z.NEVER;
    }
    return parsed.data;
  });

const vaultKey = z
  .string()
  .refine((value) => /^[0-9a-fA-F]{64}$/.test(value) || Buffer.from(value, 'base64').length === 32, 'expected 32 bytes as 64 hex characters or base64');

/**
 * The variables both the API and the workers read to reach providers, vector stores and the PII vault.
 * Each app's env.ts merges these into its own schema.
 */
export const ServicesEnvShape = {
  /** OpenAI-compatible base URL (OpenAI, Azure, vLLM, Ollama, the simulator). */
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_API_KEY: z.string().optional(),
  /** Several providers at once, JSON (see @llmops/llm ProvidersConfig); overrides OPENAI_*. */
  LLM_PROVIDERS: json(ProvidersConfig, '{"providers":[{"name":"openai","baseURL":"https://api.openai.com/v1","apiKey":"sk-..."}]}').optional(),
  /** RPM/TPM per model for the OPENAI_* provider, JSON: {"gpt-4o-mini":{"rpm":500,"tpm":200000}}. */
  LLM_LIMITS: json(
    z.record(z.string(), z.object({ rpm: z.number().int().positive().optional(), tpm: z.number().int().positive().optional() })),
    '{"gpt-4o-mini":{"tpm":200000}}',
  ).optional(),
  /** Models added to or overriding the shipped registry, JSON array (see @llmops/tokens ModelOverride). */
  MODEL_OVERRIDES: json(z.array(ModelOverride), '[{"name":"llama-3.1-8b","kind":"chat","contextWindow":131072}]').optional(),
  /** Qdrant, when set; otherwise the embedded store in VECTOR_DIR. */
  QDRANT_URL: z.url().optional(),
  QDRANT_API_KEY: z.string().optional(),
  VECTOR_DIR: z.string().default('.data/vectors'),
  /** 32-byte key that encrypts the pseudonym vault (64 hex characters or base64). */
  PII_VAULT_KEY: vaultKey.optional(),
  /** PII policy per tenant, JSON: {"default": {...}, "acme": {...}} (see @llmops/pii PiiPolicy). */
  PII_POLICIES: json(z.record(z.string(), PiiPolicy), '{"default":{"entities":{"EMAIL":"pseudonymize"},"allowlist":["support@acme.com"]}}').optional(),
  /**
   * Per-tenant limits (rate, jobs at once, work per request, budgets, stored bytes), JSON or the path of
   * a JSON file: {"default": {...}, "<tenant>": {...}} (see @llmops/limits). Unset: built-in defaults.
   */
  TENANT_LIMITS: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseTenantLimits(value);
      } catch (error) {
        if (!(error instanceof TenantLimitsConfigError)) throw error;
        context.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    }),
};

export const ServicesEnv = z.object(ServicesEnvShape);
export type ServicesEnv = z.infer<typeof ServicesEnv>;
