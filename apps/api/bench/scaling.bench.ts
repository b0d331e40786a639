// pnpm bench scaling [jobs] [--replicas=1,2,4] [--concurrency=4]: how worker replicas scale one
// I/O-bound workload. The same 2,000 one-item inference jobs (cache off, so every job makes one chat
// call; the simulator answers each after 200 ms) are run with 1, 2 and 4 real worker processes
// (apps/worker/src/main.ts, WORKER_QUEUES=inference), each with the same concurrency; jobs/s and the
// ratio to one replica are printed in one run.
// Each run: submit every job through the API into a paused queue, resume it, and time from resume to
// the last job finished -- so the figure is the workers' draining rate of a full backlog (what KEDA
// scales for), not the submission's.
// On this machine's 2 cores this measures I/O concurrency (jobs waiting on the provider at once), not
// CPU parallelism: 4 replicas x 4 jobs at 200 ms each can at most do 80 jobs/s whatever the cores.
// The machine's other load drifts: `--replicas=1,2,4,4,2,1` runs each count twice in mirrored order
// and averages them.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { json, keys, redisUrl, startPlatform } from '../test/fixtures/platform-harness';
import { bullPrefix, platformCatalog } from '@llmops/contracts';

const arg = (name: string) => process.argv.find((value) => value.startsWith(`--${name}=`))?.split('=')[1];
const JOBS = Number(process.argv.slice(2).find((value) => /^\d+$/.test(value)) ?? 2_000);
const REPLICAS = (arg('replicas') ?? '1,2,4').split(',').map(Number);
const CONCURRENCY = Number(arg('concurrency') ?? 4);
const LATENCY_MS = 200;
const SUBMIT_IN_FLIGHT = 16;
const GOALS: Record<number, number> = { 2: 1.8, 4: 3.2 };

const harness = await startPlatform('scaling', {
  simulator: { latencyMs: LATENCY_MS, logBodies: false },
  // The bench's own submissions must not be refused by the default rate limit (100/s).
  env: { TENANT_LIMITS: JSON.stringify({ default: { rate: { perSecond: 100_000, burst: 100_000 } } }) },
});
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const queue = new Queue('inference', { connection, prefix: bullPrefix(harness.prefix, platformCatalog.inference) });

