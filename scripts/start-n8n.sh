#!/usr/bin/env bash
# Starts a real n8n (Node 24, from the .cache install) with this package
# installed as a community package, in its own user folder
# (.cache/n8n-home/NAME). Waits until /healthz answers, then fails loudly unless
# n8n loaded our node types and credential. Stays in the foreground while n8n
# runs; Ctrl-C / SIGTERM stops n8n. Prints "n8n ready: <url>" once usable.
#
# Usage: scripts/start-n8n.sh [--name NAME] [--port PORT] [--no-pack] [--no-build]
#   --no-pack   keep the package already installed in NAME (e2e packs once)
#   --no-build  pack the existing dist/ without rebuilding
# The log goes to .cache/n8n-home/NAME/n8n.log (and stdout with N8N_LOG_TO_STDOUT=1).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/n8n-env.sh"

name=dev port=5678 pack=1 build_flag=()
while (($#)); do
  case $1 in
    --name) name=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --no-pack) pack=0; shift ;;
    --no-build) build_flag=(--no-build); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
log() { echo "[start-n8n] $*" >&2; }
die() { echo "[start-n8n] ERROR: $*" >&2; exit 1; }

"$here/install-n8n.sh"
((pack)) && "$here/pack-into-n8n.sh" "$name" "${build_flag[@]}"

n8n_export_env "$name" "$port"
home="$N8N_USER_FOLDER"
mkdir -p "$home"
echo "$port" >"$home/port"
logfile="$home/n8n.log"
types_dir="$home/.cache/n8n/public/types"
# n8n rewrites these at start from what it loaded; a stale copy must not pass the check.
rm -f "$types_dir/nodes.json" "$types_dir/credentials.json"

if node "$here/lib/http.mjs" ok "http://127.0.0.1:$port/healthz"; then
  die "something already answers on port $port"
fi

log "starting n8n $N8N_VERSION on http://127.0.0.1:$port (user folder $home, log $logfile)"
started=$SECONDS
# setsid: n8n gets no Ctrl-C from the terminal, only the one SIGTERM that
# stop_n8n sends (n8n takes a second signal as "exit now", skipping its clean
# shutdown, and the next start reports "Last session crashed").
if [[ "${N8N_LOG_TO_STDOUT:-0}" == 1 ]]; then
  setsid node "$N8N_BIN" start > >(tee -a "$logfile") 2>&1 &
else
  setsid node "$N8N_BIN" start >>"$logfile" 2>&1 &
fi
n8n_pid=$!
stop_n8n() {
  trap - INT TERM EXIT
  if kill -0 "$n8n_pid" 2>/dev/null; then
    log "stopping n8n (pid $n8n_pid)"
    kill -TERM "$n8n_pid" 2>/dev/null || true
    # n8n waits for running executions for up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT (30 s).
    for _ in $(seq 1 40); do kill -0 "$n8n_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$n8n_pid" 2>/dev/null || true
  fi
}
trap 'stop_n8n; exit 130' INT
trap 'stop_n8n; exit 143' TERM
trap stop_n8n EXIT

until node "$here/lib/http.mjs" ok "http://127.0.0.1:$port/healthz"; do
  kill -0 "$n8n_pid" 2>/dev/null || { tail -40 "$logfile" >&2; die "n8n exited during start (log: $logfile)"; }
  ((SECONDS - started < ${N8N_START_TIMEOUT:-240})) || die "no /healthz after ${N8N_START_TIMEOUT:-240} s (log: $logfile)"
  sleep 1
done
# /healthz answers before the type files are written: wait for them too.
until [[ -s "$types_dir/nodes.json" && -s "$types_dir/credentials.json" ]]; do
  ((SECONDS - started < ${N8N_START_TIMEOUT:-240})) || die "n8n wrote no $types_dir/nodes.json"
  sleep 1
done
node "$here/check-n8n-loaded.mjs" "$home" || { grep -iE "error|contentgroove" "$logfile" | tail -20 >&2; exit 1; }
log "n8n ready: http://127.0.0.1:$port (started in $((SECONDS - started)) s)"
echo "n8n ready: http://127.0.0.1:$port"
wait "$n8n_pid" || true
