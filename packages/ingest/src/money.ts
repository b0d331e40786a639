/** Integer nano-dollars as a decimal string with nine places, e.g. 1234n -> "0.000001234". */
export function nanoUsdToString(nano: bigint): string {
  const negative = nano < 0n;
  const abs = negative ? -nano : nano;
  const whole = abs / 1_000_000_000n;
  const fraction = (abs % 1_000_000_000n).toString().padStart(9, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
