#!/usr/bin/env bash
# Runs every test of Jiaowu on a fresh Debian/Ubuntu machine: installs the system packages
# (as root; otherwise prints the apt line), makes .venv, installs the project with its dev
# extra, then runs pytest (import contracts included). Extra arguments go to pytest.
# PostgreSQL tests run when JIAOWU_TEST_PG_URL is set (e.g. postgresql://postgres@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
jiaowu_system_packages
jiaowu_venv dev
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -n 2 --dist loadgroup "$@"
