#!/usr/bin/env node
// Bundles an app for production: `node scripts/build-app.mjs <appDir> [--out <dir>]` (apps call it as
// `node ../../scripts/build-app.mjs .`) turns <appDir>/src/main.ts into <appDir>/dist/main.js.
//
// - The workspace packages (@llmops/*, linked with `workspace:`) are bundled from their TS sources,
//   so no package needs a build step of its own.
// - Every third-party package stays external and is loaded from node_modules at run time (tiktoken's
//   wasm, LanceDB's native binding and apache-arrow could not be bundled anyway). The external list
//   is the production `dependencies` of the app and, recursively, of its workspace dependencies.
// - An import of a package outside that list fails the build: it would be missing from a
//   production install (a devDependency, or an undeclared package).
// - pnpm links a package's dependencies next to that package only, so a third-party package that
//   a workspace package depends on (libphonenumber-js via @llmops/pii, say) is not resolvable from
//   the app's own dist/. Those get a relative symlink in <appDir>/dist/node_modules pointing at the
//   package in the workspace's node_modules/.pnpm store, which a `pnpm install --prod` from the same
//   lockfile lays out identically (this is what the Dockerfiles rely on).
/* global process, console -- Node globals, for eslint */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outArg = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
const appDir = resolve(args[0] ?? '.');
const entry = join(appDir, 'src', 'main.ts');
// `--out <dir>`: somewhere else than <appDir>/dist (the API's tests bundle the worker once per run).
const outDir = outArg ? resolve(outArg) : join(appDir, 'dist');
if (!existsSync(entry)) fail(`${entry} does not exist`);

const readPackage = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const app = readPackage(appDir);

/** Walks up from `fromDir` the way Node does and returns the real directory of package `name`. */
function findPackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The production dependency closure: workspace packages (name -> dir) to bundle and third-party
 * packages (name -> the first workspace package dir that declares it) to keep external.
 */
function dependencyClosure(rootDir) {
  const workspace = new Map();
  const external = new Map();
  const visit = (dir) => {
    const pkg = readPackage(dir);
    const deps = { ...pkg.optionalDependencies, ...pkg.peerDependencies, ...pkg.dependencies };
    for (const [name, spec] of Object.entries(deps)) {
      if (String(spec).startsWith('workspace:')) {
        if (workspace.has(name)) continue;
        const depDir = findPackage(name, dir);
        if (!depDir) fail(`${pkg.name} depends on ${name}, which is not installed (run pnpm install)`);
        workspace.set(name, depDir);
        visit(depDir);
      } else if (!external.has(name)) {
        external.set(name, dir);
      }
    }
  };
  visit(rootDir);
  return { workspace, external };
}

const { workspace, external } = dependencyClosure(appDir);
const builtins = new Set(builtinModules);
const isBuiltin = (spec) => spec.startsWith('node:') || builtins.has(spec);
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** Bare imports: workspace packages are bundled, declared third-party ones external, others refused. */
const dependencyGuard = {
  name: 'dependency-guard',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path)) return { external: true };
      const name = packageName(args.path);
      if (workspace.has(name)) return undefined;
      if (external.has(name)) return { path: args.path, external: true };
      const where = relative(appDir, args.importer);
      return {
        errors: [
          {
            text: `"${name}" (imported by ${where}) is not a production dependency of ${app.name} or its workspace packages`,
          },
        ],
      };
    });
  },
};

/**
 * Data files a module reads relative to itself, as `new URL('<relative path>', import.meta.url)` (the
 * cache-pairs corpus of @llmops/eval): in the bundle, import.meta.url is dist/main.js, so each such
 * file is copied to dist/assets/ and the expression rewritten to point there (what bundlers do for
 * assets). Code files, directories and files that do not exist are left alone (the API's console is
 * built from its sources into dist/console/ by its own build step).
 */
const assetUrl = /new URL\((['"])(\.{1,2}\/[^'"]+)\1, import\.meta\.url\)/g;
const copiedAssets = [];
const dataAssets = {
  name: 'data-assets',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const contents = source.replace(assetUrl, (match, quote, target) => {
        const file = resolve(dirname(args.path), target);
        if (/\.[cm]?[jt]s$/.test(file) || !existsSync(file) || !statSync(file).isFile()) return match;
        const name = `${createHash('sha256').update(file).digest('hex').slice(0, 8)}-${basename(file)}`;
        mkdirSync(join(outDir, 'assets'), { recursive: true });
        copyFileSync(file, join(outDir, 'assets', name));
        copiedAssets.push(relative(process.cwd(), file));
        return `new URL(${quote}./assets/${name}${quote}, import.meta.url)`;
      });
      return { contents, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

rmSync(outDir, { recursive: true, force: true });
const result = await build({
  entryPoints: [entry],
  outfile: join(outDir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  // Keep function and class names: they appear in logs and error stacks.
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
  plugins: [dependencyGuard, dataAssets],
  banner: { js: `// ${app.name}: bundled by scripts/build-app.mjs; third-party packages load from node_modules.` },
}).catch(() => fail('esbuild failed (see above)'));

// Every declared third-party package is made resolvable from dist/, not only those the bundle's static
// imports name: code may load a package at run time with createRequire (@llmops/pii reads faker's
// locale data and SCOWL's word lists that way), which esbuild cannot see.
const outputs = Object.values(result.metafile.outputs);
const used = new Set(outputs.flatMap((output) => output.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => packageName(i.path))));
const linked = [];
for (const name of [...external.keys()].sort()) {
  // Only the app's own production dependencies are resolvable from dist/ in a production install
  // (apps/<app>/node_modules); anything else found there now may be a devDependency of the app (the
  // API's tests use openai) that `pnpm install --prod` leaves out: link it.
  if (app.dependencies?.[name] && findPackage(name, outDir)) continue;
  const target = findPackage(name, external.get(name));
  if (!target) fail(`"${name}" is declared but not installed (run pnpm install)`);
  const link = join(outDir, 'node_modules', name);
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(relative(dirname(link), target), link, 'dir');
  linked.push(name);
}

const bytes = outputs.find((output) => output.entryPoint !== undefined)?.bytes ?? 0;
console.log(`${app.name}: ${relative(process.cwd(), join(outDir, 'main.js'))} (${(bytes / 1024).toFixed(0)} KiB)`);
const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(input));
const bundled = [...workspace].filter(([, dir]) => inputs.some((input) => input.startsWith(`${dir}/`)));
console.log(
  `  workspace packages bundled: ${
    bundled
      .map(([name]) => name)
      .sort()
      .join(', ') || 'none'
  }`,
);
console.log(`  external packages used: ${[...used].sort().join(', ') || 'none'}`);
if (linked.length > 0) console.log(`  linked into dist/node_modules: ${linked.join(', ')}`);
if (copiedAssets.length > 0) console.log(`  data files copied to dist/assets: ${[...new Set(copiedAssets)].join(', ')}`);

function fail(message) {
  console.error(`build-app: ${message}`);
  process.exit(1);
}
