import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TracingEnvShape, tracingConfigOf } from '../src/sdk';

const Env = z.object(TracingEnvShape);
const configOf = (env: Record<string, string>) => tracingConfigOf(Env.parse(env), { serviceName: 'llmops-api' });

describe('tracing configuration from OTEL_* variables', () => {
  it('is off when nothing is set, when disabled, or with the none exporter', () => {
    expect(configOf({})).toBeUndefined();
    expect(configOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'TRUE' })).toBeUndefined();
    expect(configOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
  });

  it('exports to <endpoint>/v1/traces with the headers, service and sampler asked for', () => {
    const config = configOf({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc,x-team=ml',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-team=ops',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=prod',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    expect(config).toMatchObject({
      serviceName: 'llmops-api',
      exporter: { kind: 'otlp', url: 'http://collector:4318/v1/traces', headers: { authorization: 'Bearer abc', 'x-team': 'ops' }, timeoutMs: 10_000 },
      resourceAttributes: { 'deployment.environment.name': 'prod' },
      sampler: { name: 'parentbased_traceidratio', ratio: 0.25 },
      batch: { scheduledDelayMs: 200 },
    });
  });

  it('prefers the traces endpoint and OTEL_SERVICE_NAME; otlp alone means a local collector', () => {
    expect(
      configOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/traces', OTEL_SERVICE_NAME: 'api-eu' }),
    ).toMatchObject({
      serviceName: 'api-eu',
      exporter: { url: 'https://b/traces' },
    });
    expect(configOf({ OTEL_TRACES_EXPORTER: 'otlp' })?.exporter).toMatchObject({ url: 'http://localhost:4318/v1/traces' });
    expect(configOf({ OTEL_TRACES_EXPORTER: 'console' })?.exporter).toEqual({ kind: 'console' });
  });

  it('refuses malformed values without quoting them', () => {
    const bad = Env.safeParse({
      OTEL_SDK_DISABLED: 'maybe',
      OTEL_TRACES_SAMPLER: 'sometimes',
      OTEL_EXPORTER_OTLP_HEADERS: 'token-s3cret',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://x',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path[0]).sort();
    expect(paths).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_SDK_DISABLED', 'OTEL_TRACES_SAMPLER']);
    expect(JSON.stringify(bad.error!.issues)).not.toContain('s3cret');
  });
});
