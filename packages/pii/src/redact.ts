import { hashValue, maskValue, redactToken } from './actions';
import { parseKey } from './crypto';
import { detect, type DetectOptions } from './detect';
import { detectAsync } from './detect-async';
import { actionFor, activeTypes, allowlistMatcher, type PiiPolicy } from './policy';
import type { Entity } from './types';

/** Options for {@link redact}. */
export interface RedactOptions extends Pick<DetectOptions, 'phoneCountries'> {
  /** 32-byte key for the 'hash' action (bytes, base64 or hex). Required only when the policy hashes. */
  hashKey?: Uint8Array | string;
}

/** An entity as applied: offsets into the ORIGINAL text and what replaced it. */
export interface AppliedEntity {
  type: Entity['type'];
  start: number;
  end: number;
  replacement: string;
}

/** Detected entities the policy acts on: allowlist removed, 'keep' types skipped. */
export function entitiesToApply(text: string, policy: PiiPolicy, options: Pick<DetectOptions, 'phoneCountries'> = {}): Entity[] {
  const types = activeTypes(policy);
  if (types.length === 0) return [];
  const allowed = allowlistMatcher(policy);
  return detect(text, { types, phoneCountries: options.phoneCountries }).filter((e) => !allowed(e));
}

/** {@link entitiesToApply} for large texts: scans in windows and lets the event loop run in between. */
export async function entitiesToApplyAsync(text: string, policy: PiiPolicy, options: Pick<DetectOptions, 'phoneCountries'> = {}): Promise<Entity[]> {
  const types = activeTypes(policy);
  if (types.length === 0) return [];
  const allowed = allowlistMatcher(policy);
  return (await detectAsync(text, { types, phoneCountries: options.phoneCountries })).filter((e) => !allowed(e));
}

/** Rebuilds text with each entity replaced; entities must be sorted and non-overlapping. */
export function splice(text: string, entities: readonly Entity[], replacements: readonly string[]): string {
  let out = '';
  let at = 0;
  entities.forEach((e, i) => {
    out += text.slice(at, e.start) + (replacements[i] ?? '');
    at = e.end;
  });
  return out + text.slice(at);
}

/**
 * Synchronous, vault-free redaction for the redact/mask/hash actions. Entities whose action is
 * 'pseudonymize' are redacted here (use `pseudonymize` to get reversible tokens).
 */
export function redact(text: string, policy: PiiPolicy, options: RedactOptions = {}): { text: string; entities: AppliedEntity[] } {
  const entities = entitiesToApply(text, policy, options);
  let key: Buffer | undefined;
  const replacements = entities.map((e) => {
    const action = actionFor(policy, e.type);
    if (action === 'mask') return maskValue(e.value);
    if (action === 'hash') {
      if (options.hashKey === undefined) throw new Error("PII policy uses 'hash' but no hashKey was given");
      key ??= parseKey(options.hashKey);
      return hashValue(key, e.type, e.value);
    }
    return redactToken(e.type);
  });
  return {
    text: splice(text, entities, replacements),
    entities: entities.map((e, i) => ({ type: e.type, start: e.start, end: e.end, replacement: replacements[i] ?? '' })),
  };
}
