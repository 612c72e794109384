#!/usr/bin/env python3
"""Builds the default synth corpora under src/main/resources/synth/corpus/ from Debian files.

Sources (see SOURCES.md there): /usr/share/common-licenses/* (licence texts, verbatim copying
permitted), Debian's constitution, social contract and manifesto (package doc-debian, OPL/GPL),
Debian Reference (package debian-reference-en, GPL-2+), /usr/share/dict/american-english (Debian package wamerican, SCOWL licence),
/usr/share/hunspell/ko.dic (Debian package hunspell-ko, MPL-1.1/GPL-2+/LGPL-2.1+).
Never add the Debian FAQ or FUNSD text here: they are reserved for evaluation.
LibreOffice's Korean help (package libreoffice-help-ko, MPL-2.0) for Korean sentences: it is only
unpacked, not installed (it would pull LibreOffice in).
Run: apt-get install -y wamerican hunspell-ko doc-debian debian-reference-en
     (cd /tmp && apt-get download libreoffice-help-ko && dpkg-deb -x libreoffice-help-ko_*.deb lo)
     LO_HELP_KO=/tmp/lo/usr/share/libreoffice/help/ko python3 tools/synth/build_corpus.py
"""
import glob, gzip, html, os, re, sys, unicodedata

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "main", "resources")
OUT = os.path.join(ROOT, "synth", "corpus")
DEBIAN_DOCS = ["/usr/share/doc/debian/constitution.txt.gz",
               "/usr/share/doc/debian/social-contract.txt.gz",
               "/usr/share/doc/debian/debian-manifesto.gz",
               "/usr/share/doc/debian/bug-reporting.txt.gz"]
REFERENCE = "/usr/share/debian-reference/debian-reference.en.txt.gz"
MAX_REFERENCE_SENTENCES = 4000
LICENSES = ["GPL-3", "GPL-2", "LGPL-2.1", "LGPL-3", "Apache-2.0", "MPL-2.0", "MPL-1.1",
            "GFDL-1.3", "Artistic", "BSD", "CC0-1.0"]


def charset(name):
    with open(os.path.join(ROOT, "charsets", name), encoding="utf-8") as f:
        return {l for l in f.read().split("\n") if len(l) == 1} | {" "}


def sentences(text, cs):
    out = []
    text = re.sub(r"\s+", " ", text)
    for sent in re.split(r"(?<=[.;:!?])\s+(?=[A-Z0-9(\"])", text):
        sent = sent.strip()
        letters = sum(c.isalpha() for c in sent)
        if (12 <= len(sent) <= 220 and all(c in cs for c in sent) and "http" not in sent
                and letters >= 0.6 * len(sent) and "|" not in sent and "--" not in sent):
            out.append(sent)
    return out


def prose(text):
    """Paragraphs of running text: drops table rows, code and headings."""
    keep = []
    for line in text.split("\n"):
        if "|" in line or line.strip().startswith(("$", "#", "*", "+", "-")):
            keep.append("\n")
        else:
            keep.append(line)
    return " ".join(keep)


def english(cs):
    lines = []
    for name in LICENSES:
        lines += sentences(open("/usr/share/common-licenses/" + name, encoding="utf-8").read(), cs)
    for path in DEBIAN_DOCS:
        lines += sentences(gzip.open(path, "rt", encoding="utf-8").read(), cs)
    ref = sentences(prose(gzip.open(REFERENCE, "rt", encoding="utf-8").read()), cs)
    lines += ref[:MAX_REFERENCE_SENTENCES]
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


MAX_KO_SENTENCES = 6000


def korean_sentences(cs):
    """Paragraphs of LibreOffice's Korean help that contain Hangul, one a line."""
    root = os.environ.get("LO_HELP_KO", "/usr/share/libreoffice/help/ko")
    files = sorted(glob.glob(os.path.join(root, "text", "**", "*.html"), recursive=True))
    if not files:
        sys.exit("no LibreOffice Korean help under " + root + " (see the docstring)")
    seen, out = set(), []
    for f in files:
        text = open(f, encoding="utf-8").read()
        for m in re.finditer(r"<p[^>]*>(.*?)</p>", text, re.S):
            s = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))).strip()
            hangul = sum("\uac00" <= c <= "\ud7a3" for c in s)
            if (8 <= len(s) <= 200 and hangul >= 0.4 * len(s) and s not in seen
                    and all(c in cs for c in s) and "Title is" not in s):
                seen.add(s)
                out.append(s)
    out = out[:MAX_KO_SENTENCES]
    with open(os.path.join(OUT, "ko.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return len(out)


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
    print("ko sentences:", korean_sentences(charset("ko.txt")))
