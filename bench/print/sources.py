#!/usr/bin/env python3
"""Source texts of the print bench -> one JSON of blocks per source.

    sources.py ROOT OUT.json

ROOT is the folder the source packages were unpacked into (dpkg-deb -x). A block is
{"t": "h1".."h3" | "p" | "li" | "dt" | "code", "runs": [[style, text], ...]} with style
"" (plain), "i" (italic), "b" (bold) or "m" (monospace); code blocks carry "lines".
"""
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

BLOCK = {"p", "pre", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "blockquote",
         "div", "td", "th", "dl", "ul", "ol", "table"}
SKIP_CLASS = {"navheader", "navfooter", "toc", "sphinxsidebar", "related", "footer", "headerlink",
              "toctree-wrapper", "contents", "footnote-reference", "fn-backref", "breadcrumbs",
              "list-of-figures", "list-of-tables", "list-of-examples"}
INLINE = {"em": "i", "i": "i", "var": "i", "cite": "i", "dfn": "i", "strong": "b", "b": "b",
          "code": "m", "tt": "m", "kbd": "m", "samp": "m"}
MONO_CLASS = {"literal", "pre", "filename", "command", "option", "userinput", "computeroutput",
              "envar", "replaceable"}


def is_hangul(c):
    return "\uac00" <= c <= "\ud7a3"


class Blocks(HTMLParser):
    """Block-level text with inline styles; navigation, tables of contents and tables skipped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.runs = [], []
        self.stack = []          # (tag, skip, style, block)
        self.skip = 0
        self.pre = 0
        self.next = None

    def style(self):
        for tag, _, st, _ in reversed(self.stack):
            if st:
                return st
        return ""

    def kind(self):
        for tag, _, _, blk in reversed(self.stack):
            if blk:
                return tag
        return "p"

    def flush(self, tag):
        runs = [r for r in self.runs if r[1]]
        self.runs = []
        if self.skip or not runs:
            return
        if tag == "pre":
            text = "".join(t for _, t in runs).strip("\n")
            lines = [ln.rstrip().expandtabs(8) for ln in text.split("\n")]
            if any(ln.strip() for ln in lines):
                self.blocks.append({"t": "code", "lines": lines})
            return
        merged = []
        for st, t in runs:
            t = re.sub(r"\s+", " ", t)
            if merged and merged[-1][0] == st:
                merged[-1][1] += t
            else:
                merged.append([st, t])
        merged[0][1] = merged[0][1].lstrip()
        merged[-1][1] = merged[-1][1].rstrip()
        merged = [r for r in merged if r[1]]
        if not merged:
            return
        t = {"h1": "h1", "h2": "h1", "h3": "h2", "h4": "h3", "h5": "h3", "h6": "h3",
             "li": "li", "dt": "dt"}.get(tag, "p")
        self.blocks.append({"t": t, "runs": merged})

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "next":
            self.next = self.next or a.get("href")
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            if tag == "br" and not self.skip:
                self.runs.append([self.style(), "\n" if self.pre else " "])
            return
        cls = set((a.get("class") or "").split())
        skip = bool(cls & SKIP_CLASS) or tag in ("script", "style", "head", "table", "sup")
        st = INLINE.get(tag, "")
        if not st and cls & MONO_CLASS:
            st = "m"
        if "guimenu" in cls or "guimenuitem" in cls or "guilabel" in cls:
            st = "b"
        blk = tag in BLOCK
        if blk:
            self.flush(self.kind())
        if tag == "pre":
            self.pre += 1
        self.stack.append((tag, skip, st, blk))
        self.skip += skip

    def handle_endtag(self, tag):
        if tag not in [s[0] for s in self.stack]:
            return
        while self.stack:
            t, skip, st, blk = self.stack[-1]
            if blk:
                self.flush(t if t != "div" else self.kind_below())
            self.stack.pop()
            self.skip -= skip
            if t == "pre":
                self.pre -= 1
            if t == tag:
                break

    def kind_below(self):
        for tag, _, _, blk in reversed(self.stack[:-1]):
            if blk:
                return tag
        return "p"

    def handle_data(self, data):
        if not self.skip:
            self.runs.append([self.style(), data])


def html_chain(first):
    """Blocks of an HTML manual, pages in reading order (rel=next links from the first page)."""
    out, seen, path = [], set(), first
    while path and path not in seen and os.path.exists(path):
        seen.add(path)
        p = Blocks()
        with open(path, encoding="utf-8") as fh:
            p.feed(fh.read())
        p.close()
        out.extend(p.blocks)
        nxt = p.next.split("#")[0] if p.next else None
        path = os.path.join(os.path.dirname(path), nxt) if nxt else None
    return out


def man_blocks(path):
    """A man page rendered by groff (overstrike kept for bold/italic) -> blocks."""
    raw = subprocess.run(
        f"zcat {path} | groff -t -man -Tutf8 -P-c -rLL=3000n -rHY=0",
        shell=True, capture_output=True, check=True).stdout.decode("utf-8")
    blocks = []
    for line in raw.split("\n")[1:-2]:
        runs, i = [], 0
        while i < len(line):         # X\bX = bold, _\bX = italic
            if i + 2 < len(line) and line[i + 1] == "\b":
                st = "i" if line[i] == "_" and line[i + 2] != "_" else "b"
                ch, i = line[i + 2], i + 3
            else:
                st, ch, i = "", line[i], i + 1
            if runs and runs[-1][0] == st:
                runs[-1][1] += ch
            else:
                runs.append([st, ch])
        text = "".join(t for _, t in runs)
        if not text.strip() or len(text) >= 2000:
            continue
        indent = len(text) - len(text.lstrip())
        if indent == 0:
            blocks.append({"t": "h1", "runs": [["", text.strip()]]})
            continue
        if indent <= 3:
            blocks.append({"t": "h2", "runs": [["", text.strip()]]})
            continue
        m = re.match(r"^(\s+)(\S.{0,30}?\S?)\s{3,}(\S.*)$", text)
        if m and not m.group(2).endswith("."):
            cut = len(m.group(1)) + len(m.group(2))
            body = cut + len(text[cut:]) - len(text[cut:].lstrip())
            blocks.append({"t": "dt", "runs": squeeze(slice_runs(runs, indent, cut))})
            blocks.append({"t": "p", "runs": squeeze(slice_runs(runs, body, len(text)))})
        else:
            blocks.append({"t": "p" if indent <= 7 else "li",
                           "runs": squeeze(slice_runs(runs, indent, len(text)))})
    return [b for b in blocks if b.get("runs")]


def slice_runs(runs, a, b):
    out, pos = [], 0
    for st, t in runs:
        s, e = max(a, pos), min(b, pos + len(t))
        if s < e:
            out.append([st, t[s - pos:e - pos]])
        pos += len(t)
    return out


def squeeze(runs):
    out = []
    for st, t in runs:
        t = re.sub(r"\s+", " ", t)
        if out and out[-1][0] == st:
            out[-1][1] += t
        else:
            out.append([st, t])
    if out:
        out[0][1] = out[0][1].lstrip()
        out[-1][1] = out[-1][1].rstrip()
    return [r for r in out if r[1]]


def hangul_share(text):
    chars = [c for c in text if not c.isspace()]
    return sum(map(is_hangul, chars)) / len(chars) if chars else 0.0


def korean_only(blocks, min_share):
    """Keep the Korean blocks (headings and prose with enough Hangul)."""
    out = []
    for b in blocks:
        if b["t"] == "code":
            continue
        text = "".join(t for _, t in b["runs"])
        if hangul_share(text) >= min_share and len(text) >= 2:
            out.append(b)
    return out


def msg_help_blocks(mo):
    """Option lines ("  -a, --all  ...") of a Korean message catalogue -> code blocks."""
    po = subprocess.run(["msgunfmt", mo], capture_output=True, check=True).stdout.decode("utf-8")
    out = []
    for m in re.finditer(r'msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', po):
        sid = "".join(re.findall(r'"(.*)"', m.group(1)))
        sst = "".join(re.findall(r'"(.*)"', m.group(2)))
        if not sid.startswith("  -") or not sst:
            continue
        sst = sst.replace("\\n", "\n").replace('\\"', '"').replace("\\t", "        ").replace("\\\\", "\\")
        lines = [ln.rstrip() for ln in sst.strip("\n").split("\n")]
        if hangul_share(sst) >= 0.25 and "%" not in sst and all(len(ln) <= 80 for ln in lines):
            out.append({"t": "code", "lines": lines})
    return out


def main(root, out_path):
    src = {}
    doc = os.path.join(root, "usr/share/doc")
    src["en-policy"] = html_chain(os.path.join(doc, "debian-policy/policy.html/index.html"))
    src["en-devref"] = html_chain(os.path.join(root, "usr/share/developers-reference/index.html"))
    src["en-maint"] = html_chain(os.path.join(doc, "maint-guide/html/index.en.html"))
    src["en-bash"] = man_blocks(os.path.join(root, "usr/share/man/man1/bash.1.gz"))
    src["ko-gimp"] = korean_only(html_chain(os.path.join(root, "usr/share/gimp/2.0/help/ko/index.html")),
                                 0.4)
    src["ko-coreutils"] = msg_help_blocks(os.path.join(root, "usr/share/locale/ko/LC_MESSAGES/coreutils.mo"))
    for k, v in src.items():
        words = sum(len(" ".join(t for _, t in b["runs"]).split()) if "runs" in b
                    else len(" ".join(b["lines"]).split()) for b in v)
        print(f"  {k}: {len(v)} blocks, {words} words")
        if not v:
            sys.exit(f"no text from {k}")
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(src, fh, ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
