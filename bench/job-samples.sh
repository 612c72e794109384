#!/usr/bin/env bash
# Pages/s of the local OCR job on the bundled samples, engine load time reported separately.
#
#   bench/job-samples.sh [COPIES] [DETECTOR] [RECOGNIZER]
#
# Copies samples/*.png|tif COPIES times (default 10) into out/bench/job-samples/in, runs
# submit/openocr run on local[*] and prints: pages, job seconds, engine load ms, pages/s
# (summary: pages / elapsed, which includes the engine load), and pages/s without the load.
# DETECTOR/RECOGNIZER default to the shipped bundles.
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES="${1:-10}"
OUT=out/bench/job-samples
rm -rf "$OUT" && mkdir -p "$OUT/in"
for i in $(seq 1 "$COPIES"); do
  for f in samples/*.png samples/*.tif; do
    cp "$f" "$OUT/in/c$i-$(basename "$f")"
  done
done
args=(run --input "$OUT/in" --output "$OUT/out" --mode overwrite)
[[ -n ${2:-} ]] && args+=(--detector "$2")
[[ -n ${3:-} ]] && args+=(--recognizer "$3")
submit/openocr "${args[@]}" 2> "$OUT/log.txt" | tee "$OUT/summary.txt"
python3 - "$OUT/out/_summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
secs = s["elapsedSeconds"]; load = s["stageMillis"].get("engine_load", 0) / 1000
print(f"pages\t{s['pages']}\nseconds\t{secs:.1f}\nengine_load_s\t{load:.1f}\n"
      f"pages_per_s\t{s['pagesPerSecond']:.2f}\npages_per_s_without_load\t"
      f"{s['pages'] / max(1e-9, secs - load):.2f}\nstage_ms\t{s['stageMillis']}")
PY
