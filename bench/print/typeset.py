#!/usr/bin/env python3
"""Flat ODT documents for the print bench, from the blocks of sources.py.

    typeset.py TEXTS.json OUTDIR [--docs 20 16] [--pages 2]

Writes OUTDIR/{en,ko}-NN.fodt, the plain text of each (NAME.txt, for checking the
ground truth) and docs.json (per document: layout drawn and pages to keep).
Layout per document is drawn from random.Random("print-bench/NAME"): page size,
margins, one or two columns, font family and size, spacing, alignment, header/footer.
Inline code, italic and bold runs keep the body size (pdftotext starts a new word
at a font-size change).
"""
import argparse
import json
import os
import random
import re
from xml.sax.saxutils import escape

EN_FONTS = {"serif": ["Liberation Serif", "DejaVu Serif", "Noto Serif"],
            "sans": ["Liberation Sans", "DejaVu Sans", "Noto Sans"],
            "mono": ["Liberation Mono", "DejaVu Sans Mono", "Noto Sans Mono"]}
KO_FONTS = {"serif": ["NanumMyeongjo", "Noto Serif CJK KR"],
            "sans": ["NanumGothic", "Noto Sans CJK KR"],
            "mono": ["NanumGothicCoding", "Noto Sans Mono CJK KR"]}
KO_LATIN = {"NanumMyeongjo": "Liberation Serif", "Noto Serif CJK KR": "Noto Serif",
            "NanumGothic": "Liberation Sans", "Noto Sans CJK KR": "Noto Sans",
            "NanumGothicCoding": "NanumGothicCoding", "Noto Sans Mono CJK KR": "Noto Sans Mono CJK KR"}
SIZES = [9, 9.5, 10, 10, 10, 10.5, 10.5, 11, 11, 11, 12, 12, 13, 14]
EN_SOURCES = ["en-policy", "en-devref", "en-maint", "en-bash"]
RUNNING = {"en-policy": "Debian Policy Manual", "en-devref": "Debian Developer's Reference",
           "en-maint": "Debian New Maintainers' Guide", "en-bash": "BASH(1)",
           "ko-gimp": "GIMP 사용자 설명서"}

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')


def clean(s):
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u00ad\u200b-\u200f\ufeff]", "", s)


def xml_text(s):
    """Escaped text with runs of spaces kept (text:s)."""
    out = []
    for part in re.split(r"( {2,})", clean(s)):
        if part.startswith("  "):
            out.append(f' <text:s text:c="{len(part) - 1}"/>')
        else:
            out.append(escape(part))
    return "".join(out)


def font_cycle(lang):
    """Body (family, font) for document k: every font in turn, serif and sans twice as
    often as mono (Korean: one mono slot), in a fixed shuffled order."""
    fonts = EN_FONTS if lang == "en" else KO_FONTS
    combos = [(f, x) for f in ("serif", "sans") for x in fonts[f] for _ in range(2)]
    combos += [("mono", x) for x in fonts["mono"][: 3 if lang == "en" else 1]]
    random.Random(f"print-bench/fonts/{lang}").shuffle(combos)
    return combos


def draw_layout(name, lang, rng, k):
    L = {}
    L["paper"] = rng.choice(["letter", "a4"])
    L["margin_in"] = round(rng.uniform(0.6, 1.1), 2)
    L["size"] = rng.choice(SIZES)
    fam, L["font"] = font_cycle(lang)[k % len(font_cycle(lang))]
    L["columns"] = 2 if L["size"] <= 11 and fam != "mono" and rng.random() < 0.4 else 1
    L["family"] = fam
    fonts = EN_FONTS if lang == "en" else KO_FONTS
    L["mono"] = rng.choice(fonts["mono"])
    L["head_font"] = L["font"] if rng.random() < 0.6 else rng.choice(fonts["sans"])
    if lang == "ko":
        L["latin"] = L["font"] if rng.random() < 0.6 else KO_LATIN[L["font"]]
    L["align"] = "justify" if fam != "mono" and rng.random() < 0.65 else "start"
    if lang == "en":
        L["line_height"] = rng.choice([100, 100, 105, 115, 125])
    elif L["font"].startswith("Nanum"):     # Nanum fonts' own line height is about 1.15 em
        L["line_height"] = rng.choice([130, 145, 160])
    else:                                   # Noto CJK: about 1.45 em
        L["line_height"] = rng.choice([100, 110, 120])
    L["indent_paras"] = fam != "mono" and rng.random() < 0.35
    L["header"] = rng.random() < 0.35
    L["footer"] = rng.choice(["none", "num", "page", "title"])
    L["first_page"] = rng.randint(1, 180)
    L["spacing"] = rng.choice([0.35, 0.5, 0.7])
    L["hf_align"] = rng.choice(["center", "end", "start"])
    return L


