import { describe, expect, it } from 'vitest';
import { base58CheckVersion, cardIssuer, detect, eip55Valid, ibanValid, luhnValid, segwitHrp } from '../src/index';

const found = (text: string) => detect(text).map((e) => [e.type, e.value]);

describe('URL', () => {
  it('finds http(s), ftp and www links and trims sentence punctuation and unbalanced brackets', () => {
    expect(found('see https://example.com/a?b=1, then (www.example.org/x).')).toEqual([
      ['URL', 'https://example.com/a?b=1'],
      ['URL', 'www.example.org/x'],
    ]);
    expect(found('wiki https://en.wikipedia.org/wiki/Foo_(bar).')).toEqual([['URL', 'https://en.wikipedia.org/wiki/Foo_(bar)']]);
    expect(found('ftp://files.example.net/pub/a.pdf')).toEqual([['URL', 'ftp://files.example.net/pub/a.pdf']]);
  });

  it('makes a URL with credentials or a credential-like parameter a SECRET', () => {
    expect(found('get https://s3.example.com/k?X-Amz-Signature=abc123def456')[0]?.[0]).toBe('SECRET');
    expect(found('get https://api.example.com/v1?access_token=abcdef123')[0]?.[0]).toBe('SECRET');
    expect(found('clone https://ghp_0123456789abcdefghijABCDEFGHIJ012345@github.com/a/b')[0]?.[0]).toBe('SECRET');
    expect(found('get https://api.example.com/v1?page=2&sort=name')[0]?.[0]).toBe('URL');
  });

  it('needs a host: no URL from a bare scheme', () => {
    expect(found('the prefix http:// alone, or https://x')).toEqual([]);
  });

  it('when URL is not requested, the PII inside a link is still found (a kept URL never hides an email)', () => {
    const text = 'profile https://example.com/u?email=jane@example.org';
    expect(detect(text, { types: ['EMAIL'] }).map((e) => e.value)).toEqual(['jane@example.org']);
    expect(found(text)).toEqual([['URL', 'https://example.com/u?email=jane@example.org']]);
  });
});

describe('crypto wallets', () => {
  it('verifies Base58Check (Bitcoin P2PKH/P2SH, Litecoin, Dogecoin) and rejects a changed character', () => {
    expect(base58CheckVersion('1AbBvZAkrB7uMrKJon2CAp8zbSusgv95GW')).toBe(0);
    expect(base58CheckVersion('3HCAcdBdiye6GgNv6aiYzmKqsJGxrbHABN')).toBe(5);
    expect(base58CheckVersion('1AbBvZAkrB7uMrKJon2CAp8zbSusgv95GX')).toBeUndefined();
    expect(found('to 1AbBvZAkrB7uMrKJon2CAp8zbSusgv95GX')).toEqual([]);
  });

  it('verifies bech32 (v0) and bech32m (v1+) checksums and program lengths', () => {
    expect(segwitHrp('bc1q0yunkw2unmcyn783u4hy40n338sc9jzaxvdyzt')).toBe('bc');
    expect(segwitHrp('bc1pa5fcle02f85vltznr9r0vwc4scj9reu969dq0pjq7hemlzskpcgqqf8gr6')).toBe('bc');
    expect(segwitHrp('bc1q0yunkw2unmcyn783u4hy40n338sc9jzaxvdyzq')).toBeUndefined();
    // A v1 program with the v0 (bech32) constant is rejected (BIP 350).
    expect(segwitHrp('bc1q0yunkw2unmcyn783u4hy40n338sc9jzaxvdyzt'.replace('1q', '1p'))).toBeUndefined();
  });

  it('checks EIP-55 on mixed-case Ethereum addresses with Keccak-256 (not SHA3-256)', () => {
    expect(eip55Valid('52908400098527886E0F7030069857D2E4169EE7')).toBe(true);
    expect(eip55Valid('8617E340B3D01FA5F11F306F4090FD50E238070D')).toBe(true);
    expect(eip55Valid('de709f2102306220921060314715629080e2fb77')).toBe(true);
    expect(eip55Valid('52908400098527886E0F7030069857D2E4169Ee7')).toBe(false);
    expect(found('pay 0x52908400098527886E0F7030069857D2E4169Ee7')).toEqual([]);
    expect(found('pay 0xde709f2102306220921060314715629080e2fb77.')).toEqual([['CRYPTO_WALLET', '0xde709f2102306220921060314715629080e2fb77']]);
  });

  it('does not take a 64-digit transaction hash or a SHA-256 for an address', () => {
    expect(found('tx 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060')).toEqual([]);
  });
});

