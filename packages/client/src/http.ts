import { ApiError, errorFromBody } from './errors';
import { defaultRetry, isRetriable, parseRetryAfter, retryDelayMs, sleep, type RetryOptions } from './retry';

export interface ClientOptions {
  /** The API's base URL, e.g. `http://localhost:3000` (routes add `/v1/...`). Required. */
  baseUrl: string;
  /** A tenant's API key, sent as `Authorization: Bearer <key>`. Default: none (public routes only). */
  apiKey?: string;
  /** Retries of 429/503 (and 409 idempotency_in_progress) honouring Retry-After. Default: 5 retries. */
  retry?: RetryOptions;
  /** The fetch to use. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Called before each wait for a retry, e.g. to tell a user why nothing moves. Default: none. */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  method: string;
  path: string;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  /** 0 for a network error. */
  status: number;
  code: string;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (NDJSON uploads). */
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
  /** Sent as the Idempotency-Key header; makes retrying a POST safe. */
  idempotencyKey?: string;
  /** Retry network errors and 5xx even for a POST without an Idempotency-Key (it reads or sets, never creates). */
  safe?: boolean;
  /** Retries for this request. Default: the client's `retry.retries`. */
  retries?: number;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

/** HTTP with auth, JSON, typed errors and retries; every route call of the client goes through it. */
export class Transport {
  private readonly fetch: typeof fetch;
  private readonly retry: Required<Omit<RetryOptions, 'sleep'>> & Pick<RetryOptions, 'sleep'>;

  constructor(private readonly options: ClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.retry = { ...defaultRetry, ...options.retry };
  }

  url(path: string, query?: RequestOptions['query']): URL {
    const url = new URL(path, this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  /** Sends a request and returns the 2xx response (its body unread), retrying what waiting cures; throws ApiError otherwise. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let body: string | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      body = options.raw.text;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    // A POST that creates something may be repeated only when the API can recognise the repeat.
    const repeatable = method === 'GET' || method === 'DELETE' || options.safe === true || options.idempotencyKey !== undefined;
    const url = this.url(path, options.query);
    const retries = options.retries ?? this.retry.retries;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetch(url, { method, headers, ...(body === undefined ? {} : { body }), ...(options.signal ? { signal: options.signal } : {}) });
      } catch (cause) {
        if (options.signal?.aborted) throw cause;
        const error = new ApiError({ status: 0, code: 'network', message: `no answer from ${url.origin}: ${messageOf(cause)}`, cause });
        if (!repeatable || attempt >= retries) throw error;
        await this.wait(method, path, attempt, undefined, error);
        continue;
      }
      if (response.ok) return response;
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const error = errorFromBody(response.status, await readJson(response), retryAfterMs);
      // A 429 is a refusal before anything was created: repeating it is always safe.
      const mayRepeat = repeatable || response.status === 429;
      if (!mayRepeat || !isRetriable(response.status, error.code) || attempt >= retries) throw error;
      await this.wait(method, path, attempt, retryAfterMs, error);
    }
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await this.send(method, path, options);
    const data = (await readJson(response)) as T;
    return { data, status: response.status, headers: response.headers };
  }

  /** Waits before retrying (also used by the event stream between reconnections). */
  async wait(method: string, path: string, attempt: number, retryAfterMs: number | undefined, error: ApiError, signal?: AbortSignal): Promise<void> {
    const delayMs = retryDelayMs(attempt, retryAfterMs, this.retry);
    this.options.onRetry?.({ method, path, attempt: attempt + 1, delayMs, status: error.status, code: error.code });
    await (this.retry.sleep ?? sleep)(delayMs, signal);
  }

  get retries(): number {
    return this.retry.retries;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