def est_words(L, lang):
    """Rough words on a full page (pages of this bench hold 0.5-1.4 times this)."""
    w, h = (8.5, 11.0) if L["paper"] == "letter" else (8.27, 11.69)
    area = (w - 2 * L["margin_in"]) * (h - 2 * L["margin_in"]) * 72 * 72
    per = 0.17 if lang == "en" else 0.15
    return area / (L["size"] ** 2 * L["line_height"] / 100) * per


CAPTION = re.compile(r"^(그림|표|예|Figure|Table|Example) \d+(\.\d+)*\.")


def sections(src, min_words, min_block, share=0.6):
    """Heading + following blocks, kept if dense: at least min_words words in prose blocks
    of min_block words or more, making at least share of the section's words."""
    src = [b for b in src if not CAPTION.match(block_text(b))]
    src = [b for k, b in enumerate(src)      # terms with nothing under them
           if b["t"] != "dt" or (k + 1 < len(src) and src[k + 1]["t"] not in ("h1", "h2", "h3", "dt"))]
    secs, cur = [], []
    for b in src:
        if b["t"] in ("h1", "h2", "h3") and cur:
            secs.append(cur)
            cur = []
        cur.append(b)
    secs.append(cur)
    out = []
    for sec in secs:
        n = [len(block_text(b).split()) for b in sec]
        prose = sum(k for b, k in zip(sec, n) if b["t"] in ("p", "li") and k >= min_block)
        if prose >= min_words and prose >= share * sum(n):
            out.append(sec)
    return out


def pick_blocks(secs, start, need, advance):
    """Blocks of consecutive sections from section start until need words; also the section
    where the next document starts (advance words on), so kept pages do not repeat text."""
    out, words, total, nxt, i = [], 0, 0, None, start
    while words < need or nxt is None:
        for b in secs[i % len(secs)]:
            n = len(block_text(b).split())
            if words < need:
                out.append(b)
                words += n
            total += n
        i += 1
        if nxt is None and total >= advance:
            nxt = i % len(secs)
    return out, nxt


def is_wide(c):
    return "\u1100" <= c <= "\u11ff" or "\u3000" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7a3" \
        or "\uff00" <= c <= "\uff60"


def block_text(b):
    return "\n".join(b["lines"]) if "lines" in b else "".join(t for _, t in b["runs"])


def sprinkle(runs, rng, lang):
    """Extra italic/bold spans of 1-3 words in plain runs (about one in 40 words)."""
    out = []
    for st, t in runs:
        if st or len(t) < 40:
            out.append([st, t])
            continue
        words = re.split(r"( )", t)
        cur, k = [], 0
        while k < len(words):
            w = words[k]
            if w.strip() and rng.random() < 1 / 40:
                n = rng.randint(1, 3 if lang == "en" else 2)
                span = "".join(words[k:k + 2 * n - 1])
                if cur:
                    out.append(["", "".join(cur)])
                    cur = []
                out.append([rng.choice(["i", "b"]) if lang == "en" else "b", span])
                k += 2 * n - 1
                continue
            cur.append(w)
            k += 1
        if cur:
            out.append(["", "".join(cur)])
    return out


