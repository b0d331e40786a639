import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { renderUsageCounters } from '@llmops/services';
import type { ApiDeps } from '../deps';
import { renderCacheMetrics } from './cache-metrics';
import { renderLimitMetrics } from './limit-metrics';
import { formatLabels } from './exposition';

const queueStates = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children'] as const;

type MetricsDeps = Pick<ApiDeps, 'queues' | 'durations' | 'redis' | 'keys' | 'services' | 'keyRing'>;

/**
 * Prometheus metrics: API latencies from this process; queue depths (a prom-client collector that
 * reads Redis at scrape time) and job durations from Redis (the fleet); usage and cache counters.
 * app.ts puts `expose` behind METRICS_TOKEN when it is set.
 */
export function createMetrics(deps: MetricsDeps) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'llmops_api_' });
  const requestDuration = new Histogram({
    name: 'llmops_http_request_duration_seconds',
    help: 'API request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'llmops_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const depths = await Promise.all(deps.queues.all().map(async (queue) => [queue.name, await queue.getJobCounts(...queueStates)] as const));
      this.reset();
      for (const [queue, counts] of depths) for (const state of queueStates) this.set({ queue, state }, counts[state] ?? 0);
    },
  });

  const observe: RequestHandler = (req, res, next) => {
    const end = requestDuration.startTimer();
    res.on('finish', () => {
      // The matched route pattern, not the raw path: job ids must not explode label cardinality.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  const expose: RequestHandler = async (_req, res) => {
    const parts = [await registry.metrics(), await jobDurations(deps)];
    if (deps.services) {
      parts.push(await renderUsageCounters(deps.redis, deps.keys.prefix));
      parts.push(await renderCacheMetrics(deps.redis, deps.keys.prefix, deps.keyRing.tenants()));
      parts.push(await renderLimitMetrics(deps.services.limits, deps.keyRing.tenants(), deps.queues.names));
    }
    res.setHeader('Content-Type', registry.contentType);
    res.send(parts.join('\n'));
  };
  return { registry, observe, expose, requestDuration };
}

/**
 * Attempt durations as a histogram. Written by hand: the buckets are summed in Redis by every
 * worker, and prom-client's Histogram can only observe values in this process.
 */
async function jobDurations(deps: Pick<ApiDeps, 'queues' | 'durations'>): Promise<string> {
  const name = 'llmops_job_duration_seconds';
  const out = [`# HELP ${name} Processing time of job attempts, all workers`, `# TYPE ${name} histogram`];
  for (const queue of deps.queues.names) {
    for (const outcome of ['completed', 'failed'] as const) {
      const histogram = await deps.durations.read(queue, outcome);
      for (const [le, count] of histogram.buckets) out.push(`${name}_bucket${formatLabels({ queue, outcome, le: String(le) })} ${count}`);
      out.push(`${name}_sum${formatLabels({ queue, outcome })} ${histogram.sum}`, `${name}_count${formatLabels({ queue, outcome })} ${histogram.count}`);
    }
  }
  return `${out.join('\n')}\n`;
}
