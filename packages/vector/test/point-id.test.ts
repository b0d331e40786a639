import { describe, expect, it } from 'vitest';
import { pointId, uuidV5 } from '../src';

describe('pointId', () => {
  it('is RFC 4122 UUIDv5 (matches the published DNS example)', () => {
    // uuid5(NAMESPACE_DNS, "www.example.com") from Python's uuid module.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is deterministic and differs when any part differs, including ambiguous joins', () => {
    const id = pointId('t1', 'docs', 'doc-1', 0);
    expect(pointId('t1', 'docs', 'doc-1', 0)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const others = [
      pointId('t2', 'docs', 'doc-1', 0),
      pointId('t1', 'docs2', 'doc-1', 0),
      pointId('t1', 'docs', 'doc-2', 0),
      pointId('t1', 'docs', 'doc-1', 1),
      pointId('t1:docs', '', 'doc-1', 0),
    ];
    expect(new Set([id, ...others]).size).toBe(6);
    expect(pointId('a:b', 'c', 'd', 0)).not.toBe(pointId('a', 'b:c', 'd', 0));
  });
});
