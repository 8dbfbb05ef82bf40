"""Checking a spaCy model name before anything is imported or loaded by that name.

``spacy.load(name)`` imports a Python module called ``name``: ``--model this`` would run the
``this`` module (it prints the Zen of Python), ``--model this.x`` would import ``this`` while
looking for ``x``. :func:`check_model_name` lets through only a directory holding a spaCy
pipeline (its ``config.cfg``) or the name of an installed spaCy pipeline package (one that
registers itself under spaCy's ``spacy_models`` entry points, or ships a ``meta.json``), found
without importing anything.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

from argmap.errors import ModelNotFoundError

_PACKAGE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def check_model_name(name: str | None) -> None:
    """Raise :class:`ModelNotFoundError` (one line) unless ``name`` is None, a spaCy pipeline
    directory, a plain package name that is not installed (the loader then says so), or an
    installed spaCy pipeline package."""
    if not name:
        return
    if os.path.isdir(name):
        if not (Path(name) / "config.cfg").is_file():
            raise ModelNotFoundError(f"directory {name} is not a spaCy pipeline (it has no config.cfg); "
                                     "give a model package name or a directory written by nlp.to_disk()")
        return
    module = name.replace("-", "_")
    if not _PACKAGE_NAME.fullmatch(module):
        raise ModelNotFoundError(f"--model {name!r} is not a spaCy model name (letters, digits, '_' and '-', "
                                 "e.g. en_core_web_sm) nor a directory holding a pipeline")
    spec = importlib.util.find_spec(module)  # a top-level name: found, not imported
    if spec is None:
        return
    locations = getattr(spec, "submodule_search_locations", None) or ()
    if any((Path(loc) / "meta.json").is_file() for loc in locations) or module in _registered_models():
        return  # (the cheap test first: the entry points need a scan of every installed package)
    raise ModelNotFoundError(f"--model {name!r} names an installed Python module that is not a spaCy pipeline "
                             "package; give a model such as en_core_web_sm")


def _registered_models() -> set[str]:
    """Packages registered under spaCy's ``spacy_models`` entry point group."""
    import importlib.metadata

    try:
        return {ep.value.split(":")[0].strip() for ep in importlib.metadata.entry_points(group="spacy_models")}
    except Exception:  # noqa: BLE001 - broken metadata of some package: rely on meta.json
        return set()
