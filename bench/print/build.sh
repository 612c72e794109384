#!/usr/bin/env bash
# Print development bench: typeset pages (LibreOffice) from texts of Debian packages, rasterized
# at 150 and 100 dpi, clean and scan-like, with word ground truth in shared/eval/score.py format.
#
#   bench/print/build.sh [OUT]          (default out/bench/print under the repo root)
#
# Installs what is missing with apt-get (Debian 12), downloads the source-text packages with
# apt-get download and unpacks them under OUT/_src (not installed). Deterministic: layouts and
# degradations are seeded. Idempotent: a run whose scripts and source packages match the last
# complete build does nothing; otherwise the sets are rebuilt from scratch.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$ROOT/out/bench/print}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
PY=/usr/bin/python3          # Debian's python3, where python3-numpy and python3-pil live

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
TOOLS="libreoffice-writer-nogui poppler-utils fonts-liberation fonts-dejavu-core fonts-dejavu-extra
 fonts-noto-core fonts-noto-mono fonts-nanum fonts-noto-cjk python3-numpy python3-pil gettext groff-base"
SRC_PKGS="debian-policy developers-reference maint-guide bash coreutils gimp-help-ko"

apt_updated=""
apt_update() {
    if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq; apt_updated=1; fi
}

missing=""
for p in $TOOLS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing:$missing"
    apt_update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

# source texts: the packages' files, unpacked (gimp-help-ko would pull a browser if installed)
SRC="$OUT/_src"
if [ ! -f "$SRC/root/.done" ]; then
    rm -rf "$SRC"
    mkdir -p "$SRC/debs" "$SRC/root"
    chmod 777 "$SRC/debs"        # apt-get download runs as _apt when it can
    apt-cache show gimp-help-ko >/dev/null 2>&1 || apt_update
    download() { (cd "$SRC/debs" && apt-get download -qq $SRC_PKGS 2>&1 | grep -v "^W: Download is performed unsandboxed"; exit "${PIPESTATUS[0]}"); }
    download || { apt_update; download; }     # stale package lists: update once and retry
    for d in "$SRC"/debs/*.deb; do
        dpkg-deb -x "$d" "$SRC/root"
        dpkg-deb -f "$d" Package Version | paste -sd' ' >> "$SRC/versions.txt"
    done
    for p in $SRC_PKGS; do grep -q "^Package: $p " "$SRC/versions.txt" || { echo "missing source package $p"; exit 1; }; done
    touch "$SRC/root/.done"
fi

STAMP="$(cat "$HERE"/build.sh "$HERE"/*.py "$SRC/versions.txt" | sha256sum | cut -c1-16)"
if [ -f "$OUT/.stamp" ] && [ "$(cat "$OUT/.stamp")" = "$STAMP" ]; then
    echo "up to date: $OUT"
    cat "$OUT/stats.json"
    exit 0
fi

WORK="$OUT/_work"
rm -rf "$WORK" "$OUT"/en-* "$OUT"/ko-* "$OUT/.stamp" "$OUT/stats.json"
mkdir -p "$WORK/pdf"
echo "texts"
$PY "$HERE/sources.py" "$SRC/root" "$WORK/texts.json"
echo "documents"
$PY "$HERE/typeset.py" "$WORK/texts.json" "$WORK/docs"
echo "typesetting (LibreOffice)"
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore \
    --convert-to pdf --outdir "$WORK/pdf" "$WORK"/docs/*.fodt > "$WORK/soffice.log" 2>&1
for f in "$WORK"/docs/*.fodt; do
    [ -s "$WORK/pdf/$(basename "$f" .fodt).pdf" ] || { echo "no PDF for $f (see $WORK/soffice.log)"; exit 1; }
done
rm -rf "$WORK/lo-profile"
echo "rasters, ground truth, scan copies"
$PY "$HERE/sets.py" "$WORK" "$OUT"
echo "$STAMP" > "$OUT/.stamp"
echo "done: $OUT"
