#!/usr/bin/env bash
# Runs an n8n CLI command (import:credentials, import:workflow, execute,
# publish:workflow, ...) against instance NAME's user folder, with the same
# environment as its server (scripts/start-n8n.sh).
# Usage: scripts/n8n-cli.sh NAME <n8n command and options>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/n8n-env.sh"
name=${1:?usage: n8n-cli.sh NAME <n8n command>}
shift
n8n_export_env "$name" "$(n8n_saved_port "$name")"
# CLI commands must not fight the server for its port or the runner broker's.
export N8N_RUNNERS_BROKER_PORT=0
exec node "$N8N_BIN" "$@"
