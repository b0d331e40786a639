import { waitFor } from '@llmops/testing';
import { getJson } from './fixtures/harness';
import { json, keys, type PlatformHarness } from './fixtures/platform-harness';

export interface SubmitResponse {
  status: number;
  body: Record<string, unknown>;
}

export async function post(harness: PlatformHarness, path: string, body: unknown, key = keys.alice): Promise<SubmitResponse> {
  const response = await fetch(`${harness.api.url}${path}`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Waits for a job to finish and returns its view (failing loudly if it failed). */
export async function finished(harness: PlatformHarness, id: string, timeoutMs = 120_000, key = keys.alice): Promise<Record<string, unknown>> {
  return waitFor(
    async () => {
      const view = await getJson(`${harness.api.url}/v1/jobs/${id}`, key);
      if (view.body.state === 'failed') throw new Error(`job failed: ${JSON.stringify(view.body.error)}`);
      // The view can say completed before it carries the result (the job is read before its state): wait for both.
      return view.body.state === 'completed' && view.body.result != null ? view.body : undefined;
    },
    { what: `job ${id}`, timeoutMs },
  );
}

/** Submits and waits; returns the report (the job result). */
export async function evaluate(harness: PlatformHarness, body: unknown, timeoutMs?: number): Promise<{ id: string; report: Report }> {
  const submitted = await post(harness, '/v1/evaluations', body);
  if (submitted.status !== 202) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const id = String(submitted.body.id);
  const view = await finished(harness, id, timeoutMs);
  return { id, report: view.result as Report };
}

export async function allResults(harness: PlatformHarness, id: string): Promise<{ id: string; result: SampleRecord }[]> {
  const out: { id: string; result: SampleRecord }[] = [];
  let cursor: string | null = null;
  do {
    const page = await getJson(`${harness.api.url}/v1/jobs/${id}/results?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, keys.alice);
    const body = page.body as { items: { id: string; result: SampleRecord }[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

export interface SampleRecord {
  caseId: string;
  sample: number;
  output: string;
  costUsd: string;
  grades: Record<string, { status: string; score?: number; pass?: boolean; detail?: string; problem?: string }>;
}

export interface Report {
  cases: number;
  samples: number;
  graders: Record<
    string,
    {
      type: string;
      mean: number;
      stdDev: number;
      passRate: number;
      passAtK: Record<string, number>;
      graded: number;
      malformed: number;
      errors: number;
      judgeAgreement?: number | null;
    }
  >;
  perCase: { id: string; graders: Record<string, { mean: number; stdDev: number; passRate: number; passAtK: number; graded: number }> }[];
  cost: { usd: string };
  judge: { gradesRequested: number; requests: number; batchLines: number; malformedRetries: number };
  comparison?: {
    baseline: string;
    regressions: number;
    improvements: number;
    metrics: { grader: string; metric: string; difference: number; lower: number; upper: number; verdict: string }[];
  };
}
