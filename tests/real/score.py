"""Build and score the real-page development sets from a folder of pulled texts, in one command.

    python tests/real/score.py ROOT                 # every set ROOT holds
    python tests/real/score.py ROOT real water      # only these sets
    python tests/real/score.py ROOT fresh7 --errors # with the misses and false positives

ROOT holds one folder per set, named as the sets are in tests/real/README.md (``real``, ``water``,
``fresh``, ``fresh2`` ... ``fresh26``), with the texts given their front matter
(add_front_matter.py), and may hold ``<set>-raw`` beside it with the texts as pulled. Each folder
is built with the set's taxonomy (argmap's cache makes a second run quick) and scored against its
gold file; one line a set. The held-out sets (``fresh2``, ``fresh6``, ``fresh8``, ``fresh10``) print their figures only:
never their misses, whatever is asked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLD = ROOT / "tests" / "gold"
WATER = ROOT / "src" / "argmap" / "data" / "water_industry.toml"

#: set -> (its manifest, its taxonomy file or None for the shipped default)
SETS: dict[str, tuple[Path, Path | None]] = {
    "real": (HERE / "manifest.tsv", None),
    "water": (HERE / "water" / "manifest.tsv", WATER),
    **{name: (HERE / name / "manifest.tsv", None)
       for name in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10",
                    "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18",
                    "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26")},
}
HELD_OUT = frozenset({"fresh2", "fresh6", "fresh8", "fresh10"})


def score(folder: Path, name: str, extractors: dict) -> object:
    """The evaluation of the graph built from ``folder`` against the gold file of set ``name``."""
    from argmap.build import Extractor
    from argmap.corpus import load_corpus
    from argmap.evaluate import evaluate, read_gold
    from argmap.graph import build_graph
    from argmap.nlp.resources import get_taxonomy

    taxonomy = SETS[name][1]
    key = str(taxonomy) if taxonomy else ""
    if key not in extractors:
        extractors[key] = Extractor(taxonomy=taxonomy)
    g = build_graph(list(extractors[key].extract(load_corpus([folder]))), get_taxonomy(key or None))
    return evaluate(g, read_gold(GOLD / f"{name}.tsv"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("root", type=Path, help="the folder holding one folder of texts per set")
    parser.add_argument("sets", nargs="*", help=f"sets to score (default: all found); known: {', '.join(SETS)}")
    parser.add_argument("--errors", action="store_true", help="also print misses and false positives "
                        "(never for a held-out set)")
    args = parser.parse_args(argv)
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        parser.error(f"unknown set {', '.join(unknown)}; known: {', '.join(SETS)}")
    if not args.root.is_dir():
        parser.error(f"{args.root} is not a folder")
    from argmap.evaluate import format_report

    wanted = args.sets or list(SETS)
    extractors: dict = {}
    print(f"{'set':<13}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'f1':>7}")
    found = 0
    for name in wanted:
        for folder_name in (name, f"{name}-raw"):
            folder = args.root / folder_name
            if not folder.is_dir():
                continue
            found += 1
            ev = score(folder, name, extractors)
            s = ev.scores["overall"]
            held = " (held out)" if name in HELD_OUT else ""
            print(f"{folder_name:<13}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}{held}")
            if args.errors and name not in HELD_OUT:
                print(format_report(ev))
    if not found:
        print(f"no set's folder in {args.root} (expected folders named {', '.join(wanted)})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
