"""Reading the files a command is given (taxonomy, cue lexicon, graph, gold, records) with limits.

Every such file is opened without blocking and must be a regular file: a FIFO, a terminal or a
device such as ``/dev/zero`` is refused at once instead of blocking for ever or being read
without end. Each kind of file has a size limit (:data:`INPUT_KINDS`), far above real files and
raisable with an environment variable named in the message, e.g.
``ARGMAP_MAX_GRAPH_BYTES=8G``. Corpus articles have their own limit (``--max-bytes``).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import ArgmapError, InputError

KB, MB, GB = 1024, 1024 ** 2, 1024 ** 3


@dataclass(frozen=True)
class InputKind:
    """One kind of input file: what it is called in messages, its size limit and the variable
    that raises it."""

    name: str  # "taxonomy", "graph", ...
    noun: str  # "taxonomy file"
    default_limit: int
    env_var: str
    why: str  # why a file this large is suspicious

    def limit(self) -> int:
        """The limit in bytes: the environment variable if set, else the default."""
        raw = os.environ.get(self.env_var, "").strip()
        if not raw:
            return self.default_limit
        size = parse_size(raw)
        if size is None:
            raise InputError(f"{self.env_var}={raw!r} is not a size; use a number of bytes or e.g. 500M, 8G")
        return size


#: The limits per kind of input (documented in the README's troubleshooting section).
INPUT_KINDS: dict[str, InputKind] = {k.name: k for k in (
    InputKind("taxonomy", "taxonomy file", 10 * MB, "ARGMAP_MAX_TAXONOMY_BYTES",
              "a taxonomy is a hand-written list of proposals, themes and actors; the shipped one is 20 kB"),
    InputKind("cues", "cue lexicon", 10 * MB, "ARGMAP_MAX_CUES_BYTES",
              "a cue lexicon is a hand-written word list; the shipped one is 13 kB"),
    InputKind("graph", "graph file", 2 * GB, "ARGMAP_MAX_GRAPH_BYTES",
              "a graph is read whole into memory; 2,000 articles make about 30 MB"),
    InputKind("gold", "gold file", 100 * MB, "ARGMAP_MAX_GOLD_BYTES",
              "a gold annotation is written by hand, one line per position"),
    InputKind("records", "records file", 4 * GB, "ARGMAP_MAX_RECORDS_BYTES",
              "the records are merged into one graph in memory; 2,000 articles make about 30 MB"),
    InputKind("record", "record (one line)", 256 * MB, "ARGMAP_MAX_RECORD_BYTES",
              "one line holds one article's claims, a few kB"),
    InputKind("cache entry", "cache entry", 1 * GB, "ARGMAP_MAX_CACHE_ENTRY_BYTES",
              "one entry holds one article's parse, a few MB at most"),
)}

_FILE_TYPES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def parse_size(text: str) -> int | None:
    """``"500M"`` -> 524288000; plain digits are bytes; K, M, G, T (optionally with B) are powers
    of 1024. None when ``text`` is not a size."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)b?\s*", text, re.IGNORECASE)
    if not m:
        return None
    factor = {"": 1, "k": KB, "m": MB, "g": GB, "t": 1024 * GB}[m.group(2).lower()]
    value = int(float(m.group(1)) * factor)
    return value if value > 0 else None


def human_size(n: int) -> str:
    """``31457280`` -> ``"30 MB"``; small sizes in bytes."""
    for unit, size in (("GB", GB), ("MB", MB), ("kB", KB)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n:,} bytes"


def too_large(kind: InputKind, path: str | Path, size: int, limit: int, *, what: str | None = None) -> str:
    """The one line for an input over its limit."""
    return (f"{what or kind.noun} {path} is {human_size(size)}, over the {human_size(limit)} limit for a "
            f"{kind.noun} ({kind.why}); if the file is right, raise the limit with {kind.env_var}=<bytes>")


def _open_regular(path: str | Path, kind: InputKind, error: type[ArgmapError]) -> tuple[int, int]:
    """An open descriptor on ``path`` and its size; refuses anything that is not a regular file.

    Opened with O_NONBLOCK, so a FIFO with no writer cannot block. OSErrors (not found,
    permission denied, a directory: IsADirectoryError) are raised for the caller to word.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            what = next((name for test, name in _FILE_TYPES if test(info.st_mode)), "not a regular file")
            raise error(f"{kind.noun} {path} is {what}, not a regular file; argmap reads {kind.noun}s only "
                        "from regular files (copy it to a file first)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return fd, info.st_size
    except BaseException:
        os.close(fd)
        raise


def read_input(path: str | Path, kind: str, *, error: type[ArgmapError] = InputError) -> bytes:
    """The bytes of a regular file of ``kind`` (a key of :data:`INPUT_KINDS`), within its limit.

    Raises ``error`` (one line) for a non-regular file or one over the limit; OSError for the
    caller to word otherwise (not found, permission denied, IsADirectoryError).
    """
    spec = INPUT_KINDS[kind]
    limit = spec.limit()
    fd, size = _open_regular(path, spec, error)
    with os.fdopen(fd, "rb") as fh:
        if size > limit:
            raise error(too_large(spec, path, size, limit))
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew while we read
        raise error(too_large(spec, path, len(data), limit))
    return data


def iter_lines(path: str | Path, kind: str, *, error: type[ArgmapError] = InputError,
               line_kind: str = "record") -> Iterator[tuple[int, bytes]]:
    """``(line number, line)`` of a regular file of ``kind``, each line within ``line_kind``'s limit.

    For JSON-lines files read as a stream: the file's size is checked against its own limit
    before reading, and a line is never read past its limit (a file with no line break, or a
    huge line, is refused instead of read whole).
    """
    spec, line_spec = INPUT_KINDS[kind], INPUT_KINDS[line_kind]
    limit, line_limit = spec.limit(), line_spec.limit()
    fd, size = _open_regular(path, spec, error)
    with os.fdopen(fd, "rb") as fh:
        if size > limit:
            raise error(too_large(spec, path, size, limit))
        n = 0
        while True:
            line = fh.readline(line_limit + 1)
            if not line:
                return
            n += 1
            if len(line) > line_limit:
                raise error(too_large(line_spec, f"{path}:{n}", len(line), line_limit, what="line"))
            yield n, line
