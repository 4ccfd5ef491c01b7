#!/usr/bin/env bash
# Load benchmark of the prediction service (not a test): wrk drives POST /predict on loopback
# against `mlops serve` (a trained model from the registry, prediction log and metrics on) in both
# log durability modes — durable (the default: an answer waits for its row's group commit) and
# buffered — and against a bare Kestrel endpoint that answers a constant, on the same machine;
# prints throughput, p50/p99 latency and the ratios. Beside them, a generated 20-feature problem
# (wide-problem.py: numbers, flags, string categories; `schema infer`, `train --problem`, `serve --model`),
# buffered. Targets: durable keeps at least 0.35 of the bare throughput with p99 under 10 ms at 16
# connections; buffered at least half (0.58 before the service read any problem).
# The three are loaded in turns, several rounds, and the medians reported: on a shared machine a
# neighbour's build slows one run, not one side.
#   benchmarks/load/predict-load.sh [SECONDS_PER_RUN] [ROUNDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
duration="${1:-10}"
rounds="${2:-3}"
connections="${3:-16}"

source benchmarks/load/wrk-common.sh
need_debian wrk

work="$(mktemp -d "${TMPDIR:-/tmp}/mlops-load.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)" >&2
./mlops --help >/dev/null
dotnet build benchmarks/load/BareKestrel -c Release --nologo -v quiet -clp:ErrorsOnly >&2

echo "== a model in production (MLOPS_HOME=$work/home)" >&2
export MLOPS_HOME="$work/home"
./mlops train -d seed-data/reference.csv -m "$work/model" >"$work/train.log" 2>&1
./mlops registry add "$work/model" >/dev/null
./mlops validate -d seed-data/reference.csv -m "$work/model" >/dev/null || true
./mlops registry promote v1 --force --reason "load benchmark" >/dev/null

echo "== a generated 20-feature problem (wide-problem.py, schema infer, train --problem)" >&2
python3 benchmarks/load/wide-problem.py "$work/wide.csv" "$work/wide.jsonl"
./mlops schema infer "$work/wide.csv" --label label --out "$work/wide.problem.json" >/dev/null
./mlops train --problem "$work/wide.problem.json" -d "$work/wide.csv" -m "$work/wide-model" >"$work/wide-train.log" 2>&1

durable_port="$(scripts/free-port.sh)"
dotnet src/Mlops.Cli/bin/Release/net10.0/mlops.dll serve --port "$durable_port" --prediction-log "sqlite:$work/durable.db" >"$work/durable.log" 2>&1 &
pids+=($!)
buffered_port="$(scripts/free-port.sh)"
dotnet src/Mlops.Cli/bin/Release/net10.0/mlops.dll serve --port "$buffered_port" --prediction-log "sqlite:$work/buffered.db" --log-durability buffered >"$work/buffered.log" 2>&1 &
pids+=($!)
wide_port="$(scripts/free-port.sh)"
dotnet src/Mlops.Cli/bin/Release/net10.0/mlops.dll serve --port "$wide_port" --model "$work/wide-model" --prediction-log "sqlite:$work/wide.db" --log-durability buffered >"$work/wide.log" 2>&1 &
pids+=($!)
bare_port="$(scripts/free-port.sh)"
dotnet benchmarks/load/BareKestrel/bin/Release/net10.0/BareKestrel.dll "$bare_port" >"$work/bare.log" 2>&1 &
pids+=($!)
wait_ping "$durable_port"
wait_ping "$buffered_port"
wait_ping "$bare_port"
wait_ping "$wide_port"

declare -A rps p50 p99
run() { # run NAME PORT [SCRIPT]: one measured run, appended to the NAME's samples
  local out
  out="$(wrk -t1 -c "$connections" -d "${duration}s" --latency -s "${3:-benchmarks/load/predict-body.lua}" "http://127.0.0.1:$2/predict")"
  echo "$out" >>"$work/wrk-$1.txt"
  if grep -q "Non-2xx" <<<"$out"; then echo "predict-load: $1 answered errors:" >&2; echo "$out" >&2; exit 1; fi
  local r q50 q99
  r="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  q50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")"
  q99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
  rps[$1]+="$r "; p50[$1]+="$q50 "; p99[$1]+="$q99 "
  printf '  round %s %-8s %10.0f req/s  p50 %6s ms  p99 %6s ms\n' "$round" "$1" "$r" "$q50" "$q99" >&2
}

echo "== load: wrk, 1 thread, $connections connections, $rounds rounds of ${duration} s per endpoint, after 5 s warm-up each" >&2
export MLOPS_LOAD_BODIES="$work/wide.jsonl"
for port in "$bare_port" "$durable_port" "$buffered_port"; do
  wrk -t1 -c "$connections" -d 5s -s benchmarks/load/predict-body.lua "http://127.0.0.1:$port/predict" >/dev/null
done
wrk -t1 -c "$connections" -d 5s -s benchmarks/load/predict-bodies.lua "http://127.0.0.1:$wide_port/predict" >/dev/null
for round in $(seq 1 "$rounds"); do
  run bare "$bare_port"
  run durable "$durable_port"
  run buffered "$buffered_port"
  run wide "$wide_port" benchmarks/load/predict-bodies.lua
done

bare_rps="$(median <<<"${rps[bare]}")"
printf '\n%-44s %12s %10s %10s %7s\n' "median of $rounds (loopback, $(nproc) cores, $connections conn.)" "requests/s" "p50 ms" "p99 ms" "ratio"
row() { # row NAME LABEL
  local r; r="$(median <<<"${rps[$1]}")"
  printf '%-44s %12.0f %10s %10s %7s\n' "$2" "$r" "$(median <<<"${p50[$1]}")" "$(median <<<"${p99[$1]}")" "$(awk -v s="$r" -v b="$bare_rps" 'BEGIN { printf "%.2f", s / b }')"
}
row bare "bare Kestrel, constant answer"
row durable "mlops serve, durable log (default)"
row buffered "mlops serve, --log-durability buffered"
row wide "20-feature problem, buffered log"
printf '\ntargets: durable >= 0.35 of bare with p99 < 10 ms; buffered >= 0.58\n'
for mode in durable buffered; do
  port_var="${mode}_port"
  metrics="$(curl -s "http://127.0.0.1:${!port_var}/metrics")"
  metric() { awk -v name="$1" '$1 == name {print $2}' <<<"$metrics"; }
  printf '%s log: %s rows written, %s dropped, %s unrecorded (503), %s queued\n' "$mode" \
    "$(metric mlops_prediction_log_written_total)" "$(metric mlops_prediction_log_dropped_total)" \
    "$(metric mlops_prediction_log_unrecorded_total)" "$(metric mlops_prediction_log_queue_length)"
done
printf 'load average %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
