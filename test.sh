#!/usr/bin/env bash
# Runs every test of the project. On a fresh machine with only the .NET SDK it first installs
# what the tests need (Debian packages), so this one command is the whole set-up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/install-test-deps.sh

echo "== build (Release, warnings as errors)"
dotnet build mlops.slnx -c Release --nologo -v quiet -clp:ErrorsOnly

echo "== format"
dotnet format mlops.slnx --verify-no-changes --no-restore

echo "== notebook runner (dotnet-repl, pinned in .config/dotnet-tools.json)"
dotnet tool restore >/dev/null

echo "== launcher"
./mlops --help >/dev/null

echo "== observability (promtool)"
scripts/check-observability.sh

echo "== PostgreSQL for the prediction-log test (scripts/start-postgres.sh)"
eval "$(scripts/start-postgres.sh)"
trap 'scripts/start-postgres.sh --stop "$MLOPS_TEST_POSTGRES_DIR"' EXIT

echo "== tests"
dotnet test mlops.slnx -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal"
