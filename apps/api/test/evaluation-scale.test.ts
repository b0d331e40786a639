import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { allResults, evaluate, type Report } from './evaluation-helpers';

let harness: PlatformHarness;
beforeAll(async () => {
  // 20% of provider requests get a 429 (Retry-After 100 ms, to keep the test short).
  harness = await startPlatform('evaluation-scale', { simulator: { failRate429: 0.2, retryAfterMs: 100 } });
  await harness.startWorker();
}, 60_000);
afterAll(() => harness?.close());

const topics = ['password reset', 'invoice download', 'billing address', 'team members', 'API keys', 'two-factor login', 'data export', 'plan upgrade'];
const cases = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const topic = topics[i % topics.length]!;
    return {
      id: `case-${i}`,
      input: `How do I manage ${topic} number ${i} in the dashboard?`,
      expected: `Open the dashboard settings and manage ${topic} ${i}`,
    };
  });
const withoutCounters = (report: Report) => ({ ...report, judge: undefined });

describe('evaluation at scale through a flaky provider', () => {
  it('grades every case of 200 cases x 5 samples while 20% of requests are 429s', async () => {
    const { id, report } = await evaluate(
      harness,
      {
        cases: cases(200),
        samples: 5,
        generate: { model: 'gpt-4o-mini', seed: 11 },
        graders: [
          { type: 'contains', value: 'dashboard' },
          { type: 'rubric', rubric: 'correctness', threshold: 0.3 },
        ],
      },
      240_000,
    );
    expect(report).toMatchObject({ cases: 200, samples: 5 });
    for (const grader of ['contains', 'correctness']) expect(report.graders[grader]).toMatchObject({ graded: 1000, malformed: 0, errors: 0 });
    expect(report.perCase.every((row) => row.graders.correctness!.graded === 5)).toBe(true);
    expect((await allResults(harness, id)).length).toBe(1000);
    const statuses = harness.simulator.log.list().map((entry) => entry.status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(300);
    // Seeded samples differ, and the report shows the spread across them.
    expect(report.graders.correctness!.stdDev).toBeGreaterThan(0);
    expect(report.graders.correctness!.judgeAgreement).toBeGreaterThan(0);
    expect(report.graders.correctness!.passAtK['5']).toBeGreaterThanOrEqual(report.graders.correctness!.passAtK['1']!);
    expect(Number(report.cost.usd)).toBeGreaterThan(0);
  }, 300_000);

  it('the same evaluation run twice gives the same report and the same outputs', async () => {
    const body = {
      cases: cases(40),
      samples: 3,
      generate: { model: 'gpt-4o-mini', seed: 3 },
      graders: [
        { type: 'edit-distance', threshold: 0.3 },
        { type: 'rubric', rubric: 'correctness' },
      ],
    };
    const first = await evaluate(harness, body, 120_000);
    const second = await evaluate(harness, body, 120_000);
    expect(withoutCounters(second.report)).toEqual(withoutCounters(first.report));
    const outputs = async (id: string) => (await allResults(harness, id)).map((item) => item.result.output);
    expect(await outputs(second.id)).toEqual(await outputs(first.id));
  }, 300_000);

  it('flags a changed output set as a regression exactly where the interval excludes zero, reproducibly', async () => {
    const base = cases(60).map((kase) => ({ ...kase, output: kase.expected }));
    const graders = [
      { type: 'contains' },
      { type: 'regex', name: 'no-shouting', pattern: '^[^!]*$' },
      { type: 'json' },
      { type: 'rubric', rubric: 'correctness' },
    ];
    const baseline = await evaluate(harness, { cases: base, graders }, 120_000);
    // Half the answers lose their content (a real regression); one answer says "portal!" (noise for the no-shouting grader).
    const changed = base.map((kase, i) => ({
      ...kase,
      output: i % 2 === 0 ? 'I am not sure, please contact support.' : i === 1 ? kase.output.replace('dashboard', 'portal!') : kase.output,
    }));
    const body = { cases: changed, graders, baseline: baseline.id, bootstrap: { seed: 9 } };
    const current = await evaluate(harness, body, 120_000);
    const comparison = current.report.comparison!;
    expect(comparison.baseline).toBe(baseline.id);
    const verdict = (grader: string, metric: string) => comparison.metrics.find((row) => row.grader === grader && row.metric === metric)!;
    for (const row of comparison.metrics) {
      expect(row.verdict).toBe(row.upper < 0 ? 'regression' : row.lower > 0 ? 'improvement' : 'no-change');
    }
    // 30 emptied answers + the reworded one no longer contain the expected answer.
    expect(verdict('contains', 'passRate').verdict).toBe('regression');
    expect(verdict('contains', 'passRate').difference).toBeCloseTo(-31 / 60);
    expect(verdict('correctness', 'mean').verdict).toBe('regression');
    expect(verdict('no-shouting', 'passRate').difference).toBeLessThan(0);
    // The one-case change is within noise, hence not flagged (its interval reaches zero)...
    expect(verdict('no-shouting', 'passRate').upper).toBeGreaterThanOrEqual(0);
    expect(verdict('no-shouting', 'passRate').verdict).toBe('no-change');
    // ...and an unchanged grader is not flagged either.
    expect(verdict('json', 'mean')).toMatchObject({ difference: 0, verdict: 'no-change' });
    expect(comparison.regressions).toBe(comparison.metrics.filter((row) => row.verdict === 'regression').length);
    // Seeded bootstrap: the same comparison again gives the same intervals.
    const again = await evaluate(harness, body, 120_000);
    expect(again.report.comparison).toEqual(comparison);
  }, 300_000);
});
