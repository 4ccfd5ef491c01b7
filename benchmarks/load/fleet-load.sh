#!/usr/bin/env bash
# Load benchmark of replicas behind HAProxy (not a test): wrk drives POST /predict through Debian's
# HAProxy with the shipped deploy/haproxy/haproxy.cfg in front of
#   bare   a bare Kestrel endpoint that answers a constant (HAProxy's own cost, the ceiling),
#   one    one `mlops serve` replica,
#   three  three `mlops serve` replicas,
# the replicas writing one PostgreSQL prediction log (durable, the default) and reading one registry.
# Loaded in turns, several rounds, medians reported with the ratios to `one`. Prints the load average.
# Needs PostgreSQL: starts a throw-away one with scripts/start-postgres.sh.
#   benchmarks/load/fleet-load.sh [SECONDS_PER_RUN] [ROUNDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
duration="${1:-10}"
rounds="${2:-3}"
connections="${3:-32}"

source benchmarks/load/wrk-common.sh
need_debian wrk
need_debian haproxy
haproxy_bin="$(command -v haproxy || echo /usr/sbin/haproxy)"

work="$(mktemp -d "${TMPDIR:-/tmp}/mlops-fleet-load.XXXXXX")"
pids=()
postgres_dir=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -z "$postgres_dir" ]] || scripts/start-postgres.sh --stop "$postgres_dir"
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)" >&2
./mlops --help >/dev/null
dotnet build benchmarks/load/BareKestrel -c Release --nologo -v quiet -clp:ErrorsOnly >&2

echo "== PostgreSQL for the shared prediction log" >&2
eval "$(scripts/start-postgres.sh)"
postgres_dir="$MLOPS_TEST_POSTGRES_DIR"
log="postgres:$MLOPS_TEST_POSTGRES"

echo "== a model in production (MLOPS_HOME=$work/home, shared by the replicas)" >&2
export MLOPS_HOME="$work/home"
./mlops train -d seed-data/reference.csv -m "$work/model" >"$work/train.log" 2>&1
./mlops registry add "$work/model" >/dev/null
./mlops registry promote v1 --force --reason "fleet load benchmark" >/dev/null

start_replica() { # prints the port
  local port; port="$(scripts/free-port.sh)"
  dotnet src/Mlops.Cli/bin/Release/net10.0/mlops.dll serve --port "$port" --prediction-log "$log" >"$work/serve-$port.log" 2>&1 &
  pids+=($!)
  echo "$port"
}
replicas=("$(start_replica)" "$(start_replica)" "$(start_replica)")
bare_port="$(scripts/free-port.sh)"
dotnet benchmarks/load/BareKestrel/bin/Release/net10.0/BareKestrel.dll "$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!)
for port in "${replicas[@]}" "$bare_port"; do wait_ping "$port"; done

declare -A balancer
start_balancer() { # start_balancer NAME PORT1 PORT2 PORT3: HAProxy with the shipped config
  local port stats; port="$(scripts/free-port.sh)"; stats="$(scripts/free-port.sh)"
  MLOPS_LISTEN="127.0.0.1:$port" MLOPS_HAPROXY_STATS="127.0.0.1:$stats" \
    MLOPS_REPLICA_1="127.0.0.1:$2" MLOPS_REPLICA_2="127.0.0.1:$3" MLOPS_REPLICA_3="127.0.0.1:$4" \
    "$haproxy_bin" -db -f deploy/haproxy/haproxy.cfg >"$work/haproxy-$1.log" 2>&1 &
  pids+=($!)
  balancer[$1]="$port"
}
# One replica (or the bare endpoint): its address three times, so HAProxy does the same work in each case.
start_balancer bare "$bare_port" "$bare_port" "$bare_port"
start_balancer one "${replicas[0]}" "${replicas[0]}" "${replicas[0]}"
start_balancer three "${replicas[@]}"
for name in bare one three; do wait_ping "${balancer[$name]}"; done
sleep 2 # two health checks: every server in

declare -A rps p50 p99
run() { # run NAME: one measured run through that balancer
  local out r q50 q99
  out="$(wrk -t1 -c "$connections" -d "${duration}s" --latency -s benchmarks/load/predict-body.lua "http://127.0.0.1:${balancer[$1]}/predict")"
  echo "$out" >>"$work/wrk-$1.txt"
  if grep -q "Non-2xx" <<<"$out"; then echo "fleet-load: $1 answered errors:" >&2; echo "$out" >&2; exit 1; fi
  r="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  q50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
  q99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
  rps[$1]+="$r "; p50[$1]+="$q50 "; p99[$1]+="$q99 "
  printf '  round %s %-6s %10.0f req/s  p50 %6s ms  p99 %6s ms\n' "$round" "$1" "$r" "$q50" "$q99" >&2
}

echo "== load: wrk, 1 thread, $connections connections, $rounds rounds of ${duration} s each, after 5 s warm-up" >&2
for name in bare one three; do
  wrk -t1 -c "$connections" -d 5s -s benchmarks/load/predict-body.lua "http://127.0.0.1:${balancer[$name]}/predict" >/dev/null
done
for round in $(seq 1 "$rounds"); do
  run bare
  run one
  run three
done

one_rps="$(median <<<"${rps[one]}")"
printf '\n%-46s %12s %10s %10s %9s\n' "median of $rounds (loopback, $(nproc) cores, $connections conn.)" "requests/s" "p50 ms" "p99 ms" "vs one"
row() { # row NAME LABEL
  local r; r="$(median <<<"${rps[$1]}")"
  printf '%-46s %12.0f %10s %10s %9s\n' "$2" "$r" "$(median <<<"${p50[$1]}")" "$(median <<<"${p99[$1]}")" "$(awk -v s="$r" -v b="$one_rps" 'BEGIN { printf "%.2f", s / b }')"
}
row bare "HAProxy -> bare Kestrel, constant answer"
row one "HAProxy -> 1 x mlops serve (PostgreSQL log)"
row three "HAProxy -> 3 x mlops serve (PostgreSQL log)"
for port in "${replicas[@]}"; do
  n="$(curl -s "http://127.0.0.1:$port/metrics" | awk '$1 == "mlops_prediction_log_written_total" {print $2}')"
  printf 'replica :%s wrote %s rows to the shared log\n' "$port" "$n"
done
printf 'load average %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
