import { setImmediate as nextTurn } from 'node:timers/promises';

/** Synchronous work allowed between two turns of the event loop, in ms. */
const sliceMs = 5;
let sliceStart = performance.now();

/**
 * Yields to the event loop once {@link sliceMs} of synchronous work has piled up (process-wide), so
 * BullMQ's lock renewal, heartbeats and the I/O of other jobs on this worker run between grades.
 * Awaiting a resolved promise would not do: microtasks run before timers get their turn.
 */
export async function letOthersRun(): Promise<void> {
  if (performance.now() - sliceStart < sliceMs) return;
  await nextTurn();
  sliceStart = performance.now();
}
