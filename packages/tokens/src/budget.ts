import { countWithEncoding } from './count';
import type { ModelInfo } from './models';
import { defaultModelRegistry, type ModelRegistry } from './registry';

/** A retrieved passage offered to the prompt. */
export interface Passage {
  id: string;
  text: string;
  score: number;
}

/** Why a passage was left out of the prompt. */
export type DropReason = 'over_budget' | 'empty' | 'duplicate';

/** Input of {@link fitContext}. */
export interface FitContextOptions<P extends Passage> {
  /** Model name (looked up in `registry`) or its ModelInfo. */
  model: string | ModelInfo;
  /** Tokens reserved for the answer. */
  maxOutputTokens: number;
  /** System prompt text. */
  system: string;
  /** The user's question. */
  question: string;
  /** Candidate passages, in any order. */
  passages: readonly P[];
  /** Cap on the passages' tokens, below what the model could take. Default none. */
  maxContextTokens?: number;
  /** Registry to look the model up in. Default defaultModelRegistry. */
  registry?: ModelRegistry;
  /**
   * Tokens of separator and label around each passage (e.g. "[3] " and a blank line). Default 8.
   */
  passageOverheadTokens?: number;
}

/** Result of {@link fitContext}. */
export interface FitContextResult<P extends Passage> {
  /** Passages that fit, highest score first (ties by id), each with its token count. */
  included: Array<P & { tokens: number }>;
  /** Passages left out, in the order they were considered. */
  dropped: Array<{ id: string; reason: DropReason }>;
  /** Tokens of the included passages, overhead included. */
  contextTokens: number;
  /** Tokens of the whole prompt: chat framing, system, question and context. */
  promptTokens: number;
  /** Tokens that were available for passages (0 when system and question leave no room). */
  budget: number;
}

/** Chat framing of a system and a user message: 3 per message, the 2 roles, 3 priming the reply. */
export const CHAT_FRAMING_TOKENS = 3 + 1 + 3 + 1 + 3;

/**
 * Chooses the passages to put into a prompt. Budget = min(maxContextTokens, contextWindow -
 * maxOutputTokens - tokens(system) - tokens(question) - chat framing). Passages are taken by score
 * (ties by id); a passage that does not fit is dropped, and smaller later ones may still fit. Empty
 * passages, and passages whose whitespace-normalised text (or id) repeats a better one, are dropped.
 */
export function fitContext<P extends Passage>(options: FitContextOptions<P>): FitContextResult<P> {
  const registry = options.registry ?? defaultModelRegistry;
  const model = typeof options.model === 'string' ? registry.require(options.model) : options.model;
  const overhead = options.passageOverheadTokens ?? 8;
  const fixed = CHAT_FRAMING_TOKENS + countWithEncoding(options.system, model.encoding) + countWithEncoding(options.question, model.encoding);
  const room = model.contextWindow - options.maxOutputTokens - fixed;
  const budget = Math.max(0, Math.min(options.maxContextTokens ?? Infinity, room));

  const ranked = [...options.passages].sort((a, b) => scoreOf(b) - scoreOf(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const included: Array<P & { tokens: number }> = [];
  const dropped: Array<{ id: string; reason: DropReason }> = [];
  const seenText = new Set<string>();
  const seenId = new Set<string>();
  let used = 0;
  for (const passage of ranked) {
    const normalized = passage.text.trim().replace(/\s+/g, ' ');
    if (normalized === '') {
      dropped.push({ id: passage.id, reason: 'empty' });
      continue;
    }
    if (seenText.has(normalized) || seenId.has(passage.id)) {
      dropped.push({ id: passage.id, reason: 'duplicate' });
      continue;
    }
    seenText.add(normalized);
    seenId.add(passage.id);
    const tokens = countWithEncoding(passage.text, model.encoding);
    if (used + tokens + overhead > budget) {
      dropped.push({ id: passage.id, reason: 'over_budget' });
      continue;
    }
    used += tokens + overhead;
    included.push({ ...passage, tokens });
  }
  return { included, dropped, contextTokens: used, promptTokens: fixed + used, budget };
}

// A NaN score would make the sort inconsistent; rank it last.
function scoreOf(p: Passage): number {
  return Number.isNaN(p.score) ? -Infinity : p.score;
}
