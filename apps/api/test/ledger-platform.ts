// The whole platform on a private Redis (so the test may SIGKILL and restart it): simulator, API with
// real services, and real worker processes that can be SIGKILLed or SIGTERMed one by one.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformCatalog } from '@llmops/contracts';
import { startSimulator, type Simulator, type SimulatorOptions } from '@llmops/llm-simulator';
import { createLogger } from '@llmops/logger';
import { createRedis } from '@llmops/redis';
import { createPlatformServices, type PlatformServices } from '@llmops/services';
import { startRedisServer, uniquePrefix, waitFor, type OwnRedis } from '@llmops/testing';
import type { RedisClient } from '@llmops/redis';
import { loadApiEnv } from '../src/env';
import { platformFeatures } from '../src/features';
import { startApiServer, type ApiServer } from '../src/server';
import { keys } from './fixtures/harness';
import { workerEntry } from './fixtures/worker-bundle';

/** AOF fsynced on every write: a SIGKILLed Redis restarts with everything it acknowledged. */
const REDIS_ARGS = ['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'];

export interface Worker {
  child: ChildProcess;
  id: string;
  /** Resolves with the exit code or signal once it has exited. */
  exited: Promise<string>;
}

export interface LedgerPlatform {
  api: ApiServer;
  simulator: Simulator;
  services: PlatformServices;
  /** A client connection to the private Redis (survives its restarts). */
  redis: RedisClient;
  prefix: string;
  startWorker(extraEnv?: Record<string, string>): Promise<Worker>;
  /** SIGKILLs the private Redis and starts it again on the same port and data. */
  restartRedis(): Promise<void>;
  close(): Promise<void>;
}

export async function startLedgerPlatform(
  label: string,
  options: { simulator?: SimulatorOptions; env?: Record<string, string> } = {},
): Promise<LedgerPlatform> {
  let server: OwnRedis = await startRedisServer({ args: REDIS_ARGS });
  const prefix = uniquePrefix(label);
  const vectorDir = mkdtempSync(join(tmpdir(), `llmops-vectors-${label}-`));
  const simulator = await startSimulator(options.simulator ?? {});
  const shared = {
    REDIS_URL: server.url,
    QUEUE_PREFIX: prefix,
    OPENAI_BASE_URL: simulator.baseURL,
    OPENAI_API_KEY: 'simulator',
    PII_VAULT_KEY: randomBytes(32).toString('hex'),
    VECTOR_DIR: vectorDir,
    LOG_LEVEL: 'silent',
    ...options.env,
  };
  const env = loadApiEnv({ ...shared, PORT: '0', HOST: '127.0.0.1', API_KEYS: `alice:${keys.alice},bob:${keys.bob}`, NODE_ENV: 'test' });
  const redis = createRedis({ url: server.url, role: 'job', name: 'ledger-test' });
  const services = createPlatformServices(env, { redis, prefix, vaultTtlSeconds: 3600 });
  const api = await startApiServer({
    env,
    catalog: platformCatalog,
    submissions: [],
    features: platformFeatures,
    services,
    logger: createLogger({ name: 'api-test', level: 'silent' }),
  });
  const workers: Worker[] = [];
  return {
    api,
    simulator,
    services,
    redis,
    prefix,
    async startWorker(extraEnv = {}) {
      const id = extraEnv.WORKER_ID ?? `ledger-worker-${workers.length + 1}`;
      const child = fork(workerEntry().script, [], {
        execArgv: workerEntry().execArgv,
        env: { ...process.env, ...shared, WORKER_ID: id, ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
      child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
      const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
      const worker = { child, id, exited };
      workers.push(worker);
      await Promise.race([
        waitFor(async () => (await redis.zscore(`${prefix}:workers`, id).catch(() => null)) !== null, { what: `worker ${id} ready`, timeoutMs: 60_000 }),
        exited.then((how) => Promise.reject(new Error(`worker ${id} exited (${how}) before it was ready: ${output}`))),
      ]);
      return worker;
    },
    async restartRedis() {
      await server.stop({ keepData: true });
      server = await startRedisServer({ port: server.port, dir: server.dir, args: REDIS_ARGS });
    },
    async close() {
      for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
      await Promise.all(workers.map((worker) => worker.exited));
      await api.close();
      await services.close();
      redis.disconnect();
      await simulator.close();
      await server.stop();
      rmSync(vectorDir, { recursive: true, force: true });
    },
  };
}