describe('IPv6', () => {
  it('finds every RFC 5952 form: loopback, link-local with zone, compressed, embedded IPv4, bracketed', () => {
    expect(found('a ::1 b fe80::1%eth0 c [2001:db8::17]:443 d ::ffff:198.51.100.4 e 2001:db8:0:0:1:0:0:1.')).toEqual([
      ['IP_ADDRESS', '::1'],
      ['IP_ADDRESS', 'fe80::1%eth0'],
      ['IP_ADDRESS', '2001:db8::17'],
      ['IP_ADDRESS', '::ffff:198.51.100.4'],
      ['IP_ADDRESS', '2001:db8:0:0:1:0:0:1'],
    ]);
  });

  it('leaves code, times and MAC addresses alone', () => {
    expect(found('std::vector a[1::2] Foo::Bar 10:30:00 00:1A:2B:3C:4D:5E dead::beef')).toEqual([]);
  });
});

describe('IBAN registry', () => {
  it('knows the newer registry countries (Libya, Russia, ...) and checks the BBAN structure', () => {
    expect(ibanValid('LY39094697732700848621055')).toBe(true);
    expect(ibanValid('RU0960220112814907K16R472340CYE2U')).toBe(true);
    // Right length and mod-97, wrong structure: Italy's BBAN starts with a letter.
    expect(ibanValid('IT84514846564823662994680' + '44')).toBe(false);
  });
});

describe('cards', () => {
  it('knows UATP, Dankort, Mir, RuPay, UnionPay, Maestro, Troy, Verve issuer ranges', () => {
    const cases: [string, string][] = [
      ['163696618787376', 'uatp'],
      ['5019984481133596', 'dankort'],
      ['2200506362344947', 'mir'],
      ['5085960663862797', 'rupay'],
      ['6238284403787958308', 'unionpay'],
      ['6759588344183060', 'maestro'],
      ['9792301117773247', 'troy'],
      ['5060999308392256', 'verve'],
    ];
    for (const [digits, issuer] of cases) expect([digits, luhnValid(digits), cardIssuer(digits)]).toEqual([digits, true, issuer]);
    expect(found('UATP 1636 96618 787376 ok')).toEqual([['CREDIT_CARD', '1636 96618 787376']]);
  });

  it('does not mix separators or accept phone-like groupings', () => {
    expect(found('ref 4111.1111-1111 1111 and 411 111 111 111 1111')).toEqual([]);
  });
});

describe('SSN without a cue', () => {
  it('counts a bare 9-digit number that passes the SSA rules', () => {
    expect(found('The W-2 lists 646808124 for her.')).toEqual([['SSN', '646808124']]);
  });
  it('not when another kind of number is named, a unit follows, or the SSA rules fail', () => {
    expect(found('Order 646808124, account 646808124, 646808124 bytes, $646808124, 966808124, 646008124')).toEqual([]);
  });
});

describe('obfuscated emails', () => {
  it('reads bracket and parenthesis forms', () => {
    expect(found('jane [at] example [dot] com or bob(at)mail(dot)org')).toEqual([
      ['EMAIL', 'jane [at] example [dot] com'],
      ['EMAIL', 'bob(at)mail(dot)org'],
    ]);
  });
  it('not the bare words, which are ordinary English', () => {
    expect(found('look at google dot com, meet (at) noon')).toEqual([]);
  });
});
