/** A page of a cursor-paged route. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every item of every page, fetching the next page only when the previous one is consumed. */
export async function* paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
