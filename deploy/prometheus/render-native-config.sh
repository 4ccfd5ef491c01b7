#!/usr/bin/env bash
# Renders prometheus.native.yml for a Prometheus that runs natively (no Docker):
#   render-native-config.sh OUT_DIR [SERVICE_TARGET] [MONITOR_TARGET]
# writes OUT_DIR/prometheus.yml with the two scrape targets (host:port; defaults 127.0.0.1:8080
# and 127.0.0.1:8085) and the rule files (recording-rules.yml, alerts.yml) beside it, where
# rule_files expects them. Then:
#   prometheus --config.file=OUT_DIR/prometheus.yml --storage.tsdb.path=OUT_DIR/tsdb
set -euo pipefail

if (($# < 1 || $# > 3)); then
  echo "usage: $(basename "$0") OUT_DIR [SERVICE_TARGET] [MONITOR_TARGET]" >&2
  exit 2
fi
out="$1"
service="${2:-127.0.0.1:8080}"
monitor="${3:-127.0.0.1:8085}"
target='^([A-Za-z0-9._-]+|\[[0-9A-Fa-f:]+\]):[0-9]{1,5}$'
for t in "$service" "$monitor"; do
  if [[ ! $t =~ $target ]]; then
    echo "render-native-config: '$t' is not a scrape target of the form host:port" >&2
    exit 2
  fi
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
sed -e "s/\${SERVICE_TARGET}/$service/" -e "s/\${MONITOR_TARGET}/$monitor/" \
  "$here/prometheus.native.yml" >"$out/prometheus.yml"
cp "$here/recording-rules.yml" "$here/alerts.yml" "$out/"
