// PERSON detection without an NER model: capitalised runs judged by name lexicons (faker locale data,
// curated lists), common-word lists (SCOWL), context cues, and the compromise tagger for the rest.
// See ./README.md for what it finds, what it misses and the measured figures.
import type { Entity } from '../../types';
import { judgeRun, type Verdicts } from './decide';
import { lexicon } from './lexicon';
import { loadNlp, personRanges, sentenceWindow } from './nlp';
import { scanRuns } from './scan';

/** Work done by one {@link detectPersons} call (for tests and benches; counts, not times). */
export interface PersonDetectorStats {
  /** Capitalised tokens read. */
  tokens: number;
  /** Candidate pieces judged. */
  pieces: number;
  /** Candidates the lexicons could not settle. */
  deferred: number;
  /** compromise calls, and the characters they tagged. */
  nlpCalls: number;
  nlpChars: number;
}

/** Options for {@link detectPersons}. */
export interface PersonDetectorOptions {
  /**
   * Ask the compromise tagger about candidates the lexicons cannot settle ("Zaid Qureshi-Bland",
   * "Paris Hilton"). Default: true.
   */
  nlp?: boolean;
  /**
   * At most this many characters of sentence windows go to the tagger per call (it tags ~0.25 MB/s,
   * so 4096 characters cost at most ~16 ms). Past the budget a candidate gets the lexicon verdict.
   * Default: 4096.
   */
  nlpBudgetChars?: number;
  /** When given, filled with the work counters of this call. */
  stats?: PersonDetectorStats;
}

/** Default of {@link PersonDetectorOptions.nlpBudgetChars}. */
export const DEFAULT_NLP_BUDGET_CHARS = 4096;

/**
 * Person names in `text`, sorted by start, non-overlapping, offsets in UTF-16 code units
 * (`text.slice(e.start, e.end) === e.value`). Titles ("Dr.") are not part of the span; "Jr."/"III" are.
 */
export function detectPersons(text: string, options: PersonDetectorOptions = {}): Entity[] {
  const lex = lexicon();
  const verdicts: Verdicts = { accepted: [], deferred: [] };
  let pieces = 0;
  const tokens = scanRuns(text, (run) => {
    pieces += judgeRun(text, run, lex, verdicts);
  });
  let budget = options.nlp === false ? 0 : (options.nlpBudgetChars ?? DEFAULT_NLP_BUDGET_CHARS);
  let nlpCalls = 0;
  let nlpChars = 0;
  let window: [number, number] = [-1, -1];
  let ranges: [number, number][] = [];
  for (const d of verdicts.deferred) {
    const [from, to] = sentenceWindow(text, d.start, d.end);
    if (from !== window[0] || to !== window[1]) {
      if (to - from > budget) {
        if (d.fallback) verdicts.accepted.push(d);
        continue;
      }
      budget -= to - from;
      nlpCalls++;
      nlpChars += to - from;
      window = [from, to];
      ranges = personRanges(text.slice(from, to));
    }
    if (ranges.some(([s, e]) => s + from < d.end && e + from > d.start)) verdicts.accepted.push(d);
  }
  if (options.stats) {
    Object.assign(options.stats, { tokens, pieces, deferred: verdicts.deferred.length, nlpCalls, nlpChars });
  }
  return verdicts.accepted.sort((a, b) => a.start - b.start).map(({ start, end }) => ({ type: 'PERSON' as const, start, end, value: text.slice(start, end) }));
}

/** Options for {@link warmPersonDetector}. */
export interface WarmPersonDetectorOptions {
  /** Also load the compromise tagger. Default: true. */
  nlp?: boolean;
}

/**
 * Builds the lexicons (0.3-0.6 s, ~21 MB) and, unless `nlp` is false, loads compromise (~0.2 s,
 * ~7 MB) now rather than on the first call. Call it at process start so no request pays for it.
 */
export function warmPersonDetector(options: WarmPersonDetectorOptions = {}): void {
  lexicon();
  if (options.nlp !== false) loadNlp();
}
