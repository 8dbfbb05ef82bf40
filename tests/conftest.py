"""Shared fixtures: a small hand-built graph (no spaCy needed) and the seed corpus location."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.graph import build_graph
from argmap.model import Actor, ActorType, Claim, DocResult, Stance
from argmap.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE_CORPUS = ROOT / "corpus"


def _claim(doc, n, speaker, stance, text, targets=(), themes=(), **kw):
    return Claim(id=f"claim:{doc}:{n}", doc_id=doc, text=text, start=n * 100, end=n * 100 + len(text),
                 speaker=speaker, stance=stance, targets=tuple(targets), themes=tuple(themes),
                 attribution=kw.get("attribution", "says"), stance_cues=tuple(kw.get("cues", ())),
                 rule=kw.get("rule", "hand-built"), quoted=kw.get("quoted", False))


def small_results() -> list[DocResult]:
    """Two documents, four actors, six claims: enough to exercise every query and export."""
    a = [
        Actor("union-of-carers", "Union of Carers", ActorType.ORGANISATION, ("UoC",)),
        Actor("jo-bloggs", "Jo Bloggs", ActorType.PERSON, ("Bloggs",), role="chair",
              affiliation="union-of-carers"),
        Actor("basw", "British Association of Social Workers", ActorType.ORGANISATION, ("BASW",)),
    ]
    b = [
        Actor("sam-o-neil", "Sam O'Neil", ActorType.PERSON, ("O'Neil",), role="director of children's services"),
        Actor("basw", "British Association of Social Workers", ActorType.ORGANISATION, ("BASW",)),
    ]
    c1 = [
        _claim("doc-a", 1, "jo-bloggs", Stance.OBJECT,
               'Bloggs said the teams "cannot work without new money".',
               ["multi-agency-child-protection-teams"], ["funding"], cues=["without new money"], quoted=True),
        _claim("doc-a", 2, "basw", Stance.OBJECT,
               "BASW warned the social work role must not be diluted.",
               ["alternatively-qualified-staff"], ["dilution-of-social-work"], attribution="warned"),
        _claim("doc-a", 3, "union-of-carers", Stance.SUPPORT,
               "The union welcomed family help as a sensible way forward.",
               ["family-help"], [], attribution="welcomed", cues=["welcomed", "sensible way forward"]),
    ]
    c2 = [
        _claim("doc-b", 1, "sam-o-neil", Stance.SUPPORT,
               "O'Neil said multi-agency teams were \"100 per cent right\".",
               ["multi-agency-child-protection-teams"], [], cues=["100 per cent right"]),
        _claim("doc-b", 2, "sam-o-neil", Stance.OBJECT,
               "But O'Neil warned there was no evaluation of the pilots.",
               ["multi-agency-child-protection-teams"], ["evaluation"], cues=["warned", "no evaluation"]),
        _claim("doc-b", 3, "basw", Stance.SUPPORT,
               "BASW backed family help for every area.",
               ["family-help"], [], attribution="backed"),
    ]
    docs = [
        {"id": "doc-a", "path": "doc-a.md", "sha256": "a" * 64, "title": "Doc A", "outlet": "Test Times"},
        {"id": "doc-b", "path": "doc-b.md", "sha256": "b" * 64, "title": "Doc B"},
    ]
    return [DocResult(docs[0], tuple(a), tuple(c1)), DocResult(docs[1], tuple(b), tuple(c2))]


@pytest.fixture(autouse=True)
def _own_cache_dir(tmp_path_factory, monkeypatch):
    """Builds in tests (in-process and subprocesses) use a fresh cache, never the user's."""
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path_factory.mktemp("argmap-cache")))


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy()


@pytest.fixture()
def small_graph(taxonomy):
    """A hand-built graph over the shipped taxonomy (fresh copy per test)."""
    return build_graph(small_results(), taxonomy, meta={"model": "hand-built"})


@pytest.fixture()
def small_graph_file(small_graph, tmp_path):
    from argmap.graph import write_graph

    path = tmp_path / "small.json"
    write_graph(small_graph, path)
    return path


@pytest.fixture(scope="session")
def seed_corpus():
    if not SEED_CORPUS.is_dir():
        pytest.skip(f"seed corpus not found at {SEED_CORPUS} (clone with ../shared beside the repo)")
    return SEED_CORPUS


def have_dot() -> bool:
    return shutil.which("dot") is not None


def _needs_model(make):
    """``make()``, or the test skipped when no spaCy model is installed."""
    from argmap.errors import ModelNotFoundError

    try:
        return make()
    except ModelNotFoundError as exc:  # pragma: no cover - CI always installs the model
        pytest.skip(f"no spaCy model installed: {exc}")


@pytest.fixture(scope="session")
def extractor():
    """One loaded pipeline for the whole test session (needs the spaCy model)."""
    from argmap.build import Extractor

    return _needs_model(Extractor)


@pytest.fixture(scope="session")
def spacy_model():
    """The spaCy model as spaCy loads it, without argmap's components or stand-ins."""
    from argmap.nlp.load import load_model

    return _needs_model(load_model)


def extract_text(extractor, text: str, *, author: str | None = None, genre: str | None = None, doc_id: str = "t",
                 title: str | None = None, outlet: str | None = None, url: str | None = None):
    """Run the whole extraction on one in-memory article; returns its DocResult."""
    import hashlib

    from argmap.model import Document

    document = Document(id=doc_id, path=f"{doc_id}.txt", text=text, clean=text,
                        sha256=hashlib.sha256(text.encode()).hexdigest(), author=author, genre=genre, title=title,
                        outlet=outlet, url=url)
    return next(iter(extractor.extract([document])))


@pytest.fixture(scope="session")
def seed_graph(extractor, seed_corpus, taxonomy):
    """The graph of the seed corpus, built once per session."""
    from argmap.corpus import load_corpus

    return build_graph(list(extractor.extract(load_corpus([seed_corpus]))), taxonomy, meta={"model": "test"})


@pytest.fixture(scope="session")
def seed_graph_file(seed_graph, tmp_path_factory):
    """The seed corpus graph written to a file, for CLI tests."""
    from argmap.graph import write_graph

    path = tmp_path_factory.mktemp("seed") / "seed.json"
    write_graph(seed_graph, path)
    return path
