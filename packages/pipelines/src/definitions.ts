import type { RedisClient } from '@llmops/redis';
import { z } from 'zod';
import { PipelineDefinition, readJson } from '@llmops/contracts';

/** Every Redis key this package writes, in one place. */
export function pipelineKeys(prefix: string) {
  return {
    /** A tenant's saved definitions: fields `<name>#<version>` (the definition) and `<name>#latest`. */
    definitions: (tenant: string) => `${prefix}:pipelines:definitions:${tenant}`,
  };
}

/** The vault scope of a tenant's saved definitions (their free text is stored pseudonymized with it). */
export const definitionScope = (tenant: string) => `pipelines:${tenant}`;

/** A saved definition as read back. */
export interface SavedPipeline {
  name: string;
  version: number;
  createdAt: string;
  definition: PipelineDefinition;
}

const Stored = z.object({ createdAt: z.string(), definition: PipelineDefinition });

/** More saved versions than this per tenant are refused (the hash holds them all). */
export const MAX_SAVED_VERSIONS = 10_000;

/** A tenant has saved {@link MAX_SAVED_VERSIONS} versions. */
export class DefinitionLimitError extends Error {
  constructor() {
    super(`a tenant may keep at most ${MAX_SAVED_VERSIONS} saved pipeline versions`);
    this.name = new.target.name;
  }
}

// Version numbers come from HINCRBY in the same script that stores the definition: a reader never
// sees a version number without its definition, and two racing saves get different numbers.
const SAVE = `
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
local version = redis.call('HINCRBY', KEYS[1], ARGV[1] .. '#latest', 1)
redis.call('HSET', KEYS[1], ARGV[1] .. '#' .. version, ARGV[2])
return version
`;

type RedisWithSave = RedisClient & { pipelinesSave(key: string, name: string, value: string, max: number): Promise<number> };

/** Saved pipeline definitions, versioned per tenant and name; read back through their schema. */
export function createDefinitionStore(redis: RedisClient, prefix: string) {
  const keys = pipelineKeys(prefix);
  const r = redis as RedisWithSave;
  if (typeof r.pipelinesSave !== 'function') redis.defineCommand('pipelinesSave', { numberOfKeys: 1, lua: SAVE });
  const parse = (name: string, version: number, raw: string | null): SavedPipeline | undefined => {
    if (raw === null) return undefined;
    const stored = readJson(Stored, raw);
    return { name, version, createdAt: stored.createdAt, definition: stored.definition };
  };
  return {
    /** Stores a (checked, pseudonymized) definition as the name's next version. */
    async save(tenant: string, name: string, definition: PipelineDefinition, now = new Date()): Promise<SavedPipeline> {
      const version = await r.pipelinesSave(keys.definitions(tenant), name, JSON.stringify({ createdAt: now.toISOString(), definition }), MAX_SAVED_VERSIONS);
      if (version === 0) throw new DefinitionLimitError();
      return { name, version, createdAt: now.toISOString(), definition };
    },
    /** A version (default: the latest), or undefined. */
    async get(tenant: string, name: string, version?: number): Promise<SavedPipeline | undefined> {
      const key = keys.definitions(tenant);
      const wanted = version ?? Number((await redis.hget(key, `${name}#latest`)) ?? 0);
      if (!wanted) return undefined;
      return parse(name, wanted, await redis.hget(key, `${name}#${wanted}`));
    },
    /** Every saved name with its latest version. */
    async list(tenant: string): Promise<{ name: string; latest: number }[]> {
      const fields = await redis.hgetall(keys.definitions(tenant));
      return Object.entries(fields)
        .filter(([field]) => field.endsWith('#latest'))
        .map(([field, value]) => ({ name: field.slice(0, -'#latest'.length), latest: Number(value) }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
export type DefinitionStore = ReturnType<typeof createDefinitionStore>;
