import { isTokenPrefix, MAX_TOKEN_LENGTH, TOKEN_PATTERN } from './tokens';
import type { Vault } from './vault';

/** Options for {@link restore} and {@link createStreamRestorer}. */
export interface RestoreOptions {
  /** The scope the tokens were issued in (the job id). Tokens from other scopes stay as they are. Required. */
  scope: string;
  /** The vault that issued them. Required. */
  vault: Vault;
}

/** Puts the originals back in place of this scope's tokens; unknown tokens are left untouched. */
export async function restore(text: string, options: RestoreOptions): Promise<string> {
  return restoreWith(text, options, new Map());
}

async function restoreWith(text: string, { scope, vault }: RestoreOptions, cache: Map<string, string | null>): Promise<string> {
  const found = text.match(TOKEN_PATTERN);
  if (!found) return text;
  const missing = found.filter((t) => !cache.has(t));
  if (missing.length > 0) {
    const originals = await vault.originals(scope, missing);
    for (const t of missing) cache.set(t, originals.get(t) ?? null);
  }
  return text.replace(TOKEN_PATTERN, (t) => cache.get(t) ?? t);
}

/** Restores a streamed answer chunk by chunk. */
export interface StreamRestorer {
  /** Feeds one chunk; resolves to the restored text that is safe to emit now (may be ''). */
  push(chunk: string): Promise<string>;
  /** Flushes whatever is held back (a dangling partial token is emitted as is). */
  end(): Promise<string>;
}

/**
 * A restorer for streamed model output: a chunk ending in what may be the start of a token
 * ("... <EMA") holds that tail back until the next chunk decides it. Output concatenated equals
 * `restore()` of the whole answer, for any split. Calls are serialised internally.
 */
export function createStreamRestorer(options: RestoreOptions): StreamRestorer {
  let pending = '';
  let queue: Promise<unknown> = Promise.resolve();
  const cache = new Map<string, string | null>();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    push(chunk) {
      return serial(async () => {
        const buf = pending + chunk;
        const cut = holdBackFrom(buf);
        pending = buf.slice(cut);
        return restoreWith(buf.slice(0, cut), options, cache);
      });
    },
    end() {
      return serial(async () => {
        const rest = pending;
        pending = '';
        return restoreWith(rest, options, cache);
      });
    },
  };
}

// Index where a possible partial token starts, or buf.length when nothing needs holding back.
function holdBackFrom(buf: string): number {
  const lt = buf.lastIndexOf('<', buf.length - 1);
  if (lt === -1 || buf.length - lt >= MAX_TOKEN_LENGTH) return buf.length;
  return isTokenPrefix(buf.slice(lt)) ? lt : buf.length;
}
