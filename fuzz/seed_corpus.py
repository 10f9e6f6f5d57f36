#!/usr/bin/env python3
"""Seeds fuzz/corpus/{numbers,extract} from the fixture texts of gwr-extract (run in fuzz/)."""
import glob
import hashlib
import os

FIX = "../crates/gwr-extract/tests/fixtures"
files = sorted(glob.glob(f"{FIX}/*/*.txt")) + sorted(glob.glob(f"{FIX}/*/*.html"))
os.makedirs("corpus/numbers", exist_ok=True)
os.makedirs("corpus/extract", exist_ok=True)


def put(target, data):
    with open(os.path.join("corpus", target, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


for path in files:
    text = open(path, encoding="utf-8").read()
    for line in text.splitlines():
        if len(line) > 4 and any(c.isdigit() for c in line):
            put("numbers", line[:400].encode())
    buf = ""
    for line in text.splitlines(keepends=True):
        buf += line
        if len(buf) > 1500:
            put("extract", buf.encode())
            buf = ""
    if buf:
        put("extract", buf.encode())
    head = text[:1200]
    put("extract", head.replace("\n", "\r\n").encode())
    put("extract", b"\xef\xbb\xbf" + head.encode())
    put("extract", b"\xff\xfe" + head.encode("utf-16-le"))
    put("extract", head.encode("gb18030", errors="replace"))
print(len(os.listdir("corpus/numbers")), "numbers seeds,", len(os.listdir("corpus/extract")), "extract seeds")
