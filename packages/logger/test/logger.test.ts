import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('censors sensitive keys and scrubs PII and secrets from values and messages', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ name: 'test', destination });
    logger.info(
      { req: { headers: { authorization: 'Bearer sk-live-123' } }, apiKey: 'k-123', note: 'mail jane.doe@example.com or call +1 415 555 0132' },
      'card 4111 1111 1111 1111 failed for jane.doe@example.com',
    );
    const written = lines.join('');
    expect(written).not.toMatch(/jane\.doe@example\.com/);
    expect(written).not.toMatch(/4111 1111 1111 1111/);
    expect(written).not.toMatch(/sk-live-123/);
    expect(written).not.toMatch(/k-123/);
    expect(written).toMatch(/\[EMAIL\]/);
    expect(JSON.parse(written).service).toBe('test');
  });

  it('adds mixin fields to every line, and trace ids survive the scrubber', () => {
    const { lines, destination } = capture();
    const ids = { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' };
    const logger = createLogger({ name: 'test', destination, mixin: () => ids });
    logger.info('one');
    logger.child({ jobId: 'inference-1' }).warn('two');
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining(ids),
      expect.objectContaining({ ...ids, jobId: 'inference-1' }),
    ]);
  });

  it('leaves ordinary values alone', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'test', destination }).info({ jobId: 'inference-1234', items: 42 }, 'job completed');
    expect(JSON.parse(lines.join(''))).toMatchObject({ jobId: 'inference-1234', items: 42, msg: 'job completed' });
  });

  it('censors request headers that identify a client or a request, when headers are logged whole', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'test', destination }).info(
      { req: { headers: { 'idempotency-key': 'order-7731-retry', 'x-forwarded-for': '203.0.113.9', accept: 'application/json' } } },
      'request',
    );
    const written = JSON.parse(lines.join('')) as { req: { headers: Record<string, string> } };
    expect(written.req.headers).toEqual({ 'idempotency-key': '[REDACTED]', 'x-forwarded-for': '[REDACTED]', accept: 'application/json' });
  });
});