def styles_xml(L, lang):
    s = L["size"]
    latin = L.get("latin", L["font"])
    asian = L["font"] if lang == "ko" else "Noto Sans CJK KR"
    fonts = sorted({L["font"], L["mono"], L["head_font"], latin, asian})
    faces = "".join(f'<style:font-face style:name="{f}" svg:font-family="\'{f}\'"/>' for f in fonts)

    def tp(font, size, extra=""):
        a = font if lang == "ko" else asian
        w = latin if lang == "ko" and font == L["font"] else font
        return (f'<style:text-properties style:font-name="{w}" fo:font-size="{size}pt" '
                f'style:font-name-asian="{a}" style:font-size-asian="{size}pt" '
                f'style:font-name-complex="{w}" style:font-size-complex="{size}pt" {extra}/>')

    sp = round(s * (0.2 if L["indent_paras"] else L["spacing"]), 1)
    ind = f'{round(s * 1.5, 1)}pt' if L["indent_paras"] else "0pt"
    lh = f'{L["line_height"]}%'
    bold = 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'
    ital = 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'
    h = [round(s * f, 1) for f in (1.7, 1.3, 1.1)]
    pstyles = f"""
<style:default-style style:family="paragraph">
 <style:paragraph-properties style:text-autospace="none" style:punctuation-wrap="simple"
   style:line-break="normal" style:writing-mode="lr-tb" fo:hyphenation-ladder-count="no-limit"/>
 {tp(L["font"], s, 'fo:language="en" fo:country="US" style:language-asian="ko" style:country-asian="KR" fo:hyphenate="false"')}
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="{L["align"]}" fo:margin-top="0pt" fo:margin-bottom="{sp}pt"
   fo:text-indent="{ind}" fo:line-height="{lh}"/>
</style:style>
<style:style style:name="Desc" style:family="paragraph" style:parent-style-name="Body">
 <style:paragraph-properties fo:margin-left="{round(s * 2.5, 1)}pt" fo:text-indent="0pt"/>
</style:style>
<style:style style:name="List" style:family="paragraph" style:parent-style-name="Body">
 <style:paragraph-properties fo:margin-left="{round(s * 1.5, 1)}pt" fo:text-indent="0pt"/>
</style:style>
<style:style style:name="Term" style:family="paragraph" style:parent-style-name="Body">
 <style:paragraph-properties fo:text-indent="0pt" fo:margin-bottom="{round(s * 0.15, 1)}pt" fo:keep-with-next="always"/>
 <style:text-properties {bold}/>
</style:style>
<style:style style:name="Code" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="start" fo:margin-left="{round(s * 1.2, 1)}pt"
   fo:margin-top="{round(s * 0.3, 1)}pt" fo:margin-bottom="{round(s * 0.8, 1)}pt" fo:line-height="100%"/>
 {tp(L["mono"], round(s * 0.9 * 2) / 2)}
</style:style>
<style:style style:name="H1" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="start" fo:margin-top="{round(h[0] * 0.6, 1)}pt"
   fo:margin-bottom="{round(h[0] * 0.5, 1)}pt" fo:keep-with-next="always"/>
 {tp(L["head_font"], h[0], bold)}
</style:style>
<style:style style:name="H2" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="start" fo:margin-top="{round(h[1] * 0.7, 1)}pt"
   fo:margin-bottom="{round(h[1] * 0.4, 1)}pt" fo:keep-with-next="always"/>
 {tp(L["head_font"], h[1], bold)}
</style:style>
<style:style style:name="H3" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="start" fo:margin-top="{round(h[2] * 0.6, 1)}pt"
   fo:margin-bottom="{round(h[2] * 0.3, 1)}pt" fo:keep-with-next="always"/>
 {tp(L["head_font"], h[2], bold + " " + (ital if lang == "en" else ""))}
</style:style>
<style:style style:name="HF" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="{L.get("hf_align", "center")}"/>
 {tp(L["font"], round(s * 0.9 * 2) / 2)}
</style:style>
<style:style style:name="Em" style:family="text"><style:text-properties {ital}/></style:style>
<style:style style:name="Strong" style:family="text"><style:text-properties {bold}/></style:style>
<style:style style:name="Mono" style:family="text">{tp(L["mono"], s)}</style:style>
"""
    return faces, pstyles


