#!/usr/bin/env python3
"""The peer for reading saved web pages: extract the main text of every page given, with
trafilatura (default) or readability-lxml (Mozilla Readability's Python port). Prints the
wall seconds of the extraction (files read beforehand) and the pages it found text in.
usage: extract_pages.py [--readability] PAGE.html..."""
import sys, time
use_readability = "--readability" in sys.argv
paths = [a for a in sys.argv[1:] if not a.startswith("--")]
pages = [open(p, "rb").read() for p in paths]
if use_readability:
    import lxml.html
    from readability import Document
    def extract(raw):
        return lxml.html.fromstring(Document(raw).summary()).text_content()
else:
    import trafilatura
    def extract(raw):
        return trafilatura.extract(raw)
t0 = time.perf_counter()
found = sum(1 for raw in pages if (extract(raw) or "").strip())
print(f"{time.perf_counter() - t0:.3f} {found}")
