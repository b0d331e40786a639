// `pnpm bench regex`: what tenant patterns, schemas and outputs cost a worker's event loop.
// RE2 (re2js, as graders use it) against V8's backtracking RegExp on benign patterns, the
// pathological cases, and each cap in gradeLimits at its limit. Figures are per call, median of runs.
import { RE2JS } from 're2js';
import { compilePattern, firstNumber, gradeDeterministic, GradeLimitError, gradeLimits, graderProblems, levenshtein, neutraliseFences } from '../src';

const kase = { id: 'bench', input: 'q' };

/** Median ms of `runs` calls (after one warm-up call). */
function time(fn: () => unknown, runs = 7): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const ms = (value: number) => (value < 0.1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
const row = (cells: string[], widths: number[]) => console.log(cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));

function benign(): void {
  console.log('\n## Benign patterns: RE2 (compilePattern) vs JS RegExp, per test');
  const prose = 'The quick brown fox jumps over the lazy dog; order 12345 ships to someone@example.com on 2024-05-06. ';
  const texts = { '1 k chars': prose.repeat(10).slice(0, 1_000), '100 k chars': prose.repeat(1_000).slice(0, 100_000) };
  const patterns: [string, string, string][] = [
    ['literal, absent', 'lazy cat', ''],
    ['email', '[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}', ''],
    ['ISO date, anchored', '^\\d{4}-\\d{2}-\\d{2}$', ''],
    ['alternation + digits', '(?:foo|bar|baz|qux)\\d{3}', ''],
    ['case-insensitive words', '\\b(?:LAZY|QUICK) (?:CAT|DOG)\\b', 'i'],
    ['whole text, multiline', '^.*\\d{5}.*$', 'm'],
  ];
  const widths = [24, 12, 12, 12];
  row(['pattern', 'text', 'RE2', 'JS RegExp'], widths);
  for (const [name, pattern, flags] of patterns) {
    const re2 = compilePattern(pattern, flags);
    const js = new RegExp(pattern, flags);
    for (const [label, text] of Object.entries(texts)) {
      if (re2.test(text) !== js.test(text)) throw new Error(`engines disagree on ${name}`);
      row([name, label, ms(time(() => re2.test(text), 21)), ms(time(() => js.test(text), 21))], widths);
    }
  }
}

function pathological(): void {
  console.log('\n## Pathological patterns (one test each)');
  const widths = [30, 22, 12];
  row(['pattern', 'text', 'time'], widths);
  for (const n of [20, 22, 24, 26]) {
    const text = 'a'.repeat(n) + '!';
    row(['^(a+)+$ JS RegExp', `a x ${n} + "!"`, ms(time(() => /^(a+)+$/.test(text), 1))], widths);
  }
  console.log('(JS doubles per extra "a": 30 a\'s is about 2^4 x the 26 figure, the 78 s stall of the incident)');
  const cases: [string, string][] = [
    ['^(a+)+$', 'a'.repeat(30) + '!'],
    ['^(a+)+$', 'a'.repeat(100_000) + '!'],
    ['^(a|aa)+$', 'a'.repeat(100_000) + '!'],
    ['^(.*a){20}$', 'a'.repeat(100_000) + '!'],
    ['(x+x+)+y', 'x'.repeat(100_000)],
  ];
  for (const [pattern, text] of cases) {
    const re = compilePattern(pattern);
    row([`${pattern} RE2`, `${text.length.toLocaleString('en-US')} chars`, ms(time(() => re.test(text), 3))], widths);
  }
}

function worstLegalPattern(): void {
  console.log('\n## Worst legal regex grade: a pattern at the program-size cap whose DFA explodes (RE2 falls back to its NFA)');
  const widths = [34, 10, 16, 12];
  row(['pattern', 'program', 'text', 'time'], widths);
  const random = (n: number) => Array.from({ length: n }, (_, i) => (((i * 2654435761) >>> 16) & 1 ? 'a' : 'b')).join('');
  for (const repeat of [20, 200, 990]) {
    const pattern = `[ab]*a[ab]{${repeat}}c`;
    const re = compilePattern(pattern);
    const text = random(gradeLimits.maxOutputChars - 1) + 'c';
    row([pattern, String(re.programSize), '100,000 chars', ms(time(() => re.test(text), 3))], widths);
  }
  const unlimited = RE2JS.compile('[ab]*a[ab]{200}c');
  const text = random(99_999) + 'c';
  row(['same, re2js default 8 MiB DFA', String(unlimited.programSize()), '100,000 chars', ms(time(() => unlimited.test(text), 3))], widths);
}

function grade(label: string, run: () => unknown, widths: number[]): void {
  let outcome = 'graded';
  const elapsed = time(() => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof GradeLimitError)) throw error;
      outcome = 'limit error';
    }
  }, 3);
  row([label, outcome, ms(elapsed)], widths);
}

