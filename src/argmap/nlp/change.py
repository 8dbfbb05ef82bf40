"""Calls for change in general: 'the system needs to change', 'urgent change is needed'. Such a
call names no proposal, yet it asks for reform as a whole (the taxonomy's general proposal)."""

from __future__ import annotations

from spacy.tokens import Token

from argmap.lexicon import Lexicon


def asks_for_change(lex: Lexicon, tok: Token) -> bool:
    """Whether ``tok`` is change asked for in general: the present system as the subject of the verb
    'change' under a modal or a verb of needing ('this system needs to change', 'the system must
    change'), the noun 'change' as what such a system needs ('the system requires urgent change'),
    or as what is said to be needed ('change is needed'); never change that says what is to change
    ('change to the formula' is no call for reform as a whole), nor a negated need."""
    if tok.lemma_.lower() not in lex["nouns.change"] or any(c.dep_ == "neg" for c in tok.head.children):
        return False
    if tok.pos_ == "VERB":
        return _system_to_change(lex, tok)
    if tok.pos_ != "NOUN" or not _bare(lex, tok) or tok.head.lemma_.lower() not in lex["verbs.need"]:
        return False
    if tok.dep_ == "nsubjpass":
        return _for_the_system(lex, tok.head)
    systemic = tok.lemma_.lower() in lex["nouns.systemic_change"]  # 'social work needs a reset'
    return tok.dep_ == "dobj" and (systemic or _status_quo_subject(lex, tok.head))


def _system_to_change(lex: Lexicon, verb: Token) -> bool:
    """'this system needs to change', 'the system must change': the present system is to change."""
    governed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex["verbs.need"]
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return (governed or modal) and _status_quo_subject(lex, verb.head if governed else verb)


def _bare(lex: Lexicon, noun: Token) -> bool:
    """Whether a noun of change stands for change in general: no article or possessive pointing to a
    particular change ('the change', 'its changes'; 'a radical change' is any), no comparison
    ('more action'), nothing said of what is to change ('change to the formula')."""
    return not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ not in {"a", "an"} or c.tag_ in {"JJR", "RBR"}
                   or c.dep_ == "prep" and c.lower_ in lex["markers.what_changes"] for c in noun.children)


def _for_the_system(lex: Lexicon, verb: Token) -> bool:
    """Whether what 'X is needed' is needed for is the present system, or nothing said: 'action is
    needed to fix this broken system', 'change is needed'; not 'action is needed to ensure children
    get help', which asks for that help."""
    purposes = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB"]
    if any(c.dep_ == "prep" for c in verb.children if c.i > verb.i):
        return False  # 'action is needed on profits': the parser hung what is to change on the verb
    return all(any(o.dep_ == "dobj" and o.lemma_.lower() in lex["nouns.status_quo"] for o in p.children) for p in purposes)


def _status_quo_subject(lex: Lexicon, verb: Token) -> bool:
    """Whether a verb's subject is a noun for the present arrangements ('the system')."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in lex["nouns.status_quo"] for c in verb.children)
