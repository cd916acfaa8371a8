#!/usr/bin/env bash
# Installs this package into an n8n instance the way n8n installs a community
# package for its users: build, `npm pack`, and install the tarball into
# <N8N_USER_FOLDER>/.n8n/nodes. n8n 2.40–2.41's community-packages module scans
# .n8n/nodes/node_modules for n8n-nodes-* folders at every start; no database
# row is needed to load them (the row only lets the UI update/uninstall them).
# A tarball, not a symlink: it proves the published file list ("files") and
# the compiled paths in package.json's "n8n" field are right.
#
# Usage: scripts/pack-into-n8n.sh [NAME] [--no-build | --reuse-tarball]
#   without NAME: only build and pack (to .cache/package/)
#   --no-build       pack the existing dist/
#   --reuse-tarball  install the tarball packed last time (the e2e suite packs once)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/n8n-env.sh"

name='' build=1 pack=1
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    --reuse-tarball) build=0 pack=0 ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) name=$arg ;;
  esac
done
log() { echo "[pack-into-n8n] $*" >&2; }

tarball="$CG_STATE_DIR/package/$PACKAGE_NAME.tgz"
cd "$REPO_ROOT"
if ((build)); then
  log "building"
  npm run --silent build >&2
fi
if ((pack)); then
  tmp="$(mktemp -d)"
  packed="$(npm pack --silent --pack-destination "$tmp" | tail -1)"
  mkdir -p "$(dirname "$tarball")"
  mv "$tmp/$packed" "$tarball" && rmdir "$tmp"
  log "packed $packed"
fi
[[ -f "$tarball" ]] || { log "ERROR: no $tarball (pack first)"; exit 1; }
[[ -n "$name" ]] || exit 0

nodes_dir="$(n8n_home "$name")/.n8n/nodes"
mkdir -p "$nodes_dir"
[[ -f "$nodes_dir/package.json" ]] || echo '{"name":"installed-nodes","private":true,"dependencies":{}}' >"$nodes_dir/package.json"
cp "$tarball" "$nodes_dir/"
# Same tarball name every time: drop the old copy so npm cannot keep it.
rm -rf "$nodes_dir/node_modules/$PACKAGE_NAME"
# --legacy-peer-deps: like n8n itself (which strips peerDependencies), do not
# fetch n8n-workflow; at run time the package resolves n8n's own copy.
(cd "$nodes_dir" && npm install --silent --no-audit --no-fund --ignore-scripts \
  --legacy-peer-deps --package-lock=false "./$PACKAGE_NAME.tgz" >&2)
log "installed into $nodes_dir/node_modules/$PACKAGE_NAME"
