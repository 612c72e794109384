#!/usr/bin/env bash
# Pages per second on one core: openocr's Spark job and engine against Tesseract, same pages,
# same core, one run, alternating.
#
#   bench/speed.sh [OUT_DIR]            (default out/bench/speed)
#
# Environment: SETS (space-separated NAME=GT_DIR; default FUNSD train and the English print bench
# at 150 dpi, scan-like), PAGES (pages a set, default 40), ROUNDS (default 2), JOB_LANGS (the
# job's --lang values, each its own system; default "auto", the shipped default), JOB_ARGS (extra
# `openocr run` arguments, e.g. "--conf openocr.runtime=pytorch"), TESS_LANGS (Tesseract's -l
# values, each its own system; default "eng"; the first is the one ratios are to), TESS_ARGS
# (extra Tesseract arguments). The Korean print bench side by side:
#   SETS="ko=out/bench/print/ko-150-scan" TESS_LANGS="kor kor+eng" JOB_LANGS="auto ko" \
#     TWO_CORES=0 bench/speed.sh out/bench/speed-ko
#
# Per set and round, in turn: Tesseract 5 (default settings, OMP_THREAD_LIMIT=1, every page in one
# process), the Spark job (`submit/openocr run --master local[1]`, the shipped defaults) and the
# engine alone (`openocr eval --run --threads 1`), all under `taskset -c 0`. Tesseract and the job
# run on the PAGES pages and on the same pages twice (each page a second time under another
# name): the difference of the two wall times over PAGES is the cost of a page of this mix
# without start-up (JVM, Spark, model load; Tesseract's model load). The engine reports its own
# time without the model load. Writes OUT/speed.tsv (one
# row per set, system and round), OUT/summary.tsv (medians over rounds, ratios to Tesseract,
# milliseconds a page per job stage) and scores of each system's predictions on the PAGES pages.
# With TWO_CORES=1 (the default) the job also runs on `local[2]` pinned to two cores (`taskset -c
# 0,1`), for its pages/s against `local[1]`; every job run records the peak resident memory of
# its JVM (GNU time's maximum RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/bench/speed}"
PAGES="${PAGES:-40}"
ROUNDS="${ROUNDS:-2}"
SETS="${SETS:-funsd=../shared/data/funsd_train print-en-150-scan=out/bench/print/en-150-scan}"
TESS_LANGS="${TESS_LANGS:-eng}"
TESS_ARGS="${TESS_ARGS:-}"
JOB_LANGS="${JOB_LANGS:-auto}"
JOB_ARGS="${JOB_ARGS:-}"
TWO_CORES="${TWO_CORES:-1}"
SCORE=../shared/eval/score.py
CORE="taskset -c 0"
export OMP_THREAD_LIMIT=1
command -v tesseract >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr \
    tesseract-ocr-eng tesseract-ocr-kor >/dev/null
}
mkdir -p "$OUT"
rows="$OUT/speed.tsv"
printf 'set\tsystem\tround\tpages\tseconds_a_page\tdecode_ms\tdetect_ms\trecognize_ms\trss_mib\n' \
  > "$rows"
submit/openocr --help >/dev/null 2>&1 || true   # builds the jar once, outside the timings
export OPENOCR_NO_BUILD=1

now() { date +%s.%N; }

