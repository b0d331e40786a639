/**
 * Prometheus text format helpers for the families that are read from Redis and written by hand.
 * Label values escape backslash, double quote and newline (the text format's rules), so a tenant,
 * model or queue name can never end a sample line or open a new one.
 */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `{name="value",...}` with every value escaped; an empty string for no labels. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}
