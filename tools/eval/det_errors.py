#!/usr/bin/env python3
"""Why detected words did not match: sorts the unmatched ground-truth words of a scored run.

    tools/eval/det_errors.py GT_DIR PRED_DIR [--examples N]

GT_DIR holds gt/*.json (or is that folder), PRED_DIR the predictions (the score.py formats).
Words are matched one to one at IoU >= 0.5, greedily by IoU (score.py's Hungarian matching
differs by a few words). Each unmatched ground-truth word is put in one class:
  merged       a predicted box covers more than half of it and of another ground-truth word
  loose/offset a predicted box covers more than half of it and of no other word (box too big
               or shifted)
  split        two or more predicted boxes each cover part of it
  partial      one predicted box covers part of it
  missed       no predicted box overlaps it
Recall is also given by ground-truth box height (4 px bins), where small print shows.
"""
import argparse
import json
import os
import random
from collections import Counter


def inter(a, b):
    return (max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
            * max(0.0, min(a[3], b[3]) - max(a[1], b[1])))


def area(a):
    return max(0.0, a[2] - a[0]) * max(0.0, a[3] - a[1])


def iou(a, b):
    i = inter(a, b)
    u = area(a) + area(b) - i
    return i / u if u > 0 else 0.0


def classify(g, p, i):
    a = g[i]
    cover = [j for j, b in enumerate(p) if inter(a, b) > 0.5 * area(a)]
    if cover:
        b = p[cover[0]]
        others = any(k != i and inter(c, b) > 0.5 * area(c) for k, c in enumerate(g))
        return ("merged" if others else "loose/offset"), cover[:1]
    part = [j for j, b in enumerate(p) if inter(a, b) > 0.1 * area(b)]
    if len(part) >= 2:
        return "split", part[:2]
    return ("partial", part) if part else ("missed", [])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gt")
    ap.add_argument("pred")
    ap.add_argument("--examples", type=int, default=5)
    a = ap.parse_args()
    gdir = os.path.join(a.gt, "gt") if os.path.isdir(os.path.join(a.gt, "gt")) else a.gt
    classes, by_height, matched_by_height, examples = Counter(), Counter(), Counter(), {}
    for f in sorted(x for x in os.listdir(gdir) if x.endswith(".json")):
        gw = json.load(open(os.path.join(gdir, f), encoding="utf-8"))["words"]
        pf = os.path.join(a.pred, f)
        pw = json.load(open(pf, encoding="utf-8"))["words"] if os.path.exists(pf) else []
        g = [w["box"] for w in gw]
        p = [w["box"] for w in pw]
        pairs = sorted(((iou(x, y), i, j) for i, x in enumerate(g) for j, y in enumerate(p)
                        if iou(x, y) >= 0.5), reverse=True)
        mg, mp = set(), set()
        for _, i, j in pairs:
            if i not in mg and j not in mp:
                mg.add(i)
                mp.add(j)
        for i, box in enumerate(g):
            h = min(int((box[3] - box[1]) // 4) * 4, 40)
            by_height[h] += 1
            if i in mg:
                matched_by_height[h] += 1
                continue
            c, js = classify(g, p, i)
            classes[c] += 1
            examples.setdefault(c, []).append((f, gw[i]["text"], box, [p[j] for j in js]))
    total = sum(by_height.values())
    print(f"ground-truth words {total}, unmatched {sum(classes.values())}")
    for c, n in classes.most_common():
        print(f"  {c:13s} {n:6d}  ({n / total:.1%} of all words)")
    print("recall by box height (px, words):")
    for h in sorted(by_height):
        print(f"  {h:2d}-{h + 3:<3d} {by_height[h]:6d}  {matched_by_height[h] / by_height[h]:.3f}")
    rnd = random.Random(1)
    for c, ex in examples.items():
        print(f"== {c}")
        for e in rnd.sample(ex, min(a.examples, len(ex))):
            print("  ", *e)


if __name__ == "__main__":
    main()
