#!/usr/bin/env bash
# Installs what the test suite needs and a fresh machine lacks. Idempotent: a no-op when all is there.
set -euo pipefail

packages=()
need() { # need COMMAND-OR-PATH DEBIAN-PACKAGE
  if ! command -v "$1" >/dev/null 2>&1 && [[ ! -x "$1" ]]; then packages+=("$2"); fi
}

# Later features add their needs here (a browser, Prometheus, PostgreSQL…).
need promtool prometheus # deploy/'s Prometheus configs and alert rules (scripts/check-observability.sh)
need /usr/bin/chromium chromium # the client page's browser test (Playwright drives Debian's Chromium; it never downloads one)
need /usr/bin/setsid util-linux # mlops up starts its background processes in their own session
need /bin/kill procps           # mlops down and the tests stop processes with SIGTERM
# deploy/k8s rendered by `kubectl kustomize` (tests/Mlops.Deploy.Tests). Only when no kubectl at all:
# Debian's kubernetes-client (kubectl 1.20, kustomize v2.0.3) conflicts with a newer kubectl.
need kubectl kubernetes-client
# Three replicas behind a real load balancer (tests/Mlops.Simulation.Tests/ReplicaFleetTests, deploy/haproxy).
need /usr/sbin/haproxy haproxy

if ((${#packages[@]})); then
  echo "install-test-deps: installing ${packages[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  # Where systemd runs, Debian starts the prometheus package's own server on :9090; tests start their own.
  if [[ " ${packages[*]} " == *" prometheus "* && -d /run/systemd/system ]]; then
    "${sudo_cmd[@]}" systemctl disable --now prometheus.service >/dev/null 2>&1 ||
      echo "install-test-deps: could not stop the prometheus service; port 9090 may be taken" >&2
  fi
  # Likewise the haproxy package's own service (port 80 with Debian's config); tests start their own.
  if [[ " ${packages[*]} " == *" haproxy "* && -d /run/systemd/system ]]; then
    "${sudo_cmd[@]}" systemctl disable --now haproxy.service >/dev/null 2>&1 || true
  fi
fi
