import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJson, StoredDataError } from '../src/read-json';

const Record = z.object({ tenant: z.string(), count: z.number().int(), tags: z.array(z.string()).default([]) });

/** The error `read` throws (undefined when it does not throw). */
function failure(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('readJson', () => {
  it('returns the value its schema parses, defaults applied', () => {
    expect(readJson(Record, '{"tenant":"acme","count":3}')).toEqual({ tenant: 'acme', count: 3, tags: [] });
  });

  it('refuses text that is not JSON with a StoredDataError', () => {
    const error = failure(() => readJson(Record, '{"tenant":'));
    expect(error).toBeInstanceOf(StoredDataError);
    expect(error).toMatchObject({ kind: 'stored-data', paths: [] });
  });

  it('names the paths that do not match, never the stored values', () => {
    const secret = 'jane.roe@example.com';
    const error = failure(() => readJson(Record, JSON.stringify({ tenant: 42, count: secret })));
    expect(error).toBeInstanceOf(StoredDataError);
    expect(error).toMatchObject({ paths: ['tenant', 'count'] });
    expect((error as StoredDataError).message).not.toContain(secret);
  });
});
