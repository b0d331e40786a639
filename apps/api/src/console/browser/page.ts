import type { LlmopsClient } from '@llmops/client';
import type { ChartSet } from './charts';

/** What a page gets: the tenant's API client, where to draw, and what is torn down when it is left. */
export interface PageContext {
  api: LlmopsClient;
  /** The page's own element (already in the document). */
  root: HTMLElement;
  /** Aborted when the user leaves the page: streams and polls stop. */
  signal: AbortSignal;
  charts: ChartSet;
  /** The route's parameter, e.g. an evaluation id in `#/evaluations/<id>`. */
  param?: string;
}

export type Page = (context: PageContext) => Promise<void>;

/** Every item of a paged list, up to `max` (the console never walks an unbounded list). */
export async function firstItems<T>(items: AsyncIterable<T>, max: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}
