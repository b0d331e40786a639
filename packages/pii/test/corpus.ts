// Loads the labelled corpus: "{{TYPE|value}}" marks an entity; "\n" in a line is a newline and
// "\u{200B}" any code point (invisible and look-alike characters stay readable in the file).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../src/types';

export interface LabelledSentence {
  line: number;
  text: string;
  entities: { type: EntityType; start: number; end: number; value: string }[];
}

const MARK = /\{\{([A-Z_]+)\|([\s\S]*?)\}\}/g;

function load(file: string): LabelledSentence[] {
  const path = fileURLToPath(new URL(`../corpus/${file}`, import.meta.url));
  const out: LabelledSentence[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const src = raw.replace(/\\n/g, '\n').replace(/\\u\{([0-9A-Fa-f]{1,6})\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
      let text = '';
      let at = 0;
      const entities: LabelledSentence['entities'] = [];
      for (const m of src.matchAll(MARK)) {
        text += src.slice(at, m.index);
        const value = m[2] ?? '';
        entities.push({ type: m[1] as EntityType, start: text.length, end: text.length + value.length, value });
        text += value;
        at = m.index + m[0].length;
      }
      text += src.slice(at);
      out.push({ line: i + 1, text, entities });
    });
  return out;
}

export const positives = (): LabelledSentence[] => load('positives.txt');
export const negatives = (): LabelledSentence[] => load('negatives.txt');
