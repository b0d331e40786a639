#!/usr/bin/env bash
# Replays docker/Dockerfile's stages for one app without a Docker engine, then starts the result:
#   bash docker/dry-build.sh api|worker|llm-simulator [NAME=value ...]
# NAME=value pairs are added to the app's environment (e.g. PII_VAULT_KEY=..., OPENAI_BASE_URL=...).
# Each stage runs in its own folder under a temporary directory, with the same commands as the
# Dockerfile (kept in step by hand: change both together):
#   context    the repository's files that git does not ignore (.dockerignore mirrors .gitignore)
#   prune      turbo prune <apps/$APP package name> --docker
#   build      pnpm install --frozen-lockfile on json/, add full/ + build script, pnpm run build
#   prod-deps  pnpm install --frozen-lockfile --prod on json/
#   runtime    prod-deps + dist, started as user nobody (not root, cannot write the app's files),
#              polled with docker/healthcheck.mjs until healthy, then sent SIGTERM (must exit 0).
# Needs the toolchain (Node 24, pnpm 10) and, for api and worker, Redis at REDIS_URL
# (default redis://127.0.0.1:6379). Uses a unique QUEUE_PREFIX and deletes its keys afterwards.
set -euo pipefail
app="${1:?usage: dry-build.sh api|worker|llm-simulator [NAME=value ...]}"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=/dev/null
source "$root/scripts/toolchain.sh"
set +u
[ -f "$root/apps/$app/src/main.ts" ] || { echo "dry-build: no apps/$app/src/main.ts" >&2; exit 1; }
tmp="$(mktemp -d /tmp/dry-build-"$app".XXXXXX)"
chmod 755 "$tmp"
prefix="drybuild$$"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
  if command -v redis-cli >/dev/null; then
    redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" --scan --pattern "$prefix:*" | xargs -r redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" del >/dev/null || true
  fi
  [ -n "$KEEP" ] || rm -rf "$tmp"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }
export CI=true TURBO_TELEMETRY_DISABLED=1

step "context: files git does not ignore"
mkdir "$tmp/context"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | rsync -a --from0 --files-from=- ./ "$tmp/context/")
du -sh "$tmp/context" | cut -f1

package_name="$(node -p "require('$root/apps/$app/package.json').name")"
step "prune: turbo prune $package_name --docker"
(cd "$tmp/context" && "$root/node_modules/.bin/turbo" prune "$package_name" --docker --out-dir "$tmp/out" | tail -n +2)

step "build: install from json/, add full/, build"
mkdir "$tmp/build"
cp -a "$tmp/out/json/." "$tmp/build/"
(cd "$tmp/build" && pnpm install --frozen-lockfile --reporter=silent)
cp -a "$tmp/out/full/." "$tmp/build/"
mkdir -p "$tmp/build/scripts"
cp "$tmp/context/tsconfig.base.json" "$tmp/build/"
cp "$tmp/context/scripts/build-app.mjs" "$tmp/build/scripts/"
pnpm --dir "$tmp/build/apps/$app" run build

step "prod-deps: install --prod from json/"
mkdir "$tmp/prod"
cp -a "$tmp/out/json/." "$tmp/prod/"
(cd "$tmp/prod" && pnpm install --frozen-lockfile --prod --reporter=silent)

step "runtime: prod node_modules + dist"
mkdir "$tmp/app"
cp -a "$tmp/prod/." "$tmp/app/"
cp -a "$tmp/build/apps/$app/dist" "$tmp/app/apps/$app/dist"
for dev in typescript tsx vitest esbuild turbo; do
  [ ! -e "$tmp/app/node_modules/$dev" ] || { echo "dev dependency $dev is in the runtime" >&2; exit 1; }
done
echo "node_modules: $(du -sh "$tmp/app/node_modules" | cut -f1), dist: $(du -sh "$tmp/app/apps/$app/dist" | cut -f1)"
echo "no dev dependencies (typescript, tsx, vitest, esbuild, turbo) in the runtime"

step "start as nobody, wait for healthy, SIGTERM"
port=$((20000 + RANDOM % 20000))
run_env=(env -i PATH="$PATH" NODE_ENV=production HOST=127.0.0.1 PORT="$port" LLMOPS_APP="$app"
  REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}" QUEUE_PREFIX="$prefix" API_KEYS=dry:key1234567890
  SHUTDOWN_DEADLINE_MS=3000 LOG_LEVEL=warn "$@")
(cd "$tmp/app/apps/$app" && exec setpriv --reuid=65534 --regid=65534 --clear-groups \
  "${run_env[@]}" node --enable-source-maps dist/main.js) >"$tmp/run.log" 2>&1 &
pid=$!
healthy=""
for _ in $(seq 1 60); do
  if "${run_env[@]}" node "$root/docker/healthcheck.mjs" 2>"$tmp/health.err"; then healthy=yes; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$healthy" ]; then
  echo "FAIL: never healthy: $(cat "$tmp/health.err")" >&2
  cat "$tmp/run.log" >&2
  exit 1
fi
echo "healthy (healthcheck.mjs exit 0, LLMOPS_APP=$app, PORT=$port)"
if [ "$app" = llm-simulator ]; then
  # One chat completion: usage is counted with tiktoken, so its wasm must load from node_modules.
  node -e '
    const r = await fetch(process.argv[1], { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer dry" },
      body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Say hello to the dry build." }] }) });
    const body = await r.json();
    if (!r.ok || !(body.usage?.prompt_tokens > 0)) { console.error(r.status, JSON.stringify(body)); process.exit(1); }
    console.log(`chat completion: ${r.status}, usage ${JSON.stringify(body.usage)}`);
  ' "http://127.0.0.1:$port/v1/chat/completions"
fi
kill -TERM "$pid"
set +e
wait "$pid"
code=$?
set -e
pid=""
echo "exit code after SIGTERM: $code"
[ "$code" = 0 ] || { cat "$tmp/run.log" >&2; exit 1; }
echo "dry-build $app: OK"
