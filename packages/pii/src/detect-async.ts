import { detect, type DetectOptions } from './detect';
import { resolveOverlaps } from './overlap';
import { charge, hasBudget, waitForBudget } from './scan-budget';
import type { Entity } from './types';

/** Options for {@link detectAsync}. */
export interface DetectAsyncOptions extends DetectOptions {
  /** Characters per window; the event loop gets a turn between windows when busy. Default: 65,536. */
  windowSize?: number;
}

/** How windows overlap (DEFAULT_WINDOW); exported for tests that use tiny windows. */
export interface WindowGeometry {
  /** Characters of each window's own range. Default: 65,536. */
  size: number;
  /** Context read before the range (look-behind cues: "SSN", "DOB", "call", "://user:"). Default: 1,024. */
  left: number;
  /** Context read after the range, so an entity starting near its end is seen whole (JWTs reach 12K). Default: 12,288. */
  right: number;
  /** An entity ending this close to the end of what was read may be cut: the next window starts at it. Default: 1,024. */
  margin: number;
}

export const DEFAULT_WINDOW: WindowGeometry = { size: 64 * 1024, left: 1024, right: 12 * 1024, margin: 1024 };

/**
 * `detect()` that never holds the event loop for long: texts longer than one window are scanned in
 * windows (64 KiB by default) with overlapping context, and each window waits for the next turn of
 * the event loop once the process-wide scan budget of the current turn is used (see scan-budget.ts).
 * Entities cut by a window boundary are kept whole: each window owns the entities that START in its
 * range, reads `right` characters past it, and when an entity it owns ends near the end of what it
 * read, the next window starts at that entity instead. Results equal `detect(text)` except for
 * entities longer than a window plus its right context (pathological input).
 */
export async function detectAsync(text: string, options: DetectAsyncOptions = {}): Promise<Entity[]> {
  const geometry = options.windowSize === undefined ? DEFAULT_WINDOW : { ...DEFAULT_WINDOW, size: Math.max(1024, options.windowSize) };
  return detectWindowed(text, options, geometry);
}

export async function detectWindowed(text: string, options: DetectOptions, g: WindowGeometry): Promise<Entity[]> {
  if (text.length <= g.size + g.right) {
    if (!hasBudget()) await waitForBudget();
    const found = detect(text, options);
    charge(text.length);
    return found;
  }
  const out: Entity[] = [];
  let a = 0;
  while (a < text.length) {
    if (!hasBudget()) await waitForBudget();
    let b = splitPoint(text, Math.min(text.length, a + g.size));
    const viewStart = splitPoint(text, Math.max(0, a - g.left));
    const viewEnd = splitPoint(text, Math.min(text.length, b + g.right));
    const found = detect(text.slice(viewStart, viewEnd), options);
    charge(viewEnd - viewStart);
    let kept = found.filter((e) => e.start + viewStart >= a && e.start + viewStart < b);
    if (viewEnd < text.length) {
      const cut = kept.find((e) => e.end + viewStart > viewEnd - g.margin);
      if (cut !== undefined) {
        const at = cut.start + viewStart;
        // Start the next window at the entity; if it began this window, it is longer than a window: keep it as read.
        if (at > a) {
          b = at;
          kept = kept.filter((e) => e.start + viewStart < b);
        } else b = Math.max(b, cut.end + viewStart);
      }
    }
    for (const e of kept) out.push({ type: e.type, start: e.start + viewStart, end: e.end + viewStart, value: e.value });
    a = b;
  }
  return resolveOverlaps(out);
}

// Never split a surrogate pair.
function splitPoint(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i + 1 : i;
}
