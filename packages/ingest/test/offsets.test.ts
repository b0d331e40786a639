import { describe, expect, it } from 'vitest';
import { createMemoryVaultStore, createVault, defaultPolicy, pseudonymize } from '@llmops/pii';
import { replacementSpans, toOriginalOffset } from '../src/offsets';

describe('offsets in the original document', () => {
  it('maps every position of the pseudonymized text back, so slices match the restored text', async () => {
    const vault = createVault({ key: 'k'.repeat(64).replace(/k/g, 'a'), store: createMemoryVaultStore() });
    const original = 'Write to jane.doe@example.com or call +44 20 7946 0958 today; card 4111 1111 1111 1111 ends it.';
    const result = await pseudonymize(original, { scope: 's', policy: defaultPolicy, vault });
    const spans = replacementSpans(result.entities);
    expect(spans.length).toBe(12);
    // A slice of plain words keeps its words.
    const at = result.text.indexOf('today');
    expect(original.slice(toOriginalOffset(spans, at, 'start'), toOriginalOffset(spans, at + 5, 'end'))).toBe('today');
    // A slice that starts or ends inside a token widens to the whole original value.
    const token = result.text.indexOf('<');
    expect(original.slice(toOriginalOffset(spans, token + 2, 'start'), toOriginalOffset(spans, token + 3, 'end'))).toBe('jane.doe@example.com');
    expect(toOriginalOffset(spans, result.text.length, 'end')).toBe(original.length);
    expect(toOriginalOffset(undefined, 7, 'start')).toBe(7);
  });
});
