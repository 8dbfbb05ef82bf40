"""Taxonomy objects shared by components, loaded once per path."""

from __future__ import annotations

from functools import lru_cache

from argmap.taxonomy import Taxonomy, load_taxonomy


@lru_cache(maxsize=8)
def get_taxonomy(path: str | None) -> Taxonomy:
    return load_taxonomy(path)
