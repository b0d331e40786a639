import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { ApiDeps } from '../deps';
import { registerCacheMetrics } from './cache-metrics';
import { registerLimitMetrics } from './limit-metrics';
import { registerProviderMetrics } from './provider-metrics';
import { registerQueueMetrics } from './queue-metrics';

type MetricsDeps = Pick<ApiDeps, 'queues' | 'cancelledJobs' | 'durations' | 'redis' | 'keys' | 'services' | 'keyRing'>;

/**
 * Prometheus metrics, all through prom-client: API latencies and process figures of this process;
 * everything else is read from Redis at scrape time by collectors, so any replica's /metrics shows the
 * fleet -- queue depths and ages, job durations, provider usage and call events, the cache, the
 * tenant limits. app.ts puts `expose` behind METRICS_TOKEN when it is set.
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
  registerQueueMetrics({ queues: deps.queues, durations: deps.durations, cancellations: deps.cancelledJobs, registry });
  if (deps.services) {
    const tenants = () => deps.keyRing.tenants();
    registerProviderMetrics({ redis: deps.redis, prefix: deps.keys.prefix, registry });
    registerCacheMetrics({ redis: deps.redis, prefix: deps.keys.prefix, tenants, registry });
    registerLimitMetrics({ limits: deps.services.limits, tenants, queues: deps.queues.names, registry });
  }

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
    const text = await registry.metrics();
    res.setHeader('Content-Type', registry.contentType);
    res.send(text);
  };
  return { registry, observe, expose, requestDuration };
}
