import { parseLatency, type SimulatorOptions } from '@llmops/llm-simulator';

/**
 * The simulator process's environment, read once at boot. Every variable is optional:
 * PORT (default 4010), HOST (127.0.0.1), SIM_SEED (42), SIM_LATENCY_MS ("250" fixed or "100,900"
 * for p50,p99), SIM_FAIL_RATE_429, SIM_FAIL_RATE_5XX, SIM_HANG_RATE (0..1), SIM_RPM, SIM_TPM
 * (unlimited), SIM_RETRY_AFTER_MS (1000), SIM_BATCH_DELAY_MS (500), SIM_LOG_CAPACITY (100000),
 * SIM_LOG_BODIES (true).
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env): SimulatorOptions {
  const options: SimulatorOptions = { port: num(env, 'PORT') ?? 4010, host: env.HOST || '127.0.0.1' };
  const set = <K extends keyof SimulatorOptions>(key: K, value: SimulatorOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('seed', num(env, 'SIM_SEED'));
  set('latencyMs', env.SIM_LATENCY_MS ? parseLatency(env.SIM_LATENCY_MS) : undefined);
  set('failRate429', num(env, 'SIM_FAIL_RATE_429'));
  set('failRate5xx', num(env, 'SIM_FAIL_RATE_5XX'));
  set('hangRate', num(env, 'SIM_HANG_RATE'));
  set('rpm', num(env, 'SIM_RPM'));
  set('tpm', num(env, 'SIM_TPM'));
  set('retryAfterMs', num(env, 'SIM_RETRY_AFTER_MS'));
  set('batchDelayMs', num(env, 'SIM_BATCH_DELAY_MS'));
  set('logCapacity', num(env, 'SIM_LOG_CAPACITY'));
  set('logBodies', bool(env, 'SIM_LOG_BODIES'));
  return options;
}

function num(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got '${raw}'`);
  return value;
}

// Booleans parsed explicitly: "false" is false.
function bool(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got '${raw}'`);
}
