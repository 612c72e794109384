#!/usr/bin/env python3
"""Draw a page's GT boxes over its image (for looking at the ground truth).

    overlay.py SET NAME OUT.png [--crop X0 Y0 X1 Y1] [--zoom Z]
"""
import argparse
import json
import os

from PIL import Image, ImageDraw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set")
    ap.add_argument("name")
    ap.add_argument("out")
    ap.add_argument("--crop", type=int, nargs=4)
    ap.add_argument("--zoom", type=float, default=1.0)
    a = ap.parse_args()
    with open(os.path.join(a.set, "gt", a.name + ".json"), encoding="utf-8") as fh:
        gt = json.load(fh)
    img = Image.open(os.path.join(a.set, "images", gt["image"])).convert("RGB")
    d = ImageDraw.Draw(img)
    for w in gt["words"]:
        x0, y0, x1, y1 = w["box"]
        d.rectangle([x0, y0, x1 - 1, y1 - 1], outline=(255, 0, 0))
    if a.crop:
        img = img.crop(a.crop)
    if a.zoom != 1.0:
        img = img.resize((round(img.size[0] * a.zoom), round(img.size[1] * a.zoom)), Image.NEAREST)
    img.save(a.out)


if __name__ == "__main__":
    main()
