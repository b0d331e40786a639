import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buildConsole, type ConsoleFiles } from './build';

/** One file as served: its bytes, type and a strong ETag. */
export interface ConsoleAsset {
  body: string;
  contentType: string;
  etag: string;
}

export interface ConsoleAssets {
  html: ConsoleAsset;
  js: ConsoleAsset;
  css: ConsoleAsset;
  icon: ConsoleAsset;
}

/**
 * Where `pnpm --filter @llmops/api build` writes the console (see build-cli.ts). In the production
 * bundle this module is part of dist/main.js, so the folder is dist/console/; run from sources (tsx),
 * it does not exist and the console is bundled on first use instead.
 */
const prebuilt = new URL('./console/', import.meta.url);

async function readPrebuilt(): Promise<ConsoleFiles | undefined> {
  try {
    const read = (name: string) => readFile(new URL(name, prebuilt), 'utf8');
    const [html, js, css, icon] = await Promise.all([read('index.html'), read('app.js'), read('app.css'), read('favicon.svg')]);
    return { html, js, css, icon };
  } catch {
    return undefined;
  }
}

const asset = (body: string, contentType: string): ConsoleAsset => ({
  body,
  contentType,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

/**
 * The console's files, loaded once per process: the prebuilt ones when the API runs from its build,
 * otherwise bundled from the sources (a few hundred milliseconds, on the first request to /console).
 * A failed build is not cached, so a fixed source is picked up by the next request.
 */
export function consoleAssets(load: () => Promise<ConsoleFiles> = async () => (await readPrebuilt()) ?? buildConsole()): () => Promise<ConsoleAssets> {
  let loading: Promise<ConsoleAssets> | undefined;
  return () => {
    loading ??= load().then(
      (files) => ({
        html: asset(files.html, 'text/html; charset=utf-8'),
        js: asset(files.js, 'text/javascript; charset=utf-8'),
        css: asset(files.css, 'text/css; charset=utf-8'),
        icon: asset(files.icon, 'image/svg+xml'),
      }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
}
