#!/usr/bin/env bash
# Benchmark of `mlops simulate` (not a test): three years of production, 36 months × 1,500 rows =
# 54,000 customers, through the real prediction service over HTTP (POST /predict per customer, 16 at
# a time; the service logs every answer to its prediction log and forwards it to the monitor, which
# computes drift after each month) — and, for a ratio, the same rows with --mock straight to the
# monitor's /iterate/insurance. Starts service and monitor with `mlops up` in a temporary
# MLOPS_HOME on free ports (no Prometheus), runs both in turns for several rounds and prints the
# medians: wall clock of the whole `mlops simulate` process, and the replay's own time.
# Target: the 54,000 rows through the service in under 15 s on the project's 2-core machine.
#   benchmarks/load/simulate.sh [ROUNDS] [CONCURRENCY]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
concurrency="${2:-16}"

work="$(mktemp -d "${TMPDIR:-/tmp}/mlops-simulate.XXXXXX")"
export MLOPS_HOME="$work/home"
cleanup() {
  ./mlops down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)" >&2
./mlops --help >/dev/null

service_port="$(scripts/free-port.sh)"
monitor_port="$(scripts/free-port.sh)"
echo "== mlops up (MLOPS_HOME=$MLOPS_HOME)" >&2
./mlops up --data seed-data --port-service "$service_port" --port-monitor "$monitor_port" --no-prometheus >"$work/up.log" 2>&1 ||
  { cat "$work/up.log" >&2; exit 1; }

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A wall inner
run() { # run NAME ARGS...: one timed replay of 36 months
  local name="$1" start end json
  shift
  start="$(date +%s.%N)"
  json="$(./mlops simulate --data seed-data --months 1-36 --concurrency "$concurrency" --json "$@" 2>"$work/$name.err")" ||
    { cat "$work/$name.err" >&2; exit 1; }
  end="$(date +%s.%N)"
  wall[$name]+="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f ", e - s }')"
  inner[$name]+="$(python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["seconds"], end=" ")' <<<"$json") "
  echo "  $name: $(tail -n 1 "$work/$name.err")" >&2
}

echo "== $rounds rounds of 36 months (54,000 rows), service and mock in turns, $concurrency at a time; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for _ in $(seq 1 "$rounds"); do
  run service --service "http://127.0.0.1:$service_port" --monitor "http://127.0.0.1:$monitor_port"
  run mock --mock --monitor "http://127.0.0.1:$monitor_port"
done

service_wall="$(median <<<"${wall[service]}")"
mock_wall="$(median <<<"${wall[mock]}")"
printf '\n54,000 rows (36 months x 1,500), median of %s rounds, load average after: %s\n' "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-58s %8s %10s %8s\n' "" "wall s" "replay s" "rows/s"
for name in service mock; do
  w="$(median <<<"${wall[$name]}")"
  i="$(median <<<"${inner[$name]}")"
  label="through the service (HTTP, prediction log, forwarding)"
  [[ $name == mock ]] && label="--mock (straight to the monitor's /iterate)"
  printf '%-58s %8s %10s %8.0f\n' "$label" "$w" "$i" "$(awk -v s="$i" 'BEGIN { print 54000 / s }')"
done
printf 'ratio service / mock (wall): %.2f\n' "$(awk -v a="$service_wall" -v b="$mock_wall" 'BEGIN { print a / b }')"
