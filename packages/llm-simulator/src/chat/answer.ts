import type { Rng } from '../random';
import { contentWords, placeholders } from '../text';

const MAX_TERMS = 12;

/**
 * Key terms of a question: every PII placeholder (`<EMAIL_1>` ...) first, then up to 12 distinct
 * content words in order of appearance.
 */
export function keyTerms(question: string): string[] {
  const tokens = placeholders(question);
  const rest = question.replace(/<[A-Z][A-Z0-9_]*_\d+>/g, ' ');
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const word of contentWords(rest)) {
    if (seen.has(word)) continue;
    seen.add(word);
    terms.push(word);
    if (terms.length === MAX_TERMS) break;
  }
  return [...tokens, ...terms];
}

const OPENERS = [
  'This is a simulated answer about',
  'Simulated response regarding',
  'A simulated reply covering',
  'Here is a simulated summary of',
  'The simulator answers on',
  'Simulated answer touching on',
  'In short (simulated), this concerns',
  'A brief simulated note on',
];

const CLOSERS = ['', ' Nothing more to add.', ' That is all.', ' Hope this helps.', ' (sample)', ' End of answer.'];

/**
 * The deterministic answer to a question. Without `variation` (temperature 0) it is always the same;
 * with it, the opener, the order of the terms and the closing vary, while every term stays in.
 */
export function chatAnswer(question: string, variation: Rng | null): string {
  const terms = keyTerms(question);
  if (!variation) return terms.length === 0 ? 'This is a simulated answer.' : `${OPENERS[0]} ${listOf(terms)}.`;
  const opener = pick(OPENERS, variation);
  const closer = pick(CLOSERS, variation);
  const shuffled = [...terms];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(variation() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  return terms.length === 0 ? `${opener} nothing in particular.${closer}` : `${opener} ${listOf(shuffled)}.${closer}`;
}

function pick<T>(items: T[], rng: Rng): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function listOf(terms: string[]): string {
  if (terms.length <= 1) return terms.join('');
  return `${terms.slice(0, -1).join(', ')} and ${terms[terms.length - 1]}`;
}
