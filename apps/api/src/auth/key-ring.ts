import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TenantId } from '@llmops/contracts';

/**
 * API keys, held only as sha256 hashes: looked up in constant time per entry, so neither the
 * key's value nor its position leaks through timing.
 */
export class KeyRing {
  private constructor(private readonly entries: { tenant: string; hash: Buffer }[]) {}

  /** `tenantA:key1,tenantB:key2` (development; keys in clear in the environment). */
  static fromPlainList(list: string): KeyRing {
    return new KeyRing(parsePairs(list.split(','), 'API_KEYS').map(([tenant, key]) => ({ tenant, hash: sha256(key) })));
  }

  /** Lines of `tenant:<sha256 of the key in hex>`; `#` starts a comment (production). */
  static fromHashFile(path: string): KeyRing {
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim());
    return new KeyRing(
      parsePairs(lines.filter(Boolean), 'API_KEYS_FILE').map(([tenant, hex]) => {
        if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`API_KEYS_FILE: the hash for tenant "${tenant}" is not 64 hex characters`);
        return { tenant, hash: Buffer.from(hex, 'hex') };
      }),
    );
  }

  static merge(...rings: KeyRing[]): KeyRing {
    return new KeyRing(rings.flatMap((ring) => ring.entries));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Every tenant with at least one key. */
  tenants(): string[] {
    return [...new Set(this.entries.map((entry) => entry.tenant))];
  }

  /** The tenant a presented key belongs to, or undefined. */
  tenantFor(presentedKey: string): string | undefined {
    const presented = sha256(presentedKey);
    let found: string | undefined;
    for (const entry of this.entries) if (timingSafeEqual(entry.hash, presented) && found === undefined) found = entry.tenant;
    return found;
  }
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function parsePairs(items: string[], variable: string): [string, string][] {
  return items.map((item) => {
    const at = item.indexOf(':');
    const tenant = item.slice(0, at).trim();
    const secret = item.slice(at + 1).trim();
    if (at < 1 || !secret) throw new Error(`${variable}: expected "tenant:value", got an entry without both parts`);
    if (!TenantId.safeParse(tenant).success) throw new Error(`${variable}: tenant "${tenant}" may use letters, digits, _ . - only`);
    return [tenant, secret];
  });
}
