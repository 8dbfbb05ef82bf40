"""A progress bar for long builds: documents done of total, tokens per second, time left.

Drawn on standard error, on one line redrawn in place, only when standard error is a terminal
(never in a pipe, a file or a CI log, and never with ``--quiet``); erased when the work is done,
so what stays on the screen is the command's own output.

    documents  120/300 [#########.............]  40%   5,310 tok/s   0:31 left
"""

from __future__ import annotations

import os
import sys
import time
from typing import Self, TextIO

#: environment variables that mean "a CI log, not a person at a terminal"
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD")
REDRAW_SECONDS = 0.1  # at most ten redraws a second
FIRST_DRAW_SECONDS = 0.3  # a build done sooner never shows a bar


def wanted(stream: TextIO | None = None, *, quiet: bool = False) -> bool:
    """Whether to draw a bar on ``stream`` (standard error by default)."""
    stream = stream if stream is not None else sys.stderr
    if quiet or any(os.environ.get(v) for v in CI_VARIABLES) or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def format_bar(done: int, total: int, tokens: int, elapsed: float, width: int = 80,
               since: tuple[float, int, int] | None = None) -> str:
    """One line of progress (pure, for tests): counts, a bar, percent, rate and time left.

    ``since`` = (elapsed, done, tokens) at an earlier report: rate and time left are measured
    from there (so the time the model took to load does not count as a slow start).
    """
    total = max(total, done, 0)
    share = done / total if total else 1.0
    measured = since is None or (since[0] < elapsed and since[1] < done)  # else: nothing since the first report
    t0, d0, k0 = since if since is not None and measured else (0.0, 0, 0)
    span = elapsed - t0
    rate = f"{(tokens - k0) / span:8,.0f}" if measured and span > 0 else f"{'--':>8}"
    if done >= total:
        left = "done"
    elif 0 < done and measured and span > 0:
        left = _clock(span / (done - d0) * (total - done)) + " left"
    else:
        left = "--:-- left"
    head = f"documents {done:>{len(str(total))}}/{total}"
    tail = f" {share:4.0%}  {rate} tok/s  {left:>10}"
    room = max(10, width - len(head) - len(tail) - 4)
    filled = int(room * share)
    return f"{head} [{'#' * filled}{'.' * (room - filled)}]{tail}"


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """Redraws :func:`format_bar` as work is reported; does nothing when not ``enabled``."""

    def __init__(self, total: int, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.perf_counter()
        self._last = 0.0
        self._shown = False
        self._first: tuple[float, int, int] | None = None  # the first report of work done
        self.done = 0
        self.tokens = 0

    def update(self, done: int, tokens: int, *, total: int | None = None) -> None:
        """Report ``done`` documents and ``tokens`` so far (``total`` if it changed)."""
        self.done, self.tokens = done, tokens
        if total is not None:
            self.total = total
        if not self.enabled:
            return
        now = time.perf_counter()
        if self._first is None and done > 0:
            self._first = (now - self.started, done, tokens)
        if now - self.started < FIRST_DRAW_SECONDS or now - self._last < REDRAW_SECONDS:
            return
        self._last = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        width = _columns() - 1
        line = format_bar(self.done, self.total, self.tokens, now - self.started, width, since=self._first)
        try:
            self.stream.write("\r" + line[:width])
            self.stream.flush()
            self._shown = True
        except (OSError, ValueError):
            self.enabled = False

    def close(self) -> None:
        """Erase the bar (the command then prints its summary on a clean line)."""
        if self._shown:
            try:
                self.stream.write("\r" + " " * (_columns() - 1) + "\r")
                self.stream.flush()
            except (OSError, ValueError):
                pass
        self._shown = False
        self.enabled = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _columns() -> int:
    import shutil

    return max(40, shutil.get_terminal_size((80, 24)).columns)
