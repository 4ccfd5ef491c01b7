#!/bin/sh
# Prepares the stack's shared volume once: the data, a model trained on the reference data,
# registered and promoted to production. The service and the monitor start after this succeeded;
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

mlops data generate --out "$data"
mlops train -d "$data/reference.csv" -m "$volume/models/classifier" --register
# The promotion gate judges the latest validation: validate first (it records its report on v1).
mlops validate -d "$data/reference.csv" -m "$volume/models/classifier"
mlops registry promote v1

date -u +%Y-%m-%dT%H:%M:%SZ > "$marker"
echo "mlops-init: data in $data, model v1 in production (registry $MLOPS_HOME)"
