"""Atomic file writes: a temporary file in the same directory, flushed, fsynced, then renamed.

One file: :func:`atomic_open`, :func:`write_text`, :func:`write_bytes`. Several files that belong
together (a graph and the map drawn from it): :class:`Staging` writes each to its temporary
file, then puts them all in place in one go, with Ctrl-C and ``kill`` held back for those few
renames, so an interrupted command leaves either all the new files or all the old ones.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: Errors of writing (not of reading) that the system reports without a file name.
_WRITE_ERRNOS = frozenset(e for e in (getattr(errno, n, None) for n in ("ENOSPC", "EDQUOT", "EFBIG")) if e)
_HELD_SIGNALS = {s for s in (getattr(signal, n, None) for n in ("SIGINT", "SIGTERM", "SIGHUP")) if s}


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8", *,
                staged: Staging | None = None, durable: bool = True) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` in one rename
    (or, with ``staged``, when that :class:`Staging` commits). ``durable=False`` skips the fsync,
    for files that check themselves when read (cache entries carry a checksum) and so may be lost
    in a power cut but never taken for something they are not.

    A full disk or quota is reported as an OSError naming the temporary file, which
    :func:`argmap.cli.options.os_error_message` words as ``cannot write PATH: reason``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        try:
            with os.fdopen(fd, mode, encoding=None if binary else encoding) as fh:
                yield fh
                fh.flush()
                if durable:
                    os.fsync(fh.fileno())
        except OSError as exc:
            if exc.filename is None and exc.errno in _WRITE_ERRNOS:
                raise OSError(exc.errno, exc.strerror, tmp) from None
            raise
        if staged is None:
            os.replace(tmp, path)
        else:
            staged.add(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    with atomic_open(path, "w") as fh:
        fh.write(text)


def write_bytes(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (without the fsync when not ``durable``)."""
    with atomic_open(path, "wb", encoding=None, durable=durable) as fh:
        fh.write(data)


class Staging:
    """The outputs of one command, replaced together or not at all.

    Use as a context manager: files written with :meth:`write_text` / :meth:`write_bytes` (or
    ``atomic_open(..., staged=staging)``) wait in temporary files; leaving the block normally
    renames them all into place (:meth:`commit`), leaving it by an exception (an error, Ctrl-C)
    deletes them and leaves every earlier file as it was.
    """

    def __init__(self) -> None:
        self._pending: list[tuple[str, Path]] = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if exc is None:
            self.commit()
        else:
            self.discard()

    def add(self, tmp: str, path: Path) -> None:
        """Stage the finished temporary file ``tmp`` to replace ``path``."""
        self._pending.append((tmp, path))

    def write_text(self, path: str | Path, text: str) -> None:
        with atomic_open(path, "w", staged=self) as fh:
            fh.write(text)

    def write_bytes(self, path: str | Path, data: bytes) -> None:
        with atomic_open(path, "wb", encoding=None, staged=self) as fh:
            fh.write(data)

    @property
    def paths(self) -> list[Path]:
        """The files staged so far, in order."""
        return [path for _, path in self._pending]

    def commit(self) -> None:
        """Rename every staged file into place, with interrupts held back until all are done."""
        with _signals_held():
            try:
                while self._pending:
                    tmp, path = self._pending[0]
                    os.replace(tmp, path)
                    self._pending.pop(0)
            finally:
                self.discard()

    def discard(self) -> None:
        """Delete the staged temporary files; the files they were for stay as they were."""
        while self._pending:
            tmp, _ = self._pending.pop()
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and termination signals (delivered when the block ends), where possible."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextlib.contextmanager
def atomic_path(path: str | Path, *, staged: Staging | None = None) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that opens files itself (SQLite); on success
    the finished file is fsynced and replaces ``path`` in one rename (or, with ``staged``, when
    that :class:`Staging` commits); on failure it is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        yield Path(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if staged is None:
            os.replace(tmp, path)
        else:
            staged.add(tmp, path)
    except BaseException:
        for leftover in (tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        raise
