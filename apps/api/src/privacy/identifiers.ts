import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RequestHandler } from 'express';
import { containsPii } from '@llmops/pii';
import { createPacer } from '@llmops/limits';
import { HttpError } from '../http/errors';
import type { FieldDecision } from './field-inventory';

/**
 * True when a PII detector matches anywhere in the value, as written or with the separators ids use
 * (`_ . : / + -`) read as spaces: `card_4111111111111111` hides a card number from a detector that
 * wants it to stand alone. Every type counts but the context-only ones (names, birth dates), which
 * need sentences around them and would refuse ordinary ids.
 */
export function looksPersonal(value: string): boolean {
  if (containsPii(value)) return true;
  const spaced = value.replace(/[_.:/+-]+/g, ' ');
  return spaced !== value && containsPii(spaced);
}

/**
 * Every string found at a path (`a.*.b`, `{}`, `{key}`, `**`) of a JSON value, with its concrete path.
 * Record keys are tenant text, so they appear in paths as `{key}`, never as themselves.
 */
export function stringsAt(root: unknown, path: string): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const walk = (value: unknown, segments: readonly string[], at: string) => {
    if (segments.length === 0) {
      if (typeof value === 'string') out.push({ path: at, value });
      return;
    }
    const [head, ...rest] = segments;
    const join = (key: string) => (at ? `${at}.${key}` : key);
    if (head === '**') {
      // Iterative: a hostile schema may nest deeper than the stack allows.
      const stack: { value: unknown; at: string }[] = [{ value, at }];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (typeof next.value === 'string') out.push({ path: next.at, value: next.value });
        else if (next.value && typeof next.value === 'object') {
          for (const [key, inner] of Object.entries(next.value)) {
            const segment = Array.isArray(next.value) ? key : '{key}';
            const child = next.at ? `${next.at}.${segment}` : segment;
            if (!Array.isArray(next.value)) out.push({ path: child, value: key });
            stack.push({ value: inner, at: child });
          }
        }
      }
      return;
    }
    if (!value || typeof value !== 'object') return;
    if (head === '*' && Array.isArray(value)) value.forEach((inner, i) => walk(inner, rest, join(String(i))));
    else if (head === '{}' && !Array.isArray(value)) for (const inner of Object.values(value)) walk(inner, rest, join('{key}'));
    else if (head === '{key}' && !Array.isArray(value)) for (const key of Object.keys(value)) out.push({ path: join('{key}'), value: key });
    else if (head !== undefined && !Array.isArray(value) && Object.hasOwn(value, head)) walk((value as Record<string, unknown>)[head], rest, join(head));
  };
  walk(root, path.split('.'), '');
  return out;
}

/** 400 naming the field, without echoing its value. */
export function personalDataRefused(path: string): HttpError {
  const message = 'looks like personal data (an email, phone, name, card...); identifiers and patterns must not carry any';
  return new HttpError(400, 'invalid_request', `${path}: ${message}`, { issues: [{ path, message }] });
}

/**
 * Refuses the first identifier or pattern in `value` (at the inventory's paths) that a detector
 * matches. Yields to the event loop between slices of work: a request may carry 10,000 ids.
 */
export async function refusePersonalIdentifiers(value: unknown, fields: Readonly<Record<string, FieldDecision>>, where: string): Promise<void> {
  const pace = createPacer();
  for (const [path, decision] of Object.entries(fields)) {
    if ((decision !== 'identifier' && decision !== 'pattern') || path.startsWith('params.') || path.startsWith('query.')) continue;
    for (const found of stringsAt(value, path)) {
      await pace();
      if (looksPersonal(found.value)) throw personalDataRefused(`${where}.${found.path}`);
    }
  }
}

/**
 * Wraps a route's handler: its JSON body, path parameters and query are checked against the route's
 * inventory entry before it runs. Bodies a handler reads itself (NDJSON) are checked there.
 */
export function withIdentifierCheck(fields: Readonly<Record<string, FieldDecision>>, handler: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    // The body was parsed and shape-checked in this same turn: let other requests in first.
    await nextTurn();
    for (const [path, decision] of Object.entries(fields)) {
      if (decision !== 'identifier' && decision !== 'pattern') continue;
      const [source, name] = path.split('.');
      const raw = source === 'params' ? req.params[name ?? ''] : source === 'query' ? req.query[name ?? ''] : undefined;
      if (typeof raw === 'string' && looksPersonal(raw)) throw personalDataRefused(path);
    }
    if (req.body && typeof req.body === 'object') await refusePersonalIdentifiers(req.body, fields, 'body');
    return handler(req, res, next);
  };
}
