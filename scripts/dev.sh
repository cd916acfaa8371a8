#!/usr/bin/env bash
# `npm run dev`: a local sandbox to try the nodes by hand in a real n8n 2.x.
# Builds and packs this package, installs it into n8n (.cache/n8n-home/dev)
# as a community package, starts the ContentGroove emulator and n8n, sets up
# an owner account, imports the "ContentGroove Sandbox" credential and the
# example workflows of examples/, and prints where to log in.
# Ctrl-C stops everything it started. The first run installs n8n (minutes).
#
# Env: DEV_N8N_PORT (5678), DEV_EMULATOR_PORT (4010; its upload host +1),
#      EMULATOR_PROCESSING_DELAY_MS (5000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib/n8n-env.sh"

name=dev
n8n_port=${DEV_N8N_PORT:-5678}
emulator_port=${DEV_EMULATOR_PORT:-4010}
emulator_url="http://127.0.0.1:$emulator_port"
# A fixed fake key, only valid at the local emulator: printed for the user on purpose.
sandbox_key=cg_sandbox_not_a_real_key
owner_email=dev@example.com owner_password=Sandbox-Passw0rd
credential_id=CgSandboxCredent # the id examples/*.json refer to
trigger_example_id=CgExampleTrigger
home="$(n8n_home "$name")"
log() { echo "[dev] $*" >&2; }

stop_all() {
  trap - INT TERM EXIT
  log "stopping"
  # Each runs in its own session (setsid), so the terminal's Ctrl-C reached
  # neither: the emulator's group (npm → tsx → node) gets one TERM, and so
  # does start-n8n.sh, which passes it on to n8n and waits for its shutdown.
  local pid
  for pid in ${emulator_pid:-} ${n8n_pid:-}; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ ! -f "$N8N_PREFIX/.installed" ]]; then
  log "first run: installing n8n $N8N_VERSION and Node 24 into $CG_CACHE_DIR (several minutes, ~2.9 GB)"
fi
"$here/install-n8n.sh"
"$here/pack-into-n8n.sh" "$name"

mkdir -p "$home/files"
log "starting the ContentGroove emulator on $emulator_url (log: $home/emulator.log)"
(cd "$REPO_ROOT" && EMULATOR_PORT=$emulator_port EMULATOR_UPLOAD_PORT=$((emulator_port + 1)) \
  EMULATOR_API_KEY=$sandbox_key EMULATOR_PROCESSING_DELAY_MS=${EMULATOR_PROCESSING_DELAY_MS:-5000} \
  exec setsid npm run --silent emulator) >"$home/emulator.log" 2>&1 &
emulator_pid=$!
until node "$here/lib/http.mjs" ok "$emulator_url/_emulator/subscriptions"; do
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$home/emulator.log" >&2; log "ERROR: the emulator did not start"; exit 1; }
  sleep 0.5
done

# Imports happen before n8n starts: the CLI needs no login, and publishing a
# workflow (the trigger example) only works while n8n is stopped.
log "importing the credential \"ContentGroove Sandbox\" and the example workflows"
credential_file="$home/credential.import.json"
printf '[{"id":"%s","name":"ContentGroove Sandbox","type":"contentGrooveApi","data":{"apiKey":"%s","baseUrl":"%s"}}]' \
  "$credential_id" "$sandbox_key" "$emulator_url" >"$credential_file"
"$here/n8n-cli.sh" "$name" import:credentials --input="$credential_file" >/dev/null
rm -f "$credential_file"
# The upload example reads a video from disk: point it at a sample in the sandbox.
# Random bytes: the emulator hashes uploads, it does not decode them.
sample="$home/files/sample-video.mp4"
[[ -f "$sample" ]] || head -c 2000000 /dev/urandom >"$sample"
for example in "$REPO_ROOT"/examples/*.json; do
  sed "s|/path/to/your/video.mp4|$sample|g" "$example" >"$home/workflow.import.json"
  "$here/n8n-cli.sh" "$name" import:workflow --input="$home/workflow.import.json" >/dev/null
done
rm -f "$home/workflow.import.json"
"$here/n8n-cli.sh" "$name" publish:workflow --id="$trigger_example_id" >/dev/null

echo "$n8n_port" >"$home/port"
# The emulator forgets its subscriptions when it stops, and n8n 2.40's workflow
# publication service does not register a published workflow's webhooks again
# at start (nor after unpublish + publish from the CLI). The legacy activation
# path does: at every start it asks the trigger (checkExists → create), so the
# trigger example subscribes at this run's emulator.
N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false setsid "$here/start-n8n.sh" --name "$name" --port "$n8n_port" --no-pack >"$home/start.out" 2>&1 &
n8n_pid=$!
until grep -q '^n8n ready:' "$home/start.out" 2>/dev/null; do
  kill -0 "$n8n_pid" 2>/dev/null || { cat "$home/start.out" >&2; log "ERROR: n8n did not start"; exit 1; }
  sleep 1
done

# The owner account (what the editor's first page would ask for); 400 = already set up.
status=$(node "$here/lib/http.mjs" post "http://127.0.0.1:$n8n_port/rest/owner/setup" \
  "{\"email\":\"$owner_email\",\"firstName\":\"Sandbox\",\"lastName\":\"Owner\",\"password\":\"$owner_password\"}" || true)
[[ "$status" == 200 || "$status" == 400 ]] || log "WARNING: owner setup answered ${status:-nothing}; set up the owner in the editor"

cat <<BANNER

  n8n $N8N_VERSION with n8n-nodes-contentgroove is ready:
    Editor:    http://127.0.0.1:$n8n_port
    Login:     $owner_email / $owner_password
    Workflows: examples/ (the trigger example is active), credential "ContentGroove Sandbox"

  ContentGroove emulator: $emulator_url  (API key $sandbox_key, a fake valid only here)
    media finish processing after ${EMULATOR_PROCESSING_DELAY_MS:-5000} ms; control API: $emulator_url/_emulator/
  Logs: $home/n8n.log, $home/emulator.log

  Ctrl-C stops n8n and the emulator.
BANNER
# Until Ctrl-C, or until either of them stops on its own (then stop the other).
wait -n "$emulator_pid" "$n8n_pid" || true
log "n8n or the emulator stopped (see the logs above)"
