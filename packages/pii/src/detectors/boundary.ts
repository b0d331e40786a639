// Character-class helpers shared by detectors; plain code checks keep regexes small and linear.

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * True when the span [start, end) is not glued to a longer alphanumeric token, e.g. a digit run
 * inside a UUID ("-426614174000") or a hex SHA. A joiner ('-', '.', '/', ':') followed by another
 * word char counts as glued, so "4539-1488" inside "ab-4539-1488-cd" is rejected.
 */
export function isStandalone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (isWordChar(before)) return false;
  if ((before === '-' || before === '.' || before === '/' || before === ':') && isWordChar(text[start - 2])) return false;
  const after = text[end];
  if (isWordChar(after)) return false;
  if ((after === '-' || after === '/' || after === ':') && isWordChar(text[end + 1])) return false;
  // A trailing '.' is usually sentence punctuation, unless another digit follows (a version or IP).
  if (after === '.' && isDigit(text[end + 1])) return false;
  return true;
}
