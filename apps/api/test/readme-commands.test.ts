import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, freePort, uniquePrefix, waitFor } from '@llmops/testing';
import { redisUrl } from './fixtures/harness';

// Every shell command of the READMEs runs as written against a platform started the way `./dev start`
// starts it (scripts/start.ts: the simulator, the API, a worker, the development key), on free ports
// and a fresh key prefix. Each README's ```sh blocks run in one bash, in order (variables carry
// over), with `set -eo pipefail` and curl given `--fail-with-body`, so an HTTP error fails the command.
// The only change to the text: http://localhost:3000 becomes the port this platform listens on.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readmes = ['README.md', 'apps/api/README.md', 'examples/README.md'];

/** Commands that install or start the toolchain or the platform itself (this test started it): not run. */
const NOT_RUN = /^(\.\/dev|pnpm|npm|npx|bash|docker|docker-compose|kubectl|git|corepack)(\s|$)/;

/** The ```sh blocks of a Markdown file, as text. */
export function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:sh|bash|shell)[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
}

/** A block with the commands this test does not run commented out (a continuation line goes with its command). */
function runnable(block: string, skipped: string[]): string {
  const lines = block.split('\n');
  let skipping = false;
  return lines
    .map((line, i) => {
      const continued = i > 0 && lines[i - 1]!.trimEnd().endsWith('\\');
      if (!continued) skipping = NOT_RUN.test(line.trim());
      if (!skipping) return line;
      if (!continued) skipped.push(line.trim());
      return `# (not run) ${line}`;
    })
    .join('\n');
}

let platform: ChildProcess;
let output = '';
let baseUrl: string;
const prefix = uniquePrefix('readme');
const vectorDir = mkdtempSync(join(tmpdir(), 'llmops-readme-vectors-'));

beforeAll(async () => {
  const [port, simulatorPort] = [await freePort(), await freePort()];
  baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    PORT: String(port),
    SIMULATOR_PORT: String(simulatorPort),
    VECTOR_DIR: vectorDir,
    PII_VAULT_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    // What ./dev start fills in by itself.
    API_KEYS: undefined,
    API_KEYS_FILE: undefined,
    OPENAI_BASE_URL: undefined,
    OPENAI_API_KEY: undefined,
    LLM_PROVIDERS: undefined,
    TENANT_LIMITS: undefined,
    NODE_ENV: undefined,
  };
  platform = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  platform.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  platform.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    async () => {
      if (platform.exitCode !== null) throw new Error(`the platform exited: ${output.slice(-3000)}`);
      const ready = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
      return ready?.status === 200;
    },
    { timeoutMs: 90_000, intervalMs: 250, what: 'the platform started like ./dev start to be ready' },
  );
}, 120_000);

afterAll(async () => {
  if (platform?.exitCode === null) {
    const exited = new Promise((resolve) => platform.once('exit', resolve));
    platform.kill('SIGTERM');
    await exited;
  }
  await deleteKeys(redisUrl, prefix);
  rmSync(vectorDir, { recursive: true, force: true });
}, 60_000);

function runBash(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], {
      cwd: root,
      env: { ...process.env, LLMOPS_API_URL: undefined, LLMOPS_API_KEY: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('README commands run as written', () => {
  for (const readme of readmes) {
    it(`every sh command of ${readme}`, async () => {
      const skipped: string[] = [];
      const blocks = shellBlocks(readFileSync(join(root, readme), 'utf8')).map((block) => runnable(block, skipped));
      expect(blocks.length).toBeGreaterThan(0);
      const script = [
        'set -eo pipefail',
        'curl() { command curl --fail-with-body "$@"; }',
        // Name the command that failed and its line in the blocks below.
        `trap 'echo "README command failed (exit $?) at line $LINENO of the ${readme} blocks: $BASH_COMMAND" >&2' ERR`,
        ...blocks,
      ]
        .join('\n')
        .replaceAll('http://localhost:3000', baseUrl)
        .replaceAll('localhost:3000', baseUrl.replace('http://', ''));
      const result = await runBash(script);
      if (skipped.length) console.log(`${readme}: not run (toolchain or platform start): ${skipped.join(' | ')}`);
      if (result.code !== 0) console.log(`${readme} stdout (tail):\n${result.stdout.slice(-4000)}`);
      expect(result.stderr.match(/README command failed.*$/m)?.[0] ?? '', result.stderr.slice(-4000)).toBe('');
      expect(result.code).toBe(0);
    }, 300_000);
  }
});
