#!/usr/bin/env python3
"""Builds the default synth corpora under src/main/resources/synth/corpus/ from Debian files.

Sources (see SOURCES.md there): /usr/share/common-licenses/* (licence texts, verbatim copying
permitted), /usr/share/dict/american-english (Debian package wamerican, SCOWL licence),
/usr/share/hunspell/ko.dic (Debian package hunspell-ko, MPL-1.1/GPL-2+/LGPL-2.1+).
Never add the Debian FAQ or FUNSD text here: they are reserved for evaluation.
Run: apt-get install -y wamerican hunspell-ko && python3 tools/synth/build_corpus.py
"""
import os, re, sys, unicodedata

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "main", "resources")
OUT = os.path.join(ROOT, "synth", "corpus")
LICENSES = ["GPL-3", "GPL-2", "LGPL-2.1", "LGPL-3", "Apache-2.0", "MPL-2.0", "MPL-1.1",
            "GFDL-1.3", "Artistic", "BSD", "CC0-1.0"]


def charset(name):
    with open(os.path.join(ROOT, "charsets", name), encoding="utf-8") as f:
        return {l for l in f.read().split("\n") if len(l) == 1} | {" "}


def english(cs):
    lines = []
    for name in LICENSES:
        text = open("/usr/share/common-licenses/" + name, encoding="utf-8").read()
        text = re.sub(r"\s+", " ", text)
        for sent in re.split(r"(?<=[.;:!?])\s+(?=[A-Z0-9(\"])", text):
            sent = sent.strip()
            if 12 <= len(sent) <= 220 and all(c in cs for c in sent) and "http" not in sent:
                lines.append(sent)
    seen, out = set(), []
    for l in lines:
        if l not in seen:
            seen.add(l)
            out.append(l)
    with open(os.path.join(OUT, "en.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    words = [w.strip() for w in open("/usr/share/dict/american-english", encoding="utf-8")]
    words = [w for w in words if w and "'" not in w and all(c in cs for c in w)]
    with open(os.path.join(OUT, "en-words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    return len(out), len(words)


def korean(cs):
    words = []
    with open("/usr/share/hunspell/ko.dic", encoding="utf-8") as f:
        next(f)  # first line is the entry count
        for line in f:
            w = unicodedata.normalize("NFC", line.split("/")[0].strip())  # the .dic is in NFD jamo
            if w and any("\uac00" <= c <= "\ud7a3" for c in w) and all(c in cs for c in w):
                words.append(w)
    words = sorted(set(words))
    with open(os.path.join(OUT, "ko-words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    return len(words)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print("en sentences, words:", english(charset("en.txt")))
    print("ko words:", korean(charset("ko.txt")))
