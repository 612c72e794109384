#!/usr/bin/env bash
# Scale: cost per page of the Spark job at growing page counts, and the process's resident memory
# sampled through each run (issue 5). Pages are the FUNSD scans repeated (symlinks), so every
# size reads the same mix of pages.
#
#   bench/scale.sh [SIZES] [MASTER] [IMAGES_DIR]
#
# SIZES defaults to "100 1000 5000", MASTER to local[1] (one executor core), IMAGES_DIR to
# ../shared/data/funsd_train/images. Prints one row per size: pages, elapsed seconds, engine
# load, ms per page without the load, and RSS (MiB) sampled every 5 s: first sample after
# warm-up (10% of the run), maximum after warm-up, last. Results under out/bench/scale/.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${1:-100 1000 5000}"
MASTER="${2:-local[1]}"
IMAGES="${3:-../shared/data/funsd_train/images}"
OUT=out/bench/scale
mkdir -p "$OUT"
mapfile -t pages < <(ls "$IMAGES"/*.png | sort)
[ "${#pages[@]}" -gt 0 ] || { echo "no PNG pages in $IMAGES" >&2; exit 1; }
# rows of every invocation accumulate in scale.tsv (with the master of each row)
[ -f "$OUT/scale.tsv" ] || printf 'pages\tmaster\tseconds\tengine_load_s\tms_per_page\trss_after_warmup_mib\trss_max_mib\trss_last_mib\n' \
  > "$OUT/scale.tsv"
for n in $SIZES; do
  in="$OUT/in-$n"; rm -rf "$in" "$OUT/out-$n"; mkdir -p "$in"
  for ((i = 0; i < n; i++)); do
    ln -s "$(realpath "${pages[$((i % ${#pages[@]}))]}")" "$in/$(printf 'p%05d' "$i").png"
  done
  submit/openocr run --master "$MASTER" --input "$in" --output "$OUT/out-$n" --mode overwrite \
    > "$OUT/summary-$n.txt" 2> "$OUT/log-$n.txt" &
  launcher=$!
  : > "$OUT/rss-$n.txt"
  while kill -0 "$launcher" 2>/dev/null; do
    # the JVM is the launcher itself (submit/openocr execs java)
    rss=$(ps -o rss= -p "$launcher" 2>/dev/null || true)
    [ -n "$rss" ] && echo "$(date +%s) $((rss / 1024))" >> "$OUT/rss-$n.txt"
    sleep 5
  done
  wait "$launcher"
  python3 - "$OUT/out-$n/_summary.json" "$OUT/rss-$n.txt" "$MASTER" <<'PY' | tee -a "$OUT/scale.tsv"
import json, sys
s = json.load(open(sys.argv[1]))
rss = [int(l.split()[1]) for l in open(sys.argv[2]) if l.strip()]
load = s["stageMillis"].get("engine_load", 0) / 1000
secs = s["elapsedSeconds"]
warm = rss[len(rss) // 10:] or rss or [0]
print(f"{s['pages']}\t{sys.argv[3]}\t{secs:.1f}\t{load:.1f}\t{1000 * (secs - load) / max(1, s['pages']):.1f}\t"
      f"{warm[0]}\t{max(warm)}\t{warm[-1]}")
PY
done
