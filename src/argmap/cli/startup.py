"""Signal handling while the command line itself is being imported (before any work starts).

Importing click takes a few hundredths of a second (a command's module is imported once the
command's signal handling is in place); a Ctrl-C or ``kill`` then would
otherwise end in a KeyboardInterrupt traceback or a silent death. :func:`guard` makes such a
signal print the usual line and exit with the usual status at once (nothing has been written
yet); :func:`release` puts back the handlers that were there before, and
:func:`argmap.cli.signals.install` then takes over for the command.
"""

from __future__ import annotations

import os
import signal
from typing import Any

_WORDS = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
if hasattr(signal, "SIGHUP"):
    _WORDS[signal.SIGHUP] = "terminated (hang-up)"


def _leave(signum: int, frame: Any) -> None:
    os.write(2, f"argmap: {_WORDS.get(signum, 'interrupted')}\n".encode())
    os._exit(128 + signum)


def guard() -> dict[int, Any]:
    """Install the start-up handlers; returns the previous ones (empty outside the main thread)."""
    previous: dict[int, Any] = {}
    for signum in _WORDS:
        try:
            previous[signum] = signal.signal(signum, _leave)
        except (ValueError, OSError):  # not the main thread
            break
    return previous


def release(previous: dict[int, Any]) -> None:
    """Put back the handlers :func:`guard` replaced."""
    for signum, handler in previous.items():
        if signal.getsignal(signum) is _leave:
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
