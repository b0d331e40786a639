// `pnpm bench cli`: how long `llmops` takes to start (tsx compiling the TypeScript on the fly, then
// commander), measured as `llmops --help` wall time over repeated runs.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/llmops', import.meta.url));
const runs = 10;
const times: number[] = [];
for (let i = 0; i < runs + 1; i++) {
  const started = performance.now();
  execFileSync(bin, ['--help'], { stdio: 'ignore' });
  if (i > 0) times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
console.log(`llmops --help, ${runs} runs after one warm-up: p50 ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms`);
