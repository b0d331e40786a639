// Checksums and structural checks used by the detectors.
import { bbanShapeValid, IBAN_LENGTHS } from './iban-registry';
import { step } from './work';

export { IBAN_LENGTHS };

export function luhnValid(digits: string): boolean {
  step();
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
  /** Inclusive IIN ranges, compared on as many leading digits as the bounds have. */
  ranges: readonly (readonly [number, number])[];
  lengths: readonly number[];
}

const range = (lo: number, hi = lo): readonly [number, number] => [lo, hi];
const between = (min: number, max: number): number[] => Array.from({ length: max - min + 1 }, (_, i) => min + i);

// IIN ranges as published by the networks (summarised on Wikipedia's "Payment card number" page).
// Order matters only for the name reported; any match makes the number a card.
const ISSUERS: readonly Issuer[] = [
  { name: 'visa', ranges: [range(4)], lengths: [13, 16, 19] },
  { name: 'mastercard', ranges: [range(51, 55), range(2221, 2720)], lengths: [16] },
  { name: 'amex', ranges: [range(34), range(37)], lengths: [15] },
  { name: 'discover', ranges: [range(6011), range(644, 649), range(65)], lengths: between(16, 19) },
  { name: 'jcb', ranges: [range(3528, 3589)], lengths: between(16, 19) },
  { name: 'diners', ranges: [range(300, 305), range(3095), range(36), range(38, 39)], lengths: between(14, 19) },
  { name: 'unionpay', ranges: [range(62), range(81)], lengths: between(16, 19) },
  { name: 'maestro', ranges: [range(5018), range(5020), range(5038), range(5893), range(6304), range(6759), range(6761, 6763)], lengths: between(12, 19) },
  { name: 'mir', ranges: [range(2200, 2204)], lengths: between(16, 19) },
  { name: 'uatp', ranges: [range(1)], lengths: [15] },
  { name: 'dankort', ranges: [range(5019)], lengths: [16] },
  { name: 'rupay', ranges: [range(60), range(65), range(81, 82), range(508), range(353), range(356)], lengths: [16] },
  { name: 'troy', ranges: [range(9792)], lengths: [16] },
  { name: 'verve', ranges: [range(506099, 506198), range(650002, 650027), range(507865, 507964)], lengths: [16, 18, 19] },
  { name: 'borica', ranges: [range(2205)], lengths: [16] },
  { name: 'interpayment', ranges: [range(636)], lengths: between(16, 19) },
  { name: 'instapayment', ranges: [range(637, 639)], lengths: [16] },
];

function prefixIn(digits: string, [lo, hi]: readonly [number, number]): boolean {
  const len = String(lo).length;
  const p = Number(digits.slice(0, len));
  return p >= lo && p <= hi;
}

/** The issuer whose prefix and length fit, or undefined. */
export function cardIssuer(digits: string): string | undefined {
  return ISSUERS.find((i) => i.lengths.includes(digits.length) && i.ranges.some((r) => prefixIn(digits, r)))?.name;
}

/** ISO 13616: registered country, length and BBAN structure, then ISO 7064 mod-97 on a compact upper-case IBAN. */
export function ibanValid(compact: string): boolean {
  step();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) || !bbanShapeValid(compact)) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected === undefined || compact.length !== expected) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    const v = c >= 65 ? c - 55 : c - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

/** US SSN validity per SSA rules: no 000/666/9xx area, no 00 group, no 0000 serial, no known public samples. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  step();
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  const joined = area + group + serial;
  // Famous advertising/sample numbers that are not anyone's SSN.
  if (joined === '078051120' || joined === '219099999' || joined === '123456789') return false;
  return true;
}
