const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `$0.0123` with enough digits for small sums (the ledger counts nano-dollars). */
export function usd(value: number): string {
  if (value === 0) return '$0';
  const digits = Math.abs(value) >= 1 ? 2 : Math.min(9, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(value))) + 1));
  return `$${value.toFixed(digits)}`;
}

export function count(value: number): string {
  return integer.format(value);
}

export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/** `2026-11-28 14:03` in the browser's time zone; an em dash for none. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Every UTC day from `from` to `to` inclusive (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** `{done, total}` of a job's progress, whatever its family reports (items, inputs, documents, parts); undefined when it has none. */
export function progressCounts(progress: unknown): { done: number; total: number } | undefined {
  if (!progress || typeof progress !== 'object') return undefined;
  const record = progress as Record<string, unknown>;
  const counts = (value: unknown) => {
    const { done, total } = (value ?? {}) as { done?: unknown; total?: unknown };
    return typeof done === 'number' && typeof total === 'number' ? { done, total } : undefined;
  };
  return counts(record.items) ?? counts(record.inputs) ?? counts(record.documents) ?? counts(record.parts) ?? counts(record);
}
