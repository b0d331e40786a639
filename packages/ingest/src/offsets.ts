import type { AppliedEntity } from '@llmops/pii';

/**
 * Where the pseudonymized text differs from the original: one quadruple per replaced span,
 * `[pseudoStart, pseudoEnd, originalStart, originalEnd]`, flattened and in order. Numbers only, so it
 * can travel in a job payload; it lets chunk offsets (computed on the pseudonymized text) be reported
 * in the original document's coordinates, where the owner's restored text lives.
 */
export function replacementSpans(entities: readonly AppliedEntity[]): number[] {
  const spans: number[] = [];
  let shift = 0;
  for (const entity of [...entities].sort((a, b) => a.start - b.start)) {
    const pseudoStart = entity.start + shift;
    const pseudoEnd = pseudoStart + entity.replacement.length;
    spans.push(pseudoStart, pseudoEnd, entity.start, entity.end);
    shift += entity.replacement.length - (entity.end - entity.start);
  }
  return spans;
}

/**
 * A position in the pseudonymized text, in the original's coordinates. A position inside a replaced
 * span maps to the span's start (for a chunk's start) or end (for its end), so a chunk never cuts an
 * original value in half.
 */
export function toOriginalOffset(spans: readonly number[] | undefined, position: number, side: 'start' | 'end'): number {
  if (!spans || spans.length === 0) return position;
  let delta = 0;
  for (let i = 0; i + 3 < spans.length; i += 4) {
    const [pseudoStart, pseudoEnd, originalStart, originalEnd] = [spans[i]!, spans[i + 1]!, spans[i + 2]!, spans[i + 3]!];
    if (position <= pseudoStart) break;
    if (position < pseudoEnd) return side === 'start' ? originalStart : originalEnd;
    delta = originalEnd - pseudoEnd;
  }
  return position + delta;
}
