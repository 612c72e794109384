#!/usr/bin/env bash
# Debian packages the synthetic data generator needs on a fresh machine: the default fonts
# (FontBank) and the word lists the corpora are rebuilt from (tools/synth/build_corpus.py).
# Call from .ci/run before the tests: bash tools/synth/install-deps.sh
set -euo pipefail
PKGS=(fonts-dejavu-core fonts-liberation fonts-urw-base35 fonts-freefont-ttf fonts-noto-core fonts-noto-mono
      fonts-nanum wamerican hunspell-ko doc-debian debian-reference-en)
missing=()
for p in "${PKGS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
