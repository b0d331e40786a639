import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// The document the API serves is the contract: it must lint clean with @redocly/cli (the CI step
// "openapi lint" runs this file), name every operation, and describe bodies, parameters and errors.

type Json = Record<string, unknown>;
type Operation = { operationId?: string; summary?: string; tags?: string[]; parameters?: Json[]; requestBody?: Json; responses: Record<string, Json> };

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const redocly = join(apiDir, 'node_modules/.bin/redocly');
let harness: PlatformHarness;
let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } } & Json;
const dir = mkdtempSync(join(tmpdir(), 'llmops-openapi-'));

beforeAll(async () => {
  harness = await startPlatform('openapi-lint');
  document = (await (await fetch(`${harness.api.url}/openapi.json`)).json()) as typeof document;
}, 60_000);
afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

describe('the served OpenAPI document', () => {
  it('lints with 0 errors (@redocly/cli, apps/api/redocly.yaml; warnings are printed)', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const { stdout } = await promisify(execFile)(redocly, ['lint', file, '--config', join(apiDir, 'redocly.yaml'), '--format=json'], {
      cwd: apiDir,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; severity: string; location: { pointer: string }[] }[];
    };
    const problems = (severity: string) =>
      report.problems
        .filter((problem) => problem.severity === severity)
        .map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`);
    console.log(`redocly lint of the served document: ${report.totals.errors} errors, ${report.totals.warnings} warnings, ${operations().length} operations`);
    for (const warning of problems('warn')) console.log(`  warning: ${warning}`);
    expect(problems('error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('names every operation once, with a summary and a tag', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations().filter(({ operation }) => !operation.summary || !operation.tags?.length)).toEqual([]);
    // The routes a client uses most keep stable names.
    expect(ids).toEqual(
      expect.arrayContaining([
        'submitInference',
        'listInferenceResults',
        'submitEvaluation',
        'submitEvaluationBatch',
        'ingestDocuments',
        'searchCollection',
        'getJob',
        'listJobs',
        'listJobResults',
        'streamJobEvents',
        'cancelJob',
        'getUsage',
        'getLimits',
      ]),
    );
  });

  it('describes the success body of every /v1 route (the event stream as text/event-stream)', () => {
    const missing = operations()
      .filter(({ path }) => path.startsWith('/v1/'))
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        return success.length === 0 || success.some(([, response]) => !(response.content as Json | undefined));
      })
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(missing, 'add `response: {<status>: <zod schema>}` to these routes (apps/api/src/schemas/)').toEqual([]);
    expect(Object.keys(document.paths['/v1/jobs/{id}/events']!.get!.responses['200']!.content as Json)).toEqual(['text/event-stream']);
  });

  it('documents query parameters with their limits and defaults', () => {
    const parameters = (path: string) =>
      Object.fromEntries((document.paths[path]!.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
    expect(parameters('/v1/jobs')).toEqual({ cursor: { type: 'string', maxLength: 400 }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } });
    expect(parameters('/v1/jobs/{id}/results').limit).toMatchObject({ maximum: 1000, default: 100 });
    expect(Object.keys(parameters('/v1/usage'))).toEqual(['from', 'to']);
    const ingest = document.paths['/v1/collections/{name}/documents']!.post!.parameters!.map((p) => `${p.in}:${p.name}`);
    expect(ingest).toEqual(['path:name', 'query:model', 'query:maxCostUsd', 'header:Idempotency-Key']);
  });

  it('answers errors with the one envelope; refusals by a limit carry their numbers', () => {
    const schemas = document.components.schemas;
    const ref = (response: Json | undefined) =>
      ((response?.content as Record<string, { schema: Json }> | undefined)?.['application/json']?.schema.$ref as string | undefined)?.split('/').at(-1);
    for (const { path, operation } of operations().filter(({ path }) => path.startsWith('/v1/'))) {
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => Number(status) >= 400)) {
        const expected = status === '402' ? 'BudgetExceededError' : status === '413' ? 'TooLargeError' : status === '429' ? 'TooManyRequestsError' : 'Error';
        expect(`${path} ${status} ${ref(response)}`).toBe(`${path} ${status} ${expected}`);
      }
    }
    const submit = document.paths['/v1/inference']!.post!.responses;
    expect(Object.keys(submit)).toEqual(expect.arrayContaining(['202', '400', '401', '402', '409', '413', '422', '429', '503']));
    expect((submit['429']!.headers as Json)['Retry-After']).toBeDefined();
    expect((submit['202']!.headers as Json).Location).toBeDefined();
    expect(schemas.BudgetRefusal!.required).toEqual(expect.arrayContaining(['estimate', 'limit', 'cap', 'spent', 'reserved', 'remaining', 'requested']));
    expect(schemas.WorkRefusal!.required).toEqual(['limit', 'cap', 'requested', 'detail']);
    expect(schemas.AdmissionRefusal!.required).toEqual(['limit', 'cap', 'current', 'requested']);
    expect(schemas.RateRefusal!.required).toEqual(['limit', 'cap', 'remaining', 'retryAfterMs']);
  });

  it('resolves every $ref inside the document, and declares the auth schemes', () => {
    const refs = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (!value || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') refs.add(inner);
        else walk(inner);
      }
    };
    walk(document);
    const dangling = [...refs].filter(
      (ref) => !ref.startsWith('#/components/schemas/') || !document.components.schemas[ref.slice('#/components/schemas/'.length)],
    );
    expect(dangling).toEqual([]);
    // A schema claimed by two different shapes would have been renamed `<name>_input`/`_output`.
    expect(Object.keys(document.components.schemas).filter((name) => /_(input|output)$/.test(name))).toEqual([]);
    expect(Object.keys((document.components as Json).securitySchemes as Json)).toEqual(['apiKey', 'admin', 'metricsToken']);
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });
});
