import type { AddressInfo } from 'node:net';
import { BatchStore } from './batch/store';
import { runLine } from './batch/run-line';
import { buildApp } from './app';
import type { SimContext } from './context';
import { FileStore } from './files';
import { RateLimiter } from './limits';
import { RequestLog } from './log';
import { DEFAULT_EMBEDDING_DIMENSIONS, EMBEDDING_DIMENSIONS } from './models';
import { configFrom, SimConfig, type SimConfigPatch, type SimulatorOptions } from './options';

/** A running simulator. */
export interface Simulator {
  /** OpenAI base URL, ending with /v1: pass it to `new OpenAI({ baseURL })`. */
  baseURL: string;
  port: number;
  /** The request log, readable in-process. */
  log: RequestLog;
  /** Changes knobs of the running server (same as POST /_sim/config); throws on invalid values. */
  configure(patch: SimConfigPatch): void;
  /** Current knobs. */
  config(): SimConfig;
  /** Stops listening, drops open (including hung) connections and batch timers. Idempotent. */
  close(): Promise<void>;
}

const PROMPT_MEMORY = 100_000;

/** Starts an OpenAI-compatible simulator on `options.port` (default 0: a free port) of 127.0.0.1. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const log = new RequestLog(options.logCapacity ?? 100_000, options.logBodies ?? true);
  const files = new FileStore();
  const dims = { ...EMBEDDING_DIMENSIONS, ...options.embeddingDimensions };
  let requestNumber = 0;
  const seenPrompts = new Map<number, number>();
  let config = configFrom(options);

  const ctx: SimContext = {
    get config() {
      return config;
    },
    set config(next: SimConfig) {
      config = next;
    },
    seed: options.seed ?? 42,
    log,
    limiter: new RateLimiter(),
    files,
    batches: new BatchStore({ files, log, config: () => config, run: (url, body, id) => runLine(ctx, url, body, id) }),
    logger: options.logger,
    dimensionsFor: (model) => dims[model] ?? DEFAULT_EMBEDDING_DIMENSIONS,
    nextRequestNumber: () => ++requestNumber,
    occurrence: (hash) => {
      // Bounded: forgetting old prompts only restarts their sample sequence.
      if (seenPrompts.size >= PROMPT_MEMORY) seenPrompts.clear();
      const count = seenPrompts.get(hash) ?? 0;
      seenPrompts.set(hash, count + 1);
      return count;
    },
  };
  const configure = (patch: SimConfigPatch) => {
    config = SimConfig.parse({ ...config, ...patch });
  };

  const app = buildApp(ctx, configure);
  const server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  let closing: Promise<void> | null = null;
  return {
    baseURL: `http://${host.includes(':') ? `[${host}]` : host}:${port}/v1`,
    port,
    log,
    configure,
    config: () => config,
    close() {
      closing ??= new Promise<void>((resolve) => {
        ctx.batches.close();
        server.close(() => resolve());
        server.closeAllConnections(); // hung requests would otherwise keep close() waiting forever
      });
      return closing;
    },
  };
}
