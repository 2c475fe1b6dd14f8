#!/usr/bin/env bash
# Installs Debian's Prometheus for the alert-rule tests (`promtool test rules`) and the metrics tests.
# Idempotent: does nothing when promtool is already there. The package's own service is not started
# (no systemd here); tests run their own Prometheus with their own configuration.
set -euo pipefail
if command -v promtool >/dev/null 2>&1; then
  echo "prometheus: $(promtool --version 2>&1 | head -n 1)"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
echo "prometheus: $(promtool --version 2>&1 | head -n 1)"
