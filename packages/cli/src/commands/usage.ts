import type { Command } from 'commander';
import Table from 'cli-table3';
import type { Limits, Usage } from '@llmops/client';
import type { Context } from '../context';
import { ExitCode } from '../exit-codes';
import type { Runner } from '../runner';

export function usageCommand(program: Command, run: Runner): void {
  program
    .command('usage')
    .description('your usage ledger as a table: requests, tokens and dollars by day, model and job type')
    .option('--from <YYYY-MM-DD>', 'first UTC day (default: 29 days before --to)')
    .option('--to <YYYY-MM-DD>', 'last UTC day (default: today)')
    .action(
      run(async (context: Context, flags: { from?: string; to?: string }) => {
        const usage = await context.client.usage({ ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) });
        context.print(usage, () => usageTable(usage));
        return ExitCode.ok;
      }),
    );

  program
    .command('limits')
    .description('your limits: request rate, jobs at once, waiting bytes, work caps and budgets with what is used and left')
    .action(
      run(async (context: Context) => {
        const limits = await context.client.limits();
        context.print(limits, () => limitsTable(limits));
        return ExitCode.ok;
      }),
    );
}

const style = { head: [], border: [] };

function usageTable(usage: Usage): string {
  const table = new Table({
    head: ['day', 'model', 'job type', 'requests', 'tokens in', 'tokens out', 'USD'],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
    style,
  });
  for (const row of usage.days) table.push([row.date, row.model, row.jobType, row.requests, row.inputTokens, row.outputTokens, row.costUsd]);
  const { totals } = usage;
  table.push(['total', '', '', totals.requests, totals.inputTokens, totals.outputTokens, totals.costUsd]);
  return `usage of ${usage.tenant}, ${usage.from} .. ${usage.to} (UTC)\n${table.toString()}`;
}

function limitsTable(limits: Limits): string {
  const table = new Table({ head: ['limit', 'value', 'used', 'left'], colAligns: ['left', 'right', 'right', 'right'], style });
  table.push(['rate (requests/s, burst)', `${limits.rate.perSecond}, ${limits.rate.burst}`, '', limits.rate.remaining]);
  table.push(['jobs at once', limits.concurrency.maxJobs, limits.concurrency.used, limits.concurrency.remaining]);
  table.push(['waiting bytes', limits.storage.maxWaitingBytes, limits.storage.used, limits.storage.remaining]);
  for (const [name, value] of Object.entries(limits.work)) table.push([`work.${name}`, value, '', '']);
  for (const budget of limits.budgets) table.push([budget.limit, String(budget.cap), String(budget.spent), String(budget.remaining)]);
  return table.toString();
}
