import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parser } from '@prometheus-io/lezer-promql';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type PlatformHarness } from './fixtures/platform-harness';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const observability = `${root}docker/observability/`;
const dashboardsDir = `${observability}grafana/dashboards/`;
const dashboards = readdirSync(dashboardsDir).filter((name) => name.endsWith('.json'));

interface Target {
  expr: string;
  datasource?: { uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { uid: string };
  targets?: Target[];
}
interface Dashboard {
  panels: Panel[];
  templating?: { list: { query?: { query?: string } | string }[] };
}

const read = (name: string) => JSON.parse(readFileSync(`${dashboardsDir}${name}`, 'utf8')) as Dashboard;

/**
 * Where PromQL's grammar (Prometheus' own lezer parser) finds a syntax error, after Grafana's variables
 * are put in as Grafana would (`$__range` a duration, `$tenant` a regex); undefined when it parses.
 */
function promqlError(expr: string): string | undefined {
  const query = expr
    .replace(/\$__range/g, '6h')
    .replace(/\$__rate_interval/g, '1m')
    .replace(/\$tenant/g, '.*');
  let error: number | undefined;
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError && error === undefined) error = node.from;
    },
  });
  return error === undefined ? undefined : `syntax error at ${error}: ${query.slice(error, error + 30)}`;
}

/** Every PromQL expression of a dashboard: panel targets and template variable queries. */
function queries(dashboard: Dashboard): string[] {
  const variables = (dashboard.templating?.list ?? [])
    .map((variable) => (typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '')))
    .filter(Boolean);
  return [...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)), ...variables];
}

describe('Grafana dashboards (docker/observability/grafana/dashboards)', () => {
  it('are valid JSON that follows the dashboard schema, on the grid, with the provisioned datasource', () => {
    expect(dashboards.length).toBeGreaterThan(0);
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(`${observability}grafana/dashboard.schema.json`, 'utf8')));
    const provisioned = /uid:\s*(\S+)/.exec(readFileSync(`${observability}grafana/provisioning/datasources/prometheus.yml`, 'utf8'))?.[1];
    expect(provisioned).toBeTruthy();
    for (const name of dashboards) {
      const dashboard = read(name);
      expect(validate(dashboard) ? [] : validate.errors, name).toEqual([]);
      const ids = dashboard.panels.map((panel) => panel.id);
      expect(new Set(ids).size, `${name}: panel ids are unique`).toBe(ids.length);
      const boxes = dashboard.panels.map((panel) => panel.gridPos);
      for (const [i, a] of boxes.entries()) {
        expect(a.x + a.w, `${name}: panel ${ids[i]} fits the 24 columns`).toBeLessThanOrEqual(24);
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${name}: panels overlap at ${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(false);
        }
      }
      for (const panel of dashboard.panels.filter((candidate) => candidate.type !== 'row')) {
        expect(panel.datasource?.uid, `${name}: ${panel.title}`).toBe(provisioned);
        for (const target of panel.targets ?? []) expect(target.datasource?.uid ?? provisioned).toBe(provisioned);
      }
    }
  });

  it('have queries that parse as PromQL', () => {
    for (const name of dashboards) {
      const dashboard = read(name);
      const panelQueries = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
      expect(panelQueries.length).toBeGreaterThan(0);
      for (const expr of panelQueries) expect(promqlError(expr), `${name}: ${expr}`).toBeUndefined();
    }
    // The check can fail: a broken query is caught.
    expect(promqlError('sum by (queue) (rate(llmops_queue_jobs[5m])')).toBeDefined();
  });

  describe('against a live /metrics', () => {
    let h: PlatformHarness;
    beforeAll(async () => {
      h = await startPlatform('dashboard');
    });
    afterAll(() => h?.close());

    it('name only metrics the platform exports', async () => {
      const text = await (await fetch(`${h.api.url}/metrics`)).text();
      // prom-client writes HELP and TYPE for every family, with samples or not yet.
      const exported = new Set<string>();
      for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
        exported.add(name!);
        if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(`${name}${suffix}`);
      }
      for (const name of dashboards) {
        for (const expr of queries(read(name))) {
          const metrics = expr.match(/\bllmops_[a-z0-9_]+/g) ?? [];
          expect(metrics.length, `${name}: ${expr} names a metric`).toBeGreaterThan(0);
          for (const metric of metrics) expect(exported.has(metric), `${name}: ${metric} (in ${expr}) is exported by /metrics`).toBe(true);
        }
      }
    });
  });
});

const compose = ['docker-compose', 'docker'].find((bin) => {
  try {
    execFileSync(bin, bin === 'docker' ? ['compose', 'version'] : ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(!compose)('the compose "observability" profile', () => {
  it('validates, and wires Prometheus to the api, Grafana to its dashboards, the collector to Jaeger', () => {
    const args = [
      ...(compose === 'docker' ? ['compose'] : []),
      '-f',
      `${root}docker/compose.yml`,
      '--env-file',
      `${root}docker/.env.example`,
      '--profile',
      'observability',
      'config',
    ];
    const config = execFileSync(compose!, args, { encoding: 'utf8' });
    for (const service of ['prometheus', 'grafana', 'otel-collector', 'jaeger']) expect(config).toMatch(new RegExp(`^  ${service}:`, 'm'));
    expect(readFileSync(`${observability}prometheus.yml`, 'utf8')).toMatch(/metrics_path: \/metrics[\s\S]*targets: \["api:3000"\]/);
    expect(readFileSync(`${observability}otel-collector.yml`, 'utf8')).toMatch(/endpoint: jaeger:4317/);
    for (const file of ['prometheus.yml', 'otel-collector.yml']) expect(existsSync(`${observability}${file}`)).toBe(true);
  });
});
