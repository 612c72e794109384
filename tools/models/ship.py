#!/usr/bin/env python3
"""Copy a training run's best bundle into the jar's models and write its model card.

    tools/models/ship.py RUN_DIR NAME [--bundle] [--inference JSON] [--decoding JSON]
                         [--eval FILE.json ...] [--note TEXT]

RUN_DIR is a training run folder (best/, log.csv), or with --bundle a bundle folder itself (such
as one written by `openocr average-weights`, whose card lists the bundles it averages); NAME the
bundle folder under src/main/resources/models/. --inference merges detector inference settings
into model.json (the weights' sha256 does not change); --decoding sets a recognizer's decoding
section (its word list and settings, see RecognizerModel.lexiconOf); each --eval adds a measured
result (JSON with a "title", "command" and "metrics") to the card.
"""
import argparse
import csv
import json
import os
import shutil


def training_summary(log):
    rows = list(csv.DictReader(open(log)))
    if not rows:
        return 0, 0.0, []
    seconds, prev = 0.0, 0
    for r in rows:
        step = int(r["step"])
        if r.get("sec_per_step"):
            seconds += float(r["sec_per_step"]) * (step - prev)
        prev = step
    vals = [r for r in rows if any(r.get(k) for k in ("val_accuracy", "val_f1"))]
    return prev, seconds, vals


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run")
    ap.add_argument("name")
    ap.add_argument("--inference")
    ap.add_argument("--decoding")
    ap.add_argument("--eval", action="append", default=[])
    ap.add_argument("--note", action="append", default=[])
    ap.add_argument("--bundle", action="store_true",
                    help="RUN_DIR is a bundle folder, not a training run")
    a = ap.parse_args()
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    dst = os.path.join(root, "src", "main", "resources", "models", a.name)
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(a.run if a.bundle else os.path.join(a.run, "best"), dst)
    mpath = os.path.join(dst, "model.json")
    m = json.load(open(mpath))
    m["id"] = a.name
    if a.inference:
        m.setdefault("inference", {}).update(json.loads(a.inference))
    if a.decoding:
        m["decoding"] = json.loads(a.decoding)
    if a.bundle:
        steps, seconds, vals = 0, 0.0, []
    else:
        steps, seconds, vals = training_summary(os.path.join(a.run, "log.csv"))
        m["training"]["log_steps"] = steps
        m["training"]["wall_seconds"] = round(seconds)
    evals = [json.load(open(e)) for e in a.eval]
    if evals:
        m["metrics"]["real"] = {e["title"]: e["metrics"] for e in evals}
    json.dump(m, open(mpath, "w"), indent=2, ensure_ascii=False)
    open(mpath, "a").write("\n")

    t = m["training"]
    lines = [f"# Model card: {a.name}", "",
             f"Kind: {m['kind']}. Architecture: `{json.dumps(m['architecture'])}`. "
             f"Parameters: {m.get('parameters')}. Weights: `{m['weights']['file']}` "
             f"({m['weights']['bytes']} bytes, sha256 `{m['weights']['sha256']}`).", "",
             "## Training data", "", t.get("data", ""), "",
             "No real document (FUNSD or other) was used to train the weights; FUNSD's training "
             "split was used only to measure and to choose the inference settings.", "",
             "## Training run", ""]
    if "averaged_from" in t:
        lines += [f"The weights are the element-wise mean of {len(t['averaged_from'])} bundles "
                  f"of this architecture; command: `{t.get('command')}`", "",
                  "| bundle | run | steps | sha256 |", "|---|---|---|---|"]
        for f in t["averaged_from"]:
            lines.append(f"| `{f.get('location')}` | `{f.get('run')}` | {f.get('steps')} | "
                         f"`{f.get('sha256', '')[:12]}` |")
        lines.append("")
    else:
        lines += [
             f"- Run: `{t.get('run')}`; command: `{t.get('command')}`",
             f"- Steps of the shipped checkpoint: {t.get('steps')} (log reaches step {steps}); "
             f"batch {t.get('batch')}; peak learning rate {t.get('lr')} (Adam, warm-up, cosine decay)",
             f"- Wall time on a shared 2-core CPU machine: {seconds / 3600:.2f} h "
             "(other jobs ran beside it; one intra-op thread)",
             "- Resume: run the same command with the same `--run-dir`; it continues from "
             "`checkpoint/`, `state.json` and `optimizer.bin` (Adam's moments).", ""]
    if vals:
        lines += [
             "## Validation during training (held-out synthetic data, seeds never used in training)",
             "", "| step | " + " | ".join(k for k in vals[0] if k.startswith("val_")) + " |",
             "|---|" + "---|" * len([k for k in vals[0] if k.startswith("val_")])]
    for r in vals:
        lines.append(f"| {r['step']} | " + " | ".join(
            f"{float(r[k]):.4f}" for k in r if k.startswith("val_") and r[k]) + " |")
    lines += ["", "## Metrics of the shipped weights", "", "```",
              json.dumps(m["metrics"], indent=2, ensure_ascii=False), "```", ""]
    for e in evals:
        lines += [f"### {e['title']}", "", f"Command: `{e['command']}`", "", "```",
                  json.dumps(e["metrics"], indent=2), "```", ""]
    if m.get("inference"):
        lines += ["## Inference settings", "", "```", json.dumps(m["inference"], indent=2), "```", ""]
    if m.get("decoding"):
        lines += ["## Decoding", "", "Word list and settings of the CTC reading's correction "
                  "(`LexiconDecoder`; off with `--conf openocr.lexicon=false`):", "", "```",
                  json.dumps(m["decoding"], indent=2), "```", ""]
    for n in a.note:
        lines += [n, ""]
    open(os.path.join(dst, "MODEL_CARD.md"), "w").write("\n".join(lines))
    print("shipped", dst)


if __name__ == "__main__":
    main()
