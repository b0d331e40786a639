// Starts the bench API process (./api-process.ts) with the environment a deployment would give it,
// under its own key prefix: limits on (every check runs) but high enough that a bench's own volume is
// never refused; the no-op job calls no model. Used by the queue, tracing and cluster benches.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { deleteKeys, uniquePrefix } from '@llmops/testing';

export const BENCH_API_KEY = 'bench-key-0123456789';

export interface BenchApi {
  url: string;
  /** CPU time the API process has used so far (user + system), µs. */
  cpuUs(): Promise<number>;
  /** Stops the process and deletes its keys. */
  close(): Promise<void>;
}

export interface BenchApiOptions {
  redisUrl: string;
  /** Key prefix label (a unique suffix is added). */
  label: string;
  /** More environment: OTEL_* for tracing, REDIS_WAIT_REPLICAS ... */
  env?: Record<string, string>;
  /** node --cpu-prof into this directory. */
  cpuProfileDir?: string;
  /** Delete the prefix's keys on close (default true; off for private servers a bench stops anyway). */
  deleteKeysOnClose?: boolean;
}

export async function startBenchApi(options: BenchApiOptions): Promise<BenchApi> {
  const prefix = uniquePrefix(options.label);
  const child: ChildProcess = fork(fileURLToPath(new URL('./api-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [])],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: options.redisUrl,
      QUEUE_PREFIX: prefix,
      API_KEYS: `bench:${BENCH_API_KEY}`,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      OPENAI_API_KEY: 'unused',
      PII_VAULT_KEY: randomBytes(32).toString('hex'),
      TENANT_LIMITS: JSON.stringify({
        default: { rate: { perSecond: 1_000_000, burst: 1_000_000 }, concurrency: { maxJobs: 10_000_000 }, storage: { maxWaitingBytes: 10_000_000_000 } },
      }),
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bench API exited with ${code} before listening`)));
  });
  return {
    url,
    cpuUs: () =>
      new Promise<number>((resolve) => {
        const onMessage = (message: unknown) => {
          const cpu = (message as { cpuUs?: number }).cpuUs;
          if (cpu === undefined) return;
          child.off('message', onMessage);
          resolve(cpu);
        };
        child.on('message', onMessage);
        child.send('cpu');
      }),
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
      if (options.deleteKeysOnClose !== false) await deleteKeys(options.redisUrl, prefix);
    },
  };
}
