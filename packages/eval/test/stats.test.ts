import { describe, expect, it } from 'vitest';
import {
  bootstrapDifference,
  calibrate,
  compareRuns,
  cosine,
  mean,
  pairwiseAgreement,
  passAtK,
  standardDeviation,
  sumUsd,
  summarize,
  type SampleRecord,
} from '../src';

describe('statistics', () => {
  it('mean, sample standard deviation, pass@k and agreement', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    expect(passAtK(5, 0, 1)).toBe(0);
    expect(passAtK(5, 5, 1)).toBe(1);
    expect(passAtK(5, 1, 1)).toBeCloseTo(0.2);
    expect(passAtK(5, 1, 5)).toBe(1);
    expect(passAtK(10, 3, 2)).toBeCloseTo(1 - (7 * 6) / (10 * 9));
    expect(pairwiseAgreement([true, true, true])).toBe(1);
    expect(pairwiseAgreement([true, false])).toBe(0);
    expect(pairwiseAgreement([true])).toBeNull();
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1);
    expect(sumUsd(['0.000000100', '1.5', '0.000000900'])).toBe('1.500001000');
  });

  it('the bootstrap is reproducible with a seed and flags only intervals that exclude zero', () => {
    const base = Array.from({ length: 60 }, (_, i) => (i % 3) / 2);
    const worse = base.map((value, i) => value - (i % 2 === 0 ? 0.3 : 0.1));
    const noisy = base.map((value, i) => value + (i % 2 === 0 ? 0.2 : -0.2));
    const first = bootstrapDifference(worse, base, { seed: 5 });
    expect(bootstrapDifference(worse, base, { seed: 5 })).toEqual(first);
    expect(first.difference).toBeCloseTo(-0.2);
    expect(first.upper).toBeLessThan(0);
    expect(first.verdict).toBe('regression');
    const noise = bootstrapDifference(noisy, base, { seed: 5 });
    expect(noise.lower).toBeLessThan(0);
    expect(noise.upper).toBeGreaterThan(0);
    expect(noise.verdict).toBe('no-change');
    expect(bootstrapDifference(base, worse, { seed: 5 }).verdict).toBe('improvement');
  });
});

const record = (caseId: string, sample: number, score: number, extra: Partial<SampleRecord> = {}): SampleRecord => ({
  caseId,
  sample,
  output: 'x',
  costUsd: '0.000001000',
  grades: { g: { status: 'graded', score, pass: score >= 0.5 } },
  ...extra,
});

describe('reports', () => {
  it('summarises per grader and per case, counting malformed verdicts apart', () => {
    const records = [
      record('a', 0, 1),
      record('a', 1, 0),
      record('b', 0, 1),
      record('b', 1, 1),
      { ...record('c', 0, 0), grades: { g: { status: 'malformed' as const, problem: 'bad', attempts: 3 } } },
    ];
    const report = summarize(records, [{ name: 'g', type: 'rubric' }], 2);
    expect(report.cases).toBe(3);
    expect(report.graders.g).toMatchObject({ graded: 4, malformed: 1, mean: 0.75, passRate: 0.75 });
    expect(report.graders.g!.passAtK['2']).toBeCloseTo((1 + 1 + 0) / 3);
    expect(report.graders.g!.judgeAgreement).toBeCloseTo(0.5);
    expect(report.perCase.find((row) => row.id === 'a')!.graders.g).toMatchObject({ mean: 0.5, passRate: 0.5, passAtK: 1 });
    expect(report.cost.usd).toBe('0.000005000');
  });

  it('compares with a baseline case by case', () => {
    const baseline = Array.from({ length: 40 }, (_, i) => record(`c${i}`, 0, 1));
    const same = compareRuns(baseline, baseline, ['g']);
    expect(same.regressions).toBe(0);
    const worse = baseline.map((r, i) => (i < 20 ? record(r.caseId, 0, 0) : r));
    const compared = compareRuns(worse, baseline, ['g'], { seed: 3 });
    expect(compared.metrics.map((m) => [m.metric, m.verdict])).toEqual([
      ['mean', 'regression'],
      ['passRate', 'regression'],
    ]);
    expect(compared.metrics[0]!.difference).toBeCloseTo(-0.5);
  });
});

describe('calibration', () => {
  it('recommends the lowest threshold whose wrong-hit rate stays under the target', () => {
    const pairs = [
      { same: true, similarity: 0.95 },
      { same: true, similarity: 0.85 },
      { same: true, similarity: 0.7 },
      { same: false, similarity: 0.8 },
      { same: false, similarity: 0.3 },
    ];
    const report = calibrate(pairs, { thresholds: [0.6, 0.75, 0.82, 0.9], targetWrongHitRate: 0.02 });
    expect(report.table.map((row) => row.wrongHitRate)).toEqual([0.25, 1 / 3, 0, 0]);
    expect(report.recommendation).toMatchObject({ threshold: 0.82, hitRate: 2 / 3 });
  });
});
