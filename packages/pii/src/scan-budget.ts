/**
 * One per-process budget for scanning on the event loop: every async scan charges the characters it
 * scanned, and once a turn of the loop has used the budget, the next scan waits for the following
 * turn (setImmediate), so I/O callbacks (an HTTP /healthz, a Redis reply) run in between. Callers
 * that start hundreds of scans at once (Promise.all over a request's messages) therefore share the
 * budget instead of each taking a turn's worth.
 */

/** Characters scanned per event-loop turn before async scans wait for the next turn. */
export const SCAN_BUDGET_PER_TURN = 64 * 1024;

let used = 0;
let resetScheduled = false;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Resolves when this turn still has budget left. The caller must scan synchronously right after. */
export async function waitForBudget(): Promise<void> {
  while (used >= SCAN_BUDGET_PER_TURN) await nextTurn();
}

/** True when a scan may run now without waiting (use to skip the `await` on the fast path). */
export function hasBudget(): boolean {
  return used < SCAN_BUDGET_PER_TURN;
}

/** Records `chars` scanned in this turn. */
export function charge(chars: number): void {
  used += chars;
  if (!resetScheduled) {
    resetScheduled = true;
    // Queued before any waiter of this turn, so it runs first in the next check phase.
    setImmediate(() => {
      used = 0;
      resetScheduled = false;
    });
  }
}
