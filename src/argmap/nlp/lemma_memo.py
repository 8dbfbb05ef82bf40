"""The model's rule lemmatizer with its answers remembered by (word, part of speech, morphology).

spaCy's rule lemmatizer builds a Token and sets ``lemma_`` for every word of every Doc, which
costs about as much again as the lemma rules themselves once they are cached. Its answer is a
function of the word, its part of speech and its morphology only (English's ``is_base_form``
reads the last two), so :class:`LemmaMemo` keeps the lemma's string id per triple and writes a
whole Doc's lemmas with one ``Doc.from_array``, asking the lemmatizer only for triples it has not
seen. Words without a part of speech are always asked afresh, so spaCy's warning about them is
not lost. Any other lemmatizer (another mode, or one that overrides how lemmas or base forms are
found) is left as it is (:func:`use_lemma_memo` returns False).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline.lemmatizer import Lemmatizer

from argmap.nlp.stand_in import StandIn

MEMO_COMPONENT = "argmap_lemma_memo"
# is_base_form implementations known to read only the token's part of speech and morphology
_PURE_BASE_FORMS = (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
_MAX_MEMO = 500_000  # triples kept; past this, the memo starts again (bounded memory)


def memoisable(lemmatizer: Any) -> bool:
    """Whether ``lemmatizer``'s answers depend on (word, POS, morphology) alone."""
    kind = type(lemmatizer)
    return (isinstance(lemmatizer, Lemmatizer) and getattr(lemmatizer, "mode", None) == "rule"
            and kind.rule_lemmatize is Lemmatizer.rule_lemmatize and kind.is_base_form in _PURE_BASE_FORMS)


class LemmaMemo(StandIn):
    """The ``argmap_lemma_memo`` component: made empty by its factory, then given the lemmatizer
    it stands in for with :meth:`adopt`. It saves and loads as that lemmatizer does (its mode and
    ``overwrite`` setting are the component's config), so a saved pipeline loads again with its
    lemma tables."""

    def __init__(self, nlp: Any = None, name: str = "lemmatizer", mode: str = "rule", overwrite: bool = False):
        self._nlp, self.name, self.mode, self.overwrite = nlp, name, mode, overwrite
        self.lemmatizer: Any = None
        self.memo: dict[tuple[int, int, int], int] = {}

    def adopt(self, lemmatizer: Any) -> None:
        if not memoisable(lemmatizer):
            raise ValueError(f"cannot stand in for {type(lemmatizer).__name__}")
        self.lemmatizer, self.memo = lemmatizer, {}

    def _fresh(self) -> Any:
        if self._nlp is None:
            raise ValueError(f"{MEMO_COMPONENT} made without a pipeline cannot load a lemmatizer")
        return self._nlp.create_pipe("lemmatizer", name=self.name,
                                     config={"mode": self.mode, "overwrite": self.overwrite})

    def _adopted(self) -> Any:
        if self.lemmatizer is None:
            raise ValueError(f"{MEMO_COMPONENT} has no lemmatizer: give it one with adopt()")
        return self.lemmatizer

    def __call__(self, doc: Any) -> Any:
        lemmatizer = self._adopted()
        if not getattr(lemmatizer, "_validated", True) or not len(doc):
            return lemmatizer(doc)  # the first Doc checks the lemma tables, as spaCy does
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        memo, strings, overwrite = self.memo, doc.vocab.strings, lemmatizer.overwrite
        if len(memo) > _MAX_MEMO:
            memo.clear()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = strings.add(lemmatizer.lemmatize(doc[i])[0])
                if pos:
                    memo[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


def use_lemma_memo(nlp: Any, name: str = "lemmatizer") -> bool:
    """Run ``nlp``'s lemmatizer through a :class:`LemmaMemo` if its answers can be remembered.

    Returns whether it was swapped; the pipeline keeps the component's name and position.
    """
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if not memoisable(lemmatizer):
        return False
    nlp.replace_pipe(name, MEMO_COMPONENT, config={"mode": lemmatizer.mode, "overwrite": lemmatizer.overwrite})
    nlp.get_pipe(name).adopt(lemmatizer)
    return True


@Language.factory(MEMO_COMPONENT, default_config={"mode": "rule", "overwrite": False}, requires=["token.pos"],
                  assigns=["token.lemma"])
def make_lemma_memo(nlp: Language, name: str, mode: str, overwrite: bool) -> LemmaMemo:
    """Factory of the ``argmap_lemma_memo`` component (empty until :meth:`LemmaMemo.adopt` or a
    load from disk)."""
    return LemmaMemo(nlp, name, mode, overwrite)
