"""Give pulled real-page texts the front matter their manifest records: the outlet and the address.

    python tests/real/add_front_matter.py tests/real/manifest.tsv /tmp/real
    python tests/real/add_front_matter.py tests/real/water/manifest.tsv /tmp/water

Each ``<document>.txt`` in the folder gets ``outlet`` (the manifest's outlet before any
parenthesis) and ``url``, as a scraper or a saved HTML page would give them; a file that already
starts with front matter is left alone. The texts themselves are never in the repository.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path


def front_matter(row: dict[str, str]) -> str:
    outlet = re.sub(r"\s*\(.*\)\s*$", "", row["outlet"]).strip()
    return f"---\noutlet: {outlet}\nurl: {row['url'].strip()}\n---\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: add_front_matter.py MANIFEST FOLDER", file=sys.stderr)
        return 2
    manifest, folder = Path(argv[0]), Path(argv[1])
    done = missing = 0
    with manifest.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = folder / f"{row['document']}.txt"
            if not path.is_file():
                missing += 1
                continue
            text = path.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                continue
            tmp = path.with_suffix(".txt.tmp")
            tmp.write_text(front_matter(row) + text, encoding="utf-8")
            tmp.replace(path)
            done += 1
    print(f"{done} files given front matter, {missing} not found in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
