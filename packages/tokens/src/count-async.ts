import { countWithEncoding, DEFAULT_MODEL } from './count';
import { encodingForModel } from './encoding';
import { safeSlices } from './split';

/** Options for {@link countTokensAsync}. */
export interface CountAsyncOptions {
  /**
   * UTF-16 units counted between two yields to the event loop; each slice runs a few milliseconds.
   * Default 65536.
   */
  sliceChars?: number;
  /** Stops counting (the promise rejects with the signal's reason) when aborted. Default none. */
  signal?: AbortSignal;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Counts tokens like {@link countTokens} (the result is identical) without blocking the event loop
 * on large texts: the text is cut only where tiktoken's pre-tokenizer cannot join pieces across
 * the cut, each slice is counted on its own, and the loop yields with setImmediate between slices.
 */
export async function countTokensAsync(text: string, model: string = DEFAULT_MODEL, options: CountAsyncOptions = {}): Promise<number> {
  const encoding = encodingForModel(model);
  const sliceChars = options.sliceChars ?? 65_536;
  if (text.length <= sliceChars) return countWithEncoding(text, encoding);
  let total = 0;
  let first = true;
  for (const [start, end] of safeSlices(text, sliceChars)) {
    if (!first) await yieldToEventLoop();
    first = false;
    options.signal?.throwIfAborted();
    total += countWithEncoding(text.slice(start, end), encoding);
  }
  return total;
}
