"""Refusing outputs that would destroy an input, or each other, before a command does any work.

``argmap build corpus -o corpus/a.txt`` would replace an article with the graph;
``argmap build corpus -o out/g.svg`` would have the map overwrite the graph;
``argmap export -g g.json -o g.json`` would replace the graph it reads. :func:`check_outputs`
catches all of these: two paths are the same file when they resolve (through symbolic links) to
one path, or are hard links to one file; a file inside a corpus folder with an article suffix is
an input even before it exists (the next build would read it as an article).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from argmap.errors import OutputError

Named = tuple[str, "str | Path | None"]  # (what it is, its path)


def _same(a: str | Path, b: str | Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one does not exist (yet)
        return False


def _inside(path: str | Path, folder: str | Path) -> bool:
    real, top = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, top]) == top and real != top
    except ValueError:  # different drives
        return False


def check_outputs(outputs: Sequence[Named], inputs: Iterable[Named] = (), *,
                  corpus: Iterable[str | Path] = ()) -> None:
    """Raise :class:`OutputError` (one line) when an output is an input, is read as part of a
    corpus, or is the same file as another output. ``outputs``/``inputs`` are ``(what, path)``
    pairs (a None or ``-`` path is skipped)."""
    outs = [(what, Path(p)) for what, p in outputs if p is not None and str(p) != "-"]
    ins = [(what, Path(p)) for what, p in inputs if p is not None and str(p) != "-"]
    for i, (what, path) in enumerate(outs):
        for other_what, other in outs[:i]:
            if _same(path, other):
                raise OutputError(f"the {what} {path} would overwrite the {other_what} {other} (the same file); "
                                  f"give the {other_what} another name")
        for in_what, in_path in ins:
            if _same(path, in_path):
                raise OutputError(f"the {what} {path} is the {in_what} this command reads ({in_path}); "
                                  "writing it would destroy its input; choose another output path")
    corpus = [Path(c) for c in corpus]
    if corpus and outs:
        _check_corpus(outs, corpus)


def _check_corpus(outs: list[tuple[str, Path]], corpus: list[Path]) -> None:
    from argmap.corpus import SUFFIXES, iter_corpus_files

    for root in corpus:
        for what, path in outs:
            if root.is_file() and _same(path, root):
                raise OutputError(f"the {what} {path} is the corpus file {root}; writing it would destroy "
                                  "the article; choose another output path")
            if root.is_dir() and _inside(path, root) and path.suffix.lower() in SUFFIXES:
                if path.exists():
                    raise OutputError(f"the {what} {path} is an article of the corpus folder {root}, which this "
                                      "command reads; writing it would destroy it; choose another output path")
                raise OutputError(f"the {what} {path} is inside the corpus folder {root}, where the next build "
                                  "would read it as an article; write it outside the corpus")
    existing = [(what, path) for what, path in outs if path.exists()]
    if not existing:
        return
    for file, _root in iter_corpus_files([c for c in corpus if c.is_dir()]):
        for what, path in existing:
            if _same(path, file):
                raise OutputError(f"the {what} {path} is the corpus file {file}; writing it would destroy "
                                  "the article; choose another output path")
