#!/usr/bin/env bash
# Tesseract baseline on one bench set: one core, default page segmentation, then score.py.
#
#   bench/print/tess.sh SET PRED_DIR [LANG]      (LANG: eng (default) or kor)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SET="$1"; PRED="$2"; LANG_="${3:-eng}"
SCORE="${SCORE:-$HERE/../../../shared/eval/score.py}"
[ -f "$SCORE" ] || SCORE=/work/shared/eval/score.py
mkdir -p "$PRED/tsv"
start=$(date +%s.%N)
n=0
for img in "$SET"/images/*.png; do
    name="$(basename "$img" .png)"
    OMP_THREAD_LIMIT=1 taskset -c 0 tesseract "$img" "$PRED/tsv/$name" -l "$LANG_" tsv 2>/dev/null
    read -r w h < <(python3 -c "import json,sys; g=json.load(open(sys.argv[1])); print(g['width'], g['height'])" "$SET/gt/$name.json")
    python3 "$HERE/../tess2json.py" "$PRED/tsv/$name.tsv" "$name.png" "$w" "$h" 1 "$PRED/$name.json"
    n=$((n + 1))
done
end=$(date +%s.%N)
python3 -c "import sys; print(f'{int(sys.argv[3])} pages, {(float(sys.argv[2]) - float(sys.argv[1])) / int(sys.argv[3]):.2f} s/page (tesseract + conversion, one core)')" "$start" "$end" "$n"
for iou in 0.5 0.3; do
    echo "--- IoU $iou"
    python3 "$SCORE" "$SET" "$PRED" --iou "$iou"
done
