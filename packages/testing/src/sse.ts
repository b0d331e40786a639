export interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a server-sent event stream until it ends (or `until` says stop), parsing each event's JSON data. */
export async function readSse(url: string, init: RequestInit, until?: (event: SseEvent) => boolean): Promise<SseEvent[]> {
  const response = await fetch(url, init);
  if (!response.ok || !response.body) throw new Error(`SSE request failed: ${response.status}`);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event) continue;
      const parsed = { event, data: data === undefined ? undefined : JSON.parse(data) };
      events.push(parsed);
      if (until?.(parsed)) return events;
    }
  }
  return events;
}
