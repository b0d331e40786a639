import { UsdDecimal, type ModelInfo, type ModelPricing } from '@llmops/tokens';

type Dec = InstanceType<typeof UsdDecimal>;

/** Tokens of chat framing per request (message overhead and reply priming). */
export const CHAT_FRAMING_TOKENS = 10;
/** Tokens of the grounding instruction RAG adds around the passages. */
export const RAG_INSTRUCTION_TOKENS = 32;

/** Everything the comparison is computed from; the route fills it from real statistics and shows it. */
export interface AdviceInputs {
  collection: {
    name: string;
    chunks: number;
    /** Tokens of the whole collection. */
    tokens: number;
    embeddingModel: string;
    /** Tokens re-embedded per month to keep the collection current (from the ingestion history). */
    changedTokensPerMonth: number;
  };
  traffic: {
    queriesPerMonth: number;
    questionTokens: number;
    answerTokens: number;
    /** Share of queries answered from the semantic cache (0..1). */
    cacheHitRate: number;
  };
  rag: { model: string; contextTokens: number };
  fineTune: {
    baseModel: string;
    epochs: number;
    /** Tokens of the training set (one epoch). */
    trainingTokens: number;
    /** Full retrains a month to stay as fresh as the collection (0 when it never changes). */
    retrainsPerMonth: number;
  };
}

export interface AdviceRow {
  item: string;
  rag: string;
  fineTune: string;
  /** How both figures are computed. */
  how: string;
}

export interface Advice {
  inputs: AdviceInputs;
  /** Prices used, USD per million tokens. */
  prices: Record<string, string>;
  table: AdviceRow[];
  monthly: { rag: string; fineTune: string };
  firstYear: { rag: string; fineTune: string };
  /** Queries a month above which fine-tuning costs less; null when it never does (it costs more per query). */
  breakEven: { monthlyQueries: number | null; firstYearQueries: number | null };
  cheaper: { monthly: 'rag' | 'fine-tune'; firstYear: 'rag' | 'fine-tune' };
  notes: string[];
}

export class AdvicePriceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

const perToken = (pricePerMTok: string | undefined) => new UsdDecimal(pricePerMTok ?? '0').div(1_000_000);
const usd = (value: Dec) => value.toFixed(6);

/**
 * Monthly and first-year cost of answering the traffic with RAG (the collection embedded once,
 * changes re-embedded, passages in every prompt) against a fine-tuned model (trained once, retrained
 * to stay fresh, shorter prompts at the tuned model's prices), and the break-even traffic. Both
 * answer cache hits for free apart from RAG's question embedding; every figure is an exact decimal.
 */
