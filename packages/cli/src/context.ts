import { createClient, type LlmopsClient } from '@llmops/client';
import { UsageError } from './exit-codes';

/** Options every command takes (`llmops --api-url ... <command>`). */
export interface GlobalOptions {
  apiUrl: string;
  apiKey?: string;
  json?: boolean;
  retries: string;
}

/** What a command gets: the client, how to print, and where. */
export interface Context {
  client: LlmopsClient;
  json: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
  /** Prints data: JSON with --json, else the human text. */
  print(json: unknown, human: () => string): void;
  /** A note for people (stderr; silent with --json). */
  note(text: string): void;
}

export function contextOf(options: GlobalOptions, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream; signal: AbortSignal }): Context {
  const retries = Number(options.retries);
  if (!Number.isInteger(retries) || retries < 0) throw new UsageError('--retries: a whole number >= 0');
  const json = options.json === true;
  const note = (text: string) => {
    if (!json) io.stderr.write(`${text}\n`);
  };
  const client = createClient({
    baseUrl: options.apiUrl,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    retry: { retries },
    onRetry: (info) =>
      note(
        `${info.status === 0 ? 'no answer' : `HTTP ${info.status} ${info.code}`}: retrying in ${(info.delayMs / 1000).toFixed(1)} s (${info.attempt}/${retries})`,
      ),
  });
  return {
    client,
    json,
    ...io,
    print(value, human) {
      io.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
    note,
  };
}

/** A number option, or a UsageError naming it. */
export function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new UsageError(`${name}: expected a number`);
  return number;
}
