#!/usr/bin/env bash
# Prints a free loopback port (20000–49999): one where nobody answers a connection.
set -euo pipefail
for _ in $(seq 1 100); do
  port=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "$port"
    exit 0
  fi
done
echo "free-port: no free loopback port found in 100 tries" >&2
exit 1