# The first N pages of a set as their own GT folder (symlinks): gt/ and images/. With a fourth
# argument, images/ holds each page twice (the second as twice-<name>).
subset() { # gt_dir n dest [twice]
  rm -rf "$3"; mkdir -p "$3/gt" "$3/images"
  local gt img
  for gt in $(ls "$1"/gt/*.json | head -n "$2"); do
    img=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['image'])" "$gt")
    ln -s "$(realpath "$gt")" "$3/gt/"
    ln -s "$(realpath "$1/images/$img")" "$3/images/"
    [ -n "${4:-}" ] && ln -s "$(realpath "$1/images/$img")" "$3/images/twice-$img"
  done
  return 0
}

tesseract_pages() { # set_dir lang [pred_dir] -> wall seconds on stdout
  local list tmp t0 t1
  tmp=$(mktemp -d); list="$tmp/list.txt"
  ls "$1"/images/* > "$list"
  # shellcheck disable=SC2086
  t0=$(now); $CORE tesseract "$list" "$tmp/all" -l "$2" $TESS_ARGS tsv >/dev/null 2>&1; t1=$(now)
  if [ -n "${3:-}" ]; then
    python3 bench/tess_split.py "$tmp/all.tsv" "$1" "$3"
  fi
  rm -rf "$tmp"
  echo "$t1 - $t0" | bc -l
}

job_pages() { # set_dir out_dir slots lang -> wall seconds on stdout, peak RSS (kB) in out_dir.rss
  local t0 t1 slots=$3 cores=0
  [ "$slots" = 2 ] && cores=0,1
  t0=$(now)
  # shellcheck disable=SC2086
  /usr/bin/time -f %M -o "$2.rss" taskset -c "$cores" submit/openocr run --master "local[$slots]" \
    --input "$1/images" --output "$2" --mode overwrite --lang "$4" $JOB_ARGS \
    > "$2.summary.txt" 2> "$2.log.txt"
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}

job_row() { # name system round slots full twice lang
  local a b per stages rss
  a=$(job_pages "$6" "$OUT/$1/$2-twice" "$4" "$7"); b=$(job_pages "$5" "$OUT/$1/$2-full" "$4" "$7")
  per=$(echo "($a - $b) / $n_full" | bc -l)
  stages=$(python3 -c "
import json, sys
s = json.load(open(sys.argv[1])); m = s['stageMillis']; n = max(1, s['pages'])
print('\t'.join(f\"{m.get(k, 0) / n:.1f}\" for k in ('decode', 'detect', 'recognize')))" \
    "$OUT/$1/$2-full/_summary.json")
  rss=$(( $(cat "$OUT/$1/$2-full.rss") / 1024 ))
  printf '%s\t%s\t%d\t%d\t%.4f\t%s\t%d\n' "$1" "$2" "$3" "$n_full" "$per" "$stages" "$rss" >> "$rows"
}

for round in $(seq 1 "$ROUNDS"); do
  for entry in $SETS; do
    name=${entry%%=*}; gt=${entry#*=}
    full="$OUT/$name/pages-$PAGES"; twice="$OUT/$name/pages-$PAGES-twice"
    [ -d "$full" ] || subset "$gt" "$PAGES" "$full"
    [ -d "$twice" ] || subset "$gt" "$PAGES" "$twice" twice
    n_full=$(ls "$full/gt" | wc -l)
    for tl in $TESS_LANGS; do
      a=$(tesseract_pages "$twice" "$tl")
      b=$(tesseract_pages "$full" "$tl" "$OUT/$name/tesseract-$tl-pred")
      per=$(echo "($a - $b) / $n_full" | bc -l)
      printf '%s\ttesseract-%s\t%d\t%d\t%.4f\t\t\t\t\n' "$name" "$tl" "$round" "$n_full" "$per" \
        >> "$rows"
    done
    # Spark job, local[1], then local[2] on two cores
    for jl in $JOB_LANGS; do
      job_row "$name" "job-local1-$jl" "$round" 1 "$full" "$twice" "$jl"
      [ "$TWO_CORES" = 1 ] && job_row "$name" "job-local2-$jl" "$round" 2 "$full" "$twice" "$jl"
    done
    # Engine alone, in the first job language
    jl=${JOB_LANGS%% *}
    $CORE submit/openocr eval --gt "$full" --run --threads 1 --lang "$jl" \
      --pred "$OUT/$name/engine-$jl-pred" > "$OUT/$name/engine.txt" 2>/dev/null
    python3 - "$OUT/$name/engine.txt" "$name" "$round" "$jl" >> "$rows" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r": (\d+) pages in ([0-9.]+) s .*detect (\d+) ms, recognize (\d+) ms", t)
n, secs = int(m.group(1)), float(m.group(2))
print(f"{sys.argv[2]}\tengine-{sys.argv[4]}\t{sys.argv[3]}\t{n}\t{secs / n:.4f}\t\t{m.group(3)}\t{m.group(4)}\t")
PY
  done
done

# Predictions of the last round, scored on the PAGES pages of each set.
for entry in $SETS; do
  name=${entry%%=*}; full="$OUT/$name/pages-$PAGES"
  systems="engine-${JOB_LANGS%% *}"
  for tl in $TESS_LANGS; do systems="$systems tesseract-$tl"; done
  for jl in $JOB_LANGS; do
    submit/openocr export --output "$OUT/$name/job-local1-$jl-full" --format json \
      --to "$OUT/$name/job-$jl-pred" >/dev/null 2>&1
    systems="$systems job-$jl"
  done
  for sys in $systems; do
    for iou in 0.5 0.3; do
      python3 "$SCORE" "$full" "$OUT/$name/$sys-pred" --iou "$iou" --quiet \
        --json "$OUT/$name/$sys-iou$iou.json"
    done
  done
done

python3 - "$rows" "$OUT" "$SETS" > "$OUT/summary.tsv" <<'PY'
import csv, json, re, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
out, sets = sys.argv[2], [e.split("=")[0] for e in sys.argv[3].split()]
print("set\tsystem\tpages_per_s\tx_tesseract\tms_a_page\tdecode_ms\tdetect_ms\t"
      "recognize_ms\trss_mib\te2e_f1_iou0.5\te2e_f1_iou0.3\tbow_f1\tcer_matched")
# job-local1-ko and job-local2-ko share job-ko's predictions
pred = lambda system: re.sub(r"^job-local\d-", "job-", system)
for s in sets:
    med = {}
    for system in dict.fromkeys(x["system"] for x in rows if x["set"] == s):
        r = [x for x in rows if x["set"] == s and x["system"] == system]
        med[system] = (statistics.median(float(x["seconds_a_page"]) for x in r), r)
    # ratios are to the first Tesseract language
    tess = next(v for k, v in med.items() if k.startswith("tesseract-"))[0]
    for system, (sec, r) in med.items():
        stage = lambda k: statistics.median(float(x[k]) for x in r) if r[0][k] else float("nan")
        rss = max(int(x["rss_mib"]) for x in r) if r[0]["rss_mib"] else float("nan")
        sc5 = json.load(open(f"{out}/{s}/{pred(system)}-iou0.5.json"))
        sc3 = json.load(open(f"{out}/{s}/{pred(system)}-iou0.3.json"))
        print(f"{s}\t{system}\t{1 / sec:.3f}\t{tess / sec:.2f}\t{sec * 1000:.0f}\t"
              f"{stage('decode_ms'):.0f}\t{stage('detect_ms'):.0f}\t{stage('recognize_ms'):.0f}\t{rss:.0f}\t"
              f"{sc5['e2e_exact']['f1']:.4f}\t{sc3['e2e_exact']['f1']:.4f}\t{sc5['bow']['f1']:.4f}\t"
              f"{sc5['cer_matched']:.4f}")
PY
column -t -s $'\t' "$OUT/summary.tsv"
