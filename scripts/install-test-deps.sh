#!/usr/bin/env bash
# Installs what the test suite needs and a fresh machine lacks. Idempotent: a no-op when all is there.
set -euo pipefail

packages=()
need() { # need COMMAND-OR-PATH DEBIAN-PACKAGE
  if ! command -v "$1" >/dev/null 2>&1 && [[ ! -x "$1" ]]; then packages+=("$2"); fi
}

# Later features add their needs here (a browser, Prometheus, PostgreSQL…).

if ((${#packages[@]})); then
  echo "install-test-deps: installing ${packages[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
