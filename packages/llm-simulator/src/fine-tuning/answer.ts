import { keyTerms } from '../chat/answer';
import { termsOf } from './terms';
import type { TunedExample } from './types';

/** How close a question must be to a training question (Jaccard of content words) to get its answer. */
export const RECALL_THRESHOLD = 0.5;

/**
 * A tuned model's answer: the answer of the closest training question when it is close enough (the
 * model "learned" it), else a reply in the tuned model's own style. Deterministic, and different from
 * the base model's answer to the same question.
 */
export function tunedAnswer(question: string, examples: readonly TunedExample[]): string {
  const terms = termsOf(question);
  let best: TunedExample | undefined;
  let bestScore = 0;
  for (const example of examples) {
    let shared = 0;
    for (const term of terms) if (example.terms.has(term)) shared += 1;
    const union = terms.size + example.terms.size - shared;
    const score = union === 0 ? 0 : shared / union;
    if (score > bestScore) [best, bestScore] = [example, score];
  }
  if (best && bestScore >= RECALL_THRESHOLD) return best.answer;
  const key = keyTerms(question);
  return key.length === 0 ? 'Fine-tuned simulated answer.' : `Fine-tuned simulated answer on ${key.join(', ')}.`;
}