/** Submits `count` one-item inference jobs with distinct prompts (no two alike: nothing to cache). */
async function submit(run: number, count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: SUBMIT_IN_FLIGHT }, async () => {
      while (next < count) {
        const n = next++;
        const body = {
          model: 'gpt-4o-mini',
          parameters: { temperature: 0, max_tokens: 16 },
          cache: { mode: 'off' },
          items: [{ id: 'q', messages: [{ role: 'user', content: `Summarize support ticket ${n} of run ${run} in one line` }] }],
        };
        const response = await fetch(`${harness.api.url}/v1/inference`, { method: 'POST', headers: json(keys.alice), body: JSON.stringify(body) });
        if (response.status !== 202) throw new Error(`submit: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
}

async function finished(): Promise<{ completed: number; failed: number }> {
  const counts = await queue.getJobCounts('completed', 'failed');
  return { completed: counts.completed ?? 0, failed: counts.failed ?? 0 };
}

interface Run {
  replicas: number;
  seconds: number;
  jobsPerSecond: number;
  failed: number;
  providerCalls: number;
  /** CPU the worker processes used per job, all replicas together (ms). */
  workerCpuMsPerJob: number;
  /** CPU this process (api + simulator) used per job while the workers drained (ms). */
  apiCpuMsPerJob: number;
  /** The machine's 1-minute load average at the end (other work on the 2 cores shows here). */
  load: number;
  /** Mean time a job held a worker slot (processedOn to finishedOn): 200 ms of provider wait plus the rest. */
  slotMs: number;
}

/** User + system CPU of a process so far, from /proc (ms). */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the whole line (11 and 12 after the command), in 1/100 s.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** SIGTERM (the worker stops like a pod being scaled down) and wait for the exit. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function runWith(replicas: number, run: number): Promise<Run> {
  const before = await finished();
  const callsBefore = harness.simulator.log.list().length;
  await queue.pause();
  const workers: ChildProcess[] = [];
  for (let i = 0; i < replicas; i++) {
    workers.push(
      await harness.startWorker({
        WORKER_ID: `scaling-${run}-${i + 1}`,
        WORKER_QUEUES: 'inference',
        WORKER_CONCURRENCY: String(CONCURRENCY),
        LOG_LEVEL: 'warn',
        ...(process.env.SCALING_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SCALING_WORKER_NODE_OPTIONS } : {}),
      }),
    );
  }
  await submit(run, JOBS);
  const cpuBefore = workers.reduce((sum, child) => sum + cpuMs(child), 0);
  const apiBefore = process.cpuUsage();
  const started = Date.now();
  await queue.resume();
  // A bench waits for a state (every job ended) by polling; the figure comes from the jobs' own timestamps.
  for (;;) {
    const now = await finished();
    if (now.completed + now.failed - before.completed - before.failed >= JOBS) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const done = (await queue.getJobs(['completed', 'failed'], 0, -1)).filter((job) => (job.processedOn ?? 0) >= started);
  const last = Math.max(...done.map((job) => job.finishedOn ?? 0));
  const slotMs = done.reduce((sum, job) => sum + ((job.finishedOn ?? 0) - (job.processedOn ?? 0)), 0) / done.length;
  const seconds = (last - started) / 1000;
  const workerCpu = workers.reduce((sum, child) => sum + cpuMs(child), 0) - cpuBefore;
  const apiCpu = process.cpuUsage(apiBefore);
  const after = await finished();
  const load = loadavg()[0]!;
  await Promise.all(workers.map(stop));
  await harness.killWorkers();
  return {
    replicas,
    seconds,
    jobsPerSecond: JOBS / seconds,
    failed: after.failed - before.failed,
    providerCalls: harness.simulator.log.list().length - callsBefore,
    workerCpuMsPerJob: workerCpu / JOBS,
    apiCpuMsPerJob: (apiCpu.user + apiCpu.system) / 1000 / JOBS,
    load,
    slotMs,
  };
}

try {
  console.log(
    `${JOBS} one-item inference jobs per run (cache off), simulator latency ${LATENCY_MS} ms, worker concurrency ${CONCURRENCY} per replica, ` +
      `real worker processes; ceiling = replicas x ${CONCURRENCY} / ${LATENCY_MS / 1000} s`,
  );
  const runs: Run[] = [];
  for (const [index, replicas] of REPLICAS.entries()) {
    const result = await runWith(replicas, index + 1);
    runs.push(result);
    console.log(
      `  ${replicas} replica(s): ${JOBS} jobs in ${result.seconds.toFixed(1)} s, ${result.providerCalls} provider calls, ${result.failed} failed; ` +
        `a job holds a slot ${result.slotMs.toFixed(0)} ms on average; CPU per job: workers ${result.workerCpuMsPerJob.toFixed(1)} ms, api+simulator ${result.apiCpuMsPerJob.toFixed(1)} ms ` +
        `(= ${((result.jobsPerSecond * (result.workerCpuMsPerJob + result.apiCpuMsPerJob)) / 1000).toFixed(2)} cores busy at this rate); load average ${result.load.toFixed(1)}`,
    );
  }
  // Several runs of one replica count (e.g. --replicas=1,2,4,4,2,1, which cancels a drifting machine
  // load) are averaged.
  const counts = [...new Set(runs.map((entry) => entry.replicas))];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const summary = counts.map((replicas) => {
    const of = runs.filter((entry) => entry.replicas === replicas);
    return { replicas, runs: of.length, jobsPerSecond: mean(of.map((entry) => entry.jobsPerSecond)), slotMs: mean(of.map((entry) => entry.slotMs)) };
  });
  const base = summary.find((entry) => entry.replicas === 1) ?? summary[0]!;
  console.log(
    `\n${'replicas'.padEnd(9)} ${'jobs/s'.padStart(8)} ${'x 1 replica'.padStart(12)} ${'goal'.padStart(7)} ${'slot ms'.padStart(8)} ${'ceiling'.padStart(8)} ${'of ceiling'.padStart(11)}`,
  );
  for (const entry of summary) {
    const ceiling = (entry.replicas * CONCURRENCY * 1000) / LATENCY_MS;
    const goal = GOALS[entry.replicas];
    console.log(
      `${`${entry.replicas}${entry.runs > 1 ? ` (x${entry.runs})` : ''}`.padEnd(9)} ${entry.jobsPerSecond.toFixed(1).padStart(8)} ${(entry.jobsPerSecond / base.jobsPerSecond).toFixed(2).padStart(12)} ${(goal ? `>= ${goal}` : '').padStart(7)} ${entry.slotMs.toFixed(0).padStart(8)} ${ceiling.toFixed(0).padStart(8)} ${`${((100 * entry.jobsPerSecond) / ceiling).toFixed(0)}%`.padStart(11)}`,
    );
  }
  console.log(
    `\njobs/s = replicas x ${CONCURRENCY} slots / slot time: the replicas add slots linearly; what moves the ratio is the time a job holds its slot (200 ms at the provider plus Redis round trips and CPU, which the machine's other load stretches).`,
  );
  console.log(`\nOn 2 shared cores this measures I/O concurrency (jobs waiting on the provider at once), not CPU parallelism.`);
} finally {
  await queue.close();
  connection.disconnect();
  await harness.close();
}
process.exit(0);
