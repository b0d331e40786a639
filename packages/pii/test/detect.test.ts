import { describe, expect, it } from 'vitest';
import { cardIssuer, detect, ibanValid, luhnValid, resolveOverlaps, ssnValid } from '../src/index';
import type { Entity } from '../src/index';

const found = (text: string) => detect(text).map((e) => [e.type, e.value]);

describe('validators', () => {
  it('Luhn accepts test cards and rejects a one-digit change', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(cardIssuer('378282246310005')).toBe('amex');
    expect(cardIssuer('9111111111111111')).toBeUndefined();
  });
  it('IBAN checks mod-97 and the country length', () => {
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false);
    expect(ibanValid('XX89370400440532013000')).toBe(false);
  });
  it('SSN rejects 000, 666, 9xx areas, 00 groups, 0000 serials', () => {
    expect(ssnValid('536', '22', '8714')).toBe(true);
    for (const [a, g, s] of [
      ['000', '12', '3456'],
      ['666', '12', '3456'],
      ['912', '12', '3456'],
      ['123', '00', '4567'],
      ['123', '45', '0000'],
    ] as const) {
      expect(ssnValid(a, g, s)).toBe(false);
    }
  });
});

describe('detect', () => {
  it('reports UTF-16 offsets that slice back to the value around emoji and CJK', () => {
    const text = '👩‍💻🇯🇵 联系 jane@example.com 😀 or 4111 1111 1111 1111 東京';
    const entities = detect(text);
    expect(entities.map((e) => e.type)).toEqual(['EMAIL', 'CREDIT_CARD']);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.value);
  });

  it('takes a credentialed link as one SECRET, and the credentials of other schemes as a SECRET, not an email', () => {
    expect(found('https://bob:pa55word@example.com/x')).toEqual([['SECRET', 'https://bob:pa55word@example.com/x']]);
    expect(found('postgres://bob:pa55word@db.example.com/x')).toEqual([['SECRET', 'bob:pa55word']]);
  });

  it('keeps IPv6 over the embedded IPv4 (longer span wins)', () => {
    expect(found('from ::ffff:192.0.2.128 today')).toEqual([['IP_ADDRESS', '::ffff:192.0.2.128']]);
  });

  it('reads two numbers written side by side as two entities', () => {
    expect(found('ssn 536-22-8714 4111111111111111')).toEqual([
      ['SSN', '536-22-8714'],
      ['CREDIT_CARD', '4111111111111111'],
    ]);
  });

  it('finds a private key block even when its END line is missing', () => {
    const text = 'key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nabc+/=\n\nnext paragraph';
    const [e] = detect(text);
    expect(e?.type).toBe('SECRET');
    expect(e?.value.endsWith('abc+/=')).toBe(true);
  });

  it('only looks for the requested types', () => {
    expect(detect('jane@example.com 4111111111111111', { types: ['CREDIT_CARD'] }).map((e) => e.type)).toEqual(['CREDIT_CARD']);
  });

  it('recognises national phone formats only for the configured countries', () => {
    expect(found('Tel: 030 12345678')).toEqual([['PHONE', '030 12345678']]);
    expect(detect('Tel: 030 12345678', { phoneCountries: ['US'] })).toEqual([]);
  });

  it('does not take JSON-looking base64 without a JWT header for a token', () => {
    expect(detect('eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlc2ln')).toEqual([]);
  });
});

describe('resolveOverlaps', () => {
  const e = (type: Entity['type'], start: number, end: number): Entity => ({ type, start, end, value: 'x'.repeat(end - start) });
  it('prefers the longer span, then the higher-priority type, then the earlier start', () => {
    expect(resolveOverlaps([e('PHONE', 0, 10), e('EMAIL', 5, 20)])).toEqual([e('EMAIL', 5, 20)]);
    expect(resolveOverlaps([e('PHONE', 0, 10), e('CREDIT_CARD', 0, 10)])).toEqual([e('CREDIT_CARD', 0, 10)]);
    expect(resolveOverlaps([e('PHONE', 5, 15), e('PHONE', 0, 10)])).toEqual([e('PHONE', 0, 10)]);
  });
  it('is independent of input order and returns entities sorted by start', () => {
    const input = [e('PHONE', 30, 40), e('EMAIL', 0, 10), e('SSN', 8, 14), e('IBAN', 12, 31)];
    const a = resolveOverlaps(input);
    expect(resolveOverlaps([...input].reverse())).toEqual(a);
    expect(a).toEqual([e('EMAIL', 0, 10), e('IBAN', 12, 31)]);
  });
});

describe('phone prefixes', () => {
  it('takes the valid "+" number at the start of a longer digit run', () => {
    expect(found('call +1 415 555 2671 2 times')).toEqual([['PHONE', '+1 415 555 2671']]);
  });
});
