import fc from 'fast-check';

/** Fragments that stress the pre-tokenizer: case runs, contractions, digits, marks, odd spaces. */
export const FRAGMENTS = [
  'a', 'Z', 'hello', 'World', 'ABCdef', 'camelCase', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '.', ',', '/', '//', '\n/',
  "'s", "'LL", "'ſ", "don't", '1', '123456', '٣٤', '中文', '日本語です。', '한국어', '😀', '👨‍👩‍👧', '🏳️‍🌈', '\u0301', 'é',
  '\u00a0', '\u0085', '\ufeff', '\u3000', '\u2028', '\u200b', 'ſ', 'ǅ', 'ʰ', '<|endoftext|>', '؟', 'שָׁלוֹם', 'مرحبا', '!!!',
  '...', '"', '(', ')', '-', '_', '$', '€', '\\', '`', '{', '}', 'https://x.io/a?b=1', 'Straße', 'ΑΒΓαβγ', '𠀀', '\u{323b0}', '\u{16ea0}',
];
export const mixedText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((p) => p.join(''));
