import type { UsageRow } from '@llmops/client';
import { palette } from '../charts';
import { h, replaceChildren, stat, table } from '../dom';
import { count, daysBetween, usd } from '../format';
import type { PageContext } from '../page';

/** Usage and cost by UTC day and model over the last 30 days, from the ledger (GET /v1/usage). */
export async function usagePage({ api, root, charts }: PageContext): Promise<void> {
  const usage = await api.usage();
  const days = daysBetween(usage.from, usage.to);
  const models = [...new Set(usage.days.map((row) => row.model))].sort();
  const byDayAndModel = (value: (row: UsageRow) => number) =>
    models.map((model, index) => {
      const values = days.map((day) => usage.days.filter((row) => row.date === day && row.model === model).reduce((sum, row) => sum + value(row), 0));
      return { label: model, data: values, backgroundColor: palette[index % palette.length] };
    });
  const stacked = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } };
  const labels = days.map((day) => day.slice(5));

  const perModel = models.map((model) => {
    const rows = usage.days.filter((row) => row.model === model);
    const sum = (value: (row: UsageRow) => number) => rows.reduce((total, row) => total + value(row), 0);
    return {
      model,
      requests: sum((r) => r.requests),
      input: sum((r) => r.inputTokens),
      output: sum((r) => r.outputTokens),
      cost: sum((r) => Number(r.costUsd)),
    };
  });
  const budgets = usage.limits?.budgets ?? [];

  replaceChildren(
    root,
    h('h1', {}, 'Usage and cost'),
    h('p', { class: 'note' }, `${usage.from} to ${usage.to} (UTC days), every provider call counted once by the ledger.`),
    h(
      'div',
      { class: 'stats' },
      stat('spent', usd(Number(usage.totals.costUsd)), { 'data-stat': 'cost' }),
      stat('provider requests', count(usage.totals.requests)),
      stat('input tokens', count(usage.totals.inputTokens)),
      stat('output tokens', count(usage.totals.outputTokens)),
    ),
    charts.panel('cost-by-day', 'Cost per day by model (USD)', {
      type: 'bar',
      data: { labels, datasets: byDayAndModel((row) => Number(row.costUsd)) },
      options: { scales: stacked },
    }),
    charts.panel('tokens-by-day', 'Tokens per day by model (input + output)', {
      type: 'bar',
      data: { labels, datasets: byDayAndModel((row) => row.inputTokens + row.outputTokens) },
      options: { scales: stacked },
    }),
    h('h2', {}, 'By model'),
    perModel.length === 0
      ? h('p', { class: 'note' }, 'No provider calls in this period.')
      : table(['Model', 'Requests', 'Input tokens', 'Output tokens', 'Cost'], perModel, (row) => [
          row.model,
          count(row.requests),
          count(row.input),
          count(row.output),
          usd(row.cost),
        ]),
    budgets.length > 0 ? h('h2', {}, 'Budgets') : null,
    budgets.length > 0
      ? table(['Budget', 'Cap', 'Spent', 'Held', 'Left', 'Resets'], budgets, (line) => [
          line.limit,
          line.cap,
          line.spent,
          line.reserved,
          line.remaining,
          line.resetsAt,
        ])
      : null,
  );
}
