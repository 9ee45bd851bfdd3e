#!/usr/bin/env bash
# Headless Chromium (and CJK fonts) for the report rendering test, from Debian's packages.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null; then  # not grep -q: fc-list would die of SIGPIPE and pipefail call it missing
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing chromium and fonts-noto-cjk (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null 2>&1 || {
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  }
else
  echo "warning: chromium not found and cannot be installed here; the browser test will be skipped" >&2
fi
