import { contentWords } from '../text';
import type { ChatMessage } from './prompt';
import { messageText } from './prompt';

const ANSWER_TAGS = ['answer', 'output', 'response', 'candidate'];
const REFERENCE_TAGS = ['reference', 'expected', 'ground_truth', 'context'];

/** A judge verdict in [0, 1] and its explanation. */
export interface Verdict {
  /** F1 of content-word overlap between the answer and the reference/context; 0 without both. */
  overlap: number;
  reason: string;
}

/**
 * The deterministic judge. It reads only the fenced case content: the answer between the first
 * `<answer>` (or output/response/candidate) tag and the LAST matching close tag, and the
 * reference between `<reference>` / `<expected>` / `<ground_truth>` / `<context>` tags found
 * outside that answer (so an answer cannot forge a reference). Markdown fences named the same
 * (```answer ... ```) work too. The score is the F1 of the two content-word sets, so
 * instructions inside the case count only as the words they are, never as instructions.
 */
export function judge(messages: ChatMessage[]): Verdict {
  const text = messages.map(messageText).join('\n');
  const answerBlock = findAnswer(text);
  if (!answerBlock) return { overlap: 0, reason: 'No fenced answer found (expected <answer>...</answer>); score is the minimum.' };
  const outside = text.slice(0, answerBlock.start) + '\n' + text.slice(answerBlock.end);
  const reference = REFERENCE_TAGS.flatMap((tag) => blocks(outside, tag)).join('\n');
  if (!reference.trim()) return { overlap: 0, reason: 'No fenced reference or context found (expected <reference>...</reference>); score is the minimum.' };
  const answerTerms = new Set(contentWords(answerBlock.body).map(stem));
  const referenceTerms = new Set(contentWords(reference).map(stem));
  let shared = 0;
  for (const term of answerTerms) if (referenceTerms.has(term)) shared++;
  const precision = answerTerms.size === 0 ? 0 : shared / answerTerms.size;
  const recall = referenceTerms.size === 0 ? 0 : shared / referenceTerms.size;
  const overlap = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    overlap,
    reason: `Simulated judge: lexical overlap F1 ${overlap.toFixed(2)} (${shared} shared terms; ${referenceTerms.size} in reference, ${answerTerms.size} in answer).`,
  };
}

function findAnswer(text: string): { start: number; end: number; body: string } | null {
  for (const tag of ANSWER_TAGS) {
    const open = new RegExp(`<${tag}>`, 'i').exec(text);
    if (open) {
      const closeAt = text.toLowerCase().lastIndexOf(`</${tag}>`);
      if (closeAt > open.index) {
        return { start: open.index, end: closeAt + tag.length + 3, body: text.slice(open.index + open[0].length, closeAt) };
      }
    }
    const fence = new RegExp('```' + tag + '\\s*\\n([\\s\\S]*?)\\n```', 'i').exec(text);
    if (fence) return { start: fence.index, end: fence.index + fence[0].length, body: fence[1] ?? '' };
  }
  return null;
}

function blocks(text: string, tag: string): string[] {
  const tagged = [...text.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'gi'))].map((m) => m[1] ?? '');
  const fenced = [...text.matchAll(new RegExp('```' + tag + '\\s*\\n([\\s\\S]*?)\\n```', 'gi'))].map((m) => m[1] ?? '');
  return [...tagged, ...fenced];
}

// A light stemmer so "reset"/"resets"/"resetting" meet; deterministic and language-naive.
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
