import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The console's files as served: the page, its script (bundled), its stylesheet and its icon. */
export interface ConsoleFiles {
  html: string;
  js: string;
  css: string;
  icon: string;
}

const sources = {
  entry: fileURLToPath(new URL('./browser/main.ts', import.meta.url)),
  html: fileURLToPath(new URL('./static/index.html', import.meta.url)),
  css: fileURLToPath(new URL('./static/console.css', import.meta.url)),
  icon: fileURLToPath(new URL('./static/favicon.svg', import.meta.url)),
};

/**
 * Bundles the console from its committed sources with esbuild, in memory: the browser TypeScript with
 * Chart.js and the typed API client (tree-shaken, minified, license comments kept at the end), the
 * page, the stylesheet and the icon as they are. No CDN, no external font: everything is served by the API.
 */
export async function buildConsole(): Promise<ConsoleFiles> {
  // Imported here, not at the top: a production API serves the prebuilt bundle and never loads esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [sources.entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]?.text;
  if (js === undefined) throw new Error('esbuild produced no console bundle');
  const [html, css, icon] = await Promise.all([readFile(sources.html, 'utf8'), readFile(sources.css, 'utf8'), readFile(sources.icon, 'utf8')]);
  return { html, js, css, icon };
}