def page_layout(L):
    w, h = ("8.5in", "11in") if L["paper"] == "letter" else ("210mm", "297mm")
    m = f'{L["margin_in"]}in'
    cols = ""
    if L["columns"] == 2:
        cols = '<style:columns fo:column-count="2" fo:column-gap="0.3in"/>'
    hf = '<style:header-footer-properties fo:min-height="0in" fo:margin-top="0.15in" fo:margin-bottom="0.15in"/>'
    return (f'<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{w}" '
            f'fo:page-height="{h}" fo:margin-top="{m}" fo:margin-bottom="{m}" fo:margin-left="{m}" '
            f'fo:margin-right="{m}" style:print-orientation="portrait">{cols}</style:page-layout-properties>'
            f'<style:header-style>{hf}</style:header-style><style:footer-style>{hf}</style:footer-style>'
            f'</style:page-layout>')


def master_page(L, running, lang):
    num = '<text:page-number text:select-page="current"/>'
    header = footer = ""
    if L["header"]:
        header = f'<style:header><text:p text:style-name="HF">{escape(running)}</text:p></style:header>'
    word = "Page " if lang == "en" else ""
    tail = " 쪽" if lang == "ko" and L["footer"] == "page" else ""
    f = {"none": None, "num": num, "page": f"{word}{num}{tail}",
         "title": f"{escape(running)} <text:s/>{num}" if not L["header"] else num}[L["footer"]]
    if f:
        footer = f'<style:footer><text:p text:style-name="HF">{f}</text:p></style:footer>'
    return (f'<style:master-page style:name="Standard" style:page-layout-name="pm1">'
            f'{header}{footer}</style:master-page>')


def runs_xml(runs, L):
    out = []
    for st, t in runs:
        x = xml_text(t)
        if st == "m" and L["family"] != "mono":
            out.append(f'<text:span text:style-name="Mono">{x}</text:span>')
        elif st == "m":
            out.append(f'<text:span text:style-name="Strong">{x}</text:span>')
        elif st == "i":
            out.append(f'<text:span text:style-name="Em">{x}</text:span>')
        elif st == "b":
            out.append(f'<text:span text:style-name="Strong">{x}</text:span>')
        else:
            out.append(x)
    return "".join(out)


def body_xml(blocks, L, lang, rng):
    out, plain = [], []
    prev = None
    first = True
    for b in blocks:
        if "lines" in b:
            lines = [clean(ln) for ln in b["lines"]]
            while lines and not lines[-1].strip():
                lines.pop()
            ind = min(len(ln) - len(ln.lstrip()) for ln in lines if ln.strip())
            lines = [ln[ind:] for ln in lines]
            x = "<text:line-break/>".join(xml_text(ln) if not ln.startswith(" ")
                                          else f'<text:s text:c="{len(ln) - len(ln.lstrip())}"/>'
                                          + xml_text(ln.lstrip()) for ln in lines)
            style, content = "Code", x
            plain.append("\n".join(lines))
        else:
            runs = [[st, clean(t)] for st, t in b["runs"]]
            t = b["t"]
            if t in ("h1", "h2", "h3"):
                style = "H1" if first else {"h1": "H2", "h2": "H2", "h3": "H3"}[t]
                runs = [["", "".join(x for _, x in runs)]]
            elif t == "dt":
                style = "Term"
            elif t == "li":
                style = "List"
            else:
                style = "Desc" if prev == "Term" else "Body"
            if style in ("Body", "List", "Desc"):
                runs = sprinkle(runs, rng, lang)
            content = runs_xml(runs, L)
            plain.append("".join(x for _, x in runs))
        if first:
            out.append(f'<text:p text:style-name="P0">{content}</text:p>' if style != "H1" else
                       f'<text:h text:style-name="P0" text:outline-level="1">{content}</text:h>')
            first_style = style
            first = False
        elif style.startswith("H"):
            out.append(f'<text:h text:style-name="{style}" text:outline-level="{style[1]}">{content}</text:h>')
        else:
            out.append(f'<text:p text:style-name="{style}">{content}</text:p>')
        prev = style
    auto = (f'<style:style style:name="P0" style:family="paragraph" style:parent-style-name="{first_style}" '
            f'style:master-page-name="Standard"><style:paragraph-properties '
            f'style:page-number="{L["first_page"]}"/></style:style>')
    return "\n".join(out), "\n".join(plain), auto


