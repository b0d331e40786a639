import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Entity } from '../types';
import type { NumberRun } from './number-runs';

// Words that make a bare national number clearly a phone number.
const CONTEXT =
  /\b(?:phone|telephone|tel(?:efon)?(?:nummer)?|mobile|cell|call(?: me| us)?|fax|whatsapp|text(?: me)?|sms|reach (?:me|us)|contact|dial|ring|handy|portable)\b[^\n\d]{0,20}$/i;

// US/NANP layouts people actually write: (415) 555-2671, 415-555-2671, 415.555.2671, 1-415-555-2671.
// National numbers with a trunk '0': area code of 2-4 digits, then at least 6 digits ("020 7946 0958", "030 12345678").
const TRUNK_LAYOUT = /^(?:0\d{2,4}|\(0\d{2,4}\)) ?[ -]?\d{3,4}(?:[ -]?\d{3,5})?$/;
const NANP = new Set<string>(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP', 'BS', 'BB', 'JM', 'TT', 'DO']);
const FR_LAYOUT = /^0\d(?:[ .]\d\d){4}$/;
const NANP_LAYOUT = /^(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;

/**
 * Phone numbers via libphonenumber-js (full metadata): "+<country> ..." must be a valid number;
 * national numbers must be valid for one of `countries` and either use a phone layout
 * (NANP grouping, or a leading trunk '0' with separators) or follow a phone word.
 */
export function detectPhones(text: string, runs: NumberRun[], countries: readonly CountryCode[]): Entity[] {
  const out: Entity[] = [];
  for (const run of runs) {
    if (run.digitCount < 7 || (run.digitCount > 15 && !run.plus)) continue;
    // Dates, versions and amounts are dotted/slashed in ways phones rarely are.
    if (run.separators.some((s) => s.includes('/'))) continue;
    const raw = run.raw;
    let valid = false;
    if (run.plus) {
      valid = parsePhoneNumberFromString(raw)?.isValid() === true;
      if (!valid) {
        const prefix = validPlusPrefix(run);
        if (prefix !== undefined) out.push({ type: 'PHONE', start: run.start, end: run.start + prefix.length, value: prefix });
        continue;
      }
    } else {
      const layout = NANP_LAYOUT.test(raw) || (run.groups.length >= 2 && TRUNK_LAYOUT.test(raw)) || FR_LAYOUT.test(raw);
      if (layout || CONTEXT.test(text.slice(Math.max(0, run.start - 40), run.start))) {
        // Outside NANP, a nationally written number starts with the trunk prefix 0; a bare ID does not.
        const trunk = /^\(?0/.test(raw);
        valid = countries.some((c) => (NANP.has(c) || trunk) && parsePhoneNumberFromString(raw, c)?.isValid() === true);
      }
    }
    if (valid) out.push({ type: 'PHONE', start: run.start, end: run.end, value: raw });
  }
  return out;
}

// "+1 415 555 2671 2 times": the longest space-delimited prefix of a '+' run that is a valid number.
function validPlusPrefix(run: NumberRun): string | undefined {
  const cuts: number[] = [];
  // 15 digits with separators fit in 64 chars; looking further would make long runs quadratic.
  const head = run.raw.slice(0, 64);
  for (let i = head.indexOf(' '); i !== -1; i = head.indexOf(' ', i + 1)) cuts.push(i);
  for (const cut of cuts.reverse()) {
    const candidate = head.slice(0, cut).replace(/[ .(-]+$/, '');
    if (candidate.replace(/\D/g, '').length > 15 || !/\d$/.test(candidate)) continue;
    if (candidate.replace(/\D/g, '').length < 7) break;
    if (parsePhoneNumberFromString(candidate)?.isValid() === true) return candidate;
  }
  return undefined;
}
