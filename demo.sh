#!/usr/bin/env bash
# Starts the Jiaowu demo on a fresh Debian/Ubuntu machine: installs what it needs, seeds a
# demo university into var/demo (SQLite), starts the server and opens the desktop client,
# and prints the demo accounts. Extra arguments go to `jiaowu demo` (try --help).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
jiaowu_system_packages
jiaowu_venv server,client
exec .venv/bin/jiaowu demo --data-dir var/demo "$@"
