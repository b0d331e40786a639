/** Every entity type this package detects, in priority order (earlier wins an overlap tie). */
export const ENTITY_TYPES = [
  'SECRET',
  'CREDIT_CARD',
  'IBAN',
  'SSN',
  'EMAIL',
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
export const TYPE_PRIORITY: Readonly<Record<EntityType, number>> = Object.fromEntries(
  ENTITY_TYPES.map((t, i) => [t, i]),
) as Record<EntityType, number>;
