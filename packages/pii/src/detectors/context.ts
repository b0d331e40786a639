import type { Entity } from '../types';

// Dates written the usual ways: ISO, numeric with / . -, and with English month names.
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE =
  `(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH},? \\d{4})`;
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

// One to four capitalised words: "Jane", "Mary-Anne O'Neil", "José García", "McDonald". No newline inside.
const NAME = "\\p{Lu}[\\p{L}'’\\-]{0,30}(?:[ \\t]\\p{Lu}[\\p{L}'’\\-]{0,30}){0,3}";
const HONORIFIC = '(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Madam|Herr|Frau|Mme|Mlle|M)\\.?';
// Case-insensitive keyword without the 'i' flag, which would make \p{Lu} match lower case too.
const ci = (words: string): string =>
  words.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);

const NAME_PATTERNS: RegExp[] = [
  // "Name: Jane Doe", "Full name - Jane Doe", "Patient: ...", "Customer name: ..."
  // Not after another Latin word ("class name: HttpClient", "file name: Report").
  new RegExp(
    `(?<![A-Za-z0-9_][ \\t])\\b(?:${ci('full |first |last |customer |patient |account holder |cardholder |employee |contact ')})?(?:${ci('name|patient|cardholder|account holder')})\\s{0,3}[:=\\-]\\s{0,3}(?:${HONORIFIC} )?(${NAME})`,
    'gdu',
  ),
  // "Dear Jane," / "Dear Dr. Jane Doe"
  new RegExp(`\\b(?:Dear|Hi|Hello)[ \\t]+(?:${HONORIFIC} )?(${NAME})(?=[ \\t]*[,:!\\n])`, 'gdu'),
  // "Mr. Smith", "Dr Jane Doe"
  new RegExp(`(?<![\\p{L}])${HONORIFIC}[ \\t]+(${NAME})`, 'gdu'),
  // "my name is Jane Doe"; "I am Jane" is too ambiguous, only the explicit phrase counts.
  new RegExp(`\\b(?:${ci("my name is|my name's|signed")}),?[ \\t]+(${NAME})`, 'gdu'),
  // Signatures: "Best regards,\\nJane Doe" on its own line.
  new RegExp(
    `\\b(?:${ci('regards|sincerely|thanks|thank you|cheers|best|yours truly|yours|best wishes')}),?[ \\t]*\\r?\\n[ \\t]*(${NAME})[ \\t]*(?=\\r?\\n|$)`,
    'gdu',
  ),
];

// Capitalised words that follow these cues but are not names.
const NOT_NAMES = new Set(
  ('customer customers sir madam team all there everyone friends colleagues user users member members client clients ' +
    'partner partners applicant applicants parent parents guest guests manager support sales hiring valued ' +
    'the this that your our my his her their it we you is was world phone email e-mail address dob date ssn tel ' +
    'mobile account card iban id number order').split(' '),
);

/** Person names where the context makes them clear: labels, salutations, honorifics, signatures. */
export function detectPersons(text: string): Entity[] {
  const out: Entity[] = [];
  for (const re of NAME_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const span = m.indices?.[1];
      const raw = m[1];
      if (!span || raw === undefined) continue;
      const words = raw.split(/[ \t]+/);
      // Stop at the first word that is a known non-name ("Dear Customer Support").
      const keep: string[] = [];
      for (const w of words) {
        if (NOT_NAMES.has(w.toLowerCase())) break;
        keep.push(w);
      }
      if (keep.length === 0) continue;
      const value = keep.join(' ').replace(/['’-]+$/, '');
      if (value.length < 2 || text.slice(span[0], span[0] + value.length) !== value) continue;
      out.push({ type: 'PERSON', start: span[0], end: span[0] + value.length, value });
    }
  }
  return out;
}
