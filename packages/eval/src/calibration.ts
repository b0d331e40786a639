/** A labelled prompt pair with its similarity (cosine of the two embeddings). */
export interface ScoredPair {
  /** True when the two prompts mean the same (a cache hit would be right). */
  same: boolean;
  similarity: number;
}

/** One row of the threshold table. */
export interface ThresholdRow {
  threshold: number;
  /** Same-meaning pairs at or above the threshold / same-meaning pairs: the hits the cache gets. */
  hitRate: number;
  /** Different-meaning pairs at or above the threshold / all pairs at or above it: the share of served hits that are wrong. */
  wrongHitRate: number;
  /** Different-meaning pairs at or above the threshold / different-meaning pairs. */
  falseMatchRate: number;
  hits: number;
  wrongHits: number;
}

/** Options of {@link calibrate}. */
export interface CalibrationOptions {
  /** Thresholds to tabulate. Default 0.50, 0.51, ... 0.99. */
  thresholds?: readonly number[];
  /** Largest acceptable wrong-hit rate. Default 0.02. */
  targetWrongHitRate?: number;
}

export interface CalibrationReport {
  pairs: { same: number; different: number };
  targetWrongHitRate: number;
  table: ThresholdRow[];
  /**
   * The lowest threshold whose wrong-hit rate is at most the target there and at every higher
   * threshold tabulated (so a small bump above it cannot break the promise); null when none.
   */
  recommendation: ThresholdRow | null;
}

export const defaultThresholds: readonly number[] = Array.from({ length: 50 }, (_, i) => Math.round((0.5 + i * 0.01) * 100) / 100);

/** Tabulates hit and wrong-hit rates per threshold and recommends one. */
export function calibrate(pairs: readonly ScoredPair[], options: CalibrationOptions = {}): CalibrationReport {
  const target = options.targetWrongHitRate ?? 0.02;
  const thresholds = [...(options.thresholds ?? defaultThresholds)].sort((a, b) => a - b);
  const sameCount = pairs.filter((pair) => pair.same).length;
  const differentCount = pairs.length - sameCount;
  const table = thresholds.map((threshold): ThresholdRow => {
    let rightHits = 0;
    let wrongHits = 0;
    for (const pair of pairs) {
      if (pair.similarity < threshold) continue;
      if (pair.same) rightHits++;
      else wrongHits++;
    }
    const hits = rightHits + wrongHits;
    return {
      threshold,
      hitRate: sameCount === 0 ? 0 : rightHits / sameCount,
      wrongHitRate: hits === 0 ? 0 : wrongHits / hits,
      falseMatchRate: differentCount === 0 ? 0 : wrongHits / differentCount,
      hits,
      wrongHits,
    };
  });
  let recommendation: ThresholdRow | null = null;
  for (let i = table.length - 1; i >= 0; i--) {
    if (table[i]!.wrongHitRate > target) break;
    recommendation = table[i]!;
  }
  return { pairs: { same: sameCount, different: differentCount }, targetWrongHitRate: target, table, recommendation };
}

/** The table as fixed-width text, the recommended row marked. */
export function formatCalibration(report: CalibrationReport): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const lines = [
    `pairs: ${report.pairs.same} same-meaning, ${report.pairs.different} different; target wrong-hit rate ${pct(report.targetWrongHitRate).trim()}`,
  ];
  lines.push('threshold  hit rate  wrong-hit  false-match  hits');
  for (const row of report.table) {
    const mark = row === report.recommendation ? '  <= recommended' : '';
    lines.push(
      `${row.threshold.toFixed(2).padStart(9)}  ${pct(row.hitRate)}   ${pct(row.wrongHitRate)}    ${pct(row.falseMatchRate)}  ${String(row.hits).padStart(4)}${mark}`,
    );
  }
  lines.push(
    report.recommendation
      ? `recommended threshold ${report.recommendation.threshold.toFixed(2)}: hit rate ${pct(report.recommendation.hitRate).trim()}, wrong-hit rate ${pct(report.recommendation.wrongHitRate).trim()}`
      : 'no tabulated threshold keeps the wrong-hit rate under the target',
  );
  return lines.join('\n');
}
