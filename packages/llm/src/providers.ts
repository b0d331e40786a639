import OpenAI from 'openai';
import type { ProviderConfig, ProvidersConfig } from './config';
import { FatalError } from './errors';
import type { Limits } from './limiter';

/** Where one model's calls go, with the SDK client and the limits that apply. */
export interface Route {
  provider: ProviderConfig;
  client: OpenAI;
  limits: Limits;
  /** Limiter scope: one window per provider and model. */
  scope: string;
}

export interface Router {
  route(model: string): Route;
  providers(): string[];
}

/**
 * One SDK client per provider. `maxRetries: 0` because retries are ours: the SDK would retry
 * without our limiter, our budget or our ledger knowing.
 */
export function createRouter(config: ProvidersConfig): Router {
  const clients = new Map<string, { provider: ProviderConfig; client: OpenAI }>();
  for (const provider of config.providers) {
    const client = new OpenAI({ baseURL: provider.baseURL, apiKey: provider.apiKey, maxRetries: 0, timeout: provider.timeoutMs });
    clients.set(provider.name, { provider, client });
  }
  const fallback = config.defaultProvider ?? config.providers[0]?.name;
  return {
    route(model) {
      const name = config.models[model] ?? fallback;
      const entry = name === undefined ? undefined : clients.get(name);
      if (!entry) throw new FatalError(`no provider for model "${model}"`);
      const limits = entry.provider.limits[model] ?? {};
      return { ...entry, limits: { rpm: limits.rpm, tpm: limits.tpm }, scope: `${entry.provider.name}:${model}` };
    },
    providers: () => [...clients.keys()],
  };
}
