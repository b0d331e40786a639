import { formatCount, GradeLimitError } from './limits';

// The meter of the validation running now: validation is synchronous, so one slot is enough.
let current: { left: number; budget: number } | null = null;

/** Spends `units` of the running {@link metered} call's budget; throws {@link GradeLimitError} past it. */
export function charge(units: number): void {
  if (!current) return;
  current.left -= units;
  if (current.left < 0) {
    throw new GradeLimitError(
      `validation needs more than the ${formatCount(current.budget)} work units a grade may use (a recursive schema, many patterns or a very large output)`,
    );
  }
}

/** Runs `fn` with `budget` work units; {@link charge} calls inside it count against them. */
export function metered<T>(budget: number, fn: () => T): T {
  const previous = current;
  current = { left: budget, budget };
  try {
    return fn();
  } finally {
    current = previous;
  }
}
