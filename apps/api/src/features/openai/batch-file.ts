import { pseudonymize, restore, type PiiPolicy, type Vault } from '@llmops/pii';
import { HttpError } from '../../http/errors';
import { looksPersonal } from '../../privacy/identifiers';
import { MAX_ITEMS } from '../inference/body';
import { parseChatRequest } from './chat-request';
import { invalidParam } from './errors';
import { BatchLine, type ChatCompletionRequest, type ChatMessage } from './schemas';

/** The most lines one batch file may hold: an inference job's item cap. */
export const MAX_BATCH_LINES = MAX_ITEMS;

/** Lines pseudonymized or restored at once. */
const LINES_AT_ONCE = 64;

/** One request of a batch file; `line` counts from 0 in the file's non-empty lines. */
export interface ParsedLine {
  line: number;
  customId: string;
  request: ChatCompletionRequest;
}

const lineError = (line: number, message: string) => invalidParam('file', `line ${line + 1}: ${message}`, 'invalid_file');

/**
 * Validates an uploaded JSONL batch file: every line a `{custom_id, method: "POST", url, body}` request
 * OpenAI's Batch API accepts (a chat completion without `stream`), custom_ids unique and free of
 * personal data (they are stored as they are). The first problem is a 400 naming its line, never
 * quoting it.
 */
export function parseBatchFile(content: string): ParsedLine[] {
  const rows = content
    .split('\n')
    .map((row) => row.replace(/\r$/, ''))
    .filter((row) => row.trim() !== '');
  if (rows.length === 0) throw invalidParam('file', 'the file has no lines', 'invalid_file');
  if (rows.length > MAX_BATCH_LINES) throw invalidParam('file', `${rows.length} lines; a batch file may hold at most ${MAX_BATCH_LINES}`, 'invalid_file');
  const seen = new Set<string>();
  return rows.map((row, line) => {
    let json: unknown;
    try {
      json = JSON.parse(row);
    } catch {
      throw lineError(line, 'not valid JSON');
    }
    const body = (json as { body?: unknown } | null)?.body;
    let request: ChatCompletionRequest;
    try {
      request = parseChatRequest(body, 'body');
    } catch (error) {
      if (error instanceof HttpError) throw lineError(line, error.message);
      throw error;
    }
    const parsed = BatchLine.safeParse({ ...(json as object), body: request });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path =
        issue?.code === 'unrecognized_keys' ? 'unrecognized keys (allowed: custom_id, method, url, body)' : `${issue?.path.join('.')}: ${issue?.message}`;
      throw lineError(line, path);
    }
    if (request.stream) throw lineError(line, 'body.stream: batch requests are not streamed');
    if (looksPersonal(parsed.data.custom_id))
      throw lineError(line, 'custom_id: looks like personal data (an email, phone, name, card...); ids must not carry any');
    if (request.user !== undefined && looksPersonal(request.user)) throw lineError(line, 'body.user: looks like personal data; ids must not carry any');
    if (seen.has(parsed.data.custom_id)) throw lineError(line, 'custom_id: used by an earlier line; custom_ids must be unique');
    seen.add(parsed.data.custom_id);
    return { line, customId: parsed.data.custom_id, request };
  });
}

const toJsonLine = (line: ParsedLine): string => JSON.stringify({ custom_id: line.customId, method: 'POST', url: '/v1/chat/completions', body: line.request });

type Rewrite = (text: string) => Promise<string>;

async function rewriteMessages(messages: readonly ChatMessage[], rewrite: Rewrite): Promise<ChatMessage[]> {
  return Promise.all(
    messages.map(async (message) => ({
      role: message.role,
      content:
        typeof message.content === 'string'
          ? await rewrite(message.content)
          : await Promise.all(message.content.map(async (part) => ({ ...part, text: await rewrite(part.text) }))),
    })),
  );
}

async function mapLines<T>(lines: readonly T[], map: (line: T) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < lines.length; start += LINES_AT_ONCE) out.push(...(await Promise.all(lines.slice(start, start + LINES_AT_ONCE).map(map))));
  return out;
}

/**
 * The file as stored: every message pseudonymized with the file's vault scope, `user` dropped (it is
 * never stored or sent on), one canonical JSON request per line.
 */
export async function protectBatchFile(lines: readonly ParsedLine[], context: { scope: string; policy: PiiPolicy; vault: Vault }): Promise<string> {
  const rewrite: Rewrite = async (text) => (await pseudonymize(text, context)).text;
  const safe = await mapLines(lines, async (line) => {
    const { user: _user, ...request } = line.request;
    return { ...line, request: { ...request, messages: await rewriteMessages(request.messages, rewrite) } };
  });
  return safe.map(toJsonLine).join('\n');
}

/** A stored file's lines, parsed with the schema that wrote them and restored with the file's vault scope. */
export async function readBatchFile(stored: string, context: { scope: string; vault: Vault }): Promise<ParsedLine[]> {
  const lines = stored.split('\n').map((row, line) => {
    const parsed = BatchLine.parse(JSON.parse(row));
    return { line, customId: parsed.custom_id, request: parsed.body };
  });
  const rewrite: Rewrite = (text) => restore(text, context);
  return mapLines(lines, async (line) => ({ ...line, request: { ...line.request, messages: await rewriteMessages(line.request.messages, rewrite) } }));
}

/** The stored file with its pseudonyms restored, for its owner's download (line by line, so values are JSON-escaped). */
export async function restoreBatchFile(stored: string, context: { scope: string; vault: Vault }): Promise<string> {
  const lines = await readBatchFile(stored, context);
  return `${lines.map(toJsonLine).join('\n')}\n`;
}
