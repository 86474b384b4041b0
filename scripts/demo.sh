#!/usr/bin/env bash
# The main job end to end on one machine: installs what is missing, starts a private PostgreSQL and Azurite (data
# under $PROTOCOLOCR_DEMO_DIR, default /tmp/protocol-ocr-demo), applies the schema, starts the API and one worker,
# issues an observer token and an admin account, uploads the photos in testimages/, waits for the worker and prints what it read. Ctrl-C stops everything it started.
#   scripts/demo.sh           # keeps API, worker and dashboard running until Ctrl-C
#   scripts/demo.sh --once    # stops everything after printing the results (for scripted use)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
once=false; [[ ${1:-} == "--once" ]] && once=true

state=${PROTOCOLOCR_DEMO_DIR:-/tmp/protocol-ocr-demo}
mkdir -p "$state"

scripts/setup.sh
echo "demo: building (Release)"
dotnet build ProtocolOcr.sln -c Release --nologo --verbosity quiet

# shellcheck source=lib/services.sh
source scripts/lib/services.sh

free_port() { # a port nothing listens on, starting from $1
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo; echo "demo: stopping what it started"
  for pid in "${pids[@]}"; do stop_pid "$pid" || true; done
  [[ -n ${AZURITE_PID:-} ]] && stop_pid "$AZURITE_PID"
  stop_postgres "$state/postgres" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_postgres "$state/postgres" "$(free_port 55432)"
start_azurite "$state/azurite" "$(free_port 10100)"
api_port=$(free_port 5080)
api="http://127.0.0.1:$api_port"
cli=(dotnet "$root/src/ProtocolOcr.Cli/bin/Release/net10.0/protocol-ocr.dll")

"${cli[@]}" migrate

# Observers upload with a token an admin issued; the dashboard needs a signed-in admin.
token=$("${cli[@]}" tokens issue --observer demo-observer --quiet)
# The database outlives a run, so the admin is created once and its password kept next to it.
if [[ ! -s "$state/admin-password" ]]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$state/admin-password")
  "${cli[@]}" users add --name admin --role admin --password-file "$state/admin-password"
fi
admin_password=$(cat "$state/admin-password")

export PROTOCOLOCR_FORMS="$root/forms" OMP_THREAD_LIMIT=1
# One demo token stands in for many observers, so it may send every sample photo in one burst.
export Security__UploadsPerWindow=1000
dotnet src/ProtocolOcr.Api/bin/Release/net10.0/ProtocolOcr.Api.dll --urls "$api" >"$state/api.log" 2>&1 &
pids+=($!)
dotnet src/ProtocolOcr.Worker/bin/Release/net10.0/ProtocolOcr.Worker.dll >"$state/worker.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 300); do
  (echo >"/dev/tcp/127.0.0.1/$api_port") 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { tail -30 "$state/api.log" >&2; exit 1; }
  sleep 0.2
done

# The sample photos are named after their form; each form belongs to one of the seeded elections.
declare -A election_of=(
  [kz.president.2019]=kz-2019-president [kz.president.2022]=kz-2022-president
  [kz.majilis.party-list]=kz-2023-majilis [ru.uik.federal]=ru-uik
)
precinct=1
for form in "${!election_of[@]}"; do
  mapfile -t photos < <(find testimages -maxdepth 1 -type f -name "${form}_*" \( -iname '*.jpg' -o -iname '*.png' -o -iname '*.heic' -o -iname '*.webp' \) | sort)
  ((${#photos[@]})) || continue
  echo "demo: uploading ${#photos[@]} photos of form $form (election ${election_of[$form]}) to $api"
  "${cli[@]}" upload --api "$api" --token "$token" --election "${election_of[$form]}" --precinct "$precinct" --wait --timeout 600 "${photos[@]}" \
    || echo "demo: some uploads of $form did not end as expected (see above)"
  precinct=$((precinct + ${#photos[@]}))
done

cat <<EOM

demo: API        $api  (POST /api/uploads, GET /api/uploads/{id})
demo: dashboard  $api/hangfire  (sign in at $api/account/login as admin / $admin_password)
demo: database   $PROTOCOLOCR_DB
demo: logs       $state/api.log, $state/worker.log
EOM
if $once; then exit 0; fi
echo "demo: running; press Ctrl-C to stop"
wait "${pids[0]}"