function schemaAndCaps(): void {
  console.log('\n## JSON Schema and the other caps, per grade');
  const widths = [62, 12, 10];
  row(['case', 'outcome', 'time'], widths);
  const exponential = {
    definitions: { x: { allOf: [{ items: { $ref: '#/definitions/x' } }, { items: { $ref: '#/definitions/x' } }] } },
    $ref: '#/definitions/x',
  };
  grade(
    'recursive allOf x2 on [[[...]]] 40 deep (work budget)',
    () => gradeDeterministic({ type: 'json-schema', schema: exponential }, kase, '['.repeat(40) + ']'.repeat(40)),
    widths,
  );
  const string = JSON.stringify('a'.repeat(99_000) + '!');
  grade('pattern ^(a|aa)+$ on a 99,000-char string', () => gradeDeterministic({ type: 'json-schema', schema: { pattern: '^(a|aa)+$' } }, kase, string), widths);
  // Random a/b text that matches (an 'a' 991 characters before the final 'c'), so every test runs in full.
  const ab = (n: number) => Array.from({ length: n }, (_, i) => (((i * 2654435761) >>> 16) & 1 ? 'a' : 'b')).join('');
  const matching = (n: number) => `${ab(n - 992)}a${ab(990)}c`;
  const nfa = { type: 'array', items: { pattern: '[ab]*a[ab]{990}c' } };
  grade(
    'pattern at the program cap (NFA) on 1 x 80,000 chars',
    () => gradeDeterministic({ type: 'json-schema', schema: nfa }, kase, JSON.stringify([matching(80_000)])),
    widths,
  );
  grade(
    'same on 2 x 49,000 chars (second test past the budget)',
    () => gradeDeterministic({ type: 'json-schema', schema: nfa }, kase, JSON.stringify([matching(49_000), matching(49_000)])),
    widths,
  );
  const many = JSON.stringify(Array.from({ length: 9_000 }, (_, i) => `s${i}`));
  grade(
    '20 patterns on each of 9,000 strings',
    () =>
      gradeDeterministic(
        { type: 'json-schema', schema: { items: { allOf: Array.from({ length: 20 }, (_, i) => ({ pattern: `^s\\d*(?:${i})?$` })) } } },
        kase,
        many,
      ),
    widths,
  );
  const objects = JSON.stringify(Array.from({ length: 3_000 }, (_, i) => ({ id: i, tags: ['x', 'y'] })));
  grade(
    'uniqueItems on 3,000 objects (linear; ajv own: pairwise)',
    () => gradeDeterministic({ type: 'json-schema', schema: { uniqueItems: true } }, kase, objects),
    widths,
  );
  const expected = 'The answer is forty-two, as computed. '.repeat(130).slice(0, 5_000);
  grade(
    'edit distance 5,000 x 5,000 chars (at the 25 M-cell cap)',
    () => gradeDeterministic({ type: 'edit-distance' }, { ...kase, expected }, expected.split('').reverse().join('')),
    widths,
  );
  grade(
    'edit distance 40,000 x 40,000 chars (refused)',
    () => gradeDeterministic({ type: 'edit-distance' }, { ...kase, expected: 'y'.repeat(40_000) }, 'x'.repeat(40_000)),
    widths,
  );
  grade('numeric: first number in 100,000 chars of "1,1,1,..."', () => firstNumber('1,'.repeat(50_000)), widths);
  grade('numeric: no number in 100,000 chars of "+-.e"', () => firstNumber('+-.e'.repeat(25_000)), widths);
  grade('judge fences: "<" then 100,000 spaces', () => neutraliseFences(`<${' '.repeat(100_000)}`), widths);
  grade('levenshtein 5,000 x 5,000 chars (raw)', () => levenshtein('ab'.repeat(2_500), 'ba'.repeat(2_500)), widths);
}

function compileCosts(): void {
  console.log('\n## Submit-time checks (graderProblems), per call, cold');
  const widths = [48, 10];
  let seed = 0;
  const fresh = (pattern: string) => `${pattern}(?:${++seed}|)`;
  row(['what', 'time'], widths);
  row(['typical pattern ^\\d{3}-\\d{4}$', ms(time(() => graderProblems([{ type: 'regex', pattern: fresh('^\\d{3}-\\d{4}$') }]), 21))], widths);
  row(
    ['refused: (a|b|ab|ba|aa|bb){1,900}c (14,402 insts)', ms(time(() => graderProblems([{ type: 'regex', pattern: fresh('(a|b|ab|ba|aa|bb){1,900}c') }]), 5))],
    widths,
  );
  const schema = () => ({
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', pattern: fresh('^[A-Z]{3}\\d+$') }, tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } },
  });
  row(['a 10-keyword schema with a pattern (ajv compile)', ms(time(() => graderProblems([{ type: 'json-schema', schema: schema() }]), 11))], widths);
  let deep: Record<string, unknown> = {};
  for (let i = 0; i < 3_000; i++) deep = { items: deep };
  row(['refused: a schema nested 3,000 deep', ms(time(() => graderProblems([{ type: 'json-schema', schema: deep }]), 11))], widths);
}

benign();
pathological();
worstLegalPattern();
schemaAndCaps();
compileCosts();
