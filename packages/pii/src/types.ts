/**
 * Every entity type this package detects, in priority order (earlier wins an overlap tie between
 * spans of equal length). Secrets first (a credentialed URL or a webhook URL is a SECRET, not a
 * URL), then checksum-verified numbers (card, IBAN, wallet), then SSN, EMAIL before URL and
 * IP_ADDRESS (an address is more specific than a link), and the context-only types last.
 */
export const ENTITY_TYPES = [
  'SECRET',
  'CREDIT_CARD',
  'IBAN',
  'CRYPTO_WALLET',
  'SSN',
  'EMAIL',
  'URL',
  'IP_ADDRESS',
  'PHONE',
  'DATE_OF_BIRTH',
  'PERSON',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** A detected span. Offsets are UTF-16 code units into the scanned string (`text.slice(start, end) === value`). */
export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  value: string;
}

/** Lower number = higher priority when two overlapping spans have the same length. */
export const TYPE_PRIORITY: Readonly<Record<EntityType, number>> = Object.fromEntries(ENTITY_TYPES.map((t, i) => [t, i])) as Record<EntityType, number>;
