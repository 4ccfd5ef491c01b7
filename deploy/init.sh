#!/bin/sh
# Prepares the stack's shared volume once: the data, a model trained on the reference data,
# registered and promoted to production. The service and the monitor start after this succeeded;
# a second `docker compose up` finds the marker and keeps what is there.
set -eu

data=/data/data
marker=/data/.initialized

if [ -f "$marker" ]; then
  echo "mlops-init: /data is already initialised ($(cat "$marker")); nothing to do"
  exit 0
fi

mlops data generate --out "$data"
mlops train -d "$data/reference.csv" -m /data/models/classifier --register
mlops registry promote v1

date -u +%Y-%m-%dT%H:%M:%SZ > "$marker"
echo "mlops-init: data in $data, model v1 in production (registry $MLOPS_HOME)"
