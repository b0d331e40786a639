/** The deepest nesting a request body may have (objects and arrays; the body itself is level 1). */
export const MAX_JSON_DEPTH = 32;

/** Keys no body may carry: they only matter to code that merges objects unsafely. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

export interface JsonProblem {
  /** e.g. `body.filter.and.0.and…` (the first few segments, then an ellipsis). */
  path: string;
  message: string;
  limit?: number;
}

const SHOWN_SEGMENTS = 6;

/**
 * Finds the first place a parsed body nests deeper than `maxDepth` or carries a forbidden key.
 * Iterative (an explicit stack), so a body nested 100,000 deep cannot overflow the call stack here
 * -- which is exactly what it would do to zod or a recursive walk afterwards.
 */
export function findJsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined {
  const stack: Frame[] = [{ value, depth: 1, path: ['body'], cut: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.value === null || typeof frame.value !== 'object') continue;
    if (frame.depth > maxDepth) return { path: showPath(frame), message: `nested deeper than ${maxDepth} levels`, limit: maxDepth };
    const children: [string, unknown][] = Array.isArray(frame.value)
      ? frame.value.map((child, index) => [String(index), child])
      : Object.entries(frame.value as Record<string, unknown>);
    for (const [key, child] of children) {
      const cut = frame.cut || frame.path.length > SHOWN_SEGMENTS;
      const next: Frame = { value: child, depth: frame.depth + 1, path: cut ? frame.path : [...frame.path, key], cut };
      if (FORBIDDEN_KEYS.has(key)) return { path: showPath(next), message: `the key "${key}" is not allowed` };
      stack.push(next);
    }
  }
  return undefined;
}

interface Frame {
  value: unknown;
  depth: number;
  /** The first segments of the path (`body`, keys, indexes). */
  path: readonly string[];
  /** True when segments past `path` were left out. */
  cut: boolean;
}

function showPath(frame: Frame): string {
  const shown = frame.path.map((segment) => (/^[A-Za-z0-9_-]{1,64}$/.test(segment) ? segment : '*')).join('.');
  return frame.cut ? `${shown}…` : shown;
}
