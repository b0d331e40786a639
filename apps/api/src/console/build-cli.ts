// `tsx src/console/build-cli.ts <outDir>`: writes the console (index.html, app.js, app.css, favicon.svg) for a
// production build; `pnpm --filter @llmops/api build` runs it after bundling the API into dist/.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildConsole } from './build';

const outDir = resolve(process.argv[2] ?? 'dist/console');
const files = await buildConsole();
await mkdir(outDir, { recursive: true });
await Promise.all([
  writeFile(join(outDir, 'index.html'), files.html),
  writeFile(join(outDir, 'app.js'), files.js),
  writeFile(join(outDir, 'app.css'), files.css),
  writeFile(join(outDir, 'favicon.svg'), files.icon),
]);
console.warn(`console: ${outDir} (app.js ${(files.js.length / 1024).toFixed(0)} KiB)`);
