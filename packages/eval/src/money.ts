import { nanoToUsdString, usdStringToNano } from '@llmops/tokens';

/** USD amounts as the llm client reports them ("0.000123000"), summed exactly as nano-USD. */
export function sumUsd(amounts: Iterable<string>): string {
  let total = 0n;
  for (const amount of amounts) total += usdStringToNano(amount);
  return nanoToUsdString(total);
}
