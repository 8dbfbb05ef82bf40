"""Assembling the spaCy pipeline: the model, then argmap's components."""

from __future__ import annotations

from spacy.language import Language

from argmap.nlp import components  # noqa: F401  (registers the factories)
from argmap.nlp.attribute_table import use_attribute_table
from argmap.nlp.lemma_memo import use_lemma_memo
from argmap.nlp.load import load_model
from argmap.nlp.matmul import use_numpy_matmul
from argmap.nlp.paragraphs import keep_titles
from argmap.nlp.state import install_extensions

ANALYSIS_COMPONENTS = ("argmap_actors", "argmap_attribution", "argmap_stance", "argmap_targets")


def build_pipeline(model: str | None = None, *, taxonomy: str | None = None, cues: str | None = None) -> Language:
    """The full pipeline: model components (with paragraph breaks before the parser) then argmap's.

    The model's attribute rules and rule lemmatizer run through argmap's faster stand-ins, which
    give the same annotations, when they can (see :mod:`argmap.nlp.attribute_table` and
    :mod:`argmap.nlp.lemma_memo`); its matrix products run through numpy's BLAS on one thread
    (:mod:`argmap.nlp.matmul`).
    """
    install_extensions()
    nlp = load_model(model)
    use_attribute_table(nlp)
    use_lemma_memo(nlp)
    use_numpy_matmul(nlp)
    keep_titles(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("argmap_paragraphs", before="parser")
        nlp.add_pipe("argmap_cut_names", after="parser")
    else:
        nlp.add_pipe("argmap_paragraphs", first=True)
    cfg = {"taxonomy": taxonomy, "cues": cues}
    for name in ANALYSIS_COMPONENTS:
        nlp.add_pipe(name, config=cfg)
    return nlp


def parse_components(nlp: Language) -> list[str]:
    """Names of the components that produce the (cacheable) linguistic parse."""
    return [n for n in nlp.pipe_names if n not in ANALYSIS_COMPONENTS]


def analyse(nlp: Language, doc):
    """Run only argmap's analysis components on an already parsed Doc."""
    for name in ANALYSIS_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc
