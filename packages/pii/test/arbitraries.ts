// fast-check generators for texts that embed valid PII among random words, emoji and CJK.
import fc from 'fast-check';

const digits = (n: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

function luhnCheckDigit(body: string): string {
  for (let c = 0; c <= 9; c++) {
    const s = body + c;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let d = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return String(c);
  }
  throw new Error('unreachable');
}

function ibanCheck(country: string, bban: string): string {
  const s = (bban + country + '00').replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of s) rem = (rem * 10 + Number(ch)) % 97;
  return `${country}${String(98 - rem).padStart(2, '0')}${bban}`;
}

export const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
    fc.constantFrom('', '.', '+', '_'),
    fc.stringMatching(/^[a-z0-9]{1,6}$/),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/),
    fc.constantFrom('com', 'org', 'io', 'co.uk', 'de'),
  )
  .map(([a, sep, b, domain, tld]) => `${a}${sep}${b}@${domain}.${tld}`);

export const card = fc.tuple(fc.constantFrom('4', '51', '55', '37', '6011'), fc.boolean()).chain(([prefix, spaced]) => {
  const len = prefix === '37' ? 15 : 16;
  return digits(len - prefix.length - 1).map((body) => {
    const d = prefix + body + luhnCheckDigit(prefix + body);
    if (!spaced) return d;
    return len === 15 ? `${d.slice(0, 4)} ${d.slice(4, 10)} ${d.slice(10)}` : d.replace(/(\d{4})(?=\d)/g, '$1 ');
  });
});

export const iban = fc.oneof(
  digits(18).map((b) => ibanCheck('DE', b)),
  digits(14).map((b) => ibanCheck('NL', `ABNA${b.slice(0, 10)}`)),
  digits(23).map((b) => ibanCheck('FR', b)),
);

export const ssn = fc
  .tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .filter(([a]) => a !== 666)
  .map(([a, g, s]) => `${String(a).padStart(3, '0')}-${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`)
  .filter((v) => v !== '123-45-6789');

export const phone = fc.tuple(fc.constantFrom('212', '415', '646', '312'), fc.integer({ min: 100, max: 199 })).map(([area, line]) => `+1 ${area} 555 0${line}`);

export const ipv4 = fc
  .tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }))
  .map((p) => p.join('.'));

export const secret = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{40}$/).map((s) => `sk-proj-${s}`),
  fc.stringMatching(/^[A-Z0-9]{16}$/).map((s) => `AKIA${s}`),
  fc.stringMatching(/^[A-Za-z0-9]{36}$/).map((s) => `ghp_${s}`),
);

export const url = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'www.'),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
    fc.constantFrom('com', 'org', 'de'),
    fc.stringMatching(/^[a-z0-9/_-]{0,20}$/),
  )
  .map(([scheme, host, tld, path]) => `${scheme}${host}.${tld}/${path}x`);

// Checksum-valid addresses (generated once, see corpus/positives.txt).
export const wallet = fc.constantFrom(
  '1AbBvZAkrB7uMrKJon2CAp8zbSusgv95GW',
  '3HCAcdBdiye6GgNv6aiYzmKqsJGxrbHABN',
  'bc1q0yunkw2unmcyn783u4hy40n338sc9jzaxvdyzt',
  'bc1pa5fcle02f85vltznr9r0vwc4scj9reu969dq0pjq7hemlzskpcgqqf8gr6',
  '0x83e0aF4691e4baDf268B4C9c7370dEA4D238eCd6',
  '0x75136737a2d0df3d4c20ce8ed632edb1f64ffbfb',
);

export const ipv6 = fc.constantFrom('::1', 'fe80::1%eth0', '2001:db8::17', '::ffff:198.51.100.4', '2001:db8:85a3::8a2e:370:7334');

// ---- evasion forms: what an attacker does to a value so that a naive detector misses it ----------

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\u200e', '\u202e'];
/** Zero-width and bidi characters inserted inside the value (not at its edges). */
const withInvisibles = (value: string): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: Math.max(1, value.length - 1) }), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 3 })
    .map((inserts) => {
      const chars = [...value];
      for (const [at, ch] of [...inserts].sort((a, b) => b[0] - a[0])) chars.splice(at, 0, ch);
      return chars.join('');
    });
/** ASCII digits as fullwidth or mathematical bold digits. */
const exoticDigits = (value: string, base: number): string => value.replace(/\d/g, (d) => String.fromCodePoint(base + Number(d)));
const HOMOGLYPHS: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441', x: '\u0445' };
/** Latin letters of the local part swapped for Cyrillic look-alikes. */
const homoglyphs = (address: string): string => {
  const at = address.indexOf('@');
  return [...address.slice(0, at)].map((ch) => HOMOGLYPHS[ch] ?? ch).join('') + address.slice(at);
};

export const evasiveEmail = fc.oneof(
  email.chain(withInvisibles),
  email.map(homoglyphs),
  email.map((e) => e.replace('@', '\uff20')),
);
export const evasiveCard = fc.oneof(
  card.chain(withInvisibles),
  card.map((c) => exoticDigits(c, 0xff10)),
  card.map((c) => exoticDigits(c, 0x1d7ce)),
  fc.tuple(card, fc.constantFrom('.', '/', '\u00a0', '\u2009', '\u2013', '-')).map(([c, sep]) => c.replace(/ /g, sep)),
);
export const evasiveIban = fc.oneof(
  iban.map((i) => i.toLowerCase()),
  iban.map((i) => i.replace(/(.{4})(?=.)/g, '$1-')),
  iban.chain(withInvisibles),
);
export const evasiveSsn = fc.oneof(
  ssn.map((v) => exoticDigits(v, 0xff10)),
  ssn.chain(withInvisibles),
);

/** Any one detectable entity value. */
export const entityValue = fc.oneof(email, card, iban, ssn, phone, ipv4, secret, url, wallet, ipv6);
/** Any one entity value in an evasion form (invisible characters, exotic digits, look-alikes, separators). */
export const evasiveValue = fc.oneof(evasiveEmail, evasiveCard, evasiveIban, evasiveSsn);

const word = fc.oneof(
  fc.constantFrom('the', 'invoice', 'hello', 'and', 'please', 'send', 'to', 'für', 'café', 'naïve', 'réunion'),
  fc.constantFrom('😀', '🎉', '👩‍💻', '🇯🇵', '你好', '谢谢', '東京', '请联系', 'データ', '한국어'),
  fc.stringMatching(/^[a-z]{1,8}$/),
);

/** A text of random words with entity values embedded; also returns the embedded values. */
export const textWithEntities = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: word },
      { weight: 1, arbitrary: entityValue.map((v) => ({ v })) },
      { weight: 1, arbitrary: evasiveValue.map((v) => ({ v })) },
    ),
    { minLength: 1, maxLength: 30 },
  )
  .map((parts) => ({
    // Two space-grouped numbers side by side ("+1 212 555 0100 4000 0000 0000 0002") are ambiguous
    // even to a reader, so adjacent entities get a "; " between them (see README, limits).
    text: parts
      .map((p, i) => (i === 0 ? '' : typeof p !== 'string' && typeof parts[i - 1] !== 'string' ? '; ' : ' ') + (typeof p === 'string' ? p : p.v))
      .join(''),
    values: parts.flatMap((p) => (typeof p === 'string' ? [] : [p.v])),
  }));
