// `pnpm start`: the whole platform on one machine with Redis as the only outside dependency.
// Starts (or finds) Redis, the LLM simulator when no provider is configured, the API and the workers,
// and stops them all on Ctrl-C. Production runs each app on its own (see docker/).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const children: ChildProcess[] = [];
const colours = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m'];

function launch(name: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(args[0]!, args.slice(1), { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  const tag = `${colours[children.length % colours.length]}[${name}]\x1b[0m `;
  const forward = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) out.write(`${tag}${line}\n`);
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${tag}exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

function answers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
  });
}

async function ensureRedis(): Promise<void> {
  if (env.REDIS_URL) return;
  env.REDIS_URL = 'redis://127.0.0.1:6379';
  if (await answers(6379)) {
    console.log('redis: using the Redis already answering on 127.0.0.1:6379');
    return;
  }
  const which = spawn('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' });
  const found = await new Promise((resolve) => which.on('exit', (code) => resolve(code === 0)));
  if (!found) {
    console.error(
      'No Redis answers on 127.0.0.1:6379 and redis-server is not installed.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y redis-server   macOS: brew install redis\n' +
        '  or point REDIS_URL at one (maxmemory-policy must be noeviction).',
    );
    process.exit(1);
  }
  const dir = join(root, '.data', 'redis');
  mkdirSync(dir, { recursive: true });
  console.log(`redis: starting a local redis-server on 6379 (AOF on, noeviction, data in ${dir})`);
  launch('redis', ['redis-server', '--port', '6379', '--bind', '127.0.0.1', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--dir', dir]);
  for (let attempt = 0; attempt < 100 && !(await answers(6379)); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
}

function ensureProvider(): void {
  if (env.OPENAI_BASE_URL || env.OPENAI_API_KEY) return;
  const simulator = join(root, 'apps/llm-simulator/src/main.ts');
  if (!existsSync(simulator)) return;
  const port = env.SIMULATOR_PORT ?? '4010';
  console.log(
    '\n\x1b[41m\x1b[97m NOTICE \x1b[0m No OPENAI_BASE_URL / OPENAI_API_KEY configured: starting the LLM SIMULATOR on port ' +
      `${port}.\n         Its answers and embeddings are synthetic, for offline use and tests. It is not a model.\n`,
  );
  env.OPENAI_BASE_URL = `http://127.0.0.1:${port}/v1`;
  env.OPENAI_API_KEY = 'simulator';
  launch('simulator', [process.execPath, '--import', 'tsx', simulator], { PORT: port });
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Workers first (they hand back active jobs), then the rest.
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve())));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

await ensureRedis();
ensureProvider();
if (!env.API_KEYS && !env.API_KEYS_FILE) {
  env.API_KEYS = 'demo:demo-key-change-me';
  console.log('api: no API_KEYS set: tenant "demo" with key "demo-key-change-me" (development only)');
}
if (!env.ADMIN_TOKEN) {
  env.ADMIN_TOKEN = 'admin-token-change-me';
  console.log('api: no ADMIN_TOKEN set: Bull Board login is admin / admin-token-change-me (development only)');
}
if (!env.PII_VAULT_KEY) {
  // A development key kept beside the data, so pseudonyms stay restorable across restarts.
  const keyFile = join(root, '.data', 'pii-vault.key');
  mkdirSync(dirname(keyFile), { recursive: true });
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  env.PII_VAULT_KEY = readFileSync(keyFile, 'utf8').trim();
  console.log(`pii: no PII_VAULT_KEY set: using the development key in ${keyFile}`);
}
env.VECTOR_DIR ??= join(root, '.data', 'vectors');
const port = env.PORT ?? '3000';
launch('api', [process.execPath, '--import', 'tsx', join(root, 'apps/api/src/main.ts')], { PORT: port });
const replicas = Number(env.WORKER_REPLICAS ?? '1');
for (let i = 1; i <= replicas; i++) {
  launch(`worker-${i}`, [process.execPath, '--import', 'tsx', join(root, 'apps/worker/src/main.ts')], { WORKER_ID: `local-worker-${i}` });
}
for (let attempt = 0; attempt < 200 && !(await answers(Number(port))); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
console.log(
  `\nllmops platform is up:\n  API          http://localhost:${port}/v1   (Authorization: Bearer <key>)\n` +
    `  Bull Board   http://localhost:${port}/admin/queues   (user admin)\n  OpenAPI      http://localhost:${port}/openapi.json\n` +
    `  Metrics      http://localhost:${port}/metrics\nCtrl-C stops everything.\n`,
);
