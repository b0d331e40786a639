import { describe, expect, it } from 'vitest';
import { editSimilarity, firstNumber, gradeDeterministic, MissingExpectedError } from '../src';

const kase = { id: 'c1', input: 'What is 6 x 7?', expected: 'The answer is 42' };

describe('deterministic graders', () => {
  it('exact compares after collapsing whitespace, case-sensitive unless told otherwise', () => {
    expect(gradeDeterministic({ type: 'exact' }, kase, '  The answer   is 42 ')).toMatchObject({ score: 1, pass: true });
    expect(gradeDeterministic({ type: 'exact' }, kase, 'the answer is 42').pass).toBe(false);
    expect(gradeDeterministic({ type: 'exact', caseSensitive: false }, kase, 'the answer is 42').pass).toBe(true);
  });

  it('contains looks for a given value or the expected answer, case-insensitively by default', () => {
    expect(gradeDeterministic({ type: 'contains', value: 'FORTY' }, kase, 'forty-two').pass).toBe(true);
    expect(gradeDeterministic({ type: 'contains' }, kase, 'I think THE ANSWER IS 42.').pass).toBe(true);
    expect(gradeDeterministic({ type: 'contains', value: 'x', caseSensitive: true }, kase, 'X').pass).toBe(false);
  });

  it('regex, json and json-schema', () => {
    expect(gradeDeterministic({ type: 'regex', pattern: '^\\d+$' }, kase, '42').pass).toBe(true);
    expect(gradeDeterministic({ type: 'regex', pattern: '^\\d+$' }, kase, 'n42').pass).toBe(false);
    expect(gradeDeterministic({ type: 'json' }, kase, '{"a":1}').pass).toBe(true);
    expect(gradeDeterministic({ type: 'json' }, kase, '{a:1}')).toMatchObject({ pass: false, detail: 'not valid JSON' });
    const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
    expect(gradeDeterministic({ type: 'json-schema', schema }, kase, '{"n": 3}').pass).toBe(true);
    const wrong = gradeDeterministic({ type: 'json-schema', schema }, kase, '{"n": "3"}');
    expect(wrong.pass).toBe(false);
    expect(wrong.detail).toMatch(/\/n must be integer/);
  });

  it('numeric reads the first number and applies an absolute or relative tolerance', () => {
    expect(firstNumber('about 1,234.5 units')).toBe(1234.5);
    expect(gradeDeterministic({ type: 'numeric' }, kase, '42.0').pass).toBe(true);
    expect(gradeDeterministic({ type: 'numeric', tolerance: 0.5 }, kase, 'roughly 42.4').pass).toBe(true);
    expect(gradeDeterministic({ type: 'numeric', tolerance: 0.5 }, kase, '43').pass).toBe(false);
    expect(gradeDeterministic({ type: 'numeric', tolerance: 0.05, relative: true }, kase, '44').pass).toBe(true);
    expect(gradeDeterministic({ type: 'numeric' }, kase, 'no idea')).toMatchObject({ pass: false, detail: 'no number in output' });
  });

  it('edit distance gives a graded score and passes at the threshold', () => {
    expect(editSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    const grade = gradeDeterministic({ type: 'edit-distance', threshold: 0.9 }, kase, 'The answer is 24');
    expect(grade.score).toBeCloseTo(1 - 2 / 16);
    expect(grade.pass).toBe(false);
  });

  it('a grader that needs the expected answer refuses a case without one', () => {
    expect(() => gradeDeterministic({ type: 'exact' }, { id: 'x', input: 'q' }, 'a')).toThrow(MissingExpectedError);
  });
});
