#!/usr/bin/env bash
# Soak: many pages through one executor JVM; heap and RSS at each task end show whether memory
# stays flat after warm-up (no NDArray or native leaks).
#
#   bench/soak.sh [PAGES] [DETECTOR] [RECOGNIZER]
#
# PAGES defaults to 5000 (issue 6). Input: 50-page TIFFs cycling over the sample pages, made by
# bench/MakeSoakInput.java. Runs local[2] (one executor = this JVM) with -Xmx2g and prints the
# task-end memory lines and the job summary. DETECTOR/RECOGNIZER default to the shipped bundles.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${1:-5000}"
OUT=out/bench/soak
rm -rf "$OUT" && mkdir -p "$OUT"
java -Djava.awt.headless=true bench/MakeSoakInput.java samples "$OUT/in" "$PAGES"
args=(run --master 'local[2]' --input "$OUT/in" --output "$OUT/out" --mode overwrite
  --conf openocr.partition.files-per-task=1)
[[ -n ${2:-} ]] && args+=(--detector "$2")
[[ -n ${3:-} ]] && args+=(--recognizer "$3")
JAVA_OPTS="-Xmx2g ${JAVA_OPTS:-}" submit/openocr "${args[@]}" 2> "$OUT/log.txt" \
  | tee "$OUT/summary.txt"
echo "task-end memory (pages of the task, heap MiB, RSS MiB), in order:"
grep -o 'task memory: .*' "$OUT/log.txt" | tee "$OUT/memory.txt"
