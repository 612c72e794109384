#!/usr/bin/env bash
# Executes the notebooks headless (so they never rot) into out/notebooks/:
#   notebooks/run.sh                                   # explores out/samples, runs it first if missing
#   OPENOCR_OUTPUT=hdfs:///ocr/1987 notebooks/run.sh   # another output (OPENOCR_IMAGES for overlays)
# Needs Debian's jupyter-nbconvert, python3-ipykernel, python3-pandas and python3-matplotlib.
# Exits non-zero when a cell fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export OPENOCR_OUTPUT="${OPENOCR_OUTPUT:-out/samples}"
if ! command -v jupyter >/dev/null; then
  echo "notebooks/run.sh: jupyter not found (apt-get install jupyter-nbconvert python3-ipykernel" \
    "python3-pandas python3-matplotlib)" >&2
  exit 2
fi
# A plain path (not a URI) that holds no output yet: produce the default one, refuse others.
if [[ ! $OPENOCR_OUTPUT =~ ^[A-Za-z][A-Za-z0-9+.-]*: && ! -d $OPENOCR_OUTPUT/pages ]]; then
  if [[ $OPENOCR_OUTPUT == out/samples ]]; then
    echo "notebooks/run.sh: no output in out/samples: running submit/openocr run" >&2
    submit/openocr run
  else
    echo "notebooks/run.sh: no OCR output (pages/) in $OPENOCR_OUTPUT" >&2
    exit 1
  fi
fi
# Quiets a debugger warning of Debian's ipykernel on every kernel start.
export PYDEVD_DISABLE_FILE_VALIDATION=1
exec jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
  --output-dir out/notebooks notebooks/explore_output.ipynb notebooks/training_curves.ipynb
