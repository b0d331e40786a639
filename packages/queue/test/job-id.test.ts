import { describe, expect, it } from 'vitest';
import { idempotentJobId, newJobId, queueOfJobId } from '../src';

describe('job ids', () => {
  it('carry their queue, so the id alone finds the job', () => {
    const id = newJobId('cache-warm');
    expect(queueOfJobId(id, ['inference', 'cache-warm'])).toBe('cache-warm');
    expect(queueOfJobId(id, ['inference'])).toBeUndefined();
    expect(queueOfJobId('cache-warm-not-a-uuid', ['cache-warm'])).toBeUndefined();
  });

  it('derive idempotent ids from tenant, queue and key only', () => {
    const a = idempotentJobId('inference', 'alice', 'k1');
    expect(idempotentJobId('inference', 'alice', 'k1')).toBe(a);
    expect(idempotentJobId('inference', 'bob', 'k1')).not.toBe(a);
    expect(idempotentJobId('inference', 'alice', 'k2')).not.toBe(a);
    expect(queueOfJobId(a, ['inference'])).toBe('inference');
  });
});
