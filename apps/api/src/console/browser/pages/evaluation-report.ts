import type { EvaluationReport } from '@llmops/contracts';
import { verdictColors, palette, type ChartSet } from '../charts';
import { h, table, type Child } from '../dom';
import { percent } from '../format';
import { bootstrapMean } from '../stats';

type Comparison = NonNullable<EvaluationReport['comparison']>;
type MetricRow = Comparison['metrics'][number];

/** Each grader's pass rate with a 95% bootstrap interval over the cases (their per-case pass rates). */
export function passRates(report: EvaluationReport): { grader: string; passRate: number; lower: number; upper: number }[] {
  return Object.keys(report.graders).map((grader) => {
    const perCase = report.perCase.map((kase) => kase.graders[grader]).filter((stats) => stats !== undefined && stats.graded > 0);
    const interval = bootstrapMean(perCase.map((stats) => stats!.passRate));
    return { grader, passRate: report.graders[grader]!.passRate, lower: interval.lower, upper: interval.upper };
  });
}

/**
 * The report's plots and tables: pass rates with their intervals (beside the baseline's, when there
 * is one), and the comparison with the baseline, regressions in red and improvements in green.
 */
export function reportView(report: EvaluationReport, baseline: EvaluationReport | undefined, charts: ChartSet): Child[] {
  const current = passRates(report);
  const before = baseline ? new Map(passRates(baseline).map((row) => [row.grader, row])) : undefined;
  const verdicts = new Map((report.comparison?.metrics ?? []).filter((row) => row.metric === 'passRate').map((row) => [row.grader, row.verdict]));
  // One category per grader and run (this run, then the baseline's), so each interval sits under its point.
  const bars = current.flatMap((row) => {
    const colour = verdicts.has(row.grader) ? verdictColors[verdicts.get(row.grader)!] : palette[0]!;
    const old = before?.get(row.grader);
    return [
      { label: before ? `${row.grader} · this run` : row.grader, rate: row, colour },
      ...(old ? [{ label: `${row.grader} · baseline`, rate: old, colour: palette[7]! }] : []),
    ];
  });
  const pct = (value: number) => Math.round(value * 1000) / 10;
  return [
    charts.panel(
      'pass-rates',
      'Pass rate by grader, with 95% bootstrap intervals over cases',
      {
        type: 'bar',
        data: {
          labels: bars.map((bar) => bar.label),
          datasets: [
            {
              type: 'bar',
              label: '95% interval',
              data: bars.map((bar) => [pct(bar.rate.lower), pct(bar.rate.upper)] as [number, number]),
              backgroundColor: bars.map((bar) => withAlpha(bar.colour)),
              barPercentage: 0.3,
              minBarLength: 3,
            },
            {
              type: 'line',
              label: 'pass rate',
              data: bars.map((bar) => pct(bar.rate.passRate)),
              showLine: false,
              clip: false,
              pointRadius: 6,
              borderColor: bars.map((bar) => bar.colour),
              backgroundColor: bars.map((bar) => bar.colour),
            },
          ],
        },
        options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% of samples passing' } } } },
      },
      'Intervals: percentile bootstrap of the per-case pass rates (2,000 resamples, seed 1). Red: a regression against the baseline (grey), green: an improvement.',
    ),
    table(['Grader', 'Type', 'Mean score', 'Pass rate', '95% interval', 'Graded', 'Errors'], current, (row) => {
      const stats = report.graders[row.grader]!;
      return [
        row.grader,
        stats.type,
        `${stats.mean.toFixed(3)} ± ${stats.stdDev.toFixed(3)}`,
        percent(row.passRate),
        `${percent(row.lower)} – ${percent(row.upper)}`,
        String(stats.graded),
        String(stats.errors),
      ];
    }),
    ...(report.comparison ? comparisonView(report.comparison, charts) : []),
  ];
}

function comparisonView(comparison: Comparison, charts: ChartSet): Child[] {
  const rows = comparison.metrics;
  const label = (row: MetricRow) => `${row.grader} · ${row.metric === 'passRate' ? 'pass rate' : 'mean'}`;
  return [
    h('h2', {}, 'Against the baseline ', h('a', { href: `#/evaluations/${encodeURIComponent(comparison.baseline)}` }, h('code', {}, comparison.baseline))),
    h(
      'p',
      { class: comparison.regressions > 0 ? 'banner regression' : 'banner', 'data-regressions': comparison.regressions },
      `${comparison.regressions} regression${comparison.regressions === 1 ? '' : 's'}, ${comparison.improvements} improvement${comparison.improvements === 1 ? '' : 's'}: a change counts only when its 95% paired bootstrap interval excludes zero.`,
    ),
    charts.panel('baseline-differences', 'Difference from the baseline (this run − baseline) with 95% paired bootstrap intervals', {
      type: 'bar',
      data: {
        labels: rows.map(label),
        datasets: [
          {
            type: 'bar',
            label: '95% interval',
            data: rows.map((row) => [row.lower * 100, row.upper * 100] as [number, number]),
            backgroundColor: rows.map((row) => withAlpha(verdictColors[row.verdict])),
            barPercentage: 0.4,
            minBarLength: 3,
          },
          {
            type: 'line',
            label: 'difference',
            data: rows.map((row) => row.difference * 100),
            showLine: false,
            pointRadius: 5,
            borderColor: rows.map((row) => verdictColors[row.verdict]),
            backgroundColor: rows.map((row) => verdictColors[row.verdict]),
          },
        ],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { title: { display: true, text: 'difference × 100 (pass rate: percentage points; mean score on its 0–1 scale)' } } },
      },
    }),
    table(
      ['Grader', 'Metric', 'This run', 'Baseline', 'Difference', '95% interval', 'Verdict'],
      rows,
      (row) => {
        const show = (value: number) => (row.metric === 'passRate' ? percent(value) : value.toFixed(3));
        return [
          row.grader,
          row.metric,
          show(row.current),
          show(row.baseline),
          show(row.difference),
          `${show(row.lower)} – ${show(row.upper)}`,
          h('span', { class: `verdict verdict-${row.verdict}` }, row.verdict),
        ];
      },
      (row) => ({ class: row.verdict === 'no-change' ? undefined : row.verdict, 'data-verdict': row.verdict }),
    ),
  ];
}

/** A colour at 35% opacity, for interval bars under their points. */
function withAlpha(hex: string): string {
  return `${hex}59`;
}
