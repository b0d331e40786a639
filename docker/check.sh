#!/usr/bin/env bash
# Offline checks of docker/ for CI (no Docker engine needed): `bash docker/check.sh`.
#  - compose.yml is valid (docker-compose 1.29 and/or `docker compose` v2, whichever is installed;
#    skipped with a message when neither is), with and without the "offline" profile, and keeps
#    its promises: Redis with AOF + noeviction, 3 worker replicas, a worker stop_grace_period longer
#    than SHUTDOWN_DEADLINE_MS, healthchecks, no secret values in the file itself.
#  - every docker/Dockerfile*: all FROMs are node:24 images or earlier stages; the final stage runs
#    as a non-root USER, has a HEALTHCHECK, STOPSIGNAL SIGTERM and tini as entrypoint.
#  - the turbo version baked into the Dockerfile is the lockfile's, and docker/healthcheck.mjs reads
#    the heartbeat key that packages/queue writes.
# Prints one line per check and closes with "N passed, N failed, N skipped"; exits 1 on a failure.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
passed=0 failed=0 skipped=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }
skip() { echo "skip $*"; skipped=$((skipped + 1)); }
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }

# --- Dockerfiles -------------------------------------------------------------------------------
# Instructions of a Dockerfile with continuation lines joined and comments dropped.
instructions() { sed -e 's/\r$//' "$1" | grep -v '^[[:space:]]*#' | sed -e ':a' -e '/\\$/N; s/\\\n//; ta'; }
# The instructions of the final stage only.
final_stage() { instructions "$1" | awk 'toupper($1) == "FROM" { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }'; }

