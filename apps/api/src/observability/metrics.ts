import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { renderUsageCounters } from '@llmops/services';
import type { ApiDeps } from '../deps';
import { renderCacheMetrics } from './cache-metrics';

const queueStates = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children'] as const;

/** Prometheus metrics: API latencies from this process; queue depths and job durations from Redis (the fleet). */
export function createMetrics(deps: Pick<ApiDeps, 'queues' | 'durations' | 'redis' | 'keys' | 'services' | 'keyRing'>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'llmops_api_' });
  const requestDuration = new Histogram({
    name: 'llmops_http_request_duration_seconds',
    help: 'API request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
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
    const lines = [await registry.metrics(), await queueDepths(deps), await jobDurations(deps)];
    if (deps.services) {
      lines.push(await renderUsageCounters(deps.redis, deps.keys.prefix));
      lines.push(await renderCacheMetrics(deps.redis, deps.keys.prefix, deps.keyRing.tenants()));
    }
    res.setHeader('Content-Type', registry.contentType);
    res.send(lines.join('\n'));
  };
  return { registry, observe, expose, requestDuration };
}

async function queueDepths(deps: Pick<ApiDeps, 'queues'>): Promise<string> {
  const out = ['# HELP llmops_queue_jobs Jobs per queue and state', '# TYPE llmops_queue_jobs gauge'];
  for (const queue of deps.queues.all()) {
    const counts = await queue.getJobCounts(...queueStates);
    for (const state of queueStates) out.push(`llmops_queue_jobs{queue="${queue.name}",state="${state}"} ${counts[state] ?? 0}`);
  }
  return `${out.join('\n')}\n`;
}

async function jobDurations(deps: Pick<ApiDeps, 'queues' | 'durations'>): Promise<string> {
  const name = 'llmops_job_duration_seconds';
  const out = [`# HELP ${name} Processing time of job attempts, all workers`, `# TYPE ${name} histogram`];
  for (const queue of deps.queues.names) {
    for (const outcome of ['completed', 'failed'] as const) {
      const histogram = await deps.durations.read(queue, outcome);
      const labels = `queue="${queue}",outcome="${outcome}"`;
      for (const [le, count] of histogram.buckets) out.push(`${name}_bucket{${labels},le="${le}"} ${count}`);
      out.push(`${name}_sum{${labels}} ${histogram.sum}`, `${name}_count{${labels}} ${histogram.count}`);
    }
  }
  return `${out.join('\n')}\n`;
}
