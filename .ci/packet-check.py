#!/usr/bin/env python3
"""Checks that a printed packet is legible (issue: the committee packet): the workbook printed to
PDF by LibreOffice must set no text smaller than 9 pt, and must print every character of every
cell (a cell whose row is too short is cut on paper: its last lines do not reach the PDF).

Usage: .ci/packet-check.py PACKET.xlsx PACKET.pdf   (exit 1 when text is too small or cut)
"""
import collections
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import pdfplumber

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
MIN_PT = 9.0


def cell_texts(path):
    """Every cell's text, once per cell that shows it."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        texts = []
        for name in sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n)):
            for c in ET.fromstring(z.read(name)).iter("{%s}c" % NS["m"]):
                v = c.find("m:v", NS)
                if c.get("t") == "s" and v is not None:
                    texts.append(shared[int(v.text)])
                elif c.get("t") == "inlineStr":
                    texts.append("".join(t.text or "" for t in c.iter("{%s}t" % NS["m"])))
        return texts


def main(xlsx, pdf):
    expected = collections.Counter(ch for t in cell_texts(xlsx) for ch in t if not ch.isspace())
    printed = collections.Counter()
    sizes = collections.Counter()
    with pdfplumber.open(pdf) as doc:
        pages = len(doc.pages)
        for page in doc.pages:
            for ch in page.chars:
                if not ch["text"].isspace():
                    printed[ch["text"]] += 1
                    sizes[round(ch["size"], 1)] += 1
    smallest = min(sizes) if sizes else 0
    missing = {ch: n - printed[ch] for ch, n in expected.items() if printed[ch] < n}
    print(f"{pdf}: {pages} pages, {sum(printed.values())} characters printed, "
          f"text sizes {dict(sorted(sizes.items()))} pt, smallest {smallest} pt")
    ok = True
    if smallest < MIN_PT:
        print(f"  text smaller than {MIN_PT} pt", file=sys.stderr)
        ok = False
    if missing:
        shown = "".join(f"{ch}×{n} " for ch, n in sorted(missing.items(), key=lambda kv: -kv[1])[:30])
        print(f"  cut on paper: {sum(missing.values())} characters of the cells are not printed: {shown}", file=sys.stderr)
        ok = False
    return ok


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(0 if main(sys.argv[1], sys.argv[2]) else 1)
