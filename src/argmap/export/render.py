"""Draw the argument map with Graphviz: the only code in argmap that runs the ``dot`` binary.

:func:`build_dot` (re-exported from :mod:`argmap.export.dot`) builds the map; :func:`render`
runs ``dot`` on it and writes the picture atomically; :func:`render_all` writes the ``.dot``
source beside the ``.svg`` map, and still leaves the ``.dot`` when Graphviz is missing.
Graphviz's warnings (a bitmap scaled down because it is too large, a font it lacks) are not
lost: :func:`graphviz_warning` sums them up in one line for ``on_warning``.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pydot

from argmap.atomic import Staging, write_bytes, write_text
from argmap.errors import ExportError
from argmap.export.dot import build_dot

RENDER_FORMATS = ("svg", "png", "pdf", "dot")
DEFAULT_TIMEOUT = 180.0
INSTALL_HINT = ("install Graphviz to draw maps: 'apt-get install graphviz' (Debian/Ubuntu), "
                "'brew install graphviz' (macOS) or see https://graphviz.org/download/")


class GraphvizMissing(ExportError):
    """The Graphviz ``dot`` program is not installed (or not on PATH)."""


def find_dot() -> str:
    """The path of the ``dot`` program; GraphvizMissing (with how to install it) if absent."""
    found = shutil.which("dot")
    if not found:
        raise GraphvizMissing(f"Graphviz 'dot' not found on PATH; {INSTALL_HINT}")
    return found


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else the one ``path``'s extension names."""
    if fmt:
        fmt = fmt.lower().lstrip(".")
        if fmt not in RENDER_FORMATS:
            raise ExportError(f"unknown map format {fmt!r}; choose one of: {', '.join(RENDER_FORMATS)}")
        return fmt
    ext = Path(path).suffix.lower().lstrip(".")
    if ext in RENDER_FORMATS:
        return ext
    raise ExportError(f"cannot tell the map format from {str(path)!r}; give --format "
                      f"({'|'.join(RENDER_FORMATS)}) or an output ending in "
                      + ", ".join(f".{f}" for f in RENDER_FORMATS))


def dot_text(dot: pydot.Dot | str) -> str:
    """DOT source text of a pydot graph (text passes through)."""
    return dot if isinstance(dot, str) else dot.to_string()


def graphviz_warning(stderr: str) -> str | None:
    """Graphviz's warnings on stderr as one line (the first, and how many more), or None."""
    lines = [" ".join(ln.split()) for ln in stderr.splitlines() if ln.strip()]
    warnings = [ln.split(":", 1)[1].strip() if ln.lower().startswith("warning:") else ln for ln in lines]
    warnings = [w.removeprefix("dot: ") for w in warnings]
    warnings = list(dict.fromkeys(w for w in warnings if w))
    if not warnings:
        return None
    more = len(warnings) - 1
    return f"Graphviz warned: {warnings[0]}" + (f" (and {more} more)" if more else "")


def run_dot(text: str, fmt: str, *, timeout: float = DEFAULT_TIMEOUT,
            on_warning: Callable[[str], None] | None = None) -> bytes:
    """Run Graphviz ``dot -T<fmt>`` on DOT ``text`` and return its output; its warnings, if
    any, go to ``on_warning`` as one line."""
    exe = find_dot()
    try:
        proc = subprocess.run([exe, f"-T{fmt}"], input=text.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ExportError(f"Graphviz took longer than {timeout:.0f}s to draw the map; draw less "
                          "with --focus, --stance, --theme or --max-claims") from None
    except OSError as exc:
        raise GraphvizMissing(f"cannot run Graphviz at {exe} ({exc.strerror or exc}); "
                              f"{INSTALL_HINT}") from None
    if proc.returncode != 0 or not proc.stdout:
        errors = [ln.strip() for ln in proc.stderr.decode("utf-8", "replace").splitlines()
                  if ln.strip() and not ln.lstrip().lower().startswith("warning")]
        reason = errors[0] if errors else f"exit status {proc.returncode}"
        raise ExportError(f"Graphviz could not draw the map: {reason}")
    warning = graphviz_warning(proc.stderr.decode("utf-8", "replace"))
    if warning and on_warning is not None:
        on_warning(warning)
    return proc.stdout


def render(dot: pydot.Dot | str, path: str | Path, fmt: str | None = None, *,
           timeout: float = DEFAULT_TIMEOUT, on_warning: Callable[[str], None] | None = None) -> Path:
    """Draw ``dot`` (a pydot graph or DOT text) to ``path`` in ``fmt`` (default: from the
    extension). The file appears whole or not at all; ``dot`` format needs no Graphviz."""
    path = Path(path)
    fmt = format_for(path, fmt)
    text = dot_text(dot)
    try:
        if fmt == "dot":
            write_text(path, text)
        else:
            write_bytes(path, run_dot(text, fmt, timeout=timeout, on_warning=on_warning))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def stage_map(graph: nx.MultiDiGraph, out_svg_path: str | Path, staging: Staging, *,
              timeout: float = DEFAULT_TIMEOUT,
              on_note: Callable[[str], None] | None = None) -> tuple[list[Path], str | None]:
    """Stage the full map as ``<name>.dot`` and ``<name>.svg`` in ``staging`` (written when it
    commits, together with the command's other outputs); returns the paths staged and, when no
    picture could be drawn, why (the ``.dot`` is staged all the same). ``on_note`` hears that a
    large map became an index, and Graphviz's warnings."""
    svg = Path(out_svg_path)
    dot_path = svg.with_suffix(".dot")
    text = dot_text(build_dot(graph, on_note=on_note))
    staging.write_text(dot_path, text)
    try:
        picture = run_dot(text, "svg", timeout=timeout, on_warning=on_note)
    except ExportError as exc:
        return [dot_path], str(exc)
    staging.write_bytes(svg, picture)
    return [dot_path, svg], None


def render_all(graph: nx.MultiDiGraph, out_svg_path: str | Path, *,
               on_note: Callable[[str], None] | None = None) -> list[Path]:
    """Write the full map as ``<name>.dot`` and ``<name>.svg``; return the paths written.

    When Graphviz is missing the ``.dot`` is still written and GraphvizMissing is raised.
    ``on_note`` hears that a large map became an index, and Graphviz's warnings.
    """
    svg = Path(out_svg_path)
    dot_path = svg.with_suffix(".dot")
    text = dot_text(build_dot(graph, on_note=on_note))
    render(text, dot_path, "dot")
    render(text, svg, "svg", on_warning=on_note)
    return [dot_path, svg]


__all__ = ["RENDER_FORMATS", "GraphvizMissing", "build_dot", "find_dot", "format_for", "graphviz_warning",
           "render", "render_all", "run_dot", "stage_map"]
