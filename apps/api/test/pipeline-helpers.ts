import { waitFor } from '@llmops/testing';
import { getJson } from './fixtures/harness';
import { json, keys, type PlatformHarness } from './fixtures/platform-harness';

export interface Response {
  status: number;
  body: Record<string, unknown>;
}

export async function send(harness: PlatformHarness, method: 'POST' | 'GET', path: string, body?: unknown, key = keys.alice): Promise<Response> {
  const response = await fetch(`${harness.api.url}${path}`, { method, headers: json(key), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The job's view once it has ended (completed with its result, failed, or cancelled). */
export async function ended(harness: PlatformHarness, id: string, timeoutMs = 180_000, key = keys.alice): Promise<Record<string, unknown>> {
  return waitFor(
    async () => {
      const view = (await getJson(`${harness.api.url}/v1/jobs/${id}`, key)).body;
      if (view.state === 'failed' || view.state === 'cancelled') return view;
      return view.state === 'completed' && view.result != null ? view : undefined;
    },
    { what: `job ${id}`, timeoutMs, intervalMs: 100 },
  );
}

/** Every page of a results route. */
export async function allPages<T>(harness: PlatformHarness, path: string, key = keys.alice): Promise<{ id: string; index: number; result: T }[]> {
  const out: { id: string; index: number; result: T }[] = [];
  let cursor: string | null = null;
  do {
    const page = (await getJson(`${harness.api.url}${path}?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, key)).body as {
      items: { id: string; index: number; result: T }[];
      nextCursor: string | null;
    };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Requests the ledger counted for a job type (every model, every day). */
export async function billedRequests(
  harness: PlatformHarness,
  jobType: string,
  key = keys.alice,
): Promise<{ requests: number; inputTokens: number; costNanoUsd: bigint }> {
  const usage = (await getJson(`${harness.api.url}/v1/usage`, key)).body as {
    days: { jobType: string; requests: number; inputTokens: number; costNanoUsd: string }[];
  };
  const rows = usage.days.filter((row) => row.jobType === jobType);
  return {
    requests: rows.reduce((sum, row) => sum + row.requests, 0),
    inputTokens: rows.reduce((sum, row) => sum + row.inputTokens, 0),
    costNanoUsd: rows.reduce((sum, row) => sum + BigInt(row.costNanoUsd), 0n),
  };
}

export interface StepRecord {
  status: string;
  output?: unknown;
  error?: string;
  cache?: string;
  usage: { inputTokens: number; outputTokens: number };
  costNanoUsd: string;
  run: string;
  finishedAt: string;
}

export interface PipelineResult {
  status: 'completed' | 'failed';
  output?: Record<string, unknown>;
  error?: string;
  steps: Record<string, StepRecord>;
  usage: { inputTokens: number; outputTokens: number };
  costUsd: string;
}
