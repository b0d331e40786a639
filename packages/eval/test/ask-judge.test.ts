import { describe, expect, it } from 'vitest';
import { askJudge } from '../src';

const scripted = (replies: (string | null)[]) => {
  const attempts: number[] = [];
  const call = async (attempt: number) => {
    attempts.push(attempt);
    return { content: replies[Math.min(attempts.length - 1, replies.length - 1)], costNano: 10n };
  };
  return { call, attempts };
};

describe('askJudge', () => {
  it('retries malformed verdicts, then scores the first valid one', async () => {
    const { call, attempts } = scripted(['not json', '{"score": 12, "reason": "x"}', '{"score": 8, "reason": "close"}']);
    const outcome = await askJudge(call);
    expect(attempts).toEqual([1, 2, 3]);
    expect(outcome).toEqual({ grade: { status: 'graded', score: 0.8, pass: true, detail: 'close' }, calls: 3, costNano: 30n });
  });

  it('records a verdict that stays malformed as malformed, never as a score', async () => {
    const { call } = scripted(['{"score": "ten", "reason": "x"}']);
    const outcome = await askJudge(call, { maxAttempts: 2 });
    expect(outcome.grade).toEqual({ status: 'malformed', problem: 'score: Invalid input: expected number, received string', attempts: 2 });
    expect(outcome.calls).toBe(2);
  });

  it('continues after tries made elsewhere (a malformed Batch API line) and applies the pass threshold', async () => {
    const { call, attempts } = scripted(['{"score": 6, "reason": "ok"}']);
    const outcome = await askJudge(call, { attemptsMade: 1, threshold: 0.7, problem: 'reply is not JSON' });
    expect(attempts).toEqual([2]);
    expect(outcome.grade).toMatchObject({ status: 'graded', score: 0.6, pass: false });
    const none = await askJudge(scripted([]).call, { attemptsMade: 3, maxAttempts: 3, problem: 'reply is not JSON' });
    expect(none).toEqual({ grade: { status: 'malformed', problem: 'reply is not JSON', attempts: 3 }, calls: 0, costNano: 0n });
  });
});
