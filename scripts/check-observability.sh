#!/usr/bin/env bash
# Checks deploy/'s Prometheus side with Prometheus' own tool: both configs load (with their rule
# files), the recording and alert rules are valid, and their unit tests pass. Needs promtool
# (Debian package prometheus; scripts/install-test-deps.sh installs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

prom=deploy/prometheus
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== observability: Prometheus config for Docker"
promtool check config "$prom/prometheus.yml"

echo "== observability: native Prometheus config, rendered for test targets"
"$prom/render-native-config.sh" "$work/native" 127.0.0.1:18080 127.0.0.1:18085
if grep -q '\${' "$work/native/prometheus.yml"; then
  echo "check-observability: a placeholder was left in the rendered native config" >&2
  exit 1
fi
grep -q '"127.0.0.1:18080"' "$work/native/prometheus.yml"
grep -q '"127.0.0.1:18085"' "$work/native/prometheus.yml"
promtool check config "$work/native/prometheus.yml"

echo "== observability: recording and alert rules"
promtool check rules "$prom/recording-rules.yml" "$prom/alerts.yml"
promtool test rules "$prom/tests/recording-rules.test.yml" "$prom/tests/alerts.test.yml"
