"""Ctrl-C and termination signals: one line on stderr and the usual exit status, never a traceback.

:func:`install` (called by the console entry point, not on import) makes SIGINT raise
``KeyboardInterrupt`` and SIGTERM/SIGHUP raise :class:`Terminated` (a ``KeyboardInterrupt``
subclass) in the main process, so every ``finally`` and every atomic write's clean-up runs
before the CLI prints one line and exits with 128 + the signal number (130 for Ctrl-C, 143 for
``kill``). Worker processes forked by spaCy's ``n_process`` inherit the handler and leave
silently: the main process does the clean-up and the reporting. A second signal while the first
is being handled stops at once (after stopping the workers).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import warnings
from types import FrameType

#: The signals handled, with the word used in the one-line message.
HANDLED = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
if hasattr(signal, "SIGHUP"):
    HANDLED[signal.SIGHUP] = "terminated (hang-up)"


class Terminated(KeyboardInterrupt):
    """The process was asked to stop by a signal other than Ctrl-C (SIGTERM, SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def signal_number(exc: BaseException) -> int:
    """The signal behind an interrupt: the one a :class:`Terminated` carries, else SIGINT."""
    return exc.signum if isinstance(exc, Terminated) else int(signal.SIGINT)


def exit_status(exc: BaseException) -> int:
    """The conventional exit status for an interrupt: 128 + the signal number (130 for Ctrl-C)."""
    return 128 + signal_number(exc)


def message(exc: BaseException) -> str:
    """The one line printed for an interrupt, e.g. ``argmap: interrupted`` (and noted as printed)."""
    _reported.append(signal_number(exc))
    return f"argmap: {HANDLED.get(signal_number(exc), 'interrupted')}"


_fired: list[int] = []  # signals received by the main process since install()
_reported: list[int] = []  # messages printed since install()


def reported() -> bool:
    """Whether the one-line message for an interrupt has been printed."""
    return bool(_reported)


def first() -> BaseException:
    """The first signal received, as the exception its handler raised."""
    signum = _fired[0] if _fired else int(signal.SIGINT)
    return KeyboardInterrupt() if signum == signal.SIGINT else Terminated(signum)


def finished() -> None:
    """The command is over: ignore handled signals from now on, so one arriving while Python
    shuts down cannot kill the process without its message (its outputs are complete)."""
    for signum in HANDLED:
        try:
            signal.signal(signum, signal.SIG_IGN)
        except (ValueError, OSError):  # not the main thread, or not supported
            pass


def interrupted() -> bool:
    """Whether a handled signal has arrived since :func:`install`."""
    return bool(_fired)


def install() -> None:
    """Install the handlers in this (main) process; safe to call more than once."""
    main_pid = os.getpid()
    _fired.clear()
    _reported.clear()

    def handler(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != main_pid:  # a forked parser worker: the main process reports
            os._exit(128 + signum)
        _stop_workers()
        if _fired:  # second signal during clean-up: stop now
            os.write(2, f"argmap: {HANDLED.get(signum, 'interrupted')} again; stopping now\n".encode())
            os._exit(128 + signum)
        _fired.append(signum)
        # worker pools warn about workers that died; after an interrupt that is expected noise
        warnings.simplefilter("ignore")
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Terminated(signum)

    for signum in HANDLED:
        signal.signal(signum, handler)


def exit_now(status: int) -> None:
    """End the process after an interrupt, once the command has unwound (files cleaned up).

    Skips the interpreter's exit handlers: after an interrupt, multiprocessing's would wait
    forever for queue threads feeding parser workers that are gone.
    """
    _stop_workers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed or broken stream
            stream.flush()
    os._exit(status)


def _stop_workers() -> None:
    """Ask live multiprocessing children (spaCy's parser workers) to stop, if there are any."""
    mp = sys.modules.get("multiprocessing")
    if mp is None:
        return
    try:
        children = mp.active_children()
    except Exception:  # noqa: BLE001 - best effort while shutting down
        return
    for child in children:
        with contextlib.suppress(Exception):  # already gone
            child.terminate()
