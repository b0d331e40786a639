import type { CountryCode } from 'libphonenumber-js/max';
import { detectCards } from './detectors/card';
import { detectDatesOfBirth } from './detectors/context';
import { detectWallets } from './detectors/crypto-wallet';
import { detectEmails } from './detectors/email';
import { detectIbans } from './detectors/iban';
import { detectIps } from './detectors/ip';
import { findNumberRuns } from './detectors/number-runs';
import { detectPersons } from './detectors/person';
import { detectPhones } from './detectors/phone';
import { detectSecrets } from './detectors/secrets';
import { detectSsn } from './detectors/ssn';
import { detectUrls, mayHaveUrl } from './detectors/url';
import { normalizedView, type NormalizedView } from './normalize/view';
import { resolveOverlaps } from './overlap';
import { ENTITY_TYPES, type Entity, type EntityType } from './types';

/** Options for {@link detect}. */
export interface DetectOptions {
  /** Entity types to look for. Default: all of ENTITY_TYPES. */
  types?: readonly EntityType[];
  /**
   * Countries whose national phone formats are recognised (numbers written with "+" are always
   * recognised). Default: ['US', 'GB', 'DE', 'FR'].
   */
  phoneCountries?: readonly CountryCode[];
}

export const DEFAULT_PHONE_COUNTRIES: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR'];

/**
 * Finds PII and secrets in `text`. Detection runs on a normalized view (NFKC, invisible characters
 * removed, Unicode separators unified, look-alike letters folded; see normalize/view.ts) and the
 * offsets are mapped back, so entities are non-overlapping, sorted by start, with offsets in UTF-16
 * code units of the ORIGINAL text: `text.slice(e.start, e.end) === e.value`, including any
 * zero-width characters hidden inside the entity.
 */
export function detect(text: string, options: DetectOptions = {}): Entity[] {
  const view = normalizedView(text);
  return toOriginal(text, view, scanNormalized(view.text, wanted(options), options.phoneCountries ?? DEFAULT_PHONE_COUNTRIES));
}

export function wanted(options: DetectOptions): ReadonlySet<EntityType> {
  return new Set(options.types ?? ENTITY_TYPES);
}

/** Maps entities found in a view back onto the original text (identity when nothing was normalized). */
export function toOriginal(original: string, view: NormalizedView, found: readonly Entity[]): Entity[] {
  const map = view.map;
  if (map === undefined) return [...found];
  return found.map((e) => {
    const start = map.start(e.start);
    const end = map.end(e.end);
    return { type: e.type, start, end, value: original.slice(start, end) };
  });
}

/**
 * Runs every wanted detector over an already normalized text and resolves overlaps. Offsets are
 * into `text`. Detectors whose trigger characters are absent are skipped (no '@', no '://').
 */
export function scanNormalized(text: string, want: ReadonlySet<EntityType>, phoneCountries: readonly CountryCode[]): Entity[] {
  const found: Entity[] = [];
  const add = (list: readonly Entity[]) => {
    for (const e of list) found.push(e);
  };
  const secrets = want.has('SECRET') ? detectSecrets(text).sort((a, b) => a.start - b.start) : [];
  add(secrets);
  if ((want.has('URL') || want.has('SECRET')) && mayHaveUrl(text)) {
    const urls = detectUrls(text, { url: want.has('URL'), secret: want.has('SECRET') });
    add(want.has('SECRET') ? urls.map((u) => (u.type === 'URL' && containsAny(secrets, u) ? { ...u, type: 'SECRET' as const } : u)) : urls);
  }
  if (want.has('EMAIL')) add(detectEmails(text));
  if (want.has('IBAN')) add(detectIbans(text));
  if (want.has('CRYPTO_WALLET')) add(detectWallets(text));
  if (want.has('IP_ADDRESS')) add(detectIps(text));
  if (want.has('CREDIT_CARD') || want.has('PHONE') || want.has('SSN')) {
    const runs = findNumberRuns(text);
    if (runs.length > 0) {
      if (want.has('CREDIT_CARD')) add(detectCards(text, runs));
      if (want.has('SSN')) add(detectSsn(text, runs));
      if (want.has('PHONE')) add(detectPhones(text, runs, phoneCountries));
    }
  }
  if (want.has('DATE_OF_BIRTH')) add(detectDatesOfBirth(text));
  if (want.has('PERSON')) add(detectPersons(text));
  return resolveOverlaps(found);
}

// A URL that holds a token of a known shape (".../hook/ghp_...") is itself a SECRET. URLs never
// overlap each other, so each secret is looked at for one URL at most: O((urls + secrets) log secrets).
function containsAny(sortedSecrets: readonly Entity[], url: Entity): boolean {
  let lo = 0;
  let hi = sortedSecrets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedSecrets[mid]?.start ?? 0) < url.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sortedSecrets.length; i++) {
    const s = sortedSecrets[i];
    if (s === undefined || s.start >= url.end) break;
    if (s.end <= url.end) return true;
  }
  return false;
}
