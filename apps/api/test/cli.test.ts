import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@llmops/testing';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';

// The llmops CLI (packages/cli) driving a real platform: the simulator (150 ms per answer, so a job
// lasts long enough to watch), the API and a worker process. The live progress display is read from
// a real terminal (tmux capture-pane); --json output is parsed; exit codes are checked.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/llmops');
const tenants = { erin: 'erin-key-0123456789' };
let harness: PlatformHarness;
const dir = mkdtempSync(join(tmpdir(), 'llmops-cli-'));
const session = `llmops-cli-${process.pid}`;

/** 160 prompts (at 150 ms a job lasts long enough to watch), one in four a repeat of an earlier one (cache hits). */
const PROMPTS = 160;
const prompts = Array.from({ length: PROMPTS }, (_, i) => ({
  id: `p${i}`,
  prompt: i % 4 === 3 ? `Question ${i - 1} about leave days` : `Question ${i} about leave days`,
}));

beforeAll(async () => {
  harness = await startPlatform('cli', {
    simulator: { latencyMs: 150 },
    tenants,
    env: { TENANT_LIMITS: JSON.stringify({ erin: { budget: { day: { usd: '0.000001' } } } }) },
  });
  await harness.startWorker();
  cpSync(join(root, 'examples/handbook'), join(dir, 'handbook'), { recursive: true });
  writeFileSync(join(dir, 'prompts.jsonl'), prompts.map((line) => JSON.stringify(line)).join('\n'));
  writeFileSync(
    join(dir, 'few.jsonl'),
    prompts
      .slice(0, 5)
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );
}, 90_000);

