import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limitsFor, parseTenantLimits, TenantLimitsConfigError } from '../src/index';

describe('TENANT_LIMITS', () => {
  it('unset: a generous rate, a work cap per job, no budget', () => {
    const limits = limitsFor(parseTenantLimits(undefined), 'anyone');
    expect(limits.rate).toEqual({ perSecond: 100, burst: 500 });
    expect(limits.work.maxCallsPerJob).toBe(50_000);
    expect(limits.concurrency.maxJobs).toBe(10_000);
    expect(limits.budgets).toEqual([]);
  });

  it('a tenant block overrides the default block field by field; null removes an inherited budget', () => {
    const config = parseTenantLimits(
      JSON.stringify({
        default: { rate: { perSecond: 5 }, budget: { day: { usd: '10', tokens: 1_000_000 }, month: { usd: '200' } } },
        acme: { rate: { burst: 3 }, budget: { day: { usd: '0.05' }, month: { usd: null }, models: { 'gpt-4o': { day: { usd: '1.5' } } } } },
      }),
    );
    const acme = limitsFor(config, 'acme');
    expect(acme.rate).toEqual({ perSecond: 5, burst: 3 });
    expect(acme.budgets.map((l) => [l.limit, l.cap])).toEqual([
      ['budget.day.usd', 50_000_000n],
      ['budget.day.tokens', 1_000_000n],
      ['budget.models.gpt-4o.day.usd', 1_500_000_000n],
    ]);
    expect(acme.budgets[2]).toMatchObject({ period: 'day', model: 'gpt-4o', unit: 'usd' });
    const other = limitsFor(config, 'other');
    expect(other.rate).toEqual({ perSecond: 5, burst: 500 });
    expect(other.budgets.map((l) => l.limit)).toEqual(['budget.day.usd', 'budget.day.tokens', 'budget.month.usd']);
  });

  it('reads a JSON file when given a path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'limits-'));
    const file = join(dir, 'limits.json');
    writeFileSync(file, JSON.stringify({ beta: { concurrency: { maxJobs: 7 } } }));
    expect(limitsFor(parseTenantLimits(file), 'beta').concurrency.maxJobs).toBe(7);
  });

  it('names every bad field', () => {
    expect(() => parseTenantLimits('{"acme": {"budget": {"day": {"usd": "ten"}}, "rate": {"burst": 0}}}')).toThrow(TenantLimitsConfigError);
    expect(() => parseTenantLimits('{"acme": {"budget": {"day": {"usd": "ten"}}}}')).toThrow(/acme\.budget\.day\.usd/);
    expect(() => parseTenantLimits('{"acme": {"rate": {"burst": 0}}}')).toThrow(/acme\.rate\.burst/);
    expect(() => parseTenantLimits('{"acme": {"rats": {}}}')).toThrow(/rats/);
    expect(() => parseTenantLimits('/no/such/file.json')).toThrow(/not readable/);
  });
});
