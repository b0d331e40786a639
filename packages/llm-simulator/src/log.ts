/** One request as the simulated provider saw it. */
export interface LogEntry {
  /** Increasing from 1; `GET /_sim/log?since=<id>` returns entries after it. */
  id: number;
  /** ISO time the request arrived. */
  time: string;
  method: string;
  /** Path as sent, e.g. `/v1/chat/completions`; batch lines use their line's url. */
  path: string;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  /** HTTP status sent; 0 when the request was made to hang. */
  status: number;
  /** What the simulator did besides answering: 'injected-429', 'rate-limited', 'injected-5xx', 'hang'. */
  fault: string | null;
  /** Set for lines of a batch. */
  batchId: string | null;
  customId: string | null;
  /** Parsed JSON body (or file text for uploads); null when bodies are not kept. */
  body: unknown;
  /** The client's `X-Client-Request-Id` header (matches a call with the caller's own records); absent when not sent. */
  requestId?: string | null;
  /**
   * True when the client's connection was already closed (killed, aborted, timed out) as the status
   * was written: answered to nobody. Rare: Node drops an answer to a connection it knows is closed
   * without writing it, so such requests usually never reach the log (the simulator bills no answer
   * nobody could receive).
   */
  clientGone?: boolean;
}

export type NewLogEntry = Omit<LogEntry, 'id' | 'time'> & { time?: string };

/** A bounded in-memory request log (ring buffer), so long benchmarks do not grow memory. */
export class RequestLog {
  private entries: (LogEntry | undefined)[];
  private next = 0;
  private lastId = 0;

  constructor(
    /** Most entries kept; older ones are dropped. */
    readonly capacity = 100_000,
    /** Keep request bodies. */
    readonly keepBodies = true,
  ) {
    this.entries = new Array<LogEntry | undefined>(capacity);
  }

  add(entry: NewLogEntry): LogEntry {
    const full: LogEntry = {
      id: ++this.lastId,
      ...entry,
      time: entry.time ?? new Date().toISOString(),
      body: this.keepBodies ? entry.body : null,
    };
    this.entries[this.next] = full;
    this.next = (this.next + 1) % this.capacity;
    return full;
  }

  /** Entries oldest first, those with id > `since` only when given. */
  list(since = 0): LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const entry = this.entries[(this.next + i) % this.capacity];
      if (entry && entry.id > since) out.push(entry);
    }
    return out;
  }

  /** Id of the newest entry (0 when none); pass it as `since` later to read only newer ones. */
  get latestId(): number {
    return this.lastId;
  }

  clear(): void {
    this.entries = new Array<LogEntry | undefined>(this.capacity);
    this.next = 0;
  }
}
