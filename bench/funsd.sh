#!/usr/bin/env bash
# Accuracy and speed on real scans, openocr against Tesseract, on the same pages in one run.
#
#   bench/funsd.sh [GT_DIR] [OUT_DIR]
#
# GT_DIR defaults to ../shared/data/funsd_train; results go to OUT_DIR (default out/bench/funsd):
# one prediction folder per configuration, scores from score.py, and summary.tsv with
# pages/s per core. Configurations, alternating: Tesseract default; openocr's engine on one core
# (`openocr eval --run --threads 1`, model load excluded); the Spark job on local[1]; Tesseract
# upscaled 2x with --psm 11; the Spark job on local[2] (job rates per core = pages / elapsed
# seconds / cores, engine load excluded and reported in OUT/job-*.summary.txt). Installs
# tesseract-ocr from Debian if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
GT="${1:-../shared/data/funsd_train}"
LIMIT="${LIMIT:-0}"   # LIMIT=N: only the first N pages (a quick check of the script)
OUT="${2:-out/bench/funsd}"
SCORE=../shared/eval/score.py
mkdir -p "$OUT"
if ! command -v tesseract >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-eng >/dev/null
fi
if ! command -v convert >/dev/null || ! convert -version 2>/dev/null | grep -q ImageMagick; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq imagemagick >/dev/null
fi
export OMP_THREAD_LIMIT=1
summary="$OUT/summary.tsv"
printf 'config\tpages\tseconds\tpages_per_s_per_core\tdet_f1\te2e_f1_exact\te2e_f1_caseless\tcer_matched\n' > "$summary"

score() { # name pred_dir seconds pages [cores]
  local gtdir="$GT"
  if [ "$LIMIT" -gt 0 ]; then # score only the pages that were read
    gtdir="$OUT/gt-subset"; rm -rf "$gtdir"; mkdir -p "$gtdir/gt"; cp $(gt_files) "$gtdir/gt/"
  fi
  python3 "$SCORE" "$gtdir" "$2" --json "$OUT/$1.score.json" > "$OUT/$1.score.txt"
  python3 - "$OUT/$1.score.json" "$1" "$3" "$4" "${5:-1}" >> "$summary" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n = int(sys.argv[4]); s = float(sys.argv[3]); c = int(sys.argv[5])
print("\t".join([sys.argv[2], str(n), f"{s:.1f}", f"{n / s / c:.3f}", f"{r['detection']['f1']:.4f}",
                 f"{r['e2e_exact']['f1']:.4f}", f"{r['e2e_caseless']['f1']:.4f}", f"{r['cer_matched']:.4f}"]))
PY
}

gt_files() {
  if [ "$LIMIT" -gt 0 ]; then ls "$GT"/gt/*.json | head -n "$LIMIT"; else ls "$GT"/gt/*.json; fi
}

tesseract_run() { # name scale psm
  local name=$1 scale=$2 psm=$3 dir="$OUT/$1" tmp; dir="$OUT/$name"; mkdir -p "$dir"
  tmp=$(mktemp -d)
  local start end n=0
  start=$(date +%s.%N)
  for gt in $(gt_files); do
    stem=$(basename "$gt" .json)
    img="$GT/images/$stem.png"
    read -r w h < <(python3 -c "import json,sys;d=json.load(open(sys.argv[1]));print(d['width'],d['height'])" "$gt")
    src="$img"
    if [ "$scale" != 1 ]; then convert "$img" -resize "$((scale * 100))%" "$tmp/$stem.png"; src="$tmp/$stem.png"; fi
    tesseract "$src" "$tmp/$stem" --psm "$psm" -l eng tsv >/dev/null 2>&1
    python3 bench/tess2json.py "$tmp/$stem.tsv" "$stem.png" "$w" "$h" "$scale" "$dir/$stem.json"
    n=$((n + 1))
  done
  end=$(date +%s.%N)
  rm -rf "$tmp"
  score "$name" "$dir" "$(echo "$end - $start" | bc)" "$n"
}

openocr_run() { # name extra-args...
  local name=$1; shift
  local dir="$OUT/$name"
  local lim=(); [ "$LIMIT" -gt 0 ] && lim=(--limit "$LIMIT")
  submit/openocr eval --gt "$GT" --run --pred "$dir" --threads 1 "${lim[@]}" "$@" | tee "$OUT/$name.engine.txt"
  # pages/s from the engine's own timing line (model load excluded)
  local secs pages
  secs=$(sed -n 's/.* pages in \([0-9.]*\) s.*/\1/p' "$OUT/$name.engine.txt" | head -1)
  pages=$(sed -n 's/.*: \([0-9]*\) pages in.*/\1/p' "$OUT/$name.engine.txt" | head -1)
  score "$name" "$dir" "$secs" "$pages"
}

job_run() { # name master cores
  local name=$1 dir="$OUT/$1" input="$GT/images"
  if [ "$LIMIT" -gt 0 ]; then
    input="$OUT/job-input"; rm -rf "$input"; mkdir -p "$input"
    for gt in $(gt_files); do ln -s "$(realpath "$GT/images/$(basename "$gt" .json).png")" "$input/"; done
  fi
  rm -rf "$dir"
  submit/openocr run --master "$2" --input "$input" --output "$dir/out" --mode overwrite \
    > "$OUT/$name.summary.txt" 2> "$OUT/$name.log.txt"
  submit/openocr export --output "$dir/out" --format json --to "$dir/pred" >/dev/null 2>>"$OUT/$name.log.txt"
  local secs pages
  read -r secs pages < <(python3 -c "
import json, sys
s = json.load(open(sys.argv[1]))
print(s['elapsedSeconds'] - s['stageMillis'].get('engine_load', 0) / 1000, s['pages'])" "$dir/out/_summary.json")
  score "$name" "$dir/pred" "$secs" "$pages" "$3"
}

tesseract_run tesseract-default 1 3
openocr_run openocr-default
job_run job-local1 'local[1]' 1
tesseract_run tesseract-2x-psm11 2 11
job_run job-local2 'local[2]' 2
column -t -s $'\t' "$summary"
