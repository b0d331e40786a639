import { describe, expect, it } from 'vitest';
import { readEnv } from '../src/env';

describe('readEnv', () => {
  it('reads the knobs, with PORT 4010 by default and booleans parsed explicitly', () => {
    expect(readEnv({})).toEqual({ port: 4010, host: '127.0.0.1' });
    expect(readEnv({ PORT: '5000', SIM_LATENCY_MS: '100,900', SIM_RPM: '60', SIM_FAIL_RATE_429: '0.1', SIM_LOG_BODIES: 'false', SIM_SEED: '7' })).toEqual({
      port: 5000,
      host: '127.0.0.1',
      latencyMs: { p50: 100, p99: 900 },
      rpm: 60,
      failRate429: 0.1,
      logBodies: false,
      seed: 7,
    });
  });

  it('refuses values that are not numbers or booleans', () => {
    expect(() => readEnv({ SIM_TPM: 'lots' })).toThrow(/SIM_TPM/);
    expect(() => readEnv({ SIM_LOG_BODIES: 'maybe' })).toThrow(/SIM_LOG_BODIES/);
  });
});
