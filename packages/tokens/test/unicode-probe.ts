import { get_encoding } from 'tiktoken';

/**
 * Code points (as inclusive ranges) that JavaScript's `\p{L}`, `\p{N}` or `\p{M}` match but that
 * tiktoken's pre-tokenizer does not treat as such. Probe: for a letter or number c, tiktoken splits
 * `c + "_a"` into [c] ["_a"], so the last token is "_a"; for an unknown code point the "_" joins c
 * in a symbol run and "a" is a token of its own. Marks are probed in o200k_base, whose letter
 * classes include \p{M}.
 */
export function findUnicodeGaps(): Array<[number, number]> {
  const cl = get_encoding('cl100k_base');
  const o2 = get_encoding('o200k_base');
  const lastOf = (ids: Uint32Array) => ids[ids.length - 1];
  const clUnderA = lastOf(cl.encode_ordinary('_a'));
  const o2UnderA = lastOf(o2.encode_ordinary('_a'));
  if (cl.encode_ordinary('_a').length !== 1 || o2.encode_ordinary('_a').length !== 1) throw new Error('probe assumes "_a" is one token');
  const wordish = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  const gaps: Array<[number, number]> = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    let known = true;
    if (wordish.test(c)) known = lastOf(cl.encode_ordinary(`${c}_a`)) === clUnderA;
    else if (mark.test(c)) known = lastOf(o2.encode_ordinary(`${c}_a`)) === o2UnderA;
    if (known) continue;
    const last = gaps[gaps.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else gaps.push([cp, cp]);
  }
  cl.free();
  o2.free();
  return gaps;
}
