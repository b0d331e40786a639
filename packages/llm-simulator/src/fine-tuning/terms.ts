import { STOPWORDS, words } from '../text';

/** The words that identify a question (numbers and one-letter words included: "order 3" is not "order 4"). */
export function termsOf(text: string): Set<string> {
  return new Set(words(text).filter((word) => !STOPWORDS.has(word)));
}
