import type { InferenceSummary } from '@llmops/contracts';
import type { Job } from '@llmops/client';
import { palette } from '../charts';
import { h, replaceChildren, stat } from '../dom';
import { count, percent, usd } from '../format';
import { firstItems, type PageContext } from '../page';

/** Jobs read for the daily series: the most recent ones, never an unbounded walk. */
const SCANNED = 2_000;

interface Day {
  answered: number;
  hits: number;
  saved: number;
  spent: number;
}

/**
 * The semantic cache: totals from GET /v1/cache/stats, and hit rate and dollars saved per day from
 * the summaries of the caller's finished inference jobs (each carries its cache hits, answers, cost and
 * savings). The API keeps no per-day cache series yet, so the days cover the jobs still retained.
 */
export async function cachePage({ api, root, charts, signal }: PageContext): Promise<void> {
  const [stats, jobs] = await Promise.all([api.cache.stats(), firstItems(api.jobs.list({ limit: 200, signal }), SCANNED)]);
  const days = new Map<string, Day>();
  for (const job of jobs) {
    const summary = inferenceSummary(job);
    if (!summary || !job.finishedAt) continue;
    const day = job.finishedAt.slice(0, 10);
    const totals = days.get(day) ?? { answered: 0, hits: 0, saved: 0, spent: 0 };
    totals.answered += summary.answered;
    totals.hits += summary.cacheHits;
    totals.saved += Number(summary.savedUsd);
    totals.spent += Number(summary.costUsd);
    days.set(day, totals);
  }
  const labels = [...days.keys()].sort();
  const series = labels.map((day) => days.get(day)!);

  replaceChildren(
    root,
    h('h1', {}, 'Semantic cache'),
    h(
      'div',
      { class: 'stats' },
      stat('hit rate', percent(stats.hitRate), { 'data-stat': 'hit-rate' }),
      stat('lookups', count(stats.lookups)),
      stat('exact / semantic hits', `${count(stats.exactHits)} / ${count(stats.semanticHits)}`),
      stat('dollars saved', usd(Number(stats.savedUsd)), { 'data-stat': 'saved' }),
      stat('tokens saved', count(stats.savedInputTokens + stats.savedOutputTokens)),
      stat('wrong hits reported', count(stats.wrongHits)),
    ),
    charts.panel(
      'hit-rate-by-day',
      'Cache hit rate per day (inference items answered from the cache)',
      {
        type: 'line',
        data: {
          labels,
          datasets: [
            {
              label: 'hit rate',
              data: series.map((day) => (day.answered ? (100 * day.hits) / day.answered : 0)),
              borderColor: palette[0],
              backgroundColor: palette[0],
            },
          ],
        },
        options: { scales: { x: { offset: true }, y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } } },
      },
      `From the summaries of your ${jobs.length} most recent jobs (finished inference jobs, by the UTC day they finished).`,
    ),
    charts.panel('saved-by-day', 'Dollars saved by the cache vs spent on the provider, per day', {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'saved', data: series.map((day) => day.saved), backgroundColor: palette[1] },
          { label: 'spent', data: series.map((day) => day.spent), backgroundColor: palette[7] },
        ],
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'USD' } } } },
    }),
  );
}

/** The summary of a completed inference job (the API's contract: packages/contracts InferenceSummary). */
function inferenceSummary(job: Job): InferenceSummary | undefined {
  if (job.type !== 'inference' || job.state !== 'completed' || !job.result || typeof job.result !== 'object') return undefined;
  const summary = job.result as unknown as InferenceSummary;
  return typeof summary.answered === 'number' && typeof summary.cacheHits === 'number' ? summary : undefined;
}
