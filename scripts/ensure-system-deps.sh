#!/usr/bin/env bash
# Installs the Debian packages the tests need, when they are missing.
#
#   bash scripts/ensure-system-deps.sh libreoffice-calc poppler-utils libxml2-utils chromium
#
# A package counts as present when dpkg has it installed, or when the command it provides is on
# PATH (installed some other way). Silent when everything is present. Otherwise runs
# `apt-get update` once and installs the missing packages without recommends; when that is not
# possible (not root, no network, apt fails) it exits 1 naming the packages and the command.
set -u

# The command each known package provides (a package not listed is checked through dpkg only).
command_of() {
  case "$1" in
    libreoffice-calc) echo soffice ;;
    poppler-utils) echo pdftoppm ;;
    libxml2-utils) echo xmllint ;;
    chromium) echo chromium ;;
    imagemagick) echo convert ;;
    *) echo "" ;;
  esac
}

is_present() {
  local pkg="$1" cmd
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    return 0
  fi
  cmd="$(command_of "$pkg")"
  [ -n "$cmd" ] && command -v "$cmd" >/dev/null 2>&1
}

missing=()
for pkg in "$@"; do
  is_present "$pkg" || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"

fail() {
  echo "ensure-system-deps: missing Debian packages: ${missing[*]}" >&2
  echo "ensure-system-deps: $1" >&2
  echo "ensure-system-deps: install them with (as root):" >&2
  echo "  $install_cmd" >&2
  exit 1
}

if [ "$(id -u)" -ne 0 ]; then
  fail "not running as root, so they cannot be installed here."
fi
if ! command -v apt-get >/dev/null 2>&1; then
  fail "apt-get is not available on this machine."
fi

echo "ensure-system-deps: installing ${missing[*]}" >&2
log="$(mktemp)"
if ! apt-get update >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  rm -f "$log"
  fail "apt-get update failed."
fi
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  rm -f "$log"
  fail "apt-get install failed."
fi
rm -f "$log"

still=()
for pkg in "${missing[@]}"; do
  is_present "$pkg" || still+=("$pkg")
done
if [ "${#still[@]}" -gt 0 ]; then
  missing=("${still[@]}")
  fail "apt-get reported success but these are still not installed."
fi
echo "ensure-system-deps: installed ${missing[*]}" >&2
