#!/usr/bin/env bash
# Spark SQL over a run's output (views: pages, words).
#   submit/query.sh out/samples "SELECT source, page, word_count FROM pages" [table|csv|json]
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 OUTPUT_URI SQL [table|csv|json]" >&2
  exit 2
fi
exec "$(dirname "${BASH_SOURCE[0]}")/openocr" query --output "$1" --sql "$2" --format "${3:-table}"
