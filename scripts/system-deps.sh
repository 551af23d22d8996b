#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the product needs, if any are missing:
# Pango and HarfBuzz's subsetter for WeasyPrint's PDFs, gettext for translations,
# fonts that cover Kazakh letters, Chromium and Node.js for the browser tests,
# poppler and zbar for tests that read rendered PDFs and QR codes, haproxy for the
# two-node benchmark (bench/load.py --nodes 2), xmlsec1 for the SAML identity provider
# the sign-in tests start.
set -euo pipefail

packages=(
  python3-venv
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libjpeg62-turbo
  fonts-dejavu-core fonts-noto-core
  gettext
  chromium nodejs npm
  poppler-utils zbar-tools
  haproxy
  xmlsec1
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-based system: install the equivalents of ${packages[*]} yourself." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Node.js may come from elsewhere (nvm, NodeSource): a working npm is enough.
if command -v npm >/dev/null 2>&1; then
  filtered=()
  for package in "${missing[@]}"; do
    [[ "$package" == nodejs || "$package" == npm ]] || filtered+=("$package")
  done
  missing=("${filtered[@]}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
