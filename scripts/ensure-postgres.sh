#!/usr/bin/env bash
# Make PostgreSQL server binaries available for the tests, which start their own
# throw-away cluster on 127.0.0.1. Installs Debian's postgresql package when missing.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing PostgreSQL server (apt-get install postgresql)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  # Debian starts a cluster on install where it can; the tests use their own.
  service postgresql stop >/dev/null 2>&1 || true
else
  echo "warning: PostgreSQL server not found and cannot be installed here; PostgreSQL tests will be skipped" >&2
fi
