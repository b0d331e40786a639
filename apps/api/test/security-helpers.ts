import { request } from 'node:http';
import { Writable } from 'node:stream';
import { expect } from 'vitest';

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request with the path and body bytes exactly as given (fetch would normalise `..`,
 * re-encode the path, and insist on valid strings).
 */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawReply> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Marks of internals a response must never carry: stack frames, file paths, source positions. */
export const INTERNAL_MARKS = [/ {4}at /, /\/work\//, /node_modules/, /\.ts:\d*/, /\.js:\d+/, /Error: /];

export function expectNoInternals(text: string): void {
  for (const mark of INTERNAL_MARKS) expect(text, `response leaks ${mark}`).not.toMatch(mark);
}

/** A writable stream that keeps every line a pino logger writes, parsed. */
export function logCapture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
