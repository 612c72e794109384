#!/usr/bin/env python3
"""Tesseract TSV (level 5 = word rows) -> the page JSON of shared/eval/score.py.

    tess2json.py TSV IMAGE_NAME WIDTH HEIGHT SCALE OUT.json

SCALE is the factor the image was enlarged by before Tesseract read it; boxes are divided by
it so they are in the original image's pixels.
"""
import csv
import json
import sys


def main(tsv, image, width, height, scale, out):
    scale = float(scale)
    words = []
    with open(tsv, encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("level") != "5":
                continue
            text = (row.get("text") or "").strip()
            if not text:
                continue
            l, t = int(row["left"]) / scale, int(row["top"]) / scale
            w, h = int(row["width"]) / scale, int(row["height"]) / scale
            conf = max(0.0, float(row.get("conf") or 0)) / 100.0
            words.append({"text": text, "box": [round(l, 1), round(t, 1), round(l + w, 1),
                                                round(t + h, 1)], "confidence": round(conf, 4)})
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"image": image, "width": int(width), "height": int(height), "words": words},
                  fh, ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
