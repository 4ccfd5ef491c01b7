#!/bin/sh
# Prepares the stack's shared volume once: the data, a model trained on the reference data,
# registered and promoted to production (unless the registry has a production model already). The service and the monitor start after this succeeded;
# a second `docker compose up` finds the marker and keeps what is there.
set -eu

# MLOPS_VOLUME: the shared volume (/data in the image; a temporary folder in the native test of this script).
volume="${MLOPS_VOLUME:-/data}"
data="$volume/data"
marker="$volume/.initialized"
token="$volume/token"

# The token the monitor and the service share: rows into the monitor need it (both listen on every
# interface of their containers). Made once, readable by the owner only; also for volumes made before it.
mkdir -p "$volume"
if [ ! -s "$token" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$token")
  echo "mlops-init: generated the stack's token in $token"
fi

if [ -f "$marker" ]; then
  echo "mlops-init: $volume is already initialised ($(cat "$marker")); nothing to do"
  exit 0
fi

# Where the registry is, for the messages; never the connection string (it may hold a password).
case "${MLOPS_REGISTRY:-}" in
  postgres:*) registry="PostgreSQL (MLOPS_REGISTRY)" ;;
  *) registry="${MLOPS_HOME:-.mlops}" ;;
esac

mlops data generate --out "$data"
# A shared registry (PostgreSQL, MLOPS_REGISTRY) may outlive this volume: if its production model is
# already set, that is the model to serve — keep it, train nothing. (It cannot tell "no production
# model" from "registry unreachable"; the latter fails at the registration below, with its message.)
if mlops registry show production > /dev/null 2>&1; then
  date -u +%Y-%m-%dT%H:%M:%SZ > "$marker"
  echo "mlops-init: data in $data; the registry already has a production model, kept (registry $registry)"
  exit 0
fi

# Promote the version this run registers, by the name train reports: a registry that already holds
# models (an old database) has its own v1, which is not this model.
trained="$(mlops train -d "$data/reference.csv" -m "$volume/models/classifier" --register)"
printf '%s\n' "$trained"
version="$(printf '%s\n' "$trained" | sed -n 's/^registered as \(v[0-9][0-9]*\) .*/\1/p')"
if [ -z "$version" ]; then
  echo "mlops-init: error: mlops train did not say which version it registered" >&2
  exit 1
fi
# The promotion gate judges the latest validation: validate first (it records its report on $version).
mlops validate -d "$data/reference.csv" -m "$volume/models/classifier"
mlops registry promote "$version"

date -u +%Y-%m-%dT%H:%M:%SZ > "$marker"
echo "mlops-init: data in $data, model $version in production (registry $registry)"
