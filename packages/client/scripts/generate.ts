// `pnpm --filter @llmops/client generate [url|file]`: rewrites src/generated/openapi.ts from a served
// /openapi.json (default http://localhost:3000/openapi.json, what `./dev start` serves) or a saved file.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './codegen';

const source = process.argv[2] ?? 'http://localhost:3000/openapi.json';
const document = (/^https?:/.test(source) ? await (await fetch(source)).json() : JSON.parse(readFileSync(source, 'utf8'))) as object;
const target = fileURLToPath(new URL('../src/generated/openapi.ts', import.meta.url));
writeFileSync(target, await generateTypes(document));
process.stdout.write(`wrote ${target} from ${source}\n`);
