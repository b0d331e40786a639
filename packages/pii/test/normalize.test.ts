import { describe, expect, it } from 'vitest';
import { defaultPolicy, detect, normalizedView, redact } from '../src/index';

const ZWSP = '\u200b';
const found = (text: string) => detect(text).map((e) => [e.type, e.value]);

describe('normalized view', () => {
  it('returns plain ASCII as is, with no offset map (the fast path)', () => {
    const v = normalizedView('mail jane@example.com, card 4111 1111 1111 1111');
    expect(v.map).toBeUndefined();
    expect(v.text).toBe('mail jane@example.com, card 4111 1111 1111 1111');
  });

  it('applies NFKC, drops invisibles, unifies separators and maps every offset back', () => {
    const original = `a${ZWSP}b ４２ x\u00a0y 1\u20132 ﬁ 𝟏`;
    const v = normalizedView(original);
    expect(v.text).toBe('ab 42 x y 1-2 fi 1');
    const map = v.map!;
    // 'b' comes after the dropped zero-width space; 'i' of the ligature maps onto the ligature itself.
    expect(map.start(v.text.indexOf('b'))).toBe(original.indexOf('b'));
    expect(map.start(v.text.indexOf('i'))).toBe(original.indexOf('ﬁ'));
    expect(map.end(v.text.length)).toBe(original.length);
    expect(map.start(v.text.length - 1)).toBe(original.indexOf('𝟏'));
  });

  it('folds Cyrillic and Greek look-alikes only in chunks that also hold ASCII letters or digits', () => {
    expect(normalizedView('j\u0430ne@example.com').text).toBe('jane@example.com');
    expect(normalizedView('j\u03bfhn').text).toBe('john');
    // Russian and Greek prose is left alone.
    expect(normalizedView('Москва и Санкт-Петербург').text).toBe('Москва и Санкт-Петербург');
    expect(normalizedView('Καλημέρα κόσμε').text).toBe('Καλημέρα κόσμε');
  });

  it('leaves CJK and emoji untouched (no offset map needed)', () => {
    expect(normalizedView('東京 のチームは 😀 新しい').map).toBeUndefined();
  });
});

describe('detection through evasion forms', () => {
  it('finds an email with zero-width characters inside and reports the original characters', () => {
    const text = `write to ja${ZWSP}ne@exa\u200dmple.com today`;
    const [e] = detect(text);
    expect(e?.type).toBe('EMAIL');
    expect(e?.value).toBe(`ja${ZWSP}ne@exa\u200dmple.com`);
    expect(text.slice(e!.start, e!.end)).toBe(e!.value);
  });

  it('redaction removes the invisible characters inside the entity too', () => {
    const text = `card 4111${ZWSP}1111${ZWSP}1111${ZWSP}1111 ok`;
    expect(redact(text, defaultPolicy).text).toBe('card [CREDIT_CARD] ok');
  });

  it('reads fullwidth and mathematical digits', () => {
    expect(found('card ４１１１ １１１１ １１１１ １１１１.')).toEqual([['CREDIT_CARD', '４１１１ １１１１ １１１１ １１１１']]);
    expect(found('ssn 𝟓𝟑𝟔-22-8714')).toEqual([['SSN', '𝟓𝟑𝟔-22-8714']]);
  });

  it('reads card numbers separated by dots, slashes, no-break spaces, thin spaces and dashes', () => {
    for (const sep of ['.', '/', '\u00a0', '\u2009', '\u2013', '\u2011', ' - ']) {
      const card = ['4111', '1111', '1111', '1111'].join(sep);
      expect(found(`pay with ${card} now`)).toEqual([['CREDIT_CARD', card]]);
    }
  });

  it('reads IBANs in lower case, with spaces, dashes or nothing between groups', () => {
    for (const iban of ['de89370400440532013000', 'de89 3704 0044 0532 0130 00', 'DE89-3704-0044-0532-0130-00', 'De89 3704 0044 0532 0130 00']) {
      expect(found(`to ${iban}.`)).toEqual([['IBAN', iban]]);
    }
  });

  it('reads homoglyph addresses (Cyrillic a, Greek omicron) and keeps the original value', () => {
    expect(found('mail p\u0430ypal@ex\u0430mple.com')).toEqual([['EMAIL', 'p\u0430ypal@ex\u0430mple.com']]);
    expect(found('mail j\u03bfhn@example.org')).toEqual([['EMAIL', 'j\u03bfhn@example.org']]);
  });

  it('reads a fullwidth at sign and a fullwidth dot', () => {
    expect(found('mail anna＠example．com')).toEqual([['EMAIL', 'anna＠example．com']]);
  });

  it('reports offsets of the original text when expansions come before the entity', () => {
    const text = 'ﬁﬁﬁ ½ ① then jane@example.com';
    const [e] = detect(text);
    expect(e && text.slice(e.start, e.end)).toBe('jane@example.com');
  });
});
