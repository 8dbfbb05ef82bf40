"""Recommendations: 'more effort should be made in maintaining school stability', 'anyone who
has experienced trauma should have access to therapeutic support'. A 'should' or 'must' sentence
with no cue word still backs something: the thing it asks for. This module finds that thing."""

from __future__ import annotations

from spacy.tokens import Span, Token

from argmap.lexicon import Lexicon
from argmap.nlp.text import tokens


def recommended(span: Span, lex: Lexicon) -> Token | None:
    """The head noun of what a 'should'/'must' sentence asks for, or None when it asks for
    nothing nameable (no noun object, a negated modal, or a pronoun subject)."""
    for tok in tokens(span):
        verb = _recommending_verb(tok, lex)
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb is not None else None
        if subj is None or subj.lower_ in lex["pronouns.leaving"]:
            continue
        if subj.dep_ == "nsubjpass" and subj.lemma_.lower() in lex["nouns.carrier"]:
            obj = _prep_object(verb)
        else:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}), None)
        if obj is not None and span.start <= obj.i < span.end:
            return obj
    return None


def _recommending_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The verb of 'should'/'must', unless negated, denied ('we do not think X should ...') or an open
    question ('whether X should run ...')."""
    if tok.lower_ not in lex["markers.recommending"] or tok.dep_ != "aux":
        return None
    verb = tok.head
    if verb.pos_ != "VERB" or inverted(tok):
        return None
    if any(c.dep_ == "neg" or c.dep_ == "mark" and c.lower_ in lex["markers.open_question"] for c in verb.children):
        return None
    return None if denied_clause(verb) else verb


def denied_clause(verb: Token) -> bool:
    """'we do not believe that X should ...', 'she does not think X should ...': a clause a negated
    verb takes is what the speaker denies, not what they ask for."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "neg" for c in verb.head.children)


def inverted(modal: Token) -> bool:
    """'should the firm fail', 'Should X be scrapped?': a modal put before its verb's subject makes a
    condition or a question, not a recommendation."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > modal.i for c in modal.head.children)


def _prep_object(verb: Token) -> Token | None:
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for t in prep.subtree:
            if t.dep_ in {"pobj", "dobj"} and t.pos_ in {"NOUN", "PROPN"}:
                return t
    return None