dockerfiles=(docker/Dockerfile*)
[ -e "${dockerfiles[0]}" ] || bad "no docker/Dockerfile* found"
for file in "${dockerfiles[@]}"; do
  [ -e "$file" ] || continue
  stages=() bad_from=""
  while read -r _ image as name _; do
    case "$image" in
      node:24|node:24-*|node:24.*) ;;
      *) [[ " ${stages[*]} " == *" $image "* ]] || bad_from+=" $image" ;;
    esac
    if [ "${as,,}" = as ] && [ -n "$name" ]; then stages+=("$name"); fi
  done < <(instructions "$file" | grep -i '^[[:space:]]*FROM[[:space:]]' | sed -E 's/--platform=[^ ]+ //')
  if [ -z "$bad_from" ]; then ok "$file: every FROM is node:24 or an earlier stage"; else bad "$file: FROM not node:24:$bad_from"; fi

  last="$(final_stage "$file")"
  user="$(grep -i '^[[:space:]]*USER[[:space:]]' <<<"$last" | tail -n 1 | awk '{ print $2 }')"
  case "${user%%:*}" in
    "") bad "$file: final stage has no USER (would run as root)" ;;
    root|0) bad "$file: final stage runs as $user" ;;
    *) ok "$file: final stage runs as non-root user '$user'" ;;
  esac
  if grep -qi '^[[:space:]]*HEALTHCHECK[[:space:]]\+NONE' <<<"$last"; then
    bad "$file: HEALTHCHECK NONE in the final stage"
  elif grep -qi '^[[:space:]]*HEALTHCHECK[[:space:]].*CMD' <<<"$last"; then
    ok "$file: final stage has a HEALTHCHECK"
  else
    bad "$file: final stage has no HEALTHCHECK"
  fi
  check "$file: STOPSIGNAL SIGTERM" grep -qi '^[[:space:]]*STOPSIGNAL[[:space:]]\+SIGTERM' <<<"$last"
  check "$file: tini is the entrypoint (signals forwarded, zombies reaped)" grep -qi '^[[:space:]]*ENTRYPOINT.*tini' <<<"$last"
  check "$file: installs with --frozen-lockfile" grep -q 'pnpm install --frozen-lockfile' "$file"
  check "$file: uses turbo prune --docker" grep -q 'turbo prune .*--docker' "$file"

  want="$(sed -n "/^catalogs:/,/^[a-z]/{/^    turbo:/,/version:/{s/^ *version: *//p}}" pnpm-lock.yaml | head -n 1)"
  have="$(grep -o 'TURBO_VERSION=[0-9.]*' "$file" | head -n 1 | cut -d= -f2)"
  if [ -z "$have" ]; then skip "$file: no TURBO_VERSION to compare"
  elif [ "$have" = "$want" ]; then ok "$file: turbo $have matches pnpm-lock.yaml"
  else bad "$file: TURBO_VERSION=$have but pnpm-lock.yaml has turbo $want"; fi
done

# --- healthcheck script --------------------------------------------------------------------------
if command -v node >/dev/null; then
  check "docker/healthcheck.mjs parses" node --check docker/healthcheck.mjs
else
  skip "node not on PATH: docker/healthcheck.mjs not parsed"
fi
check "healthcheck.mjs reads the heartbeat key packages/queue writes (\${prefix}:workers)" \
  grep -q 'workerHeartbeats: `${prefix}:workers`' packages/queue/src/keys.ts
check "dry-build.sh parses" bash -n docker/dry-build.sh
check ".dockerignore keeps node_modules, .git and .env out of the build context" \
  bash -c 'grep -qx "\*\*/node_modules" .dockerignore && grep -qx ".git" .dockerignore && grep -qx "\*\*/.env" .dockerignore'

# --- compose -----------------------------------------------------------------------------------
compose_bins=()
command -v docker-compose >/dev/null && compose_bins+=("docker-compose")
docker compose version >/dev/null 2>&1 && compose_bins+=("docker compose")
# A secret variable given a literal value (map or list form) rather than a ${...} from docker/.env.
secret_value='^[[:space:]]*(-[[:space:]]*)?"?[A-Z0-9_]*(API_KEY|TOKEN|PASSWORD|SECRET)[A-Z0-9_]*"?[:=][[:space:]]*[^$[:space:]]'
if grep -Eiq "$secret_value" docker/compose.yml; then
  bad "compose.yml sets a secret value: $(grep -Ei "$secret_value" docker/compose.yml | head -n 1)"
else
  ok "compose.yml holds no secret values (they come from docker/.env)"
fi
if [ ${#compose_bins[@]} -eq 0 ]; then
  skip "compose validation: neither docker-compose nor 'docker compose' is installed (apt-get install docker-compose)"
fi
for bin in "${compose_bins[@]}"; do
  base=($bin -f docker/compose.yml --env-file docker/.env.example)
  if out="$("${base[@]}" config 2>/tmp/compose-check.err)"; then
    ok "$bin config: compose.yml is valid"
  else
    bad "$bin config: $(cat /tmp/compose-check.err)"
    continue
  fi
  if "${base[@]}" --profile offline config >/dev/null 2>&1; then ok "$bin --profile offline config"; else bad "$bin --profile offline config"; fi
  # Without an .env, ADMIN_TOKEN is missing and compose must refuse rather than start unprotected.
  if (cd /tmp && $bin -f "$OLDPWD/docker/compose.yml" --env-file /dev/null config >/dev/null 2>&1); then
    bad "$bin: config passed without ADMIN_TOKEN"
  else
    ok "$bin: config refuses to run without ADMIN_TOKEN"
  fi
  if command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null; then
    if report="$(python3 - "$out" <<'PY'
import re, sys, yaml
c = yaml.safe_load(sys.argv[1])
s = c["services"]
problems = []
def seconds(v):
    m = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", str(v))
    return int(m.group(1) or 0) * 60 + int(m.group(2) or 0) if m else 0
redis = " ".join(s["redis"].get("command") or [])
for flag in ("--appendonly yes", "--appendfsync always", "--maxmemory-policy noeviction"):
    if flag not in redis: problems.append(f"redis lacks {flag}")
if not any(":/data" in str(v) for v in s["redis"].get("volumes", [])): problems.append("redis has no volume on /data")
w = s["worker"]
if (w.get("deploy") or {}).get("replicas") != 3: problems.append("worker deploy.replicas is not 3")
deadline = int(w.get("environment", {}).get("SHUTDOWN_DEADLINE_MS", 25000)) / 1000
if seconds(w.get("stop_grace_period", "10s")) <= deadline: problems.append(f"worker stop_grace_period <= SHUTDOWN_DEADLINE_MS ({deadline}s)")
for name in ("redis", "qdrant", "api", "worker", "llm-simulator"):
    if not (s.get(name) or {}).get("healthcheck", {}).get("test"): problems.append(f"{name} has no healthcheck")
for dep in ("redis", "qdrant"):
    if (s["api"].get("depends_on") or {}).get(dep, {}).get("condition") != "service_healthy":
        problems.append(f"api does not wait for {dep} to be healthy")
if "offline" not in (s["llm-simulator"].get("profiles") or []): problems.append("llm-simulator is not in the offline profile")
print("; ".join(problems))
sys.exit(1 if problems else 0)
PY
)"; then ok "$bin config: AOF + noeviction Redis, 3 workers, grace > deadline, healthchecks, offline profile"
    else bad "$bin config: $report"; fi
  else
    skip "python3 yaml not available: compose contents not inspected"
  fi
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
