import type { Entity } from '../types';

// Dates written the usual ways: ISO, numeric with / . -, and with English month names.
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH},? \\d{4})`;
const DOB = new RegExp(
  `\\b(?:date of birth|birth ?date|birthday|d\\.?o\\.?b\\.?|born(?: on)?|geboren(?: am)?|née? le)\\s{0,3}(?:is|was|[:=\\-])?\\s{0,3}(?:on\\s)?(?:the\\s)?(${DATE})(?![\\w/.\\-]\\d)`,
  'gid',
);

/** Dates of birth: a date right after "DOB", "date of birth", "born (on)", "birthday". */
export function detectDatesOfBirth(text: string): Entity[] {
  const out: Entity[] = [];
  DOB.lastIndex = 0;
  for (let m = DOB.exec(text); m !== null; m = DOB.exec(text)) {
    const span = m.indices?.[1];
    if (span) out.push({ type: 'DATE_OF_BIRTH', start: span[0], end: span[1], value: text.slice(span[0], span[1]) });
  }
  return out;
}