afterAll(async () => {
  try {
    execFileSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
  } catch {
    // no session left
  }
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

function llmops(args: string[], key = keys.alice): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      bin,
      args,
      { cwd: dir, env: { ...process.env, LLMOPS_API_URL: harness.api.url, LLMOPS_API_KEY: key }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
const BAR = /(\d+)\/(\d+) items \| ([\d.]+)\/s \| ETA (\S+) \| cache hits (\d+) \| \$([\d.]+) \| (\w+)/;

describe('llmops CLI against a real platform', () => {
  it('ingests a folder of .md and .txt files, following it; --json gives the finished job', async () => {
    const result = await llmops(['ingest', 'handbook', 'handbook', '--follow', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const job = JSON.parse(result.stdout) as { state: string; type: string; result: { documents: { total: number; new: number } } };
    expect(job).toMatchObject({ state: 'completed', type: 'ingest', result: { documents: { total: 5, new: 5 } } });
    const search = JSON.parse((await llmops(['search', 'handbook', 'hotel night limit', '--json'])).stdout) as { hits: { documentId: string }[] };
    expect(search.hits[0]?.documentId).toBe('expenses.txt');
  });

  it('runs an inference from JSONL with a live progress bar in a terminal, then downloads its answers', async () => {
    const command = `${bin} infer prompts.jsonl --model gpt-4o-mini --rag handbook --follow --out answers.jsonl; echo "exit=$?"; read`;
    const env = `LLMOPS_API_URL=${harness.api.url} LLMOPS_API_KEY=${keys.alice}`;
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '150', '-y', '12', '-c', dir, `env ${env} bash -c '${command}'`]);
    // Mid-run: the bar shows items done of all, a rate, an ETA, cache hits and dollars so far.
    const running = await waitFor(
      () => {
        const match = BAR.exec(screen());
        return match && Number(match[1]) > 0 && Number(match[1]) < PROMPTS && match[7] === 'active' ? match : undefined;
      },
      { timeoutMs: 60_000, what: 'the progress bar mid-run' },
    );
    console.log(`progress bar mid-run: ${running[0]}`);
    expect(Number(running[2])).toBe(PROMPTS);
    expect(Number(running[3])).toBeGreaterThan(0);
    const finished = await waitFor(() => (/exit=(\d+)/.exec(screen()) ? screen() : undefined), { timeoutMs: 120_000, what: 'the CLI to exit' });
    expect(finished).toContain('exit=0');
    const final = BAR.exec(finished)!;
    console.log(`the terminal at the end:\n${finished.trimEnd()}`);
    expect(final.slice(1, 3)).toEqual([String(PROMPTS), String(PROMPTS)]);
    expect(Number(final[5])).toBeGreaterThan(0);
    expect(Number(final[6])).toBeGreaterThan(0);
    expect(finished).toMatch(new RegExp(`completed in [\\d.]+ s, ${PROMPTS}/${PROMPTS} answered, \\d+ cache hits, \\$[\\d.]+`));
    expect(finished).toContain(`wrote ${PROMPTS} results to answers.jsonl`);
    const answers = readFileSync(join(dir, 'answers.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; status: string; cache: { outcome: string } });
    expect(answers).toHaveLength(PROMPTS);
    expect(answers.every((answer) => answer.status === 'answered')).toBe(true);
    expect(answers.filter((answer) => answer.cache.outcome === 'hit').length).toBe(Number(final[5]));
  }, 180_000);

  it('prints JSON for scripts: jobs, one job, results as JSONL, usage; tables for people', async () => {
    const list = JSON.parse((await llmops(['jobs', 'list', '--json'])).stdout) as { id: string; type: string; state: string }[];
    expect(list.map((job) => job.type)).toEqual(expect.arrayContaining(['inference', 'ingest']));
    const inference = list.find((job) => job.type === 'inference')!;
    const job = JSON.parse((await llmops(['jobs', 'get', inference.id, '--json'])).stdout) as { state: string; result: { items: number } };
    expect(job).toMatchObject({ state: 'completed', result: { items: PROMPTS } });
    const lines = (await llmops(['jobs', 'results', inference.id])).stdout.trim().split('\n');
    expect(lines).toHaveLength(PROMPTS);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'p0', status: 'answered' });
    const usage = JSON.parse((await llmops(['usage', '--json'])).stdout) as { totals: { requests: number; costUsd: string } };
    expect(usage.totals.requests).toBeGreaterThan(0);
    const table = (await llmops(['usage'])).stdout;
    expect(table).toMatch(/│ total\s+│/);
    expect(table).toContain('gpt-4o-mini');
    expect((await llmops(['jobs', 'list'])).stdout).toContain(inference.id);
  });

  it('evaluates from JSONL cases and a config file, following to the report', async () => {
    cpSync(join(root, 'examples/cases.jsonl'), join(dir, 'cases.jsonl'));
    cpSync(join(root, 'examples/evaluation-config.json'), join(dir, 'evaluation-config.json'));
    const result = await llmops([
      'evaluate',
      'cases.jsonl',
      '--config',
      'evaluation-config.json',
      '--samples',
      '1',
      '--follow',
      '--json',
      '--out',
      'grades.jsonl',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const job = JSON.parse(result.stdout) as { type: string; state: string; result: { cases: number }; download: { items: number } };
    expect(job).toMatchObject({ type: 'evaluation', state: 'completed', result: { cases: 3 }, download: { items: 3 } });
  });

  it('exits with the documented codes', async () => {
    const finished = JSON.parse((await llmops(['jobs', 'list', '--json'])).stdout) as { id: string }[];
    expect((await llmops(['jobs', 'list'], 'not-a-key-0123456789')).code).toBe(4);
    expect((await llmops(['infer', 'missing.jsonl', '--model', 'gpt-4o-mini'])).code).toBe(2);
    expect((await llmops(['infer', 'few.jsonl'])).code).toBe(2);
    expect((await llmops(['jobs', 'get', 'inference-00000000-0000-0000-0000-000000000000'])).code).toBe(3);
    expect((await llmops(['jobs', 'cancel', finished[0]!.id])).code).toBe(3);
    const refused = await llmops(['infer', 'few.jsonl', '--model', 'gpt-4o-mini', '--json'], tenants.erin);
    expect(refused.code).toBe(5);
    expect(JSON.parse(refused.stderr)).toMatchObject({ error: { status: 402, code: 'budget_exceeded', kind: 'budget', details: { limit: 'budget.day.usd' } } });
    expect((await llmops(['--api-url', 'http://127.0.0.1:9', '--retries', '0', 'jobs', 'list'])).code).toBe(6);
  });
});
