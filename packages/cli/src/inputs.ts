import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UsageError } from './exit-codes';

/** Every JSON object of a JSONL file (blank lines skipped); a bad line is a UsageError naming it. */
export async function readJsonl(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  const out: Record<string, unknown>[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError(`${file}:${index + 1}: not valid JSON`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${file}:${index + 1}: expected a JSON object`);
    out.push(value as Record<string, unknown>);
  });
  if (out.length === 0) throw new UsageError(`${file}: no lines`);
  return out;
}

export async function readJsonFile(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UsageError(`${file}: expected a JSON object`);
}

/**
 * One inference item per JSONL line: `{"id", "messages": [...]}` as the API takes it, or the shorthand
 * `{"id", "prompt": "..."}` (one user message, after `system` when given). A missing id is `line-<n>`.
 */
export function toInferenceItems(lines: readonly Record<string, unknown>[], file: string, system?: string) {
  return lines.map((line, index) => {
    const id = typeof line.id === 'string' ? line.id : `line-${index + 1}`;
    if (Array.isArray(line.messages)) return { id, messages: line.messages as { role: 'system' | 'user' | 'assistant'; content: string }[] };
    if (typeof line.prompt === 'string') {
      return { id, messages: [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content: line.prompt }] };
    }
    throw new UsageError(`${file}:${index + 1}: give "messages" or "prompt"`);
  });
}

const TEXT_FILES = /\.(txt|md|markdown)$/i;

/** `.txt` and `.md` files under a folder, as documents whose id is the path relative to it (`guides/leave.md`). */
export async function readFolder(folder: string): Promise<{ id: string; text: string; metadata: Record<string, string> }[]> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${folder} is not a folder`);
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && TEXT_FILES.test(entry.name)) files.push(path);
    }
  };
  await walk(folder);
  if (files.length === 0) throw new UsageError(`${folder} holds no .txt or .md files`);
  return Promise.all(
    files.map(async (path) => {
      const name = relative(folder, path).split(sep).join('/');
      return { id: documentId(name), text: await readFile(path, 'utf8'), metadata: { format: /\.txt$/i.test(name) ? 'text' : 'markdown' } };
    }),
  );
}

/** Document ids allow letters, digits and `_ . : / + -`: anything else in a file name becomes `-`. */
function documentId(path: string): string {
  const id = path.replace(/[^A-Za-z0-9_.:/+-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return id.slice(0, 256) || 'document';
}
