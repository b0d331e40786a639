import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectWindowed, DEFAULT_WINDOW } from '../src/detect-async';
import { createMemoryVaultStore, createVault, defaultPolicy, detect, detectAsync, pseudonymize } from '../src/index';
import { SCAN_BUDGET_PER_TURN } from '../src/scan-budget';
import { negatives, positives } from './corpus';

const sentences = [...positives(), ...negatives()].map((s) => s.text);
const TINY = { size: 400, left: 200, right: 1200, margin: 64 };

// Counts event-loop turns (setImmediate callbacks) until `work` settles.
async function turnsDuring<T>(work: Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work;
  done = true;
  return { result, turns };
}

describe('detectAsync', () => {
  it('finds what detect() finds, with entities cut by window boundaries kept whole (tiny windows)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...sentences), { minLength: 5, maxLength: 60 }), fc.constantFrom(' ', '\n', ''), async (parts, glue) => {
        const text = parts.join(glue);
        expect(await detectWindowed(text, {}, TINY)).toEqual(detect(text));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps an entity whole when a default 64 KiB boundary falls inside it', async () => {
    const pad = 'lorem ipsum dolor sit amet '.repeat(3000);
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    for (const entity of ['4111 1111 1111 1111', 'jane.doe@example.com', jwt, 'DE89 3704 0044 0532 0130 00']) {
      for (const shift of [1, 5, 10]) {
        const before = pad.slice(0, DEFAULT_WINDOW.size - shift);
        const text = `${before} ${entity} ${pad}`;
        const found = await detectAsync(text);
        expect(found.map((e) => e.value)).toContain(entity);
        expect(found).toEqual(detect(text));
      }
    }
  });

  it('gives the event loop a turn at least every couple of windows on a large text', async () => {
    const text = 'call +1 (415) 555-2671 or write to jane@example.com. '.repeat(40_000); // ~2 MB
    const { result, turns } = await turnsDuring(detectAsync(text));
    expect(result.length).toBe(80_000);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(text.length / (2 * DEFAULT_WINDOW.size)));
  });

  it('shares one budget between concurrent calls: a burst of pseudonymize() calls still yields', async () => {
    const vault = createVault({ key: Buffer.alloc(32, 5), store: createMemoryVaultStore() });
    const message = '+1 ('.repeat(25_000); // 100,000 characters, the API's message limit
    const calls = Array.from({ length: 40 }, (_, i) => pseudonymize(message, { scope: `burst-${i}`, policy: defaultPolicy, vault }));
    const { result, turns } = await turnsDuring(Promise.all(calls));
    expect(result.every((r) => r.text === message)).toBe(true);
    // 4 MB in total: with a shared 64 KiB budget per turn that is dozens of turns, not one.
    expect(turns).toBeGreaterThanOrEqual(Math.floor((40 * message.length) / (2 * SCAN_BUDGET_PER_TURN)));
  });
}, 120_000);
