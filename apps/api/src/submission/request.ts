import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { createPacer } from '@llmops/limits';
import { HttpError } from '../http/errors';

const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/** 415 unless the body was sent as JSON. */
export function requireJson(req: Request): void {
  if (!req.is('application/json') && !req.is('application/*+json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
}

/** The Idempotency-Key header, checked (the value is never echoed back: it may be anything). */
export function readIdempotencyKey(req: Request): string | undefined {
  const header = req.header('idempotency-key');
  if (header === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_request', `Idempotency-Key header: ${parsed.error.issues[0]?.message}`, {
      issues: [{ path: 'headers.idempotency-key', message: parsed.error.issues[0]?.message }],
    });
  }
  return parsed.data;
}

/** Canonical text gathered before it is fed to the hash: one native call per ~64 KB, not per token. */
const HASH_CHUNK = 64 * 1024;

/**
 * sha256 of JSON with sorted keys, so a retry that re-serialises the same body still matches. Built
 * iteratively (no body depth can overflow the stack) and fed to the hash in chunks, yielding to the
 * event loop between slices of work: a 10 MB body must not hold up other requests.
 */
export async function canonicalHash(root: unknown): Promise<string> {
  const hash = createHash('sha256');
  const pace = createPacer();
  const stack: unknown[] = [root];
  let text = '';
  let steps = 0;
  while (stack.length > 0) {
    if (++steps % 512 === 0) {
      if (text.length >= HASH_CHUNK) {
        hash.update(text);
        text = '';
      }
      await pace();
    }
    const value = stack.pop();
    if (value instanceof Raw) {
      text += value.text;
    } else if (Array.isArray(value)) {
      text += '[';
      stack.push(new Raw(']'));
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push(value[i]);
        if (i > 0) stack.push(new Raw(','));
      }
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length > 1) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      text += '{';
      stack.push(new Raw('}'));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        stack.push(inner);
        stack.push(new Raw(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`));
      }
    } else {
      text += JSON.stringify(value) ?? 'null';
    }
  }
  hash.update(text);
  return hash.digest('hex');
}

/** Literal output queued on the stack; a class, so no body value can pose as one. */
class Raw {
  constructor(readonly text: string) {}
}
