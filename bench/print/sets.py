#!/usr/bin/env python3
"""PDFs of typeset.py -> the bench sets (images + score.py ground truth).

    sets.py WORKDIR OUTDIR [--dpi 150 100]

Reads WORKDIR/docs/docs.json and WORKDIR/pdf/NAME.pdf; writes OUTDIR/LANG-DPI-clean and
OUTDIR/LANG-DPI-scan, each with images/PAGE.png and gt/PAGE.json.
Ground truth: words of pdftotext -bbox-layout (PDF points * dpi/72), each box tightened
to the ink of the clean raster (pixels darker than INK within the box grown by 1 px);
words with no ink are dropped. Scan copies: skew about the page centre (boxes: the
axis-aligned bounds of the rotated corners), uneven paper, blur, noise, JPEG; seeded per
page and dpi.
"""
import argparse
import html
import io
import json
import math
import os
import re
import subprocess
import sys
import zlib

import numpy as np
from PIL import Image, ImageFilter

INK = 170       # a pixel darker than this is ink (tight boxes)
FAINT = 215     # a word whose darkest pixel is lighter than this has no ink

WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pdf_words(pdf, pages):
    """[(page_w_pt, page_h_pt, [(x0, y0, x1, y1, text)])] for pages 1..pages."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", str(pages), pdf, "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    res = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in WORD_RE.findall(m.group(3))]
        res.append((float(m.group(1)), float(m.group(2)), words))
    return res


def raster(pdf, page, dpi, tmp):
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", "-png", pdf, tmp], check=True)
    return Image.open(tmp + ".png").convert("L")


def tighten(arr, box, s):
    """Ink bounds of a word inside its pdftotext box (points * s, grown by 1 px), or None."""
    h, w = arr.shape
    x0 = max(0, int(math.floor(box[0] * s)) - 1)
    y0 = max(0, int(math.floor(box[1] * s)) - 1)
    x1 = min(w, int(math.ceil(box[2] * s)) + 1)
    y1 = min(h, int(math.ceil(box[3] * s)) + 1)
    if x1 <= x0 or y1 <= y0:
        return None
    sub = arr[y0:y1, x0:x1]
    if sub.min() >= FAINT:
        return None
    ink = sub < (INK if sub.min() < INK else FAINT)
    # ink of a neighbouring line enters the box from its top or bottom edge: drop runs of ink
    # rows that touch an edge without reaching the middle of the box
    inrow = ink.any(axis=1)
    n = len(inrow)
    core = (int(0.35 * n), int(math.ceil(0.75 * n)))
    keep = np.zeros(n, dtype=bool)
    r = 0
    while r < n:
        if not inrow[r]:
            r += 1
            continue
        e = r
        while e < n and inrow[e]:
            e += 1
        edge = r == 0 or e == n
        if not edge or (r < core[1] and e > core[0]):
            keep[r:e] = True
        r = e
    if not keep.any():
        keep = inrow
    rows = np.flatnonzero(keep)
    cols = np.flatnonzero(ink[keep].any(axis=0))
    return [int(x0 + cols[0]), int(y0 + rows[0]), int(x0 + cols[-1] + 1), int(y0 + rows[-1] + 1)]


def scan_copy(img, words, seed):
    """Scan-like copy of a clean page and its boxes."""
    rng = np.random.default_rng(seed)
    w, h = img.size
    angle = rng.uniform(-1.2, 1.2)
    rot = img.rotate(angle, resample=Image.BICUBIC, center=(w / 2, h / 2), fillcolor=255)
    a = np.asarray(rot, dtype=np.float32) / 255.0
    # paper: grey level, a linear gradient and a smooth bump field
    paper = rng.uniform(0.85, 0.97)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    th = rng.uniform(0, 2 * math.pi)
    lin = ((xx - w / 2) * math.cos(th) + (yy - h / 2) * math.sin(th)) / (0.5 * math.hypot(w, h))
    grid = rng.uniform(-1, 1, size=(3, 4)).astype(np.float32)
    bump = np.asarray(Image.fromarray(grid, mode="F").resize((w, h), Image.BICUBIC))
    field = paper + rng.uniform(0.01, 0.04) * lin + rng.uniform(0.01, 0.03) * bump
    field = np.clip(field, 0.7, 1.0)
    ink = rng.uniform(0.03, 0.12)
    a = field * (ink + (1 - ink) * a)
    im = Image.fromarray(np.clip(a * 255 + 0.5, 0, 255).astype(np.uint8), mode="L")
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    a = np.asarray(im, dtype=np.float32) + rng.normal(0, rng.uniform(4, 10), size=(h, w))
    im = Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), mode="L")
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=int(rng.integers(60, 86)))
    im = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    t = math.radians(angle)
    c, s_ = math.cos(t), math.sin(t)
    cx, cy = w / 2, h / 2
    out = []
    for wd in words:
        x0, y0, x1, y1 = wd["box"]
        xs, ys = [], []
        for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            dx, dy = x - cx, y - cy       # PIL rotates counter-clockwise for angle > 0
            xs.append(cx + dx * c + dy * s_)
            ys.append(cy - dx * s_ + dy * c)
        box = [round(max(0.0, min(xs)), 1), round(max(0.0, min(ys)), 1),
               round(min(float(w), max(xs)), 1), round(min(float(h), max(ys)), 1)]
        out.append({"text": wd["text"], "box": box})
    return im, out


def write(setdir, name, img, words):
    os.makedirs(os.path.join(setdir, "images"), exist_ok=True)
    os.makedirs(os.path.join(setdir, "gt"), exist_ok=True)
    img.save(os.path.join(setdir, "images", name + ".png"), optimize=False)
    gt = {"image": name + ".png", "width": img.size[0], "height": img.size[1], "words": words}
    with open(os.path.join(setdir, "gt", name + ".json"), "w", encoding="utf-8") as fh:
        json.dump(gt, fh, ensure_ascii=False)


def check_words(words, doc_text):
    """GT tokens not found in the document's text (page numbers excepted)."""
    bad = []
    for wd in words:
        t = wd["text"]
        if t.isdigit() or t in doc_text:
            continue
        bad.append(t)
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workdir")
    ap.add_argument("outdir")
    ap.add_argument("--dpi", type=int, nargs="+", default=[150, 100])
    a = ap.parse_args()
    with open(os.path.join(a.workdir, "docs", "docs.json"), encoding="utf-8") as fh:
        docs = json.load(fh)
    tmp = os.path.join(a.workdir, "tmp-page")
    stats, bad_all, odd_chars = {}, [], set()
    for name in sorted(docs):
        lang = name.split("-")[0]
        pdf = os.path.join(a.workdir, "pdf", name + ".pdf")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, check=True).stdout.decode()
        npages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        keep = min(docs[name]["pages"], npages - 1)    # the last page is not full: never kept
        if keep < docs[name]["pages"]:
            print(f"  {name}: only {npages} pages, keeping {keep}", file=sys.stderr)
        with open(os.path.join(a.workdir, "docs", name + ".txt"), encoding="utf-8") as fh:
            doc_text = fh.read()
        for p, (pw, ph, pwords) in enumerate(pdf_words(pdf, keep), 1):
            page = f"{name}-p{p}"
            for dpi in a.dpi:
                img = raster(pdf, p, dpi, tmp)
                s = img.size[0] / pw
                arr = np.asarray(img)
                words = []
                for x0, y0, x1, y1, text in pwords:
                    text = text.strip()
                    if not text:
                        continue
                    box = tighten(arr, (x0, y0, x1, y1), s)
                    if box is None:
                        continue
                    words.append({"text": text, "box": box})
                    odd_chars.update(c for c in text if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
                if dpi == a.dpi[0]:
                    bad_all.extend((page, t) for t in check_words(words, doc_text))
                clean_set = f"{lang}-{dpi}-clean"
                write(os.path.join(a.outdir, clean_set), page, img, words)
                simg, swords = scan_copy(img, words, zlib.crc32(f"{page}/{dpi}".encode()))
                write(os.path.join(a.outdir, f"{lang}-{dpi}-scan"), page, simg, swords)
                for k in (clean_set, f"{lang}-{dpi}-scan"):
                    st = stats.setdefault(k, [0, 0])
                    st[0] += 1
                    st[1] += len(words)
    os.remove(tmp + ".png")
    for k in sorted(stats):
        print(f"  {k}: {stats[k][0]} pages, {stats[k][1]} words")
    if odd_chars:
        print(f"  odd characters in GT: {sorted(odd_chars)}", file=sys.stderr)
    print(f"  GT words not in the typeset text: {len(bad_all)}"
          + (f" e.g. {bad_all[:12]}" if bad_all else ""))
    with open(os.path.join(a.outdir, "stats.json"), "w") as fh:
        json.dump({k: {"pages": v[0], "words": v[1]} for k, v in sorted(stats.items())}, fh, indent=1)


if __name__ == "__main__":
    main()
