/** Lengths of the common prefix and suffix of `a` and `b` (they never overlap). */
function commonEnds(a: string, b: string): { start: number; end: number } {
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return { start, end };
}

/** Cells {@link levenshtein} fills for `a` and `b`: the product of their lengths without common ends. */
export function editCells(a: string, b: string): number {
  const { start, end } = commonEnds(a, b);
  return (a.length - start - end) * (b.length - start - end);
}

/** Levenshtein distance over UTF-16 code units, two rows of memory; common ends cost nothing. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const { start, end } = commonEnds(a, b);
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let previous = Int32Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    const code = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j++) {
      const cost = code === y.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

/** 1 - distance / longer length: 1 for equal strings, 0 for nothing in common. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}
