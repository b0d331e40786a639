import { z } from 'zod';

/** Per-model request and token limits; an absent field means "no limit of that kind". */
export const ModelLimits = z.object({
  /** Requests per window (the limiter's window, 60 s by default). */
  rpm: z.number().int().positive().optional(),
  /** Tokens (prompt + max output) per window. */
  tpm: z.number().int().positive().optional(),
});
export type ModelLimits = z.infer<typeof ModelLimits>;

export const ProviderConfig = z.object({
  /** Name models are routed by, e.g. `openai` or `vllm`. */
  name: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  /** OpenAI-compatible base URL ending in /v1. */
  baseURL: z.url(),
  /** API key; local servers usually accept anything. Default: `"unused"`. */
  apiKey: z.string().default('unused'),
  /** Per-attempt HTTP timeout. Default: 60,000 ms. */
  timeoutMs: z.number().int().positive().default(60_000),
  /** Limits by model name; models not listed are not limited. Default: none. */
  limits: z.record(z.string(), ModelLimits).default({}),
});
export type ProviderConfig = z.infer<typeof ProviderConfig>;

/**
 * Every provider the platform may call and which model goes where. Apps parse it from env JSON
 * (`ProvidersConfig.parse(JSON.parse(env.LLM_PROVIDERS))`); this package never reads the environment.
 */
export const ProvidersConfig = z
  .object({
    providers: z.array(ProviderConfig).min(1),
    /** Model name -> provider name. Default: every model goes to `defaultProvider`. */
    models: z.record(z.string(), z.string()).default({}),
    /** Provider for models not in `models`. Default: the first provider. */
    defaultProvider: z.string().optional(),
  })
  .superRefine((config, ctx) => {
    const names = new Set<string>();
    config.providers.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', path: ['providers', i, 'name'], message: `duplicate provider "${p.name}"` });
      names.add(p.name);
    });
    for (const [model, provider] of Object.entries(config.models)) {
      if (!names.has(provider)) ctx.addIssue({ code: 'custom', path: ['models', model], message: `unknown provider "${provider}"` });
    }
    if (config.defaultProvider !== undefined && !names.has(config.defaultProvider)) {
      ctx.addIssue({ code: 'custom', path: ['defaultProvider'], message: `unknown provider "${config.defaultProvider}"` });
    }
  });
export type ProvidersConfig = z.infer<typeof ProvidersConfig>;
/** What callers may write before defaults are applied. */
export type ProvidersConfigInput = z.input<typeof ProvidersConfig>;
