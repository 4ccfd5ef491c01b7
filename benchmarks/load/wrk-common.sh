# Shared by the wrk benchmarks (predict-load.sh, fleet-load.sh); sourced, not run.

# need_debian TOOL: installs Debian's package of that name when the command is missing.
need_debian() {
  if ! command -v "$1" >/dev/null && [[ ! -x "/usr/sbin/$1" ]]; then
    echo "$(basename "$0"): installing Debian's $1" >&2
    local sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$1" >/dev/null
  fi
}

# wait_ping PORT: until http://127.0.0.1:PORT/ping answers pong (30 s).
wait_ping() {
  for _ in $(seq 1 300); do
    [[ "$(curl -s "http://127.0.0.1:$1/ping" 2>/dev/null)" == "pong" ]] && return 0
    sleep 0.1
  done
  echo "$(basename "$0"): nothing answers on port $1" >&2
  exit 1
}

# to_ms TIME: seconds as wrk prints them (e.g. 512.00us, 1.20ms, 1.01s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; unit = v; sub(/^[0-9.]+/, "", unit)
    if (unit == "us") n /= 1000; else if (unit == "s") n *= 1000; else if (unit == "m") n *= 60000
    printf "%.2f", n }'
}

# median: of the numbers on stdin, separated by spaces.
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { printf "%s", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
