import { encodingForModel, getEncoder, type EncodingName } from './encoding';

/**
 * Counts tokens exactly as tiktoken does. Special-token text such as `<|endoftext|>` is counted as
 * ordinary text, which is what a provider bills for user content.
 */
export function countTokens(text: string, model = 'gpt-4o-mini'): number {
  return countWithEncoding(text, encodingForModel(model));
}

export function countWithEncoding(text: string, encoding: EncodingName): number {
  if (text.length === 0) return 0;
  return getEncoder(encoding).encode_ordinary(text).length;
}
