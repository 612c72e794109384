#!/usr/bin/python3
"""Accuracy (end-to-end F1, exact) against pages/s per core, one point per configuration.

    bench/plot.py out/bench/funsd/summary.tsv docs/img/bench-funsd.png
"""
import csv
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
fig, ax = plt.subplots(figsize=(6, 4))
placed = []
for r in rows:
    x, y = float(r["pages_per_s_per_core"]), float(r["e2e_f1_exact"])
    color = "tab:gray" if r["config"].startswith("tesseract") else "tab:blue"
    ax.scatter([x], [y], color=color)
    # points that nearly coincide (the job on one and two cores) get their labels stacked
    near = sum(1 for px, py in placed if abs(px - x) < 0.03 and abs(py - y) < 0.01)
    placed.append((x, y))
    ax.annotate(r["config"], (x, y), textcoords="offset points", xytext=(5, 5 - 11 * near),
                fontsize=8)
ax.set_xlabel("pages/s per core (FUNSD train, 149 pages)")
ax.set_ylabel("end-to-end F1, exact (IoU >= 0.5)")
ax.set_title("openocr vs Tesseract on real scans")
ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
