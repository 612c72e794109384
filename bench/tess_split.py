#!/usr/bin/env python3
"""Tesseract TSV of a list of images (one process, page_num 1, 2, ... in list order) -> one page
JSON of shared/eval/score.py per image.

    tess_split.py ALL.tsv SET_DIR PRED_DIR

SET_DIR holds gt/*.json and images/; the images were listed in `ls SET_DIR/images/*` order.
"""
import csv
import json
import os
import sys


def main(tsv, set_dir, pred_dir):
    images = sorted(os.listdir(os.path.join(set_dir, "images")))
    sizes = {}
    for g in os.listdir(os.path.join(set_dir, "gt")):
        d = json.load(open(os.path.join(set_dir, "gt", g), encoding="utf-8"))
        sizes[d["image"]] = (d["width"], d["height"])
    words = {name: [] for name in images}
    with open(tsv, encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = (row.get("text") or "").strip()
            if row.get("level") != "5" or not text:
                continue
            name = images[int(row["page_num"]) - 1]
            l, t, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
            conf = max(0.0, float(row.get("conf") or 0)) / 100.0
            words[name].append({"text": text, "box": [l, t, l + w, t + h],
                                "confidence": round(conf, 4)})
    os.makedirs(pred_dir, exist_ok=True)
    for name in images:
        w, h = sizes.get(name, (0, 0))
        stem = os.path.splitext(name)[0]
        with open(os.path.join(pred_dir, stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump({"image": name, "width": w, "height": h, "words": words[name]}, fh,
                      ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
