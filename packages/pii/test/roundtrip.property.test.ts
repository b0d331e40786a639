import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryVaultStore, createStreamRestorer, createVault, defaultPolicy, pseudonymize, restore, TOKEN_PATTERN } from '../src/index';
import { entityValue, evasiveValue, textWithEntities } from './arbitraries';
import { negatives, positives } from './corpus';

const KEY = Buffer.alloc(32, 9);
const fresh = () => {
  const store = createMemoryVaultStore();
  return { store, vault: createVault({ key: KEY, store }) };
};
let n = 0;
const newScope = () => `job-${++n}`;

describe('pseudonymize / restore properties', () => {
  it('restore(pseudonymize(x)) === x, and no embedded value survives in the pseudonymized text', async () => {
    const { vault } = fresh();
    await fc.assert(
      fc.asyncProperty(textWithEntities, async ({ text, values }) => {
        const scope = newScope();
        const p = await pseudonymize(text, { scope, policy: defaultPolicy, vault });
        for (const v of values) expect(p.text).not.toContain(v);
        expect(await restore(p.text, { scope, vault })).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('is byte-identical for every corpus text, evasion forms included, and no labelled value survives', async () => {
    const { vault } = fresh();
    for (const s of [...positives(), ...negatives()]) {
      const scope = newScope();
      const p = await pseudonymize(s.text, { scope, policy: defaultPolicy, vault });
      for (const e of s.entities) expect(p.text).not.toContain(e.value);
      expect(await restore(p.text, { scope, vault })).toBe(s.text);
    }
  });

  it('an evasion form is replaced as a whole: nothing of it but its surroundings is left', async () => {
    const { vault } = fresh();
    await fc.assert(
      fc.asyncProperty(evasiveValue, async (v) => {
        const scope = newScope();
        const p = await pseudonymize(`before ${v} after`, { scope, policy: defaultPolicy, vault });
        expect(p.text).toMatch(/^before <[A-Z_]+_\d+> after$/);
        expect(await restore(p.text, { scope, vault })).toBe(`before ${v} after`);
      }),
      { numRuns: 300 },
    );
  });

  it('the same value gets the same token everywhere in one scope, across calls', async () => {
    const { vault } = fresh();
    await fc.assert(
      fc.asyncProperty(entityValue, textWithEntities, async (v, filler) => {
        const scope = newScope();
        const a = await pseudonymize(`first ${v} then ${filler.text} and again ${v}`, { scope, policy: defaultPolicy, vault });
        const b = await pseudonymize(`later: ${v}`, { scope, policy: defaultPolicy, vault });
        const first = a.entities[0]?.replacement;
        const last = a.entities.at(-1)?.replacement;
        expect(first).toMatch(TOKEN_PATTERN);
        expect(last).toBe(first);
        expect(b.entities[0]?.replacement).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it('another scope neither restores these tokens nor shares vault entries', async () => {
    const { vault, store } = fresh();
    await fc.assert(
      fc.asyncProperty(textWithEntities, textWithEntities, async (x, y) => {
        const a = newScope();
        const b = newScope();
        const pa = await pseudonymize(x.text, { scope: a, policy: defaultPolicy, vault });
        expect(await restore(pa.text, { scope: b, vault })).toBe(pa.text);
        await pseudonymize(y.text, { scope: b, policy: defaultPolicy, vault });
        const fieldsA = new Set(
          store
            .entries(a)
            .map(([f]) => f)
            .filter((f) => f.startsWith('v:')),
        );
        const valuesA = new Set(store.entries(a).map(([, v]) => v));
        for (const [f, v] of store.entries(b)) {
          if (f.startsWith('v:')) expect(fieldsA.has(f)).toBe(false);
          if (f.startsWith('t:')) expect(valuesA.has(v)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the stream restorer gives restore()’s result for every split of the answer', async () => {
    const { vault } = fresh();
    const scope = newScope();
    const junk = fc.constantFrom('<', '<EMA', '<EMAIL_', '<EMAIL_0>', '<PHONE_99>', '<<', 'a < b', '<EMAIL_1', '>', '<SSN_');
    await fc.assert(
      fc.asyncProperty(textWithEntities, fc.array(junk, { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 12 }), async (x, extras, cuts) => {
        const p = await pseudonymize(x.text, { scope, policy: defaultPolicy, vault });
        const answer = `${extras.join(' ')} ${p.text} ${extras.join('')}`;
        const expected = await restore(answer, { scope, vault });
        const points = [...new Set(cuts.map((c) => c % (answer.length + 1)))].sort((i, j) => i - j);
        const restorer = createStreamRestorer({ scope, vault });
        let out = '';
        let prev = 0;
        for (const cut of [...points, answer.length]) {
          out += await restorer.push(answer.slice(prev, cut));
          prev = cut;
        }
        out += await restorer.end();
        expect(out).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the stream restorer restores a token split into one-character chunks', async () => {
    const { vault } = fresh();
    const scope = newScope();
    const p = await pseudonymize('mail ana@example.com now', { scope, policy: defaultPolicy, vault });
    const restorer = createStreamRestorer({ scope, vault });
    const parts = await Promise.all([...p.text].map((ch) => restorer.push(ch)));
    expect(parts.join('') + (await restorer.end())).toBe('mail ana@example.com now');
  });
}, 120_000);
