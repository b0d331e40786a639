import { configure } from 'safe-stable-stringify';

// Sorted keys; a cycle throws instead of printing a placeholder; no bigint (JSON has none).
const stringify = configure({ deterministic: true, circularValue: TypeError, bigint: false });

/**
 * Canonical JSON: object keys sorted, undefined members left out (as JSON.stringify does), so equal
 * values give equal strings however their objects were built. Used for identities that are hashed
 * and stored (cache scopes, provider-call keys, miss records), so its output must never change.
 */
export function stableJson(value: unknown): string {
  return stringify(value) ?? 'null';
}
