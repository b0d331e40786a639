/** USD amounts as the llm client reports them ("0.000123000", 9 decimals), summed exactly as nano-USD. */
export function usdToNano(usd: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{0,9}))?\d*$/.exec(usd.trim());
  if (!match) throw new RangeError(`not a USD amount: ${usd}`);
  const nano = BigInt(match[2]!) * 1_000_000_000n + BigInt((match[3] ?? '').padEnd(9, '0'));
  return match[1] ? -nano : nano;
}

export function nanoToUsd(nano: bigint): string {
  const sign = nano < 0n ? '-' : '';
  const abs = nano < 0n ? -nano : nano;
  return `${sign}${abs / 1_000_000_000n}.${(abs % 1_000_000_000n).toString().padStart(9, '0')}`;
}

export function sumUsd(amounts: Iterable<string>): string {
  let total = 0n;
  for (const amount of amounts) total += usdToNano(amount);
  return nanoToUsd(total);
}
