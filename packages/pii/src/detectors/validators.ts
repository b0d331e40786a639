// Checksums and structural checks used by the detectors.

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

interface Issuer {
  name: string;
  prefix: (d: string) => boolean;
  lengths: number[];
}

const n = (d: string, len: number): number => Number(d.slice(0, len));

const ISSUERS: Issuer[] = [
  { name: 'visa', prefix: (d) => d.startsWith('4'), lengths: [13, 16, 19] },
  { name: 'mastercard', prefix: (d) => (n(d, 2) >= 51 && n(d, 2) <= 55) || (n(d, 4) >= 2221 && n(d, 4) <= 2720), lengths: [16] },
  { name: 'amex', prefix: (d) => d.startsWith('34') || d.startsWith('37'), lengths: [15] },
  {
    name: 'discover',
    prefix: (d) => d.startsWith('6011') || d.startsWith('65') || (n(d, 3) >= 644 && n(d, 3) <= 649),
    lengths: [16, 19],
  },
  { name: 'jcb', prefix: (d) => n(d, 4) >= 3528 && n(d, 4) <= 3589, lengths: [16, 17, 18, 19] },
  { name: 'diners', prefix: (d) => (n(d, 3) >= 300 && n(d, 3) <= 305) || d.startsWith('36') || d.startsWith('38'), lengths: [14, 16, 19] },
  { name: 'unionpay', prefix: (d) => d.startsWith('62'), lengths: [16, 17, 18, 19] },
  { name: 'maestro', prefix: (d) => ['5018', '5020', '5038', '6304', '6759', '6761', '6763'].includes(d.slice(0, 4)), lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

/** The issuer whose prefix and length fit, or undefined. */
export function cardIssuer(digits: string): string | undefined {
  return ISSUERS.find((i) => i.lengths.includes(digits.length) && i.prefix(digits))?.name;
}

/** IBAN lengths per country (SWIFT IBAN registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27,
  GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24,
  ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24,
  TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** ISO 13616 mod-97 check on a compact, upper-case IBAN. */
export function ibanValid(compact: string): boolean {
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected === undefined || compact.length !== expected) return false;
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const c = ch.charCodeAt(0);
    const v = c >= 65 ? c - 55 : c - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

/** US SSN validity per SSA rules: no 000/666/9xx area, no 00 group, no 0000 serial, no known public samples. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  const joined = area + group + serial;
  // Famous advertising/sample numbers that are not anyone's SSN.
  if (joined === '078051120' || joined === '219099999' || joined === '123456789') return false;
  return true;
}
