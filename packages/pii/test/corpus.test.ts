import { describe, expect, it } from 'vitest';
import { detect } from '../src/index';
import { ENTITY_TYPES, type EntityType } from '../src/types';
import { negatives, positives } from './corpus';

// PERSON has its own detector, corpus and floors (test/person*.test.ts); here it only has to exist.
const TYPES: EntityType[] = ENTITY_TYPES.filter((t) => t !== 'PERSON');
const key = (e: { type: string; start: number; end: number }) => `${e.type}:${e.start}:${e.end}`;

describe('labelled corpus', () => {
  it('holds at least 450 sentences covering every entity type', () => {
    const pos = positives();
    expect(pos.length + negatives().length).toBeGreaterThanOrEqual(450);
    const seen = new Set(pos.flatMap((s) => s.entities.map((e) => e.type)));
    expect([...seen].sort()).toEqual([...ENTITY_TYPES].sort());
  });

  it('finds nothing in any hard negative', () => {
    const falsePositives = negatives().flatMap((s) => detect(s.text, { types: TYPES }).map((e) => `line ${s.line}: ${e.type} ${JSON.stringify(e.value)}`));
    expect(falsePositives).toEqual([]);
  });

  it('labels match the text they mark (offsets in UTF-16 units)', () => {
    for (const s of positives()) for (const e of s.entities) expect(s.text.slice(e.start, e.end)).toBe(e.value);
  });

  it('finds every labelled entity of the checksum- and shape-backed types, evasion forms included', () => {
    const missed = positives().flatMap((s) => {
      const found = new Set(detect(s.text, { types: TYPES }).map(key));
      return s.entities.filter((e) => e.type !== 'PERSON' && !found.has(key(e))).map((e) => `line ${s.line}: ${e.type} ${JSON.stringify(e.value)}`);
    });
    expect(missed).toEqual([]);
  });

  it('has no false positive on the positives either (every detection is labelled)', () => {
    const extra = positives().flatMap((s) => {
      const labelled = new Set(s.entities.map(key));
      return detect(s.text, { types: TYPES })
        .filter((e) => !labelled.has(key(e)))
        .map((e) => `line ${s.line}: ${e.type} ${JSON.stringify(e.value)}`);
    });
    expect(extra).toEqual([]);
  });

  it('reports every value as the exact original characters, invisible ones included', () => {
    for (const s of positives()) {
      for (const e of detect(s.text, { types: TYPES })) expect(s.text.slice(e.start, e.end)).toBe(e.value);
    }
  });
}, 120_000);
