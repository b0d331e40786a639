import { z } from 'zod';
import { normalizedView } from './normalize/view';
import { ENTITY_TYPES, type Entity, type EntityType } from './types';

export const EntityTypeSchema = z.enum(ENTITY_TYPES);

/** What to do with a detected entity. `keep` leaves it in place. */
export const PiiAction = z.enum(['redact', 'mask', 'hash', 'pseudonymize', 'keep']);
export type PiiAction = z.infer<typeof PiiAction>;

/**
 * A tenant's PII policy, safe to carry in job payloads (no transforms, no defaults: what is stored
 * is what comes back).
 * - `entities`: action per entity type; types not listed are kept as they are.
 * - `allowlist`: values never treated as PII, compared case-insensitively (e.g. "support@acme.com");
 *   an entry starting with "@" allows every email address at that domain ("@acme.com").
 */
export const PiiPolicy = z.strictObject({
  entities: z.partialRecord(EntityTypeSchema, PiiAction),
  allowlist: z.array(z.string().min(1).max(320)).max(1000).optional(),
});
export type PiiPolicy = z.infer<typeof PiiPolicy>;

/** Pseudonymize every detected type, allow nothing. */
export const defaultPolicy: PiiPolicy = Object.freeze({
  entities: Object.freeze(Object.fromEntries(ENTITY_TYPES.map((t) => [t, 'pseudonymize']))) as Record<EntityType, PiiAction>,
  allowlist: [],
});

/** The action for one type under a policy ('keep' when the type is not listed). */
export function actionFor(policy: PiiPolicy, type: EntityType): PiiAction {
  return policy.entities[type] ?? 'keep';
}

/** Types the policy acts on (anything but 'keep'), so detection can skip the rest. */
export function activeTypes(policy: PiiPolicy): EntityType[] {
  return ENTITY_TYPES.filter((t) => actionFor(policy, t) !== 'keep');
}

/** Builds a predicate telling whether an entity is allowlisted under the policy. */
export function allowlistMatcher(policy: PiiPolicy): (e: Entity) => boolean {
  const list = policy.allowlist ?? [];
  if (list.length === 0) return () => false;
  const exact = new Set(list.map((v) => v.toLowerCase()));
  const domains = list.filter((v) => v.startsWith('@')).map((v) => v.toLowerCase());
  return (e) => {
    // Compared on the normalized value, so "support@acme.com" written with a zero-width space still matches.
    const v = normalizedView(e.value).text.toLowerCase();
    if (exact.has(v)) return true;
    return e.type === 'EMAIL' && domains.some((d) => v.endsWith(d));
  };
}
