#!/usr/bin/env bash
# Runs every test of ProtocolOcr: unit tests and integration tests against a real PostgreSQL, Azurite, Tesseract and
# worker process (the tests start and stop their own private services). Installs what is missing first.
# Ends with one line "N passed, N failed, N skipped"; exits non-zero when a test failed or no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build ProtocolOcr.sln -c Release --nologo --verbosity quiet || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet test ProtocolOcr.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ..." (one line per test project)
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
projects_with_errors=$(grep -cE '^\s*(Test Run Aborted|The active test run was aborted)' "$log" || true)
if [[ $((passed + failed)) -eq 0 ]]; then echo "no test ran" >&2; status=1; fi
echo "${passed} passed, $((failed + projects_with_errors)) failed, ${skipped} skipped"
exit "$status"
