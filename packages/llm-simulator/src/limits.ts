/** RPM/TPM limits over a rolling 60 s window, enforced and reported like OpenAI's. */

const WINDOW_MS = 60_000;

export interface Limits {
  rpm: number | null;
  tpm: number | null;
}

export type Admission = { ok: true; headers: Record<string, string> } | { ok: false; headers: Record<string, string>; retryAfterMs: number; message: string };

/** OpenAI's duration style for x-ratelimit-reset-*: "17ms", "1s", "6m0s", "1m30.5s". */
export function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const seconds = ms / 1000;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round((seconds - minutes * 60) * 1000) / 1000;
  return minutes > 0 ? `${minutes}m${rest}s` : `${rest}s`;
}

export function retryHeaders(retryAfterMs: number): Record<string, string> {
  return {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
    'retry-after-ms': String(Math.ceil(retryAfterMs)),
  };
}

export class RateLimiter {
  private requests: number[] = [];
  private tokens: { at: number; count: number }[] = [];
  private tokenSum = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Admits one request estimated at `tokens` (prompt + max_tokens), or says when capacity frees. */
  admit(tokens: number, limits: Limits): Admission {
    const now = this.now();
    this.prune(now);
    let waitMs = 0;
    let message = '';
    if (limits.rpm !== null && this.requests.length + 1 > limits.rpm) {
      const freeing = this.requests[this.requests.length - limits.rpm] ?? now;
      waitMs = Math.max(waitMs, freeing + WINDOW_MS - now);
      message = `Rate limit reached for requests per min (RPM): Limit ${limits.rpm}, Used ${this.requests.length}, Requested 1. Please try again in ${formatReset(waitMs)}.`;
    }
    if (limits.tpm !== null && this.tokenSum + tokens > limits.tpm) {
      const tokenWait = tokens > limits.tpm ? WINDOW_MS : this.tokenWait(now, this.tokenSum + tokens - limits.tpm);
      if (tokenWait >= waitMs) {
        waitMs = tokenWait;
        message = `Rate limit reached for tokens per min (TPM): Limit ${limits.tpm}, Used ${this.tokenSum}, Requested ${tokens}. Please try again in ${formatReset(waitMs)}.`;
      }
    }
    if (message) {
      return { ok: false, retryAfterMs: waitMs, message, headers: this.headers(now, limits) };
    }
    this.requests.push(now);
    if (tokens > 0) {
      this.tokens.push({ at: now, count: tokens });
      this.tokenSum += tokens;
    }
    return { ok: true, headers: this.headers(now, limits) };
  }

  /** Headers of an injected 429: the window reported as exhausted until `retryAfterMs` passes. */
  exhaustedHeaders(limits: Limits, retryAfterMs: number): Record<string, string> {
    this.prune(this.now());
    const reset = formatReset(retryAfterMs);
    return {
      'x-ratelimit-limit-requests': String(limits.rpm ?? Math.max(1, this.requests.length)),
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': reset,
      'x-ratelimit-limit-tokens': String(limits.tpm ?? Math.max(1, this.tokenSum)),
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': reset,
    };
  }

  reset(): void {
    this.requests = [];
    this.tokens = [];
    this.tokenSum = 0;
  }

  private headers(now: number, limits: Limits): Record<string, string> {
    const out: Record<string, string> = {};
    if (limits.rpm !== null) {
      out['x-ratelimit-limit-requests'] = String(limits.rpm);
      out['x-ratelimit-remaining-requests'] = String(Math.max(0, limits.rpm - this.requests.length));
      out['x-ratelimit-reset-requests'] = formatReset(this.resetIn(now, this.requests[0]));
    }
    if (limits.tpm !== null) {
      out['x-ratelimit-limit-tokens'] = String(limits.tpm);
      out['x-ratelimit-remaining-tokens'] = String(Math.max(0, limits.tpm - this.tokenSum));
      out['x-ratelimit-reset-tokens'] = formatReset(this.resetIn(now, this.tokens[0]?.at));
    }
    return out;
  }

  private resetIn(now: number, oldest: number | undefined): number {
    return oldest === undefined ? 0 : oldest + WINDOW_MS - now;
  }

  /** Time until at least `needed` tokens have left the window. */
  private tokenWait(now: number, needed: number): number {
    let freed = 0;
    for (const entry of this.tokens) {
      freed += entry.count;
      if (freed >= needed) return entry.at + WINDOW_MS - now;
    }
    return WINDOW_MS;
  }

  private prune(now: number): void {
    const cutoff = now - WINDOW_MS;
    let r = 0;
    while (r < this.requests.length && (this.requests[r] ?? Infinity) <= cutoff) r++;
    if (r > 0) this.requests.splice(0, r);
    let t = 0;
    while (t < this.tokens.length && (this.tokens[t]?.at ?? Infinity) <= cutoff) {
      this.tokenSum -= this.tokens[t]?.count ?? 0;
      t++;
    }
    if (t > 0) this.tokens.splice(0, t);
  }
}
