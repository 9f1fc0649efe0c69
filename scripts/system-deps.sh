#!/usr/bin/env bash
# Installs the system packages the tests drive for real, when missing: Chromium (browser tests),
# PostgreSQL (server mode), tmux (the terminal coach end to end), poppler (PDF pages to PNG),
# Pango and a font (WeasyPrint). As root it installs them; with password-less sudo it uses sudo;
# otherwise it says what to install and stops (nothing is installed behind your back).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# WeasyPrint (the clinician summary PDF) loads Pango through cffi and needs at least one font.
ls /usr/lib/*/libpangoft2-1.0.so.0 >/dev/null 2>&1 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1 || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "The tests need these system packages, which are not installed: ${need[*]}" >&2
  echo "Install them (as root), then run the command again:" >&2
  echo "  apt-get install --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
