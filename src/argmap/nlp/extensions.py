"""Custom attributes argmap's spaCy components read and write, registered once."""

from __future__ import annotations

from spacy.tokens import Doc

# span group keys
ACTOR_SPANS = "argmap_actors"
CLAIM_SPANS = "argmap_claims"


def install_extensions() -> None:
    """Register argmap's Doc attributes (safe to call many times)."""
    for name in ("argmap_meta", "argmap_actors", "argmap_units", "argmap_claims", "argmap_candidates"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
