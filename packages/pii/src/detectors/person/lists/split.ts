/** Builds a lower-cased set from whitespace-separated words ("_" stands for a space inside an entry). */
export function wordSet(...lists: string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const list of lists) for (const w of list.split(/\s+/)) if (w) out.add(w.replace(/_/g, ' ').toLowerCase());
  return out;
}
