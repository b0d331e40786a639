import type { CountryCode } from 'libphonenumber-js/max';
import { detectCards } from './detectors/card';
import { detectDatesOfBirth } from './detectors/context';
import { detectPersons } from './detectors/person';
import { detectEmails } from './detectors/email';
import { detectIbans } from './detectors/iban';
import { detectIps } from './detectors/ip';
import { findNumberRuns } from './detectors/number-runs';
import { detectPhones } from './detectors/phone';
import { detectSecrets } from './detectors/secrets';
import { detectSsn } from './detectors/ssn';
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
 * Finds PII and secrets in `text`. Returns non-overlapping entities sorted by start, with offsets
 * in UTF-16 code units (so `text.slice(e.start, e.end) === e.value`).
 */
export function detect(text: string, options: DetectOptions = {}): Entity[] {
  const want = new Set(options.types ?? ENTITY_TYPES);
  const found: Entity[] = [];
  if (want.has('SECRET')) found.push(...detectSecrets(text));
  if (want.has('EMAIL') && text.includes('@')) found.push(...detectEmails(text));
  if (want.has('IBAN')) found.push(...detectIbans(text));
  if (want.has('IP_ADDRESS')) found.push(...detectIps(text));
  if (want.has('CREDIT_CARD') || want.has('PHONE') || want.has('SSN')) {
    const runs = findNumberRuns(text);
    if (want.has('CREDIT_CARD')) found.push(...detectCards(text, runs));
    if (want.has('SSN')) found.push(...detectSsn(text, runs));
    if (want.has('PHONE')) found.push(...detectPhones(text, runs, options.phoneCountries ?? DEFAULT_PHONE_COUNTRIES));
  }
  if (want.has('DATE_OF_BIRTH')) found.push(...detectDatesOfBirth(text));
  if (want.has('PERSON')) found.push(...detectPersons(text));
  return resolveOverlaps(found);
}
