import { describe, expect, it } from 'vitest';
import { compareRuns, compareRunsPaced, summarize, summarizePaced, type SampleRecord } from '../src';

const graders = [
  { name: 'exact', type: 'exact' },
  { name: 'regex', type: 'regex' },
];
const run = (cases: number, shift: number): SampleRecord[] =>
  Array.from({ length: cases * 2 }, (_, i) => {
    const score = ((i * 7 + shift) % 10) / 10;
    return {
      caseId: `c${Math.floor(i / 2)}`,
      sample: i % 2,
      output: 'x',
      costUsd: '0',
      grades: Object.fromEntries(graders.map((grader) => [grader.name, { status: 'graded' as const, score, pass: score >= 0.5 }])),
    };
  });

describe('paced report work (the worker lets its event loop run between slices)', () => {
  const current = run(1_000, 3);
  const baseline = run(1_000, 0);

  it('compareRunsPaced pauses between slices and gives the same comparison as compareRuns', async () => {
    let pauses = 0;
    const options = { resamples: 5_000, seed: 3 };
    const paced = await compareRunsPaced(current, baseline, ['exact', 'regex'], options, async () => {
      pauses++;
    });
    expect(paced).toEqual(compareRuns(current, baseline, ['exact', 'regex'], options));
    // 4 metrics x 5,000 resamples x 1,000 cases = 20 million draws, in slices of 500,000.
    expect(pauses).toBeGreaterThanOrEqual(40);
  });

  it('summarizePaced pauses per grader and gives the same report as summarize', async () => {
    let pauses = 0;
    const paced = await summarizePaced(current, graders, 2, async () => {
      pauses++;
    });
    expect(paced).toEqual(summarize(current, graders, 2));
    expect(pauses).toBeGreaterThanOrEqual(graders.length);
  });
});
