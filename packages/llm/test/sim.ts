import { startSimulator } from '@llmops/llm-simulator';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
export type SimLogEntry = ReturnType<Simulator['log']['list']>[number];

export { startSimulator };

/** Entries the simulator answered with 200 on a path, after a log id. */
export function answered(sim: Simulator, path: string, since = 0): SimLogEntry[] {
  return sim.log.list(since).filter((e) => e.path === path && e.status === 200);
}
