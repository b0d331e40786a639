// `pnpm bench [name]`: runs apps/*/bench/<name>.bench.ts and packages/*/bench/<name>.bench.ts
// (every bench when no name is given), one after another, each in its own process. Arguments that
// are not bench names are passed to each chosen bench: `pnpm bench cluster 1000 --rounds=1`.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benches = ['apps', 'packages'].flatMap((group) =>
  readdirSync(join(root, group)).flatMap((name) => {
    const dir = join(root, group, name, 'bench');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith('.bench.ts'))
          .map((file) => ({ name: file.replace(/\.bench\.ts$/, ''), dir: join(root, group, name), file: join(dir, file) }))
      : [];
  }),
);

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const isName = (arg: string) => !arg.startsWith('-') && !/^\d+$/.test(arg);
const wanted = args.filter(isName);
const passed = args.filter((arg) => !isName(arg));
const chosen = wanted.length ? benches.filter((bench) => wanted.includes(bench.name)) : benches;
if (chosen.length === 0) {
  console.error(`no bench named ${wanted.join(', ')}; available: ${benches.map((bench) => bench.name).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const bench of chosen) {
  console.log(`\n=== bench ${bench.name} (${relative(root, bench.file)}) ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench.file, ...passed], { cwd: bench.dir, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
