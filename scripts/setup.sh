# Shared by demo.sh and test.sh: system packages, the virtual environment, the project.
# Sourced, not run. Installs only what is missing, so a second run starts at once.

JIAOWU_APT_PACKAGES=(
  # Qt (PySide6) on the offscreen and xcb platforms
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0
  # Chinese text in screens, screenshots and PDFs
  fonts-noto-cjk
  # Browser tests of the student web portal (Playwright drives Debian's chromium)
  chromium
)

jiaowu_missing_packages() {
  local missing=()
  for pkg in "${JIAOWU_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

jiaowu_system_packages() {
  local missing
  missing=$(jiaowu_missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = "0" ]; then
    echo "==> installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "==> some system packages are missing; install them with:"
    echo "    sudo apt-get install -y --no-install-recommends $missing"
    return 1
  fi
}

jiaowu_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Jiaowu needs Python 3.11 or newer (apt-get install python3 python3-venv)" >&2
  return 1
}

jiaowu_venv() {
  local extras="$1" python stamp
  python=$(jiaowu_python) || return 1
  if [ ! -x .venv/bin/python ]; then
    echo "==> creating .venv with $python"
    "$python" -m venv .venv || { echo "python venv failed: apt-get install python3-venv" >&2; return 1; }
  fi
  stamp=".venv/.stamp-$(cat pyproject.toml | sha256sum | cut -c1-16)-${extras//[^a-z,]/}"
  if [ ! -f "$stamp" ]; then
    echo "==> installing Jiaowu and its dependencies ($extras) into .venv"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[$extras]"
    rm -f .venv/.stamp-*
    touch "$stamp"
  fi
}
