import OpenAI from 'openai';
import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../src/index';

/** Starts a simulator on port 0 for the file's tests and gives a real openai SDK client for it. */
export function useSimulator(options: SimulatorOptions = {}) {
  const state = {} as { sim: Simulator; client: OpenAI };
  beforeAll(async () => {
    state.sim = await startSimulator(options);
    state.client = new OpenAI({ baseURL: state.sim.baseURL, apiKey: 'sim', maxRetries: 0 });
  });
  afterAll(async () => {
    await state.sim.close();
  });
  return state;
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return dot / Math.sqrt(na * nb);
}
