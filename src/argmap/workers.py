"""Worker processes that end with the process that started them.

spaCy's ``n_process`` forks parser workers. If the main process is killed outright (``kill -9``,
the out-of-memory killer) it cannot stop them, and orphaned workers would live on, holding
memory and the caller's pipes open (a caller reading argmap's output would wait for ever).
:func:`workers_die_with_parent` makes every process forked while it is active ask the kernel to
kill it when its parent dies (Linux ``PR_SET_PDEATHSIG``), or, where that is not available, watch
its parent from a small thread and leave when it is gone. Processes forked at other times (by a
program using argmap as a library) are left alone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

PR_SET_PDEATHSIG = 1  #: prctl option (linux/prctl.h)
POLL_SECONDS = 0.5  #: how often a worker without PR_SET_PDEATHSIG checks on its parent

_state: dict[str, Any] = {"installed": False, "active": 0, "forking": None, "libc": None}


@contextlib.contextmanager
def workers_die_with_parent() -> Iterator[None]:
    """While the block runs, processes forked by this one exit when it dies."""
    _install()
    _state["active"] += 1
    try:
        yield
    finally:
        _state["active"] -= 1


def _install() -> None:
    if _state["installed"] or not hasattr(os, "register_at_fork"):
        return
    _state["installed"] = True
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            _state["libc"] = ctypes.CDLL(None, use_errno=True)  # loaded here, not in each child
        except (OSError, AttributeError):
            _state["libc"] = None
    os.register_at_fork(before=_before_fork, after_in_child=_in_child)


def _before_fork() -> None:
    _state["forking"] = os.getpid() if _state["active"] else None


def _in_child() -> None:
    parent = _state["forking"]
    if parent is None:
        return
    libc = _state["libc"]
    if libc is not None:
        try:
            if libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the request took effect
                    os._exit(1)
                return
        except Exception:  # noqa: BLE001 - fall back to watching
            pass
    threading.Thread(target=_watch, args=(parent,), name="argmap-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)
