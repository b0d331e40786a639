import { TYPE_PRIORITY, type Entity } from './types';

/**
 * Keeps a non-overlapping subset, deterministically: longer span wins, then higher-priority type
 * (see ENTITY_TYPES), then earlier start. Result is sorted by start.
 */
export function resolveOverlaps(candidates: readonly Entity[]): Entity[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || TYPE_PRIORITY[a.type] - TYPE_PRIORITY[b.type] || a.start - b.start);
  const kept: Entity[] = [];
  for (const c of ranked) {
    // kept is small per document region; a sorted interval check keeps this O(k log k) overall.
    if (!overlapsAny(kept, c)) insertSorted(kept, c);
  }
  return kept;
}

function overlapsAny(sorted: Entity[], c: Entity): boolean {
  const i = lowerBound(sorted, c.start);
  const prev = sorted[i - 1];
  const next = sorted[i];
  return (prev !== undefined && prev.end > c.start) || (next !== undefined && next.start < c.end);
}

function insertSorted(sorted: Entity[], c: Entity): void {
  sorted.splice(lowerBound(sorted, c.start), 0, c);
}

// First index whose start is >= pos.
function lowerBound(sorted: Entity[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.start ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
