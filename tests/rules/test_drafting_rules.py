"""How the stance stage cuts sentences into clauses and turns scored clauses into draft claims, rule by
rule, on hand-built Docs: where each fires and a near miss where it must not.

Tables: stance.clause-cuts, stance.drafting.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from argmap.model import Stance
from argmap.nlp import cues as K
from argmap.nlp.cues import Cue, Draft
from argmap.nlp.rules.attribution import Unit
from argmap.nlp.stance import (
    CLAUSE_SPLITS, DRAFTING, Scored, Sentence, but, concession, contrast_split, despite, disagreeing_predicates, however, mixed,
    one_stance, own_speaker, semicolon, speakers_differ, split_clauses, subordinate,
)
from argmap.nlp.rules.stance import score

from .kit import LEX, clause, parse, place_actors, stance_ctx, unit

SUPPORT, OBJECT, NEUTRAL = Stance.SUPPORT, Stance.OBJECT, Stance.NEUTRAL


def clauses_of(spec: str) -> list[str]:
    doc = parse(spec)
    return [c.text for c in split_clauses(LEX, doc[:])]


def cuts(rule, spec: str, i: int) -> list[int]:
    """What a clause-cut rule answers for token ``i``."""
    doc = parse(spec)
    return rule(LEX, doc[:], doc[i])


# ---------------------------------------------------------------- stance.clause-cuts
SEMICOLON = """
Ministers  NOUN  NNS nsubj  1 O lemma=minister
rejected   VERB  VBD ccomp  6 O lemma=reject
the        DET   DT  det    3 O
plan       NOUN  NN  dobj   1 O
;          PUNCT :   punct  6 O
we         PRON  PRP nsubj  6 O
urge       VERB  VBP ROOT   6 O
them       PRON  PRP dobj   6 O lemma=they
to         PART  TO  aux    9 O
think      VERB  VB  xcomp  6 O
again      ADV   RB  advmod 9 O
.          PUNCT .   punct  6 O
"""
COMMA_AND = """
Ministers  NOUN  NNS nsubj  1 O lemma=minister
rejected   VERB  VBD ROOT   1 O lemma=reject
the        DET   DT  det    3 O
plan       NOUN  NN  dobj   1 O
,          PUNCT ,   punct  1 O
and        CCONJ CC  cc     1 O
we         PRON  PRP nsubj  7 O
urge       VERB  VBP conj   1 O
them       PRON  PRP dobj   7 O lemma=they
to         PART  TO  aux    10 O
think      VERB  VB  xcomp  7 O
again      ADV   RB  advmod 10 O
.          PUNCT .   punct  7 O
"""


def test_stance_clause_cuts__semicolon__fires():
    assert cuts(semicolon, SEMICOLON, 4) == [5]
    assert clauses_of(SEMICOLON) == ["Ministers rejected the plan;", "we urge them to think again."]


def test_stance_clause_cuts__semicolon__near_miss():
    assert cuts(semicolon, COMMA_AND, 4) == []
    assert len(clauses_of(COMMA_AND)) == 1


BUT_FEAR = """
We        PRON  PRP nsubj 1 O
welcome   VERB  VBP ROOT  1 O
the       DET   DT  det   3 O
teams     NOUN  NNS dobj  1 O lemma=team
but       CCONJ CC  cc    1 O
fear      VERB  VBP conj  1 O
they      PRON  PRP nsubj 7 O
are       AUX   VBP ccomp 5 O lemma=be
unfunded  ADJ   JJ  acomp 7 O
.         PUNCT .   punct 1 O
"""
AND_FEAR = BUT_FEAR.replace("but       CCONJ", "and       CCONJ")
HAS_YET_TO = """
Family    NOUN  NN  compound 1 O
help      NOUN  NN  nsubj    2 O
has       VERB  VBZ ROOT     2 O lemma=have
yet       ADV   RB  advmod   2 O
to        PART  TO  aux      5 O
reach     VERB  VB  xcomp    2 O
most      ADJ   JJS amod     7 O
councils  NOUN  NNS dobj     5 O lemma=council
.         PUNCT .   punct    2 O
"""


def test_stance_clause_cuts__but__fires():
    assert cuts(but, BUT_FEAR, 4) == [4]
    assert clauses_of(BUT_FEAR) == ["We welcome the teams", "but fear they are unfunded."]


def test_stance_clause_cuts__but__near_miss():
    assert cuts(but, AND_FEAR, 4) == []
    assert len(clauses_of(AND_FEAR)) == 1


def test_stance_clause_cuts__but__near_miss_yet_as_an_adverb():
    assert cuts(but, HAS_YET_TO, 3) == []
    assert len(clauses_of(HAS_YET_TO)) == 1


HOWEVER_THE = """
The      DET   DT  det    1 O
plan     NOUN  NN  nsubj  2 O
is       AUX   VBZ ccomp  8 O lemma=be
welcome  ADJ   JJ  acomp  2 O
,        PUNCT ,   punct  8 O
however  ADV   RB  advmod 8 O
the      DET   DT  det    7 O
money    NOUN  NN  nsubj  8 O
is       AUX   VBZ ROOT   8 O lemma=be
short    ADJ   JJ  acomp  8 O
.        PUNCT .   punct  8 O
"""
HOWEVER_THAT = """
It       PRON  PRP nsubj  1 O
warned   VERB  VBD ROOT   1 O lemma=warn
,        PUNCT ,   punct  1 O
however  ADV   RB  advmod 1 O
,        PUNCT ,   punct  1 O
that     SCONJ IN  mark   8 O
the      DET   DT  det    7 O
money    NOUN  NN  nsubj  8 O
is       AUX   VBZ ccomp  1 O lemma=be
short    ADJ   JJ  acomp  8 O
.        PUNCT .   punct  1 O
"""


def test_stance_clause_cuts__however__fires():
    assert cuts(however, HOWEVER_THE, 5) == [5]
    assert clauses_of(HOWEVER_THE) == ["The plan is welcome,", "however the money is short."]


def test_stance_clause_cuts__however__near_miss():
    """'It warned, however, that ...': one clause, whose speaker warns."""
    assert cuts(however, HOWEVER_THAT, 3) == []
    assert len(clauses_of(HOWEVER_THAT)) == 1


DESPITE = """
Despite  SCONJ IN  prep  7 O
the      DET   DT  det   2 O
funding  NOUN  NN  pobj  0 O
,        PUNCT ,   punct 7 O
the      DET   DT  det   5 O
plan     NOUN  NN  nsubj 7 O
will     AUX   MD  aux   7 O
fail     VERB  VB  ROOT  7 O
.        PUNCT .   punct 7 O
"""
GIVEN = DESPITE.replace("Despite  SCONJ IN  prep  7 O", "Given    VERB  VBN prep  7 O lemma=give")


def test_stance_clause_cuts__despite__fires():
    assert cuts(despite, DESPITE, 0) == [0, 4]
    assert clauses_of(DESPITE) == ["Despite the funding,", "the plan will fail."]


def test_stance_clause_cuts__despite__near_miss():
    assert cuts(despite, GIVEN, 0) == []
    assert len(clauses_of(GIVEN)) == 1


WHILE_ARGUED = """
While       SCONJ IN  mark    4 O
the         DET   DT  det     2 O
department  NOUN  NN  nsubj   4 O
has         AUX   VBZ aux     4 O lemma=have
argued      VERB  VBN advcl   10 O lemma=argue
the         DET   DT  det     6 O
teams       NOUN  NNS nsubj   7 O lemma=team
work        VERB  VBP ccomp   4 O
,           PUNCT ,   punct   10 O
there       PRON  EX  expl    10 O
is          VERB  VBZ ROOT    10 O lemma=be
a           DET   DT  det     12 O
danger      NOUN  NN  attr    10 O
the         DET   DT  det     14 O
teams       NOUN  NNS nsubj   16 O lemma=team
will        AUX   MD  aux     16 O
fail        VERB  VB  relcl   12 O
.           PUNCT .   punct   10 O
"""
SINCE_ARGUED = WHILE_ARGUED.replace("While       SCONJ", "Since       SCONJ")


def test_stance_clause_cuts__subordinate__fires():
    assert cuts(subordinate, WHILE_ARGUED, 0) == [0, 9]
    assert clauses_of(WHILE_ARGUED) == ["While the department has argued the teams work,",
                                        "there is a danger the teams will fail."]


def test_stance_clause_cuts__subordinate__near_miss():
    """'Since' gives a reason, it sets nothing against the main clause."""
    assert cuts(subordinate, SINCE_ARGUED, 0) == []
    assert len(clauses_of(SINCE_ARGUED)) == 1


# ---------------------------------------------------------------- stance.drafting
def word(text: str, sign: int) -> Cue:
    return Cue(K.WORD, sign, text, "word")


def phrase(text: str, sign: int) -> Cue:
    return Cue(K.PHRASE, sign, text, "phrase")


def sentence(spec: str, cut_at: list[int], scores: list[tuple[Stance, list[Cue]]], *, speaker: str,
             cue_token: int, author: str | None = None) -> Sentence:
    """A sentence as the drafting rules see it: its clauses (cut at ``cut_at``) already scored."""
    doc = parse(spec)
    bounds = [0, *cut_at, len(doc)]
    clauses = [doc[a:b] for a, b in pairwise(bounds)]
    unit = Unit(0, 0, len(doc), 1, False, False, speaker, doc[cue_token].lemma_, "speech-verb", cue_token)
    return Sentence(doc, 0, unit, clauses, [Scored(c, st, cs) for c, (st, cs) in zip(clauses, scores, strict=True)],
                    author, LEX["markers.concessive"], LEX["pronouns.personal"], LEX.contrast)


def drafted(s: Sentence) -> list[tuple[str, str, str]]:
    """(clause text, speaker, stance) of the drafts the drafting table makes of a sentence."""
    return [(s.doc[d.start:d.end].text, d.speaker, d.stance.value) for d in DRAFTING.first(s)]


def test_stance_drafting__concession__fires():
    """In an opinion piece: the department argued the teams work; the writer fears they will fail."""
    s = sentence(WHILE_ARGUED, [9], [(NEUTRAL, []), (OBJECT, [word("danger", -1)])],
                 speaker="dfe", cue_token=4, author="pat-writer")
    made = concession(s)
    assert [(d.speaker, d.stance) for d in made] == [("pat-writer", OBJECT), ("dfe", SUPPORT)]
    assert made[1].cues[0].kind == K.CONCESSION
    assert DRAFTING.first_named(s)[0] == "concession"
    assert drafted(s) == [("there is a danger the teams will fail.", "pat-writer", "object"),
                          ("While the department has argued the teams work,", "dfe", "support")]


WHILE_WELCOMED = """
While       SCONJ IN  mark    4 O
the         DET   DT  det     2 O
department  NOUN  NN  nsubj   4 O
has         AUX   VBZ aux     4 O lemma=have
welcomed    VERB  VBN advcl   9 O lemma=welcome
the         DET   DT  det     6 O
teams       NOUN  NNS dobj    4 O lemma=team
,           PUNCT ,   punct   9 O
there       PRON  EX  expl    9 O
is          VERB  VBZ ROOT    9 O lemma=be
a           DET   DT  det     11 O
danger      NOUN  NN  attr    9 O
the         DET   DT  det     13 O
teams       NOUN  NNS nsubj   15 O lemma=team
will        AUX   MD  aux     15 O
fail        VERB  VB  relcl   11 O
.           PUNCT .   punct   9 O
"""


def test_stance_drafting__concession__near_miss():
    """The conceded clause takes a side of its own: two stances, no concession."""
    s = sentence(WHILE_WELCOMED, [8], [(SUPPORT, [word("welcomed", +1)]), (OBJECT, [word("danger", -1)])],
                 speaker="dfe", cue_token=4, author="pat-writer")
    assert concession(s) is None
    assert DRAFTING.first_named(s)[0] != "concession"


REJECTED_WE_URGE = """
Ministers  NOUN  NNS nsubj  2 O lemma=minister
have       AUX   VBP aux    2 O
rejected   VERB  VBN ccomp  7 O lemma=reject
the        DET   DT  det    4 O
cap        NOUN  NN  dobj   2 O
;          PUNCT :   punct  7 O
we         PRON  PRP nsubj  7 O
urge       VERB  VBP ROOT   7 O
them       PRON  PRP dobj   7 O lemma=they
to         PART  TO  aux    10 O
think      VERB  VB  xcomp  7 O
again      ADV   RB  advmod 10 O
.          PUNCT .   punct  7 O
"""
REJECTED_THEY_URGE = (REJECTED_WE_URGE.replace("we         PRON  PRP nsubj", "they       PRON  PRP nsubj")
                      .replace("them       PRON  PRP dobj   7 O lemma=they",
                               "us         PRON  PRP dobj   7 O lemma=we"))


def test_stance_drafting__speakers_differ__fires():
    """'Ministers have rejected the cap; we urge them to think again': the ministers' and the writer's."""
    s = sentence(REJECTED_WE_URGE, [6], [(OBJECT, [word("rejected", -1)]), (OBJECT, [phrase("think again", -1)])],
                 speaker="government", cue_token=2, author="pat-writer")
    made = speakers_differ(s)
    assert [(d.speaker, d.stance) for d in made] == [("government", OBJECT), ("pat-writer", OBJECT)]
    assert DRAFTING.first_named(s)[0] == "speakers-differ"


def test_stance_drafting__speakers_differ__near_miss():
    """'...; they urge us to think again': the same speaker goes on, one claim."""
    s = sentence(REJECTED_THEY_URGE, [6], [(OBJECT, [word("rejected", -1)]), (OBJECT, [phrase("think again", -1)])],
                 speaker="government", cue_token=2, author="pat-writer")
    assert speakers_differ(s) is None
    assert drafted(s) == [(s.doc.text, "government", "object")]


GOOD_IDEA = """
It      PRON  PRP nsubj 1 O
is      AUX   VBZ ROOT  1 O lemma=be
a       DET   DT  det   4 O
good    ADJ   JJ  amod  4 O
idea    NOUN  NN  attr  1 O
that    PRON  WDT nsubj 6 O
needs   VERB  VBZ relcl 4 O lemma=need
more    ADJ   JJR amod  8 O
detail  NOUN  NN  dobj  6 O
.       PUNCT .   punct 1 O
"""
GOOD_IDEA_NO_MONEY = """
It      PRON  PRP nsubj 1 O
is      AUX   VBZ ROOT  1 O lemma=be
a       DET   DT  det   4 O
good    ADJ   JJ  amod  4 O
idea    NOUN  NN  attr  1 O
with    ADP   IN  prep  4 O
no      DET   DT  det   7 O
money   NOUN  NN  pobj  5 O
and     CCONJ CC  cc    7 O
no      DET   DT  det   10 O
detail  NOUN  NN  conj  7 O
.       PUNCT .   punct 1 O
"""


def test_stance_drafting__mixed__fires():
    """As many cues each way: a claim for each side, not one neutral claim."""
    s = sentence(GOOD_IDEA, [], [(NEUTRAL, [phrase("good idea", +1), phrase("more detail", -1)])],
                 speaker="basw", cue_token=1)
    assert [d.stance for d in mixed(s)] == [SUPPORT, OBJECT]
    assert drafted(s) == [(s.doc.text, "basw", "support"), (s.doc.text, "basw", "object")]


def test_stance_drafting__mixed__near_miss():
    """More objection cues than support cues: an objection, not a mixed verdict."""
    s = sentence(GOOD_IDEA_NO_MONEY, [], [(OBJECT, [phrase("good idea", +1), phrase("no money", -1),
                                                    phrase("no detail", -1)])], speaker="basw", cue_token=1)
    assert mixed(s) is None
    assert drafted(s) == [(s.doc.text, "basw", "object")]


WELCOMED_DUTY = """
BASW      PROPN NNP nsubj 1 B-ORG
welcomed  VERB  VBD ROOT  1 O lemma=welcome
the       DET   DT  det   4 O
new       ADJ   JJ  amod  4 O
duty      NOUN  NN  dobj  1 O
.         PUNCT .   punct 1 O
"""


def test_stance_drafting__one_stance__fires():
    s = sentence(WELCOMED_DUTY, [], [(SUPPORT, [word("welcomed", +1)])], speaker="basw", cue_token=1)
    (made,) = one_stance(s)
    assert (made.start, made.end, made.speaker, made.stance) == (0, 6, "basw", SUPPORT)
    assert DRAFTING.first_named(s)[0] == "one-stance"
    assert drafted(s) == [("BASW welcomed the new duty.", "basw", "support")]


def test_stance_drafting__one_stance__near_miss():
    """Two clauses that disagree are not one stance."""
    s = sentence(BUT_FEAR, [4], [(SUPPORT, [word("welcome", +1)]), (OBJECT, [word("fear", -1)])],
                 speaker="basw", cue_token=1)
    assert one_stance(s) is None
    assert DRAFTING.first_named(s)[0] != "one-stance"


CUT_COSTS_BUT_CONCERNS = """
The       DET   DT  det   1 O
teams     NOUN  NNS nsubj 2 O lemma=team
cut       VERB  VBP ROOT  2 O
costs     NOUN  NNS dobj  2 O lemma=cost
but       CCONJ CC  cc    2 O
there     PRON  EX  expl  6 O
are       VERB  VBP conj  2 O lemma=be
concerns  NOUN  NNS attr  6 O lemma=concern
.         PUNCT .   punct 6 O
"""
STAFFED_BUT_LEAD = """
The       DET   DT  det       1 O
teams     NOUN  NNS nsubjpass 3 O lemma=team
are       AUX   VBP auxpass   3 O lemma=be
staffed   VERB  VBN ROOT      3 O lemma=staff
by        ADP   IN  agent     3 O
workers   NOUN  NNS pobj      4 O lemma=worker
but       CCONJ CC  cc        3 O
will      AUX   MD  aux       8 O
lead      VERB  VB  conj      3 O
work      NOUN  NN  dobj      8 O
.         PUNCT .   punct     3 O
"""


def test_stance_drafting__one_stance__fires_from_after_but_when_the_clause_has_its_own_subject():
    """'The teams cut costs but there are concerns': the claim is the clause after 'but' alone, so
    what the clause before says is none of its grounds."""
    s = sentence(CUT_COSTS_BUT_CONCERNS, [4], [(NEUTRAL, []), (OBJECT, [word("concerns", -1)])],
                 speaker="basw", cue_token=2)
    (made,) = one_stance(s)
    assert (made.start, made.end, made.stance) == (5, 9, OBJECT)


def test_stance_drafting__one_stance__near_miss_a_clause_after_but_sharing_the_subject():
    """'The teams are staffed by workers but will lead work': the clause after 'but' has no subject
    of its own, so the claim keeps the whole sentence (what 'will lead' is said of)."""
    s = sentence(STAFFED_BUT_LEAD, [6], [(NEUTRAL, []), (OBJECT, [word("lead", -1)])], speaker="basw", cue_token=3)
    (made,) = one_stance(s)
    assert (made.start, made.end, made.stance) == (0, 11, OBJECT)


BUT_MET = """
We       PRON  PRP nsubj 1 O
welcome  VERB  VBP ROOT  1 O
the      DET   DT  det   3 O
teams    NOUN  NNS dobj  1 O lemma=team
but      CCONJ CC  cc    1 O
we       PRON  PRP nsubj 6 O
met      VERB  VBD conj  1 O lemma=meet
them     PRON  PRP dobj  6 O lemma=they
.        PUNCT .   punct 6 O
"""


def test_stance_drafting__contrast_split__fires():
    s = sentence(BUT_FEAR, [4], [(SUPPORT, [word("welcome", +1)]), (OBJECT, [word("fear", -1)])],
                 speaker="basw", cue_token=1)
    assert [(d.start, d.end, d.stance) for d in contrast_split(s)] == [(0, 4, SUPPORT), (4, 10, OBJECT)]
    assert DRAFTING.first_named(s)[0] == "contrast-split"
    assert drafted(s) == [("We welcome the teams", "basw", "support"),
                          ("but fear they are unfunded.", "basw", "object")]


def test_stance_drafting__contrast_split__near_miss():
    """A clause that takes no side gives no claim of its own; the sentence is one stance."""
    s = sentence(BUT_MET, [4], [(SUPPORT, [word("welcome", +1)]), (NEUTRAL, [])], speaker="basw", cue_token=1)
    assert [(d.start, d.end) for d in contrast_split(s)] == [(0, 4)]
    assert DRAFTING.first_named(s)[0] == "one-stance"


OWNED_PLAN = """
We          PRON  PRP nsubj    1 O
welcome     VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
Trust       PROPN NNP compound 4 B-ORG
plans       NOUN  NNS dobj     1 O lemma=plan
for         ADP   IN  prep     4 O
a           DET   DT  det      7 O
register    NOUN  NN  pobj     5 O
.           PUNCT .   punct    1 O
"""


@pytest.mark.parametrize("dep", ["compound", "poss"])
def test_owned_plans__the_named_owner_of_a_plan_backs_it(dep):
    """'the Trust's plans' and 'the Trust plans': whoever a plan belongs to backs it."""
    from argmap.nlp.stance import owned_plans

    from .kit import place_actors

    doc = parse(OWNED_PLAN.replace("compound 4 B-ORG", f"{dep:<8} 4 B-ORG"))
    state = place_actors(doc, (3, 4, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    drafts = owned_plans(doc, LEX, state, units, [])
    assert [(d.speaker, d.stance, doc[d.start:d.end].text) for d in drafts] == \
        [("trust", Stance.SUPPORT, "the Trust plans for a register")]


STRAY_POSSESSIVE = """
We          PRON  PRP nsubj    1 O
welcome     VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
Trust       PROPN NNP dobj     1 B-ORG
\u2019s        PART  POS case     3 O
plans       NOUN  NNS dobj     1 O lemma=plan
for         ADP   IN  prep     5 O
a           DET   DT  det      8 O
register    NOUN  NN  pobj     6 O
.           PUNCT .   punct    1 O
"""


def test_owned_plans__a_possessive_the_parser_hung_elsewhere_still_owns_the_plan():
    """'We welcome the Trust's plans for a register' parsed with 'Trust' as the verb's object and
    'plans' as a second object: the Trust still owns the plans; with 'and' in place of the
    possessive ('the Trust and plans for a register') it owns nothing."""
    from argmap.nlp.stance import owned_plans

    from .kit import place_actors

    for spec, want in ((STRAY_POSSESSIVE, [("trust", Stance.SUPPORT, "plans for a register")]),
                       (STRAY_POSSESSIVE.replace("\u2019s        PART  POS case", "and         CCONJ CC  cc  "), [])):
        doc = parse(spec)
        state = place_actors(doc, (3, 4, "trust", "organisation"))
        units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
        drafts = owned_plans(doc, LEX, state, units, [])
        assert [(d.speaker, d.stance, doc[d.start:d.end].text) for d in drafts] == want


DECISION_TO_DECLINE = """
We          PRON  PRP nsubj    1 O
regret      VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
Trust       PROPN NNP poss     5 B-ORG
's          PART  POS case     3 O
decision    NOUN  NN  dobj     1 O
to          PART  TO  aux      7 O
decline     VERB  VB  acl      5 O
the         DET   DT  det      9 O
register    NOUN  NN  dobj     7 O
.           PUNCT .   punct    1 O
"""


def test_owned_plans__a_plan_to_turn_something_down_objects_to_it():
    """'the Trust's decision to decline the register': a plan whose infinitive is a rejecting verb
    objects to what it turns down; 'a decision to extend the register' backs it."""
    from argmap.nlp.stance import owned_plans

    from .kit import place_actors

    for verb, stance in (("decline", Stance.OBJECT), ("extend ", Stance.SUPPORT)):
        doc = parse(DECISION_TO_DECLINE.replace("decline     VERB", f"{verb:<11} VERB"))
        state = place_actors(doc, (3, 4, "trust", "organisation"))
        units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
        drafts = owned_plans(doc, LEX, state, units, [])
        assert [(d.speaker, d.stance) for d in drafts] == [("trust", stance)], verb


def test_owned_plans__near_miss_a_plan_with_no_named_owner():
    from argmap.nlp.stance import owned_plans

    from .kit import place_actors

    doc = parse(OWNED_PLAN.replace("Trust       PROPN NNP compound 4 B-ORG", "new         ADJ   JJ  amod     4 O"))
    state = place_actors(doc)
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    assert owned_plans(doc, LEX, state, units, []) == []


GOVERNMENTS_REFORMS = """
We          PRON  PRP nsubj    1 O
welcome     VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
Government  PROPN NNP poss     5 B-ORG
's          PART  POS case     3 O
reforms     NOUN  NNS dobj     1 O lemma=reform
.           PUNCT .   punct    1 O
"""


def _governments(spec: str, key: str) -> list[tuple[str, Stance, str]]:
    """(speaker, stance, words) of the owned-plan drafts of a one-sentence Doc whose token 3 is ``key``,
    with a taxonomy whose general reform is called 'reforms'."""
    from argmap.nlp.stance import owned_plans
    from argmap.taxonomy import taxonomy_from_dict

    from .kit import place_actors

    taxonomy = taxonomy_from_dict({
        "meta": {"name": "owned reforms", "general_proposal": "care-reform"},
        "proposal": [{"id": "care-reform", "label": "care reform", "aliases": ["reforms"]}],
        "actor": [{"id": "uk-government", "label": "UK Government", "aliases": ["Government"], "type": "organisation"}],
    })
    doc = parse(spec)
    state = place_actors(doc, (3, 4, key, "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    return [(d.speaker, d.stance, doc[d.start:d.end].text) for d in owned_plans(doc, LEX, state, units, [], taxonomy)]


def test_owned_plans__the_governments_reforms_are_the_reform_it_backs():
    """'the Government's reforms': the reform as a whole, put forward by the government."""
    assert _governments(GOVERNMENTS_REFORMS, "uk-government") == \
        [("uk-government", Stance.SUPPORT, "the Government's reforms")]


def test_owned_plans__near_miss_someone_elses_reforms_or_the_governments_plans():
    """A charity's reforms, or the Government's plans, naming nothing in particular: which is not guessed."""
    assert _governments(GOVERNMENTS_REFORMS.replace("Government  PROPN", "Hearthwell  PROPN"), "hearthwell") == []
    assert _governments(GOVERNMENTS_REFORMS.replace("reforms     NOUN  NNS dobj     1 O lemma=reform",
                                                    "plans       NOUN  NNS dobj     1 O lemma=plan"), "uk-government") == []


PLANS_BY_TRUST = """
We          PRON  PRP nsubj    1 O
welcome     VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
plans       NOUN  NNS dobj     1 O lemma=plan
by          ADP   IN  prep     3 O
the         DET   DT  det      6 O
Trust       PROPN NNP pobj     4 B-ORG
for         ADP   IN  prep     3 O
a           DET   DT  det      9 O
register    NOUN  NN  pobj     7 O
.           PUNCT .   punct    1 O
"""


def _plans_with(prep: str) -> list[tuple[str, Stance]]:
    """(speaker, stance) of the owned-plan drafts of 'We welcome the plans <prep> the Trust for a register.'"""
    from argmap.nlp.stance import owned_plans

    from .kit import place_actors

    doc = parse(PLANS_BY_TRUST.replace("by          ADP", f"{prep:<11} ADP"))
    state = place_actors(doc, (6, 7, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    return [(d.speaker, d.stance) for d in owned_plans(doc, LEX, state, units, [])]


@pytest.mark.parametrize("prep", ["by", "from", "of"])
def test_owned_plans__the_owner_a_by_phrase_names_backs_the_plan(prep):
    """'the plans by the Trust for a register' (or 'from', 'of'): the Trust backs them."""
    assert _plans_with(prep) == [("trust", Stance.SUPPORT)]


def test_owned_plans__near_miss_a_plan_with_a_phrase_about_someone():
    """'the plans about the Trust for a register': the Trust is what they concern, not who made them."""
    assert _plans_with("about") == []


OWNED_NAMED = """
We          PRON  PRP nsubj    1 O
welcome     VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
Trust       PROPN NNP compound 4 B-ORG
Strategy    PROPN NNP dobj     1 O
for         ADP   IN  prep     4 O
family      NOUN  NN  compound 7 O
help        NOUN  NN  pobj     5 O
.           PUNCT .   punct    1 O
"""
OWNED_GENERAL = OWNED_NAMED.replace("family      NOUN  NN  compound 7 O", "the         DET   DT  det      7 O") \
    .replace("help        NOUN  NN  pobj     5 O", "reforms     NOUN  NNS pobj     5 O")


def test_owned_plans__a_named_strategy_with_the_taxonomy_backs_the_proposal_it_names():
    """'the Trust Strategy for family help' (a proper-noun plan word): the Trust backs family help."""
    from argmap.nlp.stance import owned_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(OWNED_NAMED)
    state = place_actors(doc, (3, 4, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    drafts = owned_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, doc[d.start:d.end].text) for d in drafts] == [("trust", "the Trust Strategy for family help")]


OWNED_HOPE = """
We          PRON  PRP nsubj    1 O
noted       VERB  VBD ROOT     1 O lemma=note
the         DET   DT  det      5 O
Trust       PROPN NNP poss     5 B-ORG
's          PART  POS case     3 O
hope        NOUN  NN  dobj     1 O
that        SCONJ IN  mark     9 O
family      NOUN  NN  compound 8 O
help        NOUN  NN  nsubjpass 10 O
is          AUX   VBZ auxpass  10 O lemma=be
kept        VERB  VBN acl      5 O lemma=keep
.           PUNCT .   punct    1 O
"""


def test_owned_plans__a_hope_or_call_is_its_owners():
    """'We noted the Trust's hope that family help is kept': the Trust backs family help."""
    from argmap.nlp.stance import owned_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(OWNED_HOPE)
    state = place_actors(doc, (3, 4, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    drafts = owned_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, doc[d.start:d.end].text) for d in drafts] == \
        [("trust", Stance.SUPPORT, "the Trust's hope that family help is kept")]


WORK_RECOMMENDS = """
The            DET   DT  det      1 O
recommendation NOUN  NN  ROOT     1 O
for            ADP   IN  prep     1 O
family         NOUN  NN  compound 4 O
help           NOUN  NN  pobj     2 O
is             AUX   VBZ conj     1 O lemma=be
welcome        ADJ   JJ  acomp    5 O
.              PUNCT .   punct    1 O
"""


def _work_page_drafts(spec: str, work_at: int = 0, speaker_stance: Stance | None = None):
    from argmap.nlp.stance import owned_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(spec, work_key="hearth-panel", work_at=work_at)
    state = place_actors(doc)
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    own = [Draft(0, 0, len(doc), "writer", speaker_stance, [], "author+cues")] if speaker_stance else []
    return [(d.speaker, d.stance, doc[d.start:d.end].text) for d in owned_plans(doc, LEX, state, units, own, TAXONOMY)]


def test_owned_plans__an_unowned_recommendation_is_the_pages_works():
    """'The recommendation for family help is welcome', on a page that named its one work before:
    the work's panel backs family help (a noun made the root keeps its 'for' phrase)."""
    expected = [("hearth-panel", Stance.SUPPORT, "The recommendation for family help")]
    assert _work_page_drafts(WORK_RECOMMENDS) == expected
    assert _work_page_drafts(WORK_RECOMMENDS, speaker_stance=Stance.SUPPORT) == expected


def test_owned_plans__near_miss_a_recommendation_in_a_sentence_the_speaker_objects_in():
    """'We have concerns about the recommendation for family help': the page records the objection."""
    assert _work_page_drafts(WORK_RECOMMENDS, speaker_stance=Stance.OBJECT) == []


@pytest.mark.parametrize("change", ["owner", "later", "aim"])
def test_owned_plans__near_miss_a_recommendation_owned_named_before_the_work_or_aimed_at_nothing(change):
    """'Our recommendation for family help' is the speaker's; a recommendation named before the page
    names its work is not known to be the work's; 'the recommendation with family help' puts
    nothing forward."""
    spec, at = WORK_RECOMMENDS, 0
    if change == "owner":
        spec = spec.replace("The            DET   DT  det      1 O", "Our            PRON  PRP$ poss     1 O")
    elif change == "later":
        at = 100
    else:
        spec = spec.replace("for            ADP   IN  prep     1 O", "with           ADP   IN  prep     1 O")
    assert _work_page_drafts(spec, at) == []


def test_owned_plans__near_miss_a_plan_naming_only_the_general_reform():
    """'the Trust Strategy for the reforms' names no particular proposal: no guess from context."""
    from argmap.nlp.stance import owned_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(OWNED_GENERAL)
    state = place_actors(doc, (3, 4, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    assert owned_plans(doc, LEX, state, units, [], TAXONOMY) == []
    assert owned_plans(doc, LEX, state, units, []) != []  # without a taxonomy nothing is checked


OWNED_DOCUMENT = """
We          PRON  PRP nsubj    1 O
welcome     VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
Trust       PROPN NNP poss     6 B-ORG
's          PART  POS case     3 O
Hearth      PROPN NNP compound 6 O
Review      PROPN NNP dobj     1 O
.           PUNCT .   punct    1 O
"""


def test_owned_plans__a_policy_document_named_as_an_actors_own_is_backed_by_it():
    """'We welcome the Trust's Hearth Review' (a document in the taxonomy): the Trust backs it."""
    from argmap.nlp.stance import owned_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(OWNED_DOCUMENT)
    state = place_actors(doc, (3, 4, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    drafts = owned_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, doc[d.start:d.end].text, d.rule) for d in drafts] == \
        [("trust", Stance.SUPPORT, "the Trust's Hearth Review", "owner-of-plan")]


def test_owned_plans__near_miss_a_document_named_without_an_owner_or_by_its_owner():
    """'the Trust Hearth Review' (no possessive) has no owner; the speaker's own document is theirs already."""
    from argmap.nlp.stance import owned_plans

    from .kit import TAXONOMY, place_actors

    spec = OWNED_DOCUMENT.replace("Trust       PROPN NNP poss     6 B-ORG", "Trust       PROPN NNP compound 6 B-ORG") \
        .replace("'s          PART  POS case     3 O", "new         ADJ   JJ  amod     6 O")
    doc = parse(spec)
    state = place_actors(doc, (3, 4, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    assert owned_plans(doc, LEX, state, units, [], TAXONOMY) == []
    doc = parse(OWNED_DOCUMENT)
    state = place_actors(doc, (3, 4, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="trust")]
    assert owned_plans(doc, LEX, state, units, [], TAXONOMY) == []


OWN_NAME_DOCUMENT = """
We          PRON  PRP nsubj    1 O
welcome     VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
Trust       PROPN NNP poss     5 B-ORG
's          PART  POS case     3 O
reply       NOUN  NN  dobj     1 O
.           PUNCT .   punct    1 O
"""


def test_owned_plans__a_document_whose_name_opens_with_its_owner_is_backed_by_it():
    """'We welcome the Trust's reply', where "trust's reply" is itself a name of the document: the
    possessive that opens the name is its owner, who backs it."""
    from argmap.nlp.stance import owned_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(OWN_NAME_DOCUMENT)
    state = place_actors(doc, (3, 4, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    drafts = owned_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, d.rule) for d in drafts] == [("trust", Stance.SUPPORT, "owner-of-plan")]


OWNER_DEEP_IN_NAME = """
We          PRON  PRP nsubj    1 O
welcome     VERB  VBP ROOT     1 O
the         DET   DT  det      3 O
reply       NOUN  NN  dobj     1 O
to          ADP   IN  prep     3 O
the         DET   DT  det      6 O
Trust       PROPN NNP poss     8 B-ORG
's          PART  POS case     6 O
letter      NOUN  NN  pobj     4 O
.           PUNCT .   punct    1 O
"""


def test_owned_plans__near_miss_a_possessive_deep_inside_a_documents_name_owns_nothing():
    """'the reply to the Trust's letter' (a name of the document): the Trust owns the letter the
    reply answers, not the reply."""
    from argmap.nlp.stance import owned_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(OWNER_DEEP_IN_NAME)
    state = place_actors(doc, (6, 7, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    assert owned_plans(doc, LEX, state, units, [], TAXONOMY) == []


# "Jane Doe said the Trust ...", the Trust the subject of the verb at index 6
JANE_SAID_TRUST = """
Jane        PROPN NNP compound 1 B-PERSON
Doe         PROPN NNP nsubj    2 I-PERSON
said        VERB  VBD ROOT     2 O lemma=say
the         DET   DT  det      4 O
Trust       PROPN NNP nsubj    6 B-ORG
"""
ENACTED = JANE_SAID_TRUST + """is          AUX   VBZ aux      6 O lemma=be
trialling   VERB  VBG ccomp    2 O lemma=trialle
family      NOUN  NN  compound 8 O
help        NOUN  NN  dobj     6 O
.           PUNCT .   punct    2 O
"""


def test_enacted_plans__the_actor_that_puts_a_proposal_forward_backs_it():
    """'Jane Doe said the Trust is trialling family help': the Trust backs family help, whoever
    reports it (the lemmatizer's 'trialle' is met by the listed form 'trialling')."""
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(ENACTED)
    state = place_actors(doc, (0, 2, "jane-doe", "person"), (4, 5, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="jane-doe")]
    drafts = enacted_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, doc[d.start:d.end].text, d.rule) for d in drafts] == \
        [("trust", Stance.SUPPORT, "trialling family help", "enacts")]


@pytest.mark.parametrize("change", ["negated", "not-an-actor", "general-only", "speaker-itself"])
def test_enacted_plans__near_miss(change):
    """Not when the verb is negated, its subject is no actor, its words name only the general
    reform, or the actor is the sentence's own speaker (its claim is drafted already)."""
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    spec = ENACTED
    actors = [(0, 2, "jane-doe", "person"), (4, 5, "trust", "organisation")]
    speaker = "jane-doe"
    if change == "negated":
        spec = spec.replace("is          AUX   VBZ aux      6 O lemma=be", "not         PART  RB  neg      6 O")
    elif change == "not-an-actor":
        actors = actors[:1]
    elif change == "general-only":
        spec = spec.replace("family      NOUN  NN  compound 8 O", "the         DET   DT  det      8 O") \
            .replace("help        NOUN  NN  dobj     6 O", "reforms     NOUN  NNS dobj     6 O")
    else:
        speaker = "trust"
    doc = parse(spec)
    state = place_actors(doc, *actors)
    units = [Unit(0, 0, len(doc), 1, False, False, speaker=speaker)]
    assert enacted_plans(doc, LEX, state, units, [], TAXONOMY) == []


CALLED_FOR = JANE_SAID_TRUST + """has         AUX   VBZ aux      6 O lemma=have
called      VERB  VBN ccomp    2 O lemma=call
for         ADP   IN  prep     6 O
family      NOUN  NN  compound 9 O
help        NOUN  NN  pobj     7 O
.           PUNCT .   punct    2 O
"""
INTENDS_TO = (JANE_SAID_TRUST + """intends     VERB  VBZ ccomp    2 O lemma=intend
to          PART  TO  aux      7 O
introduce   VERB  VB  xcomp    5 O lemma=introduce
family      NOUN  NN  compound 9 O
help        NOUN  NN  dobj     7 O
.           PUNCT .   punct    2 O
""").replace("Trust       PROPN NNP nsubj    6 B-ORG", "Trust       PROPN NNP nsubj    5 B-ORG")


def _enacted(spec: str):
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(spec)
    state = place_actors(doc, (0, 2, "jane-doe", "person"), (4, 5, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="jane-doe")]
    return [(d.speaker, d.stance, doc[d.start:d.end].text) for d in enacted_plans(doc, LEX, state, units, [], TAXONOMY)]


def test_enacted_plans__an_actor_that_calls_for_or_intends_a_proposal_backs_it():
    """'Jane Doe said the Trust has called for family help', '... the Trust intends (aims) to introduce
    family help': the Trust backs family help, in Jane Doe's sentence."""
    assert _enacted(CALLED_FOR) == [("trust", Stance.SUPPORT, "called for family help")]
    assert _enacted(INTENDS_TO) == [("trust", Stance.SUPPORT, "intends to introduce family help")]
    aims = INTENDS_TO.replace("intends     VERB  VBZ ccomp    2 O lemma=intend", "aims        VERB  VBZ ccomp    2 O lemma=aim")
    assert _enacted(aims) == [("trust", Stance.SUPPORT, "aims to introduce family help")]


def test_enacted_plans__near_miss_a_call_not_made_or_a_wish_not_listed():
    """'the Trust has not called for family help' calls for nothing; 'the Trust hopes to introduce
    family help' (a word of hoping, not of intending) is left to the sentence's own stance."""
    assert _enacted(CALLED_FOR.replace("has         AUX   VBZ aux      6 O lemma=have",
                                       "not         PART  RB  neg      6 O")) == []
    hopes = INTENDS_TO.replace("intends     VERB  VBZ ccomp    2 O lemma=intend", "wonders     VERB  VBZ ccomp    2 O lemma=wonder")
    assert _enacted(hopes) == []


RECOMMENDED_BY = """
Jane        PROPN NNP compound 1 B-PERSON
Doe         PROPN NNP nsubj    2 I-PERSON
welcomed    VERB  VBD ROOT     2 O lemma=welcome
family      NOUN  NN  compound 4 O
help        NOUN  NN  dobj     2 O
,           PUNCT ,   punct    4 O
recommended VERB  VBN acl      4 O lemma=recommend
by          ADP   IN  agent    6 O
the         DET   DT  det      9 O
Trust       PROPN NNP pobj     7 B-ORG
.           PUNCT .   punct    2 O
"""
PROPOSED_BY = """
Family      NOUN  NN  compound 1 O
help        NOUN  NN  nsubjpass 3 O
was         AUX   VBD auxpass  3 O lemma=be
proposed    VERB  VBN ROOT     3 O lemma=propose
by          ADP   IN  agent    3 O
the         DET   DT  det      6 O
Trust       PROPN NNP pobj     4 B-ORG
.           PUNCT .   punct    3 O
"""


SPLIT_SUBJECT = PROPOSED_BY.replace("Family      NOUN  NN  compound 1 O", "Family      NOUN  NN  nsubjpass 3 O")


@pytest.mark.parametrize("spec, trust, put", [(RECOMMENDED_BY, 9, "family help,"),
                                              (PROPOSED_BY, 6, "Family help"),
                                              (SPLIT_SUBJECT, 6, "Family help")])  # the parser's split subject
def test_enacted_plans__the_agent_of_a_passive_proposer_backs_it(spec, trust, put):
    """'Jane Doe welcomed family help, recommended by the Trust', 'Family help was proposed by the
    Trust': the Trust put family help forward, so it backs it."""
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(spec)
    state = place_actors(doc, (0, 2, "jane-doe", "person"), (trust, trust + 1, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="jane-doe")]
    drafts = enacted_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, doc[d.start:d.end].text) for d in drafts] == [("trust", Stance.SUPPORT, put)]


PROPOSED_BY_REPORT = PROPOSED_BY.replace("Trust       PROPN NNP pobj     4 B-ORG\n", """Trust       PROPN NNP poss     8 B-ORG
's          PART  POS case     6 O
report      NOUN  NN  pobj     4 O
""")


def test_enacted_plans__the_agent_may_be_an_actors_work():
    """'Family help was proposed by the Trust's report': the Trust put it forward, through its report;
    'by the annual report' (no owner named) puts forward nobody's."""
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(PROPOSED_BY_REPORT)
    state = place_actors(doc, (6, 7, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker=None)]
    drafts = enacted_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, doc[d.start:d.end].text) for d in drafts] == \
        [("trust", Stance.SUPPORT, "Family help")]
    unowned = parse(PROPOSED_BY_REPORT.replace("Trust       PROPN NNP poss     8 B-ORG", "annual      ADJ   JJ  amod     8 O")
                    .replace("'s          PART  POS case     6 O", "new         ADJ   JJ  amod     8 O"))
    assert enacted_plans(unowned, LEX, place_actors(unowned), units, [], TAXONOMY) == []


WHICH_ANNOUNCED = """
Jane        PROPN NNP compound 1 B-PERSON
Doe         PROPN NNP nsubj    2 I-PERSON
criticised  VERB  VBD ROOT     2 O lemma=criticise
family      NOUN  NN  compound 4 O
help        NOUN  NN  dobj     2 O
which       PRON  WDT dobj     8 O
the         DET   DT  det      7 O
Trust       PROPN NNP nsubj    8 B-ORG
announced   VERB  VBD relcl    4 O lemma=announce
.           PUNCT .   punct    2 O
"""


def test_enacted_plans__what_a_relative_clause_says_an_actor_put_forward():
    """'Jane Doe criticised family help which the Trust announced': the Trust backs family help."""
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(WHICH_ANNOUNCED)
    state = place_actors(doc, (0, 2, "jane-doe", "person"), (7, 8, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="jane-doe")]
    drafts = enacted_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, doc[d.start:d.end].text) for d in drafts] == [("trust", Stance.SUPPORT, "family help")]


COMMITTED = JANE_SAID_TRUST + """has         AUX   VBZ aux      6 O lemma=have
committed   VERB  VBN ccomp    2 O lemma=commit
to          ADP   IN  prep     6 O
family      NOUN  NN  compound 9 O
help        NOUN  NN  pobj     7 O
.           PUNCT .   punct    2 O
"""
# 'In its reply to family help, the Trust has committed to more staff': the fronted phrase names a
# proposal, but what is committed to follows the verb
FRONTED = """
In          ADP   IN  prep     9 O
its         PRON  PRP$ poss    2 O
reply       NOUN  NN  pobj     0 O
to          ADP   IN  prep     2 O
family      NOUN  NN  compound 5 O
help        NOUN  NN  pobj     3 O
,           PUNCT ,   punct    9 O
the         DET   DT  det      8 O
Trust       PROPN NNP nsubj    9 B-ORG
committed   VERB  VBD ROOT     9 O lemma=commit
to          ADP   IN  prep     9 O
more        ADJ   JJR amod     12 O
staff       NOUN  NN  pobj     10 O
.           PUNCT .   punct    9 O
"""


def test_enacted_plans__an_actor_committed_to_a_proposal_backs_it():
    """'Jane Doe said the Trust has committed to family help': a verb of promising
    (``verbs.commitment``) puts forward what it is committed to, as a proposer verb does."""
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(COMMITTED)
    state = place_actors(doc, (0, 2, "jane-doe", "person"), (4, 5, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="jane-doe")]
    drafts = enacted_plans(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, doc[d.start:d.end].text) for d in drafts] == \
        [("trust", Stance.SUPPORT, "committed to family help")]


def test_enacted_plans__near_miss_a_phrase_before_the_verb_is_not_what_it_puts_forward():
    """'In its reply to family help, the Trust committed to more staff': family help is named
    before the verb, in a phrase that says when, not in what is committed to."""
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(FRONTED)
    state = place_actors(doc, (8, 9, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="jane-doe")]
    assert enacted_plans(doc, LEX, state, units, [], TAXONOMY) == []


def test_enacted_plans__near_miss_a_passive_with_no_actor_agent():
    """'Family help was proposed by the committee' with no actor for the committee: a bare record."""
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(PROPOSED_BY)
    state = place_actors(doc)
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="jane-doe")]
    assert enacted_plans(doc, LEX, state, units, [], TAXONOMY) == []


TRUST_LOBBYING = """
Reports     NOUN  NNS ROOT     0 O lemma=report
of          ADP   IN  prep     0 O
Northfold   PROPN NNP compound 3 B-ORG
Trust       PROPN NNP compound 4 I-ORG
lobbying    VERB  VBG pobj     1 O lemma=lobby
for         ADP   IN  prep     4 O
family      NOUN  NN  compound 7 O
help        NOUN  NN  pobj     5 O
"""
TRUST_MEMBERS_LOBBYING = TRUST_LOBBYING.replace("Trust       PROPN NNP compound 4 I-ORG", "members     NOUN  NNS compound 4 O")


def _lobbying(spec: str, actors):
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(spec)
    state = place_actors(doc, *actors)
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    return [(d.speaker, d.stance, doc[d.start:d.end].text) for d in enacted_plans(doc, LEX, state, units, [], TAXONOMY)]


def test_enacted_plans__the_actor_a_gerund_is_said_of_backs_what_it_presses_for():
    """'Reports of Northfold Trust lobbying for family help': the Trust backs family help."""
    assert _lobbying(TRUST_LOBBYING, [(2, 4, "northfold-trust", "organisation")]) == \
        [("northfold-trust", Stance.SUPPORT, "lobbying for family help")]


TRUST_ACL_LOBBYING = """
Northfold   PROPN NNP compound 1 B-ORG
Trust       PROPN NNP nsubj    6 I-ORG
,           PUNCT ,   punct    1 O
lobbying    VERB  VBG acl      1 O lemma=lobby
for         ADP   IN  prep     3 O
help        NOUN  NN  pobj     4 O
spoke       VERB  VBD ROOT     6 O lemma=speak
"""


def test_enacted_plans__the_actor_a_gerund_describes_backs_what_it_presses_for():
    """'Northfold Trust, lobbying for help, spoke': a gerund describing the Trust is its act
    ('help' alone names no particular proposal, so the words checked are the gerund's)."""
    from argmap.nlp.stance import _doer

    from .kit import place_actors

    doc = parse(TRUST_ACL_LOBBYING)
    state = place_actors(doc, (0, 2, "northfold-trust", "organisation"))
    assert _doer(state, doc[3]) == "northfold-trust" and _doer(state, doc[6]) == "northfold-trust"
    assert _doer(state, doc[4]) is None


def test_enacted_plans__near_miss_a_gerund_said_of_no_actor():
    """'Reports of Northfold members lobbying for family help': the members name no actor."""
    assert _lobbying(TRUST_MEMBERS_LOBBYING, []) == []


RULED_OUT = """
Jane        PROPN NNP compound 1 B-PERSON
Doe         PROPN NNP nsubj    2 I-PERSON
said        VERB  VBD ROOT     2 O lemma=say
the         DET   DT  det      4 O
Trust       PROPN NNP nsubj    5 B-ORG
ruled       VERB  VBD ccomp    2 O lemma=rule
out         ADP   RP  prt      5 O
family      NOUN  NN  compound 8 O
help        NOUN  NN  dobj     5 O
.           PUNCT .   punct    2 O
"""
BANNED_FROM = """
Jane        PROPN NNP compound 1 B-PERSON
Doe         PROPN NNP nsubj    2 I-PERSON
said        VERB  VBD ROOT     2 O lemma=say
the         DET   DT  det      4 O
Trust       PROPN NNP nsubj    5 B-ORG
banned      VERB  VBD ccomp    2 O lemma=ban
councils    NOUN  NNS dobj     5 O lemma=council
from        ADP   IN  prep     5 O
trialling   VERB  VBG pcomp    7 O lemma=trial
family      NOUN  NN  compound 10 O
help        NOUN  NN  dobj     8 O
.           PUNCT .   punct    2 O
"""


def _rejected(spec: str, speaker: str = "jane-doe", actors=((0, 2, "jane-doe", "person"), (4, 5, "trust", "organisation"))):
    from argmap.nlp.stance import rejected_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(spec)
    state = place_actors(doc, *actors)
    units = [Unit(0, 0, len(doc), 1, False, False, speaker=speaker)]
    return [(d.speaker, d.stance, doc[d.start:d.end].text, d.rule)
            for d in rejected_plans(doc, LEX, state, units, [], TAXONOMY)]


def test_rejected_plans__the_actor_that_rules_a_proposal_out_objects():
    """'Jane Doe said the Trust ruled out family help': the Trust objects to family help."""
    assert _rejected(RULED_OUT) == [("trust", Stance.OBJECT, "ruled out family help", "rejects")]


def test_rejected_plans__the_actor_that_declines_a_proposal_objects():
    """'Jane Doe said the Trust declined family help': declining is turning down."""
    spec = RULED_OUT.replace("ruled       VERB  VBD ccomp    2 O lemma=rule", "declined    VERB  VBD ccomp    2 O lemma=decline") \
        .replace("out         ADP   RP  prt      5 O", "all         DET   DT  det      8 O")
    assert _rejected(spec) == [("trust", Stance.OBJECT, "declined all family help", "rejects")]


def test_rejected_plans__the_actor_that_bars_others_from_it_objects():
    """'... the Trust banned councils from trialling family help': the Trust objects to family help,
    not to the councils."""
    assert _rejected(BANNED_FROM) == [("trust", Stance.OBJECT, "banned councils from trialling family help", "rejects")]


@pytest.mark.parametrize("change", ["negated", "no-particle", "ban-without-from", "not-an-actor", "speaker-itself"])
def test_rejected_plans__near_miss(change):
    """Not when the verb is negated, 'rule' has no 'out' ('the Trust ruled family help'), a verb
    of stopping has no 'from' phrase ('the Trust banned family help' may be the ban it backs), the
    subject is no actor, or the actor is the sentence's own speaker."""
    spec, speaker, actors = RULED_OUT, "jane-doe", ((0, 2, "jane-doe", "person"), (4, 5, "trust", "organisation"))
    if change == "negated":
        spec = spec.replace("out         ADP   RP  prt      5 O", "not         PART  RB  neg      5 O")
    elif change == "no-particle":
        spec = spec.replace("out         ADP   RP  prt      5 O", "all         DET   DT  det      8 O")
    elif change == "ban-without-from":
        spec = spec.replace("ruled       VERB  VBD ccomp    2 O lemma=rule", "banned      VERB  VBD ccomp    2 O lemma=ban") \
            .replace("out         ADP   RP  prt      5 O", "all         DET   DT  det      8 O")
    elif change == "not-an-actor":
        actors = actors[:1]
    else:
        speaker = "trust"
    assert _rejected(spec, speaker, actors) == []


ELABORATION = """
These       PRON  DT  nsubj    1 O lemma=these
include     VERB  VBP ROOT     1 O
family      NOUN  NN  compound 3 O
help        NOUN  NN  dobj     1 O
.           PUNCT .   punct    1 O
"""


def _elaborated(spec: str, prior: list):
    from argmap.nlp.cues import Draft
    from argmap.nlp.stance import elaborated

    doc = parse(spec)
    unit = Unit(1, 0, len(doc), 1, False, False, speaker="trust")
    mine = [Draft(1, 0, len(doc), "trust", NEUTRAL, [], "author+cues")]
    before = [Draft(0, 0, 0, speaker, stance, [], "author+cues") for speaker, stance in prior]
    return [(d.stance, d.rule) for d in elaborated(doc, LEX, unit, mine, before)]


def test_elaborated__a_sentence_spelling_out_the_one_before_takes_its_stance():
    """'There is a lot to welcome. These include family help.': the second sentence is support."""
    assert _elaborated(ELABORATION, [("trust", SUPPORT)]) == [(SUPPORT, "author+cues+elaborates")]
    assert _elaborated(ELABORATION, [("trust", OBJECT)]) == [(OBJECT, "author+cues+elaborates")]


@pytest.mark.parametrize("case", ["other-speaker", "mixed-before", "neutral-before", "no-demonstrative",
                                  "not-a-listing-verb"])
def test_elaborated__near_miss(case):
    """Not after another speaker's sentence, a sentence of both stances or none, nor without a bare
    demonstrative subject of a listing verb ('The plans include ...', 'These worry us')."""
    spec, prior = ELABORATION, [("trust", SUPPORT)]
    if case == "other-speaker":
        prior = [("basw", SUPPORT)]
    elif case == "mixed-before":
        prior = [("trust", SUPPORT), ("trust", OBJECT)]
    elif case == "neutral-before":
        prior = [("trust", NEUTRAL)]
    elif case == "no-demonstrative":
        spec = spec.replace("These       PRON  DT  nsubj    1 O lemma=these", "Plans       NOUN  NNS nsubj    1 O lemma=plan")
    else:
        spec = spec.replace("include     VERB  VBP ROOT     1 O", "concern     VERB  VBP ROOT     1 O")
    assert _elaborated(spec, prior) == [(NEUTRAL, "author+cues")]


VOICED = """
There      PRON  EX  expl     1 O
are        VERB  VBP ROOT     1 O lemma=be
concerns   NOUN  NNS attr     1 O lemma=concern
from       ADP   IN  prep     2 O
experts    NOUN  NNS pobj     3 O lemma=expert
such       ADJ   JJ  amod     6 O
as         ADP   IN  prep     4 O
Jane       PROPN NNP compound 8 B-PERSON
Roe        PROPN NNP pobj     6 I-PERSON
.          PUNCT .   punct    1 O
"""


def _voiced(spec: str, cue_label: str = "concerns", stance=OBJECT):
    from argmap.nlp.cues import Draft
    from argmap.nlp.stance import voiced_by

    from .kit import place_actors

    doc = parse(spec)
    state = place_actors(doc, (7, 9, "jane-roe", "person"))
    drafts = [Draft(0, 0, len(doc), "writer", stance, [Cue(K.WORD, -1, cue_label, "word")], "author+cues")]
    return [(d.speaker, d.stance, d.rule) for d in voiced_by(doc, LEX, state, drafts)]


def test_voiced_by__whoever_a_stance_noun_comes_from_holds_the_claim():
    assert _voiced(VOICED) == [("jane-roe", OBJECT, "author+cues+voiced-by")]


@pytest.mark.parametrize("case", ["other-preposition", "not-the-cue", "neutral"])
def test_voiced_by__near_miss(case):
    """Not 'concerns about X' (what it is about), not a noun that is no cue, not a neutral claim."""
    if case == "other-preposition":
        assert _voiced(VOICED.replace("from       ADP", "about      ADP")) == []
    elif case == "not-the-cue":
        assert _voiced(VOICED, cue_label="worries") == []
    else:
        assert _voiced(VOICED, stance=NEUTRAL) == []


OWNED_ROOT = """
The         DET   DT  det      2 O
Trust       PROPN NNP compound 2 B-ORG
Strategy    PROPN NNP ROOT     2 O
places      VERB  VBZ relcl    2 O lemma=place
family      NOUN  NN  compound 5 O
help        NOUN  NN  dobj     3 O
first       ADV   RB  advmod   3 O
.           PUNCT .   punct    2 O
"""


def test_owned_plans__a_plan_noun_parsed_as_the_root_is_only_its_own_phrase():
    """A parse that makes 'Strategy' the root: the owner backs 'The Trust Strategy', not the whole
    sentence (whose family help is what the strategy does, a claim of its own)."""
    from argmap.nlp.stance import owned_plans

    from .kit import place_actors

    doc = parse(OWNED_ROOT)
    state = place_actors(doc, (1, 2, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker="writer")]
    assert [doc[d.start:d.end].text for d in owned_plans(doc, LEX, state, units, [])] == ["The Trust Strategy"]
    near = parse(OWNED_ROOT.replace("Strategy    PROPN NNP ROOT     2 O", "Strategy    PROPN NNP nsubj    3 O")
                 .replace("places      VERB  VBZ relcl    2 O", "places      VERB  VBZ ROOT     3 O")
                 .replace("help        NOUN  NN  dobj     3 O", "help        NOUN  NN  dobj     3 O")
                 .replace(".           PUNCT .   punct    2 O", ".           PUNCT .   punct    3 O"))
    state = place_actors(near, (1, 2, "trust", "organisation"))
    assert [near[d.start:d.end].text for d in owned_plans(near, LEX, state, units, [])] == ["The Trust Strategy"]


KIND_WHILE_THEY_SAY = """
It         PRON  PRP nsubj  1  O
is         AUX   VBZ ccomp  5  O lemma=be
kind       ADJ   JJ  acomp  1  O
,          PUNCT ,   punct  5  O
writes     VERB  VBZ ROOT   5  O lemma=write
Jo         PROPN NNP compound 7 B-PERSON
Bell       PROPN NNP nsubj  5  I-PERSON
,          PUNCT ,   punct  5  O
while      SCONJ IN  mark   13 O
Sam        PROPN NNP compound 10 B-PERSON
Reid       PROPN NNP nsubj  13 I-PERSON
and        CCONJ CC  cc     10 O
Ida        PROPN NNP conj   10 B-PERSON
say        VERB  VBP advcl  5  O lemma=say
it         PRON  PRP nsubj  15 O
fails      VERB  VBZ ccomp  13 O lemma=fail
.          PUNCT .   punct  5  O
"""


def _own(spec: str, second_cues: list[Cue], people=((5, 7, "jo-bell", "person"), (9, 11, "sam-reid", "person"),
                                                     (12, 13, "ida", "person"))) -> Sentence:
    doc = parse(spec)
    state = place_actors(doc, *people)
    clauses = [doc[0:8], doc[8:]]
    unit = Unit(0, 0, len(doc), 1, False, False, "jo-bell", "write", "speech-verb", 4)
    scored = [Scored(clauses[0], NEUTRAL, []), Scored(clauses[1], OBJECT if second_cues else NEUTRAL, second_cues)]
    return Sentence(doc, 0, unit, clauses, scored, None, LEX["markers.concessive"], LEX["pronouns.personal"],
                    LEX.contrast, state, LEX.speech_verbs)


def test_stance_drafting__own_speaker__fires():
    """'It is kind, writes Jo Bell, while Sam Reid and Ida say it fails': the objection is Sam Reid's
    and Ida's, not Jo Bell's."""
    s = _own(KIND_WHILE_THEY_SAY, [word("fails", -1)])
    assert [(d.speaker, d.stance) for d in own_speaker(s)] == [("sam-reid", OBJECT), ("ida", OBJECT)]
    assert DRAFTING.first_named(s)[0] == "own-speaker"


def test_stance_drafting__own_speaker__near_miss_no_speech_verb_of_its_own():
    """'..., while it fails': the clause names no speaker of its own, so it stays Jo Bell's."""
    spec = KIND_WHILE_THEY_SAY.replace("say        VERB  VBP advcl  5  O lemma=say", "seem       VERB  VBP advcl  5  O lemma=seem")
    s = _own(spec, [word("fails", -1)])
    assert own_speaker(s) is None
    assert [d.speaker for d in DRAFTING.first(s)] == ["jo-bell"]


KIND_WHILE_WHAT_THEY_SAID = """
It         PRON  PRP nsubj  1  O
is         AUX   VBZ ccomp  4  O lemma=be
kind       ADJ   JJ  acomp  1  O
,          PUNCT ,   punct  4  O
writes     VERB  VBZ ROOT   4  O lemma=write
Jo         PROPN NNP compound 6 B-PERSON
Bell       PROPN NNP nsubj  4  I-PERSON
,          PUNCT ,   punct  4  O
while      SCONJ IN  mark   13 O
what       PRON  WP  dobj   12 O
Sam        PROPN NNP compound 11 B-PERSON
Reid       PROPN NNP nsubj  12 I-PERSON
said       VERB  VBD csubj  13 O lemma=say
fails      VERB  VBZ advcl  4  O lemma=fail
.          PUNCT .   punct  4  O
"""


def test_stance_drafting__own_speaker__near_miss_what_someone_said():
    """'It is kind, writes Jo Bell, while what Sam Reid said fails': Sam Reid's words are only what
    the clause is about; the objection stays Jo Bell's. With 'this' for 'what', Sam Reid says it."""
    people = ((5, 7, "jo-bell", "person"), (10, 12, "sam-reid", "person"))
    s = _own(KIND_WHILE_WHAT_THEY_SAID, [word("fails", -1)], people)
    assert own_speaker(s) is None
    assert [d.speaker for d in DRAFTING.first(s)] == ["jo-bell"]
    plain = KIND_WHILE_WHAT_THEY_SAID.replace("what       PRON  WP  dobj   12 O", "this       PRON  DT  dobj   12 O")
    assert [d.speaker for d in own_speaker(_own(plain, [word("fails", -1)], people))] == ["sam-reid"]


URGED_ALTHOUGH_SLAMMED = """
Ministers  NOUN  NNS nsubj  1  O lemma=minister
urged      VERB  VBD ROOT   1  O lemma=urge
councils   NOUN  NNS dobj   1  O lemma=council
to         PART  TO  aux    4  O
adopt      VERB  VB  xcomp  1  O
it         PRON  PRP dobj   4  O
although   SCONJ IN  mark   9  O
critics    NOUN  NNS nsubj  9  O lemma=critic
have       AUX   VBP aux    9  O
slammed    VERB  VBN advcl  1  O lemma=slam
the        DET   DT  det    11 O
move       NOUN  NN  dobj   9  O
.          PUNCT .   punct  1  O
"""


def _urged(spec: str, people=()) -> Sentence:
    doc = parse(spec)
    state = place_actors(doc, (0, 1, "government"), *people)
    clauses = [doc[0:6], doc[6:]]
    unit = Unit(0, 0, len(doc), 1, False, False, "government", "urge", "speech-verb", 1)
    scored = [Scored(clauses[0], SUPPORT, [word("urged", +1)]), Scored(clauses[1], OBJECT, [word("slammed", -1)])]
    return Sentence(doc, 0, unit, clauses, scored, None, LEX["markers.concessive"], LEX["pronouns.personal"],
                    LEX.contrast, state, LEX.speech_verbs)


def test_stance_drafting__a_clause_with_its_own_speaker_is_theirs():
    """'Ministers urged councils to adopt it, although critics have slammed the move': the objection
    belongs to the critics, nobody in particular, not to the ministers; named, it is the one named."""
    s = _urged(URGED_ALTHOUGH_SLAMMED)
    assert s.clause_speaker(s.clauses[1]) is None
    assert drafted(s) == [("Ministers urged councils to adopt it", "government", "support")]
    named = _urged(URGED_ALTHOUGH_SLAMMED.replace("critics    NOUN  NNS nsubj  9  O lemma=critic",
                                                  "Unison     PROPN NNP nsubj  9  B-ORG"),
                   [(7, 8, "unison", "organisation")])
    assert [(d.speaker, d.stance.value) for d in DRAFTING.first(named)] == \
        [("government", "support"), ("unison", "object")]


def test_stance_drafting__a_clause_whose_speaker_is_a_pronoun_stays_the_sentence_speakers():
    """'..., although they have slammed the move': a pronoun is left to the sentence's speaker."""
    s = _urged(URGED_ALTHOUGH_SLAMMED.replace("critics    NOUN  NNS nsubj  9  O lemma=critic",
                                              "they       PRON  PRP nsubj  9  O"))
    assert s.clause_speaker(s.clauses[1]) == "government"
    assert [d.speaker for d in DRAFTING.first(s)] == ["government", "government"]


# ---------------------------------------------------------------- coordinated predicates that disagree
WARNS_AND_BACKS = """
Jo        PROPN NNP compound 1 B-PERSON
Bell      PROPN NNP nsubj    2 I-PERSON
warns     VERB  VBZ ROOT     2 O lemma=warn
the       DET   DT  det      4 O
plan      NOUN  NN  nsubj    6 O
will      AUX   MD  aux      6 O
fail      VERB  VB  ccomp    2 O
and       CCONJ CC  cc       2 O
backs     VERB  VBZ conj     2 O lemma=back
a         DET   DT  det      11 O
national  ADJ   JJ  amod     11 O
register  NOUN  NN  dobj     8 O
.         PUNCT .   punct    2 O
"""


def _predicates(spec: str) -> list[tuple[str, str]]:
    """(text, stance) of the clauses the one-clause Doc becomes once its predicates are weighed."""
    doc = parse(spec)
    place_actors(doc, (0, 2, "jo-bell", "person"))
    ctx = stance_ctx(doc)
    u = unit(doc[:], "jo-bell", "warn", cue_token=2)
    whole_clause = clause(ctx, doc[:], u)
    found, sign = score(ctx, whole_clause)
    whole = Scored(doc[:], {1: SUPPORT, -1: OBJECT, 0: NEUTRAL}[sign], found)
    return [(p.clause.text, p.stance.value) for p in CLAUSE_SPLITS.first(ctx, whole_clause.skip, u, whole) or [whole]]


def test_stance_clause_splits__disagreeing_predicates__fires():
    """'warns the plan will fail and backs a register': the backing is a clause of its own; the
    objection keeps the whole sentence."""
    assert _predicates(WARNS_AND_BACKS) == [("Jo Bell warns the plan will fail and backs a national register.", "object"),
                                            ("and backs a national register.", "support")]


def test_stance_clause_splits__disagreeing_predicates__fires_when_the_parser_joins_the_inner_verb():
    """The parser often joins the second predicate to the verb of the reported clause ('fail')."""
    spec = WARNS_AND_BACKS.replace("backs     VERB  VBZ conj     2", "backs     VERB  VBZ conj     6").replace(
        "and       CCONJ CC  cc       2", "and       CCONJ CC  cc       6")
    assert _predicates(spec)[1] == ("and backs a national register.", "support")


def test_stance_clause_splits__disagreeing_predicates__near_miss_predicates_that_agree():
    """'warns the plan will fail and opposes a laudable register': a support cue in the second
    predicate, but it does not take the other side; one clause."""
    spec = WARNS_AND_BACKS.replace("backs     VERB  VBZ conj     2 O lemma=back", "opposes   VERB  VBZ conj     2 O lemma=oppose")
    spec = spec.replace("national  ADJ   JJ  amod     11 O", "laudable  ADJ   JJ  amod     11 O")
    assert _predicates(spec) == [(parse(spec).text, "object")]


def test_stance_clause_splits__disagreeing_predicates__near_miss_no_second_verb():
    """Cues both ways without a second predicate ('a good idea that needs more detail'): one clause."""
    doc = parse(GOOD_IDEA)
    whole = Scored(doc[:], NEUTRAL, [phrase("good idea", +1), phrase("more detail", -1)])
    assert disagreeing_predicates(stance_ctx(doc), set(), unit(doc[:], "basw", cue_token=1), whole) is None


# 'Ministers will fund family help, as recommended by the Trust.'
AS_RECOMMENDED_BY = """
Ministers   NOUN  NNS nsubj    2 O lemma=minister
will        AUX   MD  aux      2 O
fund        VERB  VB  ROOT     2 O
family      NOUN  NN  compound 4 O
help        NOUN  NN  dobj     2 O
,           PUNCT ,   punct    2 O
as          SCONJ IN  mark     7 O
recommended VERB  VBN advcl    2 O lemma=recommend
by          ADP   IN  agent    7 O
the         DET   DT  det      10 O
Trust       PROPN NNP pobj     8 B-ORG
.           PUNCT .   punct    2 O
"""


def _as_recommended(spec: str):
    from argmap.nlp.stance import enacted_plans

    from .kit import TAXONOMY, place_actors

    doc = parse(spec)
    state = place_actors(doc, (10, 11, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker=None)]
    return [(d.speaker, d.stance, doc[d.start:d.end].text) for d in enacted_plans(doc, LEX, state, units, [], TAXONOMY)]


def test_enacted_plans__the_agent_of_an_as_clause_backs_what_its_clause_names():
    """'Ministers will fund family help, as recommended by the Trust': the Trust backs family help."""
    assert _as_recommended(AS_RECOMMENDED_BY) == [("trust", Stance.SUPPORT, "Ministers will fund family help,")]


def test_enacted_plans__the_agent_of_an_as_clause_near_miss_no_agent():
    """'..., as discussed with the Trust': nobody is named as recommending it."""
    spec = AS_RECOMMENDED_BY.replace("recommended VERB  VBN advcl    2 O lemma=recommend",
                                     "discussed   VERB  VBN advcl    2 O lemma=discuss") \
        .replace("by          ADP   IN  agent", "with        ADP   IN  prep ")
    assert _as_recommended(spec) == []


# 'Family help was approved despite opposition from the Trust.'
OPPOSITION_FROM = """
Family      NOUN  NN  compound 1 O
help        NOUN  NN  nsubjpass 3 O
was         AUX   VBD auxpass  3 O lemma=be
approved    VERB  VBN ROOT     3 O lemma=approve
despite     SCONJ IN  prep     3 O
opposition  NOUN  NN  pobj     4 O
from        ADP   IN  prep     5 O
the         DET   DT  det      8 O
Trust       PROPN NNP pobj     6 B-ORG
.           PUNCT .   punct    3 O
"""


def test_sides_from__an_actor_named_by_a_noun_of_opposition_objects():
    """'Family help was approved despite opposition from the Trust': the Trust objects to family help."""
    from argmap.nlp.stance import sides_from

    from .kit import TAXONOMY, place_actors

    doc = parse(OPPOSITION_FROM)
    state = place_actors(doc, (7, 9, "trust", "organisation"))
    units = [Unit(0, 0, len(doc), 1, False, False, speaker=None)]
    drafts = sides_from(doc, LEX, state, units, [], TAXONOMY)
    assert [(d.speaker, d.stance, d.rule) for d in drafts] == [("trust", Stance.OBJECT, "sides-from")]


@pytest.mark.parametrize("change", ["no-opposition", "support-as-a-service", "not-an-actor"])
def test_sides_from__near_miss(change):
    """Not 'no opposition'; not support that is no verb's object ('despite support from the Trust'
    may be help it gives); not when the 'from' phrase names no actor."""
    from argmap.nlp.stance import sides_from

    from .kit import TAXONOMY, place_actors

    spec, actors = OPPOSITION_FROM, [(7, 9, "trust", "organisation")]
    if change == "no-opposition":
        spec = spec.replace("despite     SCONJ IN  prep     3 O\nopposition  NOUN  NN  pobj     4 O",
                            "no          DET   DT  det      5 O\nopposition  NOUN  NN  pobj     3 O")
    elif change == "support-as-a-service":
        spec = spec.replace("opposition  NOUN  NN  pobj     4 O", "support     NOUN  NN  pobj     4 O")
    else:
        actors = []
    doc = parse(spec)
    state = place_actors(doc, *actors)
    units = [Unit(0, 0, len(doc), 1, False, False, speaker=None)]
    assert sides_from(doc, LEX, state, units, [], TAXONOMY) == []