export function computeAdvice(inputs: AdviceInputs, models: { embedding: ModelInfo; chat: ModelInfo; base: ModelInfo }): Advice {
  const tuned: ModelPricing | undefined = models.base.fineTuning?.tunedPricing;
  const training = models.base.pricing.trainingPerMTok;
  if (!tuned || training === undefined) throw new AdvicePriceError(`${models.base.name} has no fine-tuning prices in the model registry`);
  const { collection, traffic, rag, fineTune } = inputs;
  const emb = perToken(models.embedding.pricing.inputPerMTok);
  const chatIn = perToken(models.chat.pricing.inputPerMTok);
  const chatOut = perToken(models.chat.pricing.outputPerMTok);
  const tunedIn = perToken(tuned.inputPerMTok);
  const tunedOut = perToken(tuned.outputPerMTok);
  const train = perToken(training);
  const miss = new UsdDecimal(1).minus(traffic.cacheHitRate);
  const q = traffic.questionTokens;
  const a = traffic.answerTokens;

  const ragSetup = emb.times(collection.tokens);
  const ragFresh = emb.times(collection.changedTokensPerMonth);
  const ragPerQuery = emb.times(q).plus(miss.times(chatIn.times(q + rag.contextTokens + RAG_INSTRUCTION_TOKENS + CHAT_FRAMING_TOKENS).plus(chatOut.times(a))));
  const oneTraining = train.times(fineTune.trainingTokens).times(fineTune.epochs);
  const ftSetup = oneTraining;
  const ftFresh = oneTraining.times(fineTune.retrainsPerMonth);
  const ftPerQuery = miss.times(tunedIn.times(q + CHAT_FRAMING_TOKENS).plus(tunedOut.times(a)));

  const queries = new UsdDecimal(traffic.queriesPerMonth);
  const ragMonthly = ragFresh.plus(ragPerQuery.times(queries));
  const ftMonthly = ftFresh.plus(ftPerQuery.times(queries));
  const ragYear = ragSetup.plus(ragMonthly.times(12));
  const ftYear = ftSetup.plus(ftMonthly.times(12));
  const saving = ragPerQuery.minus(ftPerQuery);
  const breakEven = (fixedGap: Dec): number | null => {
    if (saving.lte(0)) return null;
    return fixedGap.lte(0) ? 0 : Math.ceil(fixedGap.div(saving).toNumber());
  };
  const thousand = (perQuery: Dec) => usd(perQuery.times(1_000));

  const table: AdviceRow[] = [
    {
      item: 'setup (one-off)',
      rag: usd(ragSetup),
      fineTune: usd(ftSetup),
      how: 'RAG: collection tokens x embedding price; fine-tune: training tokens x epochs x training price',
    },
    {
      item: 'keeping fresh (a month)',
      rag: usd(ragFresh),
      fineTune: usd(ftFresh),
      how: 'RAG: changed tokens a month x embedding price; fine-tune: retrains a month x one training',
    },
    {
      item: 'per 1,000 queries',
      rag: thousand(ragPerQuery),
      fineTune: thousand(ftPerQuery),
      how: `RAG: question embedding + (1 - cache hit rate) x ((question + context + ${RAG_INSTRUCTION_TOKENS} + ${CHAT_FRAMING_TOKENS}) x input + answer x output); fine-tune: (1 - cache hit rate) x ((question + ${CHAT_FRAMING_TOKENS}) x tuned input + answer x tuned output)`,
    },
    { item: 'queries (a month)', rag: usd(ragPerQuery.times(queries)), fineTune: usd(ftPerQuery.times(queries)), how: 'queries a month x cost per query' },
    { item: 'monthly total', rag: usd(ragMonthly), fineTune: usd(ftMonthly), how: 'keeping fresh + queries' },
    { item: 'first year', rag: usd(ragYear), fineTune: usd(ftYear), how: 'setup + 12 x monthly total' },
  ];
  const notes = [
    collection.changedTokensPerMonth > 0
      ? `The collection changes (${collection.changedTokensPerMonth} tokens a month): RAG serves each change once it is re-embedded; a tuned model is as stale as its last training (${fineTune.retrainsPerMonth} retrains a month assumed).`
      : 'The collection did not change in the observed history: a tuned model would not need retraining.',
    'RAG answers cite the passages they used (checkable, fewer unsupported claims); a tuned model answers from its weights, with no source to check.',
    'Fine-tuning needs a curated question/answer training set and an evaluation on held-out examples before use; RAG needs only the documents.',
  ];
  return {
    inputs,
    prices: {
      [`${models.embedding.name} input`]: models.embedding.pricing.inputPerMTok,
      [`${models.chat.name} input`]: models.chat.pricing.inputPerMTok,
      [`${models.chat.name} output`]: models.chat.pricing.outputPerMTok,
      [`${models.base.name} training`]: training,
      [`tuned ${models.base.name} input`]: tuned.inputPerMTok,
      [`tuned ${models.base.name} output`]: tuned.outputPerMTok,
    },
    table,
    monthly: { rag: usd(ragMonthly), fineTune: usd(ftMonthly) },
    firstYear: { rag: usd(ragYear), fineTune: usd(ftYear) },
    breakEven: {
      monthlyQueries: breakEven(ftFresh.minus(ragFresh)),
      firstYearQueries: breakEven(
        ftSetup
          .plus(ftFresh.times(12))
          .minus(ragSetup.plus(ragFresh.times(12)))
          .div(12),
      ),
    },
    cheaper: { monthly: ftMonthly.lt(ragMonthly) ? 'fine-tune' : 'rag', firstYear: ftYear.lt(ragYear) ? 'fine-tune' : 'rag' },
    notes,
  };
}