def make_doc(name, lang, src_name, secs, start, pages, outdir):
    rng = random.Random(f"print-bench/{name}")
    L = draw_layout(name, lang, rng, int(name.split("-")[1]) - 1)
    L["source"] = src_name
    est = est_words(L, lang)
    blocks, nxt = pick_blocks(secs, start, est * (pages + 1) * 1.5,
                              est * pages * (1.7 if lang == "en" else 1.4))
    if lang == "ko" and src_name == "ko-gimp":
        # code blocks of GNU coreutils option help (Korean catalogue) at random places, only
        # those whose lines fit the column (Hangul two cells, other characters one)
        w = (8.5 if L["paper"] == "letter" else 8.27) - 2 * L["margin_in"]
        if L["columns"] == 2:
            w = (w - 0.3) / 2
        cells = (w * 72 - 1.2 * L["size"]) / (0.55 * round(L["size"] * 0.9 * 2) / 2)
        fit = [b for b in KO_EXTRA
               if max(sum(2 if is_wide(c) else 1 for c in ln) for ln in b["lines"]) <= cells]
        if fit:
            for j in sorted(rng.sample(range(4, len(blocks)), min(len(blocks) - 4, pages * 2)),
                            reverse=True):
                blocks.insert(j, fit[rng.randrange(len(fit))])
    faces, pstyles = styles_xml(L, lang)
    body, plain, auto = body_xml(blocks, L, lang, rng)
    running = RUNNING[src_name]
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>{faces}</office:font-face-decls>
<office:styles>{pstyles}</office:styles>
<office:automatic-styles>{page_layout(L)}{auto}</office:automatic-styles>
<office:master-styles>{master_page(L, running, lang)}</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""
    with open(os.path.join(outdir, name + ".fodt"), "w", encoding="utf-8") as fh:
        fh.write(doc)
    with open(os.path.join(outdir, name + ".txt"), "w", encoding="utf-8") as fh:
        fh.write(running + "\nPage 쪽\n" + plain + "\n")
    return L, nxt


KO_EXTRA = []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("texts")
    ap.add_argument("outdir")
    ap.add_argument("--docs", type=int, nargs=2, default=[20, 16], metavar=("EN", "KO"),
                    help="documents per language (the Korean text is shorter)")
    ap.add_argument("--pages", type=int, default=2)
    a = ap.parse_args()
    with open(a.texts, encoding="utf-8") as fh:
        texts = json.load(fh)
    KO_EXTRA.extend(texts["ko-coreutils"])
    os.makedirs(a.outdir, exist_ok=True)
    meta, secs, cursor = {}, {}, {}
    for k in EN_SOURCES + ["ko-gimp"]:
        secs[k] = sections(texts[k], 60, 8) if k.startswith("en") else sections(texts[k], 40, 6)
        cursor[k] = random.Random(f"print-bench/start/{k}").randrange(len(secs[k]))
    for lang, ndocs in zip(("en", "ko"), a.docs):
        for d in range(1, ndocs + 1):
            name = f"{lang}-{d:02d}"
            src_name = EN_SOURCES[(d - 1) % len(EN_SOURCES)] if lang == "en" else "ko-gimp"
            L, cursor[src_name] = make_doc(name, lang, src_name, secs[src_name], cursor[src_name],
                                           a.pages, a.outdir)
            L["pages"] = a.pages
            meta[name] = L
    with open(os.path.join(a.outdir, "docs.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
