"""Write N synthetic articles for scale tests by recombining paragraphs of existing corpora.

Paragraphs (non-empty lines after any front matter) are read at run time from the seed corpus
(../shared/corpus) and the sample corpus (corpus/); each synthetic article gets invented front
matter and a random run of paragraphs drawn from the pool. Nothing generated is meant to be
committed: write into a temporary or ignored directory.

    python benchmarks/make_corpus.py /tmp/corpus-300 -n 300
    python benchmarks/make_corpus.py /tmp/corpus-300 -n 1 --start 300   # one more article

Articles are numbered (``syn-00000.md`` ...); the same ``--seed`` and numbers give the same
files, so ``--start`` adds articles without changing existing ones.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = (ROOT.parent / "shared" / "corpus", ROOT / "corpus")
SKIP_STEMS = {"readme", "sources", "license", "licence"}

_OUTLETS = ("Synthetic Social Work Review", "Test Bench Gazette", "Sample Policy Weekly", "Mock County Herald")
_GIVEN = ("Ada", "Ben", "Cleo", "Dev", "Ella", "Femi", "Gus", "Hana", "Ivo", "Jude", "Kit", "Lena")
_FAMILY = ("Arden", "Bolt", "Crane", "Dale", "Eske", "Fenn", "Gale", "Holt", "Irwin", "Joss", "Kerr", "Lyle")
_GENRES = ("news", "news", "news", "opinion", "briefing")


def paragraphs(sources: tuple[Path, ...] | list[Path]) -> list[str]:
    """All non-empty lines (front matter and Markdown heading marks removed) of the source articles."""
    pool: list[str] = []
    for src in sources:
        if not src.is_dir():
            continue
        for path in sorted(src.iterdir()):
            if path.suffix.lower() not in {".txt", ".md"} or path.stem.lower() in SKIP_STEMS:
                continue
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            if lines and lines[0].strip() == "---":
                end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
                lines = lines[end + 1:]
            pool += [line.strip().lstrip("#").strip() for line in lines if line.strip().lstrip("#").strip()]
    return pool


def article(pool: list[str], n: int, seed: int, min_paras: int, max_paras: int) -> str:
    """The text of synthetic article number ``n`` (a pure function of its arguments)."""
    rng = random.Random(f"{seed}:{n}")
    k = rng.randint(min_paras, max_paras)
    start = rng.randrange(len(pool))
    body = [pool[(start + i) % len(pool)] if rng.random() < 0.6 else rng.choice(pool) for i in range(k)]
    title = f"Synthetic article {n}: {' '.join(body[0].split()[:8])}"
    front = [
        "---",
        f"title: {title.replace(':', ' -')}",
        f"date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"outlet: {rng.choice(_OUTLETS)}",
        f"author: {rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
        f"genre: {rng.choice(_GENRES)}",
        "---",
        "",
    ]
    return "\n".join(front + ["\n\n".join(body), ""])


def write_corpus(out: Path, n: int, *, start: int = 0, seed: int = 1, min_paras: int = 12, max_paras: int = 40,
                 sources: tuple[Path, ...] | list[Path] = DEFAULT_SOURCES) -> list[Path]:
    """Write articles ``start`` .. ``start + n - 1`` into ``out``; returns their paths."""
    pool = paragraphs(sources)
    if not pool:
        raise SystemExit(f"no source paragraphs found in {', '.join(map(str, sources))}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(start, start + n):
        path = out / f"syn-{i:05d}.md"
        path.write_text(article(pool, i, seed, min_paras, max_paras), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="directory to write the articles into")
    ap.add_argument("-n", "--count", type=int, default=300)
    ap.add_argument("--start", type=int, default=0, help="number of the first article")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-paras", type=int, default=12)
    ap.add_argument("--max-paras", type=int, default=40)
    ap.add_argument("--source", type=Path, action="append", help="source corpus folder (repeatable)")
    args = ap.parse_args(argv)
    sources = tuple(args.source) if args.source else DEFAULT_SOURCES
    written = write_corpus(args.out, args.count, start=args.start, seed=args.seed, min_paras=args.min_paras,
                           max_paras=args.max_paras, sources=sources)
    print(f"wrote {len(written)} articles to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
