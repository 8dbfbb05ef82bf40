"""argmap's spaCy components: thin factories over the stages in this package.

Each component reads its taxonomy and cue lexicon from the config (the shipped files when they are
null), applies its stage's rule tables, and leaves plain data on the Doc (see :mod:`argmap.nlp.state`).
Components keep nothing between documents. ``to_disk`` writes the taxonomy and lexicon they use
beside the pipeline, so a saved pipeline loads again in a fresh process with ``spacy.load``; the
factories are also registered through the ``spacy_factories`` entry points, so
``spacy.blank("en").add_pipe("argmap_actors")`` works without importing argmap first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from argmap.lexicon import DEFAULT_CUES, Lexicon, load_lexicon
from argmap.nlp.actors import find_actors
from argmap.nlp.attribution import attribute
from argmap.nlp.paragraphs import break_paragraphs, join_cut_names
from argmap.nlp.stance import detect_stance
from argmap.nlp.state import install_extensions
from argmap.nlp.targets import link_targets
from argmap.taxonomy import DEFAULT_TAXONOMY, Taxonomy, load_taxonomy

TAXONOMY_FILE = "taxonomy.toml"
CUES_FILE = "cues.toml"
DEFAULT_CONFIG = {"taxonomy": None, "cues": None}


def _raw(path: str | None, default: str) -> bytes:
    if path is None:
        from importlib import resources

        return (resources.files("argmap") / "data" / default).read_bytes()
    return Path(path).read_bytes()


class AnalysisComponent:
    """A component that applies one stage with a taxonomy and a cue lexicon."""

    stage: Callable[..., Doc]

    def __init__(self, name: str, taxonomy: str | None, cues: str | None):
        self.name = name
        self.taxonomy_path = taxonomy
        self.cues_path = cues
        self._load(taxonomy, cues)

    def _load(self, taxonomy: str | None, cues: str | None) -> None:
        from argmap.nlp.resources import get_taxonomy

        self.taxonomy: Taxonomy = get_taxonomy(taxonomy)
        self.lex: Lexicon = load_lexicon(cues)

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        return self.run(doc)

    def run(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / TAXONOMY_FILE).write_bytes(_raw(self.taxonomy_path, DEFAULT_TAXONOMY))
        (path / CUES_FILE).write_bytes(_raw(self.cues_path, DEFAULT_CUES))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AnalysisComponent:
        path = Path(path)
        self.taxonomy = load_taxonomy(path / TAXONOMY_FILE)
        self.lex = load_lexicon(str(path / CUES_FILE))
        self.taxonomy_path, self.cues_path = str(path / TAXONOMY_FILE), str(path / CUES_FILE)
        return self


class ActorsComponent(AnalysisComponent):
    def run(self, doc: Doc) -> Doc:
        return find_actors(doc, self.taxonomy, self.lex)


class AttributionComponent(AnalysisComponent):
    def run(self, doc: Doc) -> Doc:
        return attribute(doc, self.lex)


class StanceComponent(AnalysisComponent):
    def run(self, doc: Doc) -> Doc:
        return detect_stance(doc, self.lex, self.taxonomy)


class TargetsComponent(AnalysisComponent):
    def run(self, doc: Doc) -> Doc:
        return link_targets(doc, self.lex, self.taxonomy)


class ParagraphsComponent:
    """A line break always ends a sentence (placed before the parser)."""

    def __call__(self, doc: Doc) -> Doc:
        return break_paragraphs(doc)


class CutNamesComponent:
    """A name the parser cut in two in the middle of a line is joined back (placed after the parser)."""

    def __call__(self, doc: Doc) -> Doc:
        return join_cut_names(doc)


@Language.factory("argmap_cut_names", requires=["token.dep"], assigns=["token.dep", "token.head"])
def make_cut_names(nlp: Language, name: str) -> CutNamesComponent:
    return CutNamesComponent()


@Language.factory("argmap_paragraphs", requires=[], assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphsComponent:
    return ParagraphsComponent()


@Language.factory("argmap_actors", default_config=DEFAULT_CONFIG, requires=["token.pos", "token.dep", "doc.ents"],
                  assigns=["doc.spans", "doc._.argmap_meta"])
def make_actors(nlp: Language, name: str, taxonomy: str | None, cues: str | None) -> ActorsComponent:
    return ActorsComponent(name, taxonomy, cues)


@Language.factory("argmap_attribution", default_config=DEFAULT_CONFIG, requires=["doc.spans", "token.dep"],
                  assigns=["doc._.argmap_meta"])
def make_attribution(nlp: Language, name: str, taxonomy: str | None, cues: str | None) -> AttributionComponent:
    return AttributionComponent(name, taxonomy, cues)


@Language.factory("argmap_stance", default_config=DEFAULT_CONFIG, requires=["doc.spans", "token.dep"], assigns=[])
def make_stance(nlp: Language, name: str, taxonomy: str | None, cues: str | None) -> StanceComponent:
    return StanceComponent(name, taxonomy, cues)


@Language.factory("argmap_targets", default_config=DEFAULT_CONFIG, requires=["doc.spans", "token.dep"],
                  assigns=["doc.spans", "doc._.argmap_candidates"])
def make_targets(nlp: Language, name: str, taxonomy: str | None, cues: str | None) -> TargetsComponent:
    return TargetsComponent(name, taxonomy, cues)


def component_config(nlp: Language, name: str) -> dict[str, Any]:
    """The config a component was added with (for tests and ``argmap rules``)."""
    return dict(nlp.get_pipe_config(name))
