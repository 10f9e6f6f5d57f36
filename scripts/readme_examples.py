#!/usr/bin/env python3
"""Runs the examples of README.md and checks that each prints the output shown under it.

    readme_examples.py [--bless] [README]

An example is a ```python block right after a line `<!-- example: NAME -->`, followed by a
```text block: what the example prints. The examples run from the repository root, after
`cargo xtask publish` (they read the releases in dist/). Whitespace runs compare equal, so a
reader library that pads its tables differently does not fail the check; every value must
match. With --bless, the text blocks are rewritten with what the examples print now.
Needs the packages the examples import (CI's virtualenv has duckdb, pandas and polars).
"""
import contextlib
import io
import re
import sys

BLOCK = re.compile(
    r"(<!-- example: (?P<name>[\w-]+) -->\n```python\n(?P<code>.*?)```\n(?P<between>.*?)```text\n)(?P<out>.*?)(```)",
    re.S,
)


def run(code):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "<README example>", "exec"), {"__name__": "__readme__"})
    return buf.getvalue()


def norm(text):
    return [" ".join(line.split()) for line in text.strip().splitlines()]


def main(argv):
    bless = "--bless" in argv
    args = [a for a in argv[1:] if a != "--bless"]
    path = args[0] if args else "README.md"
    with open(path, encoding="utf-8") as f:
        readme = f.read()
    failures, count = [], 0
    pieces, last = [], 0
    for m in BLOCK.finditer(readme):
        count += 1
        got = run(m.group("code"))
        if norm(got) != norm(m.group("out")):
            failures.append((m.group("name"), m.group("out"), got))
        pieces.append(readme[last : m.start("out")])
        pieces.append(got if got.endswith("\n") else got + "\n")
        last = m.end("out")
    pieces.append(readme[last:])
    if count == 0:
        print(f"readme_examples: no examples in {path}")
        return 1
    if bless:
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(pieces))
        print(f"readme_examples: {count} examples run, {path} rewritten")
        return 0
    for name, want, got in failures:
        print(f"--- example {name}: README shows\n{want}--- it prints now\n{got}")
    if failures:
        print(f"readme_examples: {len(failures)} of {count} examples print something else "
              "(run scripts/readme_examples.py --bless after checking the new output)")
        return 1
    print(f"readme_examples: {count} examples print what README.md shows: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
