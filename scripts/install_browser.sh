#!/usr/bin/env bash
# Installs Debian's Chromium, its driver and CJK fonts (for readable screenshots) for the browser test. Needs root (or sudo) and the Debian mirror.
set -euo pipefail
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "not root and no sudo: cannot install chromium" >&2; exit 1; }
  SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
command -v chromium
