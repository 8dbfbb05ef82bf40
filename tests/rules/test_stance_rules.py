"""The stance rules, one by one, on hand-built Docs: where each fires and a near miss where it must not.

Tables: stance.cues, stance.grants, stance.not-a-cue, stance.flips, stance.negated, stance.fallbacks.
"""

from __future__ import annotations

import pytest

from argmap.nlp import cues as K
from argmap.nlp.rules.stance import (
    FALLBACKS, FLIPS, GRANTS, NEGATED, NOT_A_CUE, agrees_with, answered, argues_for, as_named_said, as_others_feared, asked,
    compound_word, denied, depending_on, description, government_plan, guarded_against, hardship, inverted_condition,
    ignored_phrases, improvement, listed, lowered, motion, needed, negated, negated_head, negated_preposition,
    negated_subject_clause, negation_child, negator_before, negator_phrase, no_remedy, objection_object,
    only_if, overridden, phrase_cues, plain_negated, prohibition, promised_benefit, publisher, recalled, recommendation,
    record_of_events, refused_objection, refused_question, remedied_problem, research_finding, score, service,
    should_proposal, someone_elses_act, state_of_a_thing, urged, wish, word_cues, word_sign, work_contents,
    chance_to_take_part, funded_condition, own_doing, the_opposition, opposition_judged, peoples_troubles, when_it_happens, when_there_are, if_it_happens, worry_for_people, wrong_part_of_speech,
)

from .kit import clause, parse, place_actors, stance_ctx, unit


def cue_rules(spec: str, **unit_kw) -> list[str]:
    """The rules of the cues the stance stage finds in a one-clause Doc."""
    doc = parse(spec)
    ctx = stance_ctx(doc)
    found, _ = score(ctx, clause(ctx, doc[:], unit(doc[:], **unit_kw)))
    return [c.rule for c in found]


def vetoes(ctx, tok, sign: int) -> list[str]:
    """The not-a-cue rules that veto ``tok`` as a cue of ``sign`` (the table as the word rule applies it)."""
    return [r.name for r in NOT_A_CUE if r(ctx, tok, sign)]


def word_cue(spec: str, i: int):
    """The cue the word rule makes of token ``i`` (None when it makes none)."""
    doc = parse(spec)
    ctx = stance_ctx(doc)
    return next((c for c in word_cues(ctx, clause(ctx, doc[:])) if c.label.endswith(doc[i].text)), None)


# ---------------------------------------------------------------- stance.cues
GO_WRONG = """
Social   ADJ   JJ  amod   1 O
workers  NOUN  NNS nsubj  2 O lemma=worker
step     VERB  VBP ROOT   2 O
in       ADV   RB  prt    2 O
when     SCONJ WRB advmod 6 O
things   NOUN  NNS nsubj  6 O lemma=thing
go       VERB  VBP advcl  2 O
wrong    ADJ   JJ  acomp  6 O
.        PUNCT .   punct  2 O
"""
ARE_WRONG = """
Social   ADJ   JJ  amod   1 O
workers  NOUN  NNS nsubj  2 O lemma=worker
say      VERB  VBP ROOT   2 O
things   NOUN  NNS nsubj  4 O lemma=thing
are      AUX   VBP ccomp  2 O lemma=be
wrong    ADJ   JJ  acomp  4 O
.        PUNCT .   punct  2 O
"""


def test_stance_cues__ignored_phrase__fires():
    doc = parse(GO_WRONG)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:])
    assert ignored_phrases(ctx, c) is None and c.used == {6, 7}  # 'go wrong' is used up
    assert cue_rules(GO_WRONG) == []  # so 'wrong' is no objection


def test_stance_cues__ignored_phrase__near_miss():
    doc = parse(ARE_WRONG)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:])
    ignored_phrases(ctx, c)
    assert c.used == set()
    assert cue_rules(ARE_WRONG) == ["word"]


DEPENDING = """
Cases       NOUN  NNS nsubjpass 2 O lemma=case
are         AUX   VBP auxpass   2 O lemma=be
allocated   VERB  VBN ROOT      2 O lemma=allocate
depending   VERB  VBG prep      2 O lemma=depend
on          ADP   IN  prep      3 O
the         DET   DT  det       6 O
complexity  NOUN  NN  pobj      4 O
and         CCONJ CC  cc        6 O
risk        NOUN  NN  conj      6 O
.           PUNCT .   punct     2 O
"""
ACCORDING = DEPENDING.replace("depending   VERB  VBG prep      2 O lemma=depend",
                              "according   VERB  VBG prep      2 O lemma=accord")


def test_stance_cues__depending_on__fires():
    doc = parse(DEPENDING)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:])
    depending_on(ctx, c)
    assert c.used == {3, 4, 5, 6, 7, 8}
    assert cue_rules(DEPENDING) == []  # 'risk' here is a variable, not a worry


def test_stance_cues__depending_on__near_miss():
    doc = parse(ACCORDING)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:])
    depending_on(ctx, c)
    assert c.used == set()
    assert cue_rules(ACCORDING) == ["word"]


RIGHT_DIRECTION = """
The        DET   DT  det   1 O
plan       NOUN  NN  nsubj 2 O
is         AUX   VBZ ROOT  2 O lemma=be
a          DET   DT  det   4 O
step       NOUN  NN  attr  2 O
in         ADP   IN  prep  4 O
the        DET   DT  det   8 O
right      ADJ   JJ  amod  8 O
direction  NOUN  NN  pobj  5 O
.          PUNCT .   punct 2 O
"""
WRONG_DIRECTION = RIGHT_DIRECTION.replace("right      ADJ", "wrong      ADJ")


def test_stance_cues__phrase__fires():
    doc = parse(RIGHT_DIRECTION)
    ctx = stance_ctx(doc)
    (cue,) = phrase_cues(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign, cue.label) == (K.PHRASE, +1, "step in the right direction")
    assert cue_rules(RIGHT_DIRECTION) == ["phrase"]


def test_stance_cues__phrase__near_miss():
    doc = parse(WRONG_DIRECTION)
    ctx = stance_ctx(doc)
    assert phrase_cues(ctx, clause(ctx, doc[:])) == []
    assert "phrase" not in cue_rules(WRONG_DIRECTION)


NOT_CALLING_FOR = """
They      PRON  PRP nsubj  3 O
are       AUX   VBP aux    3 O lemma=be
not       PART  RB  neg    3 O
pressing  VERB  VBG ROOT   3 O lemma=press
for       ADP   IN  prep   3 O
a         DET   DT  det    6 O
ban       NOUN  NN  pobj   4 O
.         PUNCT .   punct  3 O
"""


def test_stance_cues__phrase__near_miss_a_demand_not_made():
    """'They are not pressing for a ban' makes no demand: no cue either way (pressing for it is support)."""
    doc = parse(NOT_CALLING_FOR)
    ctx = stance_ctx(doc)
    assert phrase_cues(ctx, clause(ctx, doc[:])) == []
    made = parse(NOT_CALLING_FOR.replace("not       PART  RB  neg    3 O", "now       ADV   RB  advmod 3 O"))
    ctx = stance_ctx(made)
    (cue,) = phrase_cues(ctx, clause(ctx, made[:]))
    assert (cue.sign, cue.label) == (+1, "pressing for")


# "Homes for children at risk close." (the parser hangs 'at' on the noun or, wrongly, on the verb)
HOMES_FOR_CHILDREN_AT_RISK = """
Homes      NOUN  NNS nsubj 4 O lemma=home
for        ADP   IN  prep  0 O
children   NOUN  NNS pobj  1 O lemma=child
at         ADP   IN  prep  2 O
risk       NOUN  NN  pobj  3 O
close      VERB  VBP ROOT  5 O
.          PUNCT .   punct 5 O
"""
HOMES_HUNG_ON_VERB = HOMES_FOR_CHILDREN_AT_RISK.replace("at         ADP   IN  prep  2 O",
                                                        "at         ADP   IN  prep  5 O")
# "Closures leave children at risk."
LEAVE_CHILDREN_AT_RISK = """
Closures   NOUN  NNS nsubj 1 O lemma=closure
leave      VERB  VBP ROOT  1 O
children   NOUN  NNS dobj  1 O lemma=child
at         ADP   IN  prep  1 O
risk       NOUN  NN  pobj  3 O
.          PUNCT .   punct 1 O
"""


HOMES_FOR_YOUNGSTERS_AT_RISK = HOMES_FOR_CHILDREN_AT_RISK.replace(
    "children   NOUN  NNS pobj  1 O lemma=child", "youngsters NOUN  NNS pobj  1 O lemma=youngster")


@pytest.mark.parametrize("spec", [HOMES_FOR_CHILDREN_AT_RISK, HOMES_HUNG_ON_VERB, HOMES_FOR_YOUNGSTERS_AT_RISK])
def test_stance_cues__phrase__near_miss_a_phrase_that_says_which_people(spec):
    """'Homes for children at risk close': 'at risk' says which children; it is no objection."""
    doc = parse(spec)
    ctx = stance_ctx(doc)
    assert phrase_cues(ctx, clause(ctx, doc[:])) == []


def test_stance_cues__phrase__fires_for_people_left_at_risk():
    """'Closures leave children at risk': the people are what is acted on; the worry stands."""
    doc = parse(LEAVE_CHILDREN_AT_RISK)
    ctx = stance_ctx(doc)
    (cue,) = phrase_cues(ctx, clause(ctx, doc[:]))
    assert (cue.sign, cue.label) == (-1, "at risk")


# "Children are still waiting for a home."
CHILDREN_STILL_WAITING = """
Children   NOUN  NNS nsubj  3 O lemma=child
are        AUX   VBP aux    3 O lemma=be
still      ADV   RB  advmod 3 O
waiting    VERB  VBG ROOT   3 O lemma=wait
for        ADP   IN  prep   3 O
a          DET   DT  det    6 O
home       NOUN  NN  pobj   4 O
.          PUNCT .   punct  3 O
"""


def test_stance_cues__phrase__near_miss_what_people_go_through():
    """'Children are still waiting for a home': what children go through, no plan named, no objection."""
    doc = parse(CHILDREN_STILL_WAITING)
    ctx = stance_ctx(doc)
    assert phrase_cues(ctx, clause(ctx, doc[:])) == []


@pytest.mark.parametrize("old,new", [
    ("Children   NOUN  NNS nsubj  3 O lemma=child", "Ministers  NOUN  NNS nsubj  3 O lemma=minister"),  # not people served
    ("a          DET   DT  det    6 O", "family     NOUN  NN  compound 6 O"),  # a named plan: 'for family help'
])
def test_stance_cues__phrase__fires_for_others_waiting_or_a_named_plan(old, new):
    """'Ministers are still waiting for a home' (not the people the services are for), or 'Children
    are still waiting for family help' (a named plan kept waiting): the complaint stands."""
    spec = CHILDREN_STILL_WAITING.replace(old, new)
    if "family" in new:
        spec = spec.replace("home       NOUN  NN  pobj   4 O", "help       NOUN  NN  pobj   4 O")
    doc = parse(spec)
    ctx = stance_ctx(doc)
    (cue,) = phrase_cues(ctx, clause(ctx, doc[:]))
    assert (cue.sign, cue.label) == (-1, "still waiting")


WELCOMED_DUTY = """
BASW      PROPN NNP nsubj 1 B-ORG
welcomed  VERB  VBD ROOT  1 O lemma=welcome
the       DET   DT  det   4 O
new       ADJ   JJ  amod  4 O
duty      NOUN  NN  dobj  1 O
.         PUNCT .   punct 1 O
"""
DISCUSSED_DUTY = WELCOMED_DUTY.replace("welcomed  VERB  VBD ROOT  1 O lemma=welcome",
                                       "discussed VERB  VBD ROOT  1 O lemma=discuss")


def test_stance_cues__word__fires():
    doc = parse(WELCOMED_DUTY)
    place_actors(doc, (0, 1, "basw"))
    ctx = stance_ctx(doc)
    (cue,) = word_cues(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign, cue.label) == (K.WORD, +1, "welcomed")
    found, sign = score(ctx, clause(ctx, doc[:]))
    assert [c.rule for c in found] == ["word"] and sign == +1


def test_stance_cues__word__near_miss():
    doc = parse(DISCUSSED_DUTY)
    place_actors(doc, (0, 1, "basw"))
    ctx = stance_ctx(doc)
    assert word_cues(ctx, clause(ctx, doc[:])) == []
    assert score(ctx, clause(ctx, doc[:])) == ([], 0)


ONLY_IF = """
Family    NOUN  NN  compound  1 O
help      NOUN  NN  nsubj     4 O
will      AUX   MD  aux       4 O
only      ADV   RB  advmod    4 O
reach     VERB  VB  ROOT      4 O
them      PRON  PRP dobj      4 O lemma=they
if        SCONJ IN  mark      9 O
councils  NOUN  NNS nsubjpass 9 O lemma=council
are       AUX   VBP auxpass   9 O lemma=be
funded    VERB  VBN advcl     4 O lemma=fund
.         PUNCT .   punct     4 O
"""
ONLY_WHEN = ONLY_IF.replace("if        SCONJ IN  mark", "when      SCONJ WRB advmod")


def test_stance_cues__only_if__fires():
    doc = parse(ONLY_IF)
    ctx = stance_ctx(doc)
    (cue,) = only_if(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.ONLY_IF, -1)
    assert cue_rules(ONLY_IF) == ["only-if"]


def test_stance_cues__only_if__near_miss():
    doc = parse(ONLY_WHEN)
    ctx = stance_ctx(doc)
    assert only_if(ctx, clause(ctx, doc[:])) == []
    assert cue_rules(ONLY_WHEN) == []


URGED = """
The        DET   DT  det   1 O
charity    NOUN  NN  nsubj 2 O
urged      VERB  VBD ROOT  2 O lemma=urge
ministers  NOUN  NNS dobj  2 O lemma=minister
to         PART  TO  aux   5 O
extend     VERB  VB  xcomp 2 O
the        DET   DT  det   7 O
allowance  NOUN  NN  dobj  5 O
.          PUNCT .   punct 2 O
"""
URGED_TO_PUBLISH = URGED.replace("extend     VERB  VB  xcomp 2 O", "publish    VERB  VB  xcomp 2 O")


CAP_WONT_SOLVE = """
The     DET   DT  det    1 O
cap     NOUN  NN  nsubj  4 O
wo      AUX   MD  aux    4 O lemma=will
n't     PART  RB  neg    4 O
solve   VERB  VB  ROOT   4 O
the     DET   DT  det    6 O
crisis  NOUN  NN  dobj   4 O
.       PUNCT .   punct  4 O
"""
WE_CANT_SOLVE = CAP_WONT_SOLVE.replace("The     DET   DT  det    1 O", "Alone   ADV   RB  advmod 4 O") \
    .replace("cap     NOUN  NN  nsubj  4 O", "we      PRON  PRP nsubj  4 O")


def test_stance_cues__no_remedy__fires():
    """'The cap won't solve the crisis': the cap is objected to."""
    doc = parse(CAP_WONT_SOLVE)
    ctx = stance_ctx(doc)
    (cue,) = no_remedy(ctx, clause(ctx, doc[:]))
    assert cue.sign == -1
    assert "no-remedy" in cue_rules(CAP_WONT_SOLVE)


def test_stance_cues__no_remedy__near_miss():
    """'We won't solve the crisis alone': the speaker's own limits, no verdict on a plan."""
    doc = parse(WE_CANT_SOLVE)
    ctx = stance_ctx(doc)
    assert no_remedy(ctx, clause(ctx, doc[:])) == []
    assert "no-remedy" not in cue_rules(WE_CANT_SOLVE)


def test_stance_cues__urged__fires():
    doc = parse(URGED)
    ctx = stance_ctx(doc)
    (cue,) = urged(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.URGED, +1) and "extend" in cue.label
    assert cue_rules(URGED) == ["urged"]


def test_stance_cues__urged__near_miss():
    """Pressing someone to publish something asks for answers; it backs nothing."""
    doc = parse(URGED_TO_PUBLISH)
    ctx = stance_ctx(doc)
    assert urged(ctx, clause(ctx, doc[:])) == []
    assert cue_rules(URGED_TO_PUBLISH) == []


ASKED_TO_EXTEND = URGED.replace("urged      VERB  VBD ROOT  2 O lemma=urge", "asked      VERB  VBD ROOT  2 O lemma=ask")
WAS_URGED = """
The        DET   DT  det     1 O
charity    NOUN  NN  nsubjpass 3 O
was        AUX   VBD auxpass 3 O lemma=be
urged      VERB  VBN ROOT    3 O lemma=urge
to         PART  TO  aux     5 O
extend     VERB  VB  xcomp   3 O
the        DET   DT  det     7 O
allowance  NOUN  NN  dobj    5 O
.          PUNCT .   punct   3 O
"""
URGED_TO_JUDGE_HIM = URGED.replace("extend     VERB  VB  xcomp 2 O", "judge      VERB  VB  xcomp 2 O") \
    .replace("the        DET   DT  det   7 O", "fairly     ADV   RB  advmod 5 O") \
    .replace("allowance  NOUN  NN  dobj  5 O", "him        PRON  PRP dobj  5 O")


def test_stance_cues__urged__fires_on_asking_someone_to_act():
    """'The charity asked ministers to extend the allowance': a request presses for it too."""
    doc = parse(ASKED_TO_EXTEND)
    ctx = stance_ctx(doc)
    (cue,) = urged(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.URGED, +1) and "extend" in cue.label


def test_stance_cues__urged__near_miss_pressed_or_an_action_on_a_person():
    """'The charity was urged to extend ...': pressed by others, not pressing; 'urged ministers to
    judge him fairly': an action on a person, no proposal."""
    for spec in (WAS_URGED, URGED_TO_JUDGE_HIM):
        doc = parse(spec)
        ctx = stance_ctx(doc)
        assert urged(ctx, clause(ctx, doc[:])) == []


CALL_ON_TO_EXTEND = """
Charities  NOUN  NNS nsubj 1 O lemma=charity
call       VERB  VBP ROOT  1 O
on         ADP   IN  prep  1 O
ministers  NOUN  NNS pobj  2 O lemma=minister
to         PART  TO  aux   5 O
extend     VERB  VB  advcl 1 O
the        DET   DT  det   7 O
allowance  NOUN  NN  dobj  5 O
.          PUNCT .   punct 1 O
"""


def test_stance_cues__urged__fires_on_an_action_parsed_as_a_clause_of_call_on():
    """'Charities call on ministers to extend the allowance', the action parsed as a clause of
    'call' after the 'on' of who is called on: pressed for; without that 'on' ('Charities call to
    extend ...') 'call' presses no one."""
    doc = parse(CALL_ON_TO_EXTEND)
    ctx = stance_ctx(doc)
    (cue,) = urged(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.URGED, +1) and "extend" in cue.label
    near = parse(CALL_ON_TO_EXTEND.replace("on         ADP   IN  prep  1 O", "now        ADV   RB  advmod 1 O"))
    ctx = stance_ctx(near)
    assert urged(ctx, clause(ctx, near[:])) == []


# ---------------------------------------------------------------- stance.grants
NOT_ACCEPT = """
She     PRON  PRP nsubj 3 O
did     AUX   VBD aux   3 O lemma=do
not     PART  RB  neg   3 O
accept  VERB  VB  ROOT  3 O
claims  NOUN  NNS dobj  3 O lemma=claim
that    SCONJ IN  mark  9 O
the     DET   DT  det   7 O
teams   NOUN  NNS nsubj 9 O lemma=team
would   AUX   MD  aux   9 O
fail    VERB  VB  acl   4 O
.       PUNCT .   punct 3 O
"""
DID_ACCEPT = """
She     PRON  PRP nsubj 2 O
did     AUX   VBD aux   2 O lemma=do
accept  VERB  VB  ROOT  2 O
claims  NOUN  NNS dobj  2 O lemma=claim
that    SCONJ IN  mark  8 O
the     DET   DT  det   6 O
teams   NOUN  NNS nsubj 8 O lemma=team
would   AUX   MD  aux   8 O
fail    VERB  VB  acl   3 O
.       PUNCT .   punct 2 O
"""


def test_stance_grants__refused_objection__fires():
    doc = parse(NOT_ACCEPT)
    ctx = stance_ctx(doc)
    cue = refused_objection(ctx, doc[3], clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.GRANT, +1)
    assert GRANTS.first(ctx, doc[3], clause(ctx, doc[:])) == cue
    assert "refused-objection" in cue_rules(NOT_ACCEPT)


def test_stance_grants__refused_objection__near_miss():
    doc = parse(DID_ACCEPT)
    ctx = stance_ctx(doc)
    assert refused_objection(ctx, doc[2], clause(ctx, doc[:])) is None
    assert "refused-objection" not in cue_rules(DID_ACCEPT)


ASKED_NOT_ACCEPT = """
Asked     VERB  VBN advcl    6 O lemma=ask
if        SCONJ IN  mark     3 O
it        PRON  PRP nsubj    3 O
failed    VERB  VBD advcl    0 O lemma=fail
,         PUNCT ,   punct    6 O
she       PRON  PRP nsubj    6 O
said      VERB  VBD ROOT     6 O lemma=say
I         PRON  PRP nsubj    10 O
do        AUX   VBP aux      10 O
not       PART  RB  neg      10 O
accept    VERB  VB  ccomp    6 O
that      PRON  DT  dobj     10 O
.         PUNCT .   punct    6 O
"""
TOLD_NOT_ACCEPT = ASKED_NOT_ACCEPT.replace("Asked     VERB  VBN advcl    6 O lemma=ask",
                                           "Told      VERB  VBN advcl    6 O lemma=tell")


def test_stance_grants__refused_question__fires():
    """'Asked if it failed, she said I do not accept that': refusing the question's objection is support."""
    doc = parse(ASKED_NOT_ACCEPT)
    ctx = stance_ctx(doc)
    assert refused_question(ctx, doc[10], clause(ctx, doc[:])).sign == +1
    assert "refused-question" in cue_rules(ASKED_NOT_ACCEPT)


def test_stance_grants__refused_question__near_miss():
    """'Told it failed, ...': no question was put, so nothing put is refused."""
    doc = parse(TOLD_NOT_ACCEPT)
    ctx = stance_ctx(doc)
    assert refused_question(ctx, doc[10], clause(ctx, doc[:])) is None
    assert "refused-question" not in cue_rules(TOLD_NOT_ACCEPT)


# ---------------------------------------------------------------- stance.not-a-cue
FAMILY_SUPPORT = """
Family   NOUN  NN  compound  1 O
support  NOUN  NN  nsubjpass 3 O
is       AUX   VBZ auxpass   3 O lemma=be
offered  VERB  VBN ROOT      3 O lemma=offer
to       ADP   IN  dative    3 O
every    DET   DT  det       6 O
parent   NOUN  NN  pobj      4 O
.        PUNCT .   punct     3 O
"""
MINISTERS_SUPPORT = """
Ministers  NOUN  NNS nsubj  1 O lemma=minister
support    VERB  VBP ROOT   1 O
the        DET   DT  det    3 O
offer      NOUN  NN  dobj   1 O
to         ADP   IN  dative 1 O
every      DET   DT  det    6 O
parent     NOUN  NN  pobj   4 O
.          PUNCT .   punct  1 O
"""


def test_stance_not_a_cue__part_of_speech__fires():
    """'support' the noun is a service, not a position ([stance.pos] limits it to verbs and adjectives)."""
    doc = parse(FAMILY_SUPPORT)
    ctx = stance_ctx(doc)
    assert wrong_part_of_speech(ctx, doc[1], +1)
    assert vetoes(ctx, doc[1], +1) == ["part-of-speech"]
    assert word_cue(FAMILY_SUPPORT, 1) is None


def test_stance_not_a_cue__part_of_speech__near_miss():
    doc = parse(MINISTERS_SUPPORT)
    ctx = stance_ctx(doc)
    assert not wrong_part_of_speech(ctx, doc[1], +1)
    assert word_cue(MINISTERS_SUPPORT, 1).sign == +1


BACKED_BY = """
A           DET   DT  det   1 O
survey      NOUN  NN  nsubj 5 O
backed      VERB  VBN acl   1 O lemma=back
by          ADP   IN  agent 2 O
interviews  NOUN  NNS pobj  3 O lemma=interview
found       VERB  VBD ROOT  5 O lemma=find
rising      VERB  VBG amod  7 O lemma=rise
caseloads   NOUN  NNS dobj  5 O lemma=caseload
.           PUNCT .   punct 5 O
"""
WAS_BACKED = """
The         DET   DT  det       1 O
survey      NOUN  NN  nsubjpass 3 O
was         AUX   VBD auxpass   3 O lemma=be
backed      VERB  VBN ROOT      3 O lemma=back
by          ADP   IN  agent     3 O
interviews  NOUN  NNS pobj      4 O lemma=interview
.           PUNCT .   punct     3 O
"""


def test_stance_not_a_cue__description__fires():
    doc = parse(BACKED_BY)
    ctx = stance_ctx(doc)
    assert description(ctx, doc[2], +1)
    assert vetoes(ctx, doc[2], +1) == ["description"]
    assert word_cue(BACKED_BY, 2) is None


def test_stance_not_a_cue__description__near_miss():
    doc = parse(WAS_BACKED)
    ctx = stance_ctx(doc)
    assert not description(ctx, doc[3], +1)
    assert word_cue(WAS_BACKED, 3).sign == +1


INTRODUCED = """
The         DET   DT  det       1 O
changes     NOUN  NNS nsubjpass 3 O lemma=change
were        AUX   VBD auxpass   3 O lemma=be
introduced  VERB  VBN ROOT      3 O lemma=introduce
in          ADP   IN  prep      3 O
2014        NUM   CD  pobj      4 B-DATE
.           PUNCT .   punct     3 O
"""
INTRODUCED_BY = """
The         DET   DT  det       1 O
changes     NOUN  NNS nsubjpass 3 O lemma=change
were        AUX   VBD auxpass   3 O lemma=be
introduced  VERB  VBN ROOT      3 O lemma=introduce
by          ADP   IN  agent     3 O
ministers   NOUN  NNS pobj      4 O lemma=minister
in          ADP   IN  prep      3 O
2014        NUM   CD  pobj      6 B-DATE
.           PUNCT .   punct     3 O
"""


def test_stance_not_a_cue__record__fires():
    doc = parse(INTRODUCED)
    ctx = stance_ctx(doc)
    assert record_of_events(ctx, doc[3], +1)
    assert vetoes(ctx, doc[3], +1) == ["record"]
    assert word_cue(INTRODUCED, 3) is None


def test_stance_not_a_cue__record__near_miss():
    """With an agent, someone put the changes forward: that is support."""
    doc = parse(INTRODUCED_BY)
    ctx = stance_ctx(doc)
    assert not record_of_events(ctx, doc[3], +1)
    assert word_cue(INTRODUCED_BY, 3).sign == +1


CONFIRMED_U_TURN = """
The        DET   DT  det    1 O
minister   NOUN  NN  nsubj  2 O
confirmed  VERB  VBD ROOT   2 O lemma=confirm
the        DET   DT  det    6 O
u          NOUN  NN  dobj   2 O
-          NOUN  NN  dobj   2 O
turn       NOUN  NN  dobj   2 O
.          PUNCT .   punct  2 O
"""


def test_stance_not_a_cue__withdrawal__fires():
    """'The minister confirmed the u-turn': going back on a plan backs none."""
    from argmap.nlp.rules.stance import withdrawal

    doc = parse(CONFIRMED_U_TURN)
    ctx = stance_ctx(doc)
    assert withdrawal(ctx, doc[2], +1) and vetoes(ctx, doc[2], +1) == ["withdrawal"]
    assert word_cue(CONFIRMED_U_TURN, 2) is None


def test_stance_not_a_cue__withdrawal__near_miss():
    """'The minister confirmed the plan': putting a plan forward backs it."""
    from argmap.nlp.rules.stance import withdrawal

    spec = CONFIRMED_U_TURN.replace("u          NOUN  NN  dobj   2 O\n-          NOUN  NN  dobj   2 O\nturn       NOUN  NN  dobj",
                                    "plan       NOUN  NN  dobj   2 O\n,          PUNCT ,   punct  2 O\nnow        ADV   RB  advmod")
    doc = parse(spec)
    ctx = stance_ctx(doc)
    assert not withdrawal(ctx, doc[2], +1) and word_cue(spec, 2).sign == +1


SUPPORT_FAMILIES = """
The       DET   DT  det   1 O
teams     NOUN  NNS nsubj 3 O lemma=team
will      AUX   MD  aux   3 O
support   VERB  VB  ROOT  3 O
families  NOUN  NNS dobj  3 O lemma=family
in        ADP   IN  prep  3 O
crisis    NOUN  NN  pobj  5 O
.         PUNCT .   punct 3 O
"""
SUPPORT_PLAN = """
The       DET   DT  det   1 O
teams     NOUN  NNS nsubj 3 O lemma=team
will      AUX   MD  aux   3 O
support   VERB  VB  ROOT  3 O
the       DET   DT  det   5 O
plan      NOUN  NN  dobj  3 O
in        ADP   IN  prep  3 O
full      ADJ   JJ  pobj  6 O
.         PUNCT .   punct 3 O
"""


def test_stance_not_a_cue__service__fires():
    doc = parse(SUPPORT_FAMILIES)
    ctx = stance_ctx(doc)
    assert service(ctx, doc[3], +1)
    assert vetoes(ctx, doc[3], +1) == ["service"]
    assert word_cue(SUPPORT_FAMILIES, 3) is None


def test_stance_not_a_cue__service__near_miss():
    doc = parse(SUPPORT_PLAN)
    ctx = stance_ctx(doc)
    assert not service(ctx, doc[3], +1)
    assert word_cue(SUPPORT_PLAN, 3).sign == +1


WELCOME_FAMILY_HELP = """
We        PRON  PRP nsubj  1 O
welcome   VERB  VBP ROOT   1 O
the       DET   DT  det    3 O
family    NOUN  NN  dobj   1 O
help      VERB  VB  advcl  1 O
services  NOUN  NNS dobj   4 O lemma=service
.         PUNCT .   punct  1 O
"""


def test_stance_not_a_cue__service__near_miss_people_in_a_proposal_name():
    """A parse that makes 'family' of 'family help' the object is no service to families."""
    doc = parse(WELCOME_FAMILY_HELP)
    ctx = stance_ctx(doc)
    assert not service(ctx, doc[1], +1)
    assert word_cue(WELCOME_FAMILY_HELP, 1).sign == +1


ANSWERED = """
Responding  VERB  VBG advcl    6 O lemma=respond
to          ADP   IN  prep     0 O
concerns    NOUN  NNS pobj     1 O lemma=concern
,           PUNCT ,   punct    6 O
the         DET   DT  det      5 O
minister    NOUN  NN  nsubj    6 O
said        VERB  VBD ROOT     6 O lemma=say
.           PUNCT .   punct    6 O
"""
LISTENING = ANSWERED.replace("Responding  VERB  VBG advcl    6 O lemma=respond",
                             "Listening   VERB  VBG advcl    6 O lemma=listen")


def test_stance_not_a_cue__answered__fires():
    """'Responding to concerns, the minister said': the concerns are the other side's."""
    doc = parse(ANSWERED)
    ctx = stance_ctx(doc)
    assert answered(ctx, doc[2], -1)
    assert vetoes(ctx, doc[2], -1) == ["answered"]
    assert word_cue(ANSWERED, 2) is None


def test_stance_not_a_cue__answered__near_miss():
    """'Listening to concerns' answers nobody: the word is a cue as usual."""
    doc = parse(LISTENING)
    assert not answered(stance_ctx(doc), doc[2], -1)
    assert word_cue(LISTENING, 2).sign == -1


COMMENTING_ON = """
Commenting     VERB  VBG  advcl     10  O lemma=comment
on             ADP   IN   prep      0   O
plans          NOUN  NNS  pobj      1   O lemma=plan
to             PART  TO   aux       4   O
introduce      VERB  VB   acl       2   O
a              DET   DT   det       6   O
cap            NOUN  NN   dobj      4   O
,              PUNCT ,    punct     10  O
Jo             PROPN NNP  compound  9   B-PERSON
Bell           PROPN NNP  nsubj     10  I-PERSON
said           VERB  VBD  ROOT      10  O lemma=say
councils       NOUN  NNS  nsubj     12  O lemma=council
agreed         VERB  VBD  ccomp     10  O lemma=agree
.              PUNCT .    punct     10  O
"""
WORKING_ON = COMMENTING_ON.replace("Commenting     VERB  VBG  advcl     10  O lemma=comment",
                                   "Working        VERB  VBG  advcl     10  O lemma=work")


def test_stance_not_a_cue__answered__fires_on_what_is_commented_on():
    """'Commenting on plans to introduce a cap, Jo Bell said': 'introduce' is in what she comments
    on, no proposal she puts forward."""
    doc = parse(COMMENTING_ON)
    ctx = stance_ctx(doc)
    assert answered(ctx, doc[4], +1) and vetoes(ctx, doc[4], +1) == ["answered"]
    assert word_cue(COMMENTING_ON, 4) is None


def test_stance_not_a_cue__answered__near_miss_working_on():
    """'Working on plans to introduce a cap': working on something answers nobody."""
    doc = parse(WORKING_ON)
    assert not answered(stance_ctx(doc), doc[4], +1)
    assert word_cue(WORKING_ON, 4).sign == +1


ASKED_IF = """
Asked     VERB  VBN advcl    6 O lemma=ask
if        SCONJ IN  mark     3 O
it        PRON  PRP nsubj    3 O
failed    VERB  VBD advcl    0 O lemma=fail
,         PUNCT ,   punct    6 O
she       PRON  PRP nsubj    6 O
said      VERB  VBD ROOT     6 O lemma=say
no        INTJ  UH  ccomp    6 O
.         PUNCT .   punct    6 O
"""
TOLD_IT_FAILED = ASKED_IF.replace("Asked     VERB  VBN advcl    6 O lemma=ask", "Told      VERB  VBN advcl    6 O lemma=tell")


NOT_ACCEPT_RUSHED = """
I        PRON  PRP nsubj  3 O
do       AUX   VBP aux    3 O
not      PART  RB  neg    3 O
accept   VERB  VB  ROOT   3 O
that     SCONJ IN  mark   7 O
the      DET   DT  det    6 O
plans    NOUN  NNS nsubj  7 O lemma=plan
are      AUX   VBP ccomp  3 O lemma=be
rushed   ADJ   JJ  acomp  7 O lemma=rushed
.        PUNCT .   punct  3 O
"""
WOULDNT_EXPECT_RUSHED = """
You      PRON  PRP nsubj  3 O
would    AUX   MD  aux    3 O
n't      PART  RB  neg    3 O
expect   VERB  VB  ROOT   3 O
me       PRON  PRP nsubj  6 O lemma=I
to       PART  TO  aux    6 O
think    VERB  VB  ccomp  3 O
the      DET   DT  det    8 O
plans    NOUN  NNS nsubj  9 O lemma=plan
were     AUX   VBD ccomp  3 O lemma=be
rushed   ADJ   JJ  acomp  9 O lemma=rushed
.        PUNCT .   punct  3 O
"""


def test_stance_not_a_cue__denied__fires():
    """'I do not accept that the plans are rushed', 'You wouldn't expect me to think the plans were
    rushed': the objection is denied, not raised."""
    for spec, at in ((NOT_ACCEPT_RUSHED, 8), (WOULDNT_EXPECT_RUSHED, 10)):
        doc = parse(spec)
        ctx = stance_ctx(doc)
        assert denied(ctx, doc[at], -1) and "denied" in vetoes(ctx, doc[at], -1)
        assert word_cue(spec, at) is None


def test_stance_not_a_cue__denied__near_miss():
    """'I accept that the plans are rushed' grants it: an objection as usual; a support word is no
    denial either."""
    spec = NOT_ACCEPT_RUSHED.replace("not      PART  RB  neg    3 O", "now      ADV   RB  advmod 3 O")
    doc = parse(spec)
    assert not denied(stance_ctx(doc), doc[8], -1)
    assert word_cue(spec, 8).sign == -1
    doc = parse(NOT_ACCEPT_RUSHED)
    assert not denied(stance_ctx(doc), doc[8], +1)


DESPITE_CRITICISM = """
Despite  ADP   IN  prep   4 O
the      DET   DT  det    2 O
opposition NOUN NN pobj   0 O
,        PUNCT ,   punct  4 O
councils NOUN  NNS nsubj  4 O lemma=council
backed   VERB  VBD ROOT   4 O lemma=back
the      DET   DT  det    6 O
plan     NOUN  NN  dobj   4 O
.        PUNCT .   punct  4 O
"""


def test_stance_not_a_cue__overridden__fires():
    """'Despite the opposition, councils backed the plan': the opposition is set aside, not raised."""
    doc = parse(DESPITE_CRITICISM)
    ctx = stance_ctx(doc)
    assert overridden(ctx, doc[2], -1) and "overridden" in vetoes(ctx, doc[2], -1)
    assert word_cue(DESPITE_CRITICISM, 2) is None
    assert word_cue(DESPITE_CRITICISM, 5).sign == 1


def test_stance_not_a_cue__overridden__near_miss():
    """'Amid the opposition, ...' sets nothing aside: an objection as usual."""
    spec = DESPITE_CRITICISM.replace("Despite  ADP", "Amid     ADP")
    doc = parse(spec)
    assert not overridden(stance_ctx(doc), doc[2], -1)
    assert word_cue(spec, 2).sign == -1


def test_stance_not_a_cue__asked__fires():
    """'Asked if it failed, she said no': 'failed' is the question's, not her answer."""
    doc = parse(ASKED_IF)
    ctx = stance_ctx(doc)
    assert asked(ctx, doc[3], -1)
    assert vetoes(ctx, doc[3], -1) == ["asked"]
    assert word_cue(ASKED_IF, 3) is None


def test_stance_not_a_cue__asked__near_miss():
    """'Told it failed, ...': no question is put; the word is a cue as usual."""
    doc = parse(TOLD_IT_FAILED)
    assert not asked(stance_ctx(doc), doc[3], -1)
    assert word_cue(TOLD_IT_FAILED, 3).sign == -1


ASKS_HOW = """
The       DET   DT  det      1 O
panel     NOUN  NN  nsubj    2 O
asks      VERB  VBZ ROOT     2 O lemma=ask
how       SCONJ WRB advmod   6 O
families  NOUN  NNS nsubjpass 6 O lemma=family
are       AUX   VBP auxpass  6 O lemma=be
supported VERB  VBN ccomp    2 O lemma=support
?         PUNCT .   punct    2 O
"""
SAYS_FAMILIES = ASKS_HOW.replace("asks      VERB  VBZ ROOT     2 O lemma=ask", "says      VERB  VBZ ROOT     2 O lemma=say")


def test_stance_not_a_cue__asked__fires_on_a_question_the_speaker_asks():
    """'The panel asks how families are supported': a question, nobody's position."""
    doc = parse(ASKS_HOW)
    assert asked(stance_ctx(doc), doc[6], 1)
    assert word_cue(ASKS_HOW, 6) is None


def test_stance_not_a_cue__asked__near_miss_a_statement():
    """'The panel says how families are supported': told, not asked; the word is a cue as usual."""
    doc = parse(SAYS_FAMILIES)
    assert not asked(stance_ctx(doc), doc[6], 1)
    assert word_cue(SAYS_FAMILIES, 6).sign == 1


HOUSEHOLDS_STRUGGLE = """
Many        ADJ   JJ  amod   1 O
households  NOUN  NNS nsubj  2 O lemma=household
struggle    VERB  VBP ROOT   2 O
to          PART  TO  aux    4 O
pay         VERB  VB  xcomp  2 O
.           PUNCT .   punct  2 O
"""
WE_STRUGGLE = HOUSEHOLDS_STRUGGLE.replace("Many        ADJ   JJ  amod   1 O", "Truly       ADV   RB  advmod 2 O") \
    .replace("households  NOUN  NNS nsubj  2 O lemma=household", "we          PRON  PRP nsubj  2 O")
CONCERNS_ABOUT_CARERS = """
She         PRON  PRP nsubj  1 O
raised      VERB  VBD ROOT   1 O lemma=raise
concerns    NOUN  NNS dobj   1 O lemma=concern
about       ADP   IN  prep   2 O
kinship     NOUN  NN  compound 5 O
carers      NOUN  NNS pobj   3 O lemma=carer
.           PUNCT .   punct  1 O
"""
CONCERNS_ABOUT_ALLOWANCE = CONCERNS_ABOUT_CARERS.replace("carers      NOUN  NNS pobj   3 O lemma=carer",
                                                         "allowance   NOUN  NN  pobj   3 O")


FAMILIES_WITH_PROBLEMS = """
Help        NOUN  NN  nsubj  1 O
reaches     VERB  VBZ ROOT   1 O lemma=reach
families    NOUN  NNS dobj   1 O lemma=family
struggling  VERB  VBG acl    2 O lemma=struggle
with        ADP   IN  prep   3 O
problems    NOUN  NNS pobj   4 O lemma=problem
.           PUNCT .   punct  1 O
"""
PLAN_WITH_PROBLEMS = """
The         DET   DT  det    1 O
plan        NOUN  NN  nsubj  2 O
comes       VERB  VBZ ROOT   2 O lemma=come
with        ADP   IN  prep   2 O
problems    NOUN  NNS pobj   3 O lemma=problem
.           PUNCT .   punct  2 O
"""


def test_stance_not_a_cue__peoples_troubles__fires():
    """'Help reaches families struggling with problems': the problems are the families', no objection;
    so with the participle gone ('families with problems')."""
    doc = parse(FAMILIES_WITH_PROBLEMS)
    assert peoples_troubles(stance_ctx(doc), doc[5], -1)
    assert word_cue(FAMILIES_WITH_PROBLEMS, 5) is None
    bare = FAMILIES_WITH_PROBLEMS.replace("struggling  VERB  VBG acl    2 O lemma=struggle\n", "").replace(
        "with        ADP   IN  prep   3 O", "with        ADP   IN  prep   2 O").replace(
        "problems    NOUN  NNS pobj   4 O", "problems    NOUN  NNS pobj   3 O")
    doc = parse(bare)
    assert doc[3].text == "with" and peoples_troubles(stance_ctx(doc), doc[4], -1)


def test_stance_not_a_cue__peoples_troubles__near_miss_a_plan_with_problems():
    """'The plan comes with problems': an objection."""
    doc = parse(PLAN_WITH_PROBLEMS)
    assert not peoples_troubles(stance_ctx(doc), doc[4], -1)
    assert word_cue(PLAN_WITH_PROBLEMS, 4).sign == -1


def test_stance_not_a_cue__worry_for_people__fires():
    """'She raised concerns about kinship carers': care for them, no objection."""
    doc = parse(CONCERNS_ABOUT_CARERS)
    ctx = stance_ctx(doc)
    assert worry_for_people(ctx, doc[2], -1)
    assert word_cue(CONCERNS_ABOUT_CARERS, 2) is None


def test_stance_not_a_cue__worry_for_people__near_miss_a_worry_about_a_plan():
    """'She raised concerns about the kinship allowance': an objection to it."""
    doc = parse(CONCERNS_ABOUT_ALLOWANCE)
    assert not worry_for_people(stance_ctx(doc), doc[2], -1)
    assert word_cue(CONCERNS_ABOUT_ALLOWANCE, 2).sign == -1


def test_stance_not_a_cue__worry_for_people__near_miss_a_quality_of_the_people():
    """'She raised concerns about unqualified carers': a worry about what they lack, an objection."""
    spec = CONCERNS_ABOUT_CARERS.replace("kinship     NOUN  NN  compound 5 O", "unqualified ADJ   JJ  amod     5 O")
    doc = parse(spec)
    assert not worry_for_people(stance_ctx(doc), doc[2], -1)
    assert word_cue(spec, 2).sign == -1


CUSTOMERS_WHO_STRUGGLE = """
a           DET   DT  det    1 O
net         NOUN  NN  ROOT   1 O
for         ADP   IN  prep   1 O
customers   NOUN  NNS pobj   2 O lemma=customer
who         PRON  WP  nsubj  6 O
will        AUX   MD  aux    6 O
struggle    VERB  VB  relcl  3 O
.           PUNCT .   punct  1 O
"""
THEY_STRUGGLE = """
We        PRON  PRP nsubj  1 O
hear      VERB  VBP ROOT   1 O
from      ADP   IN  prep   1 O
people    NOUN  NNS pobj   2 O lemma=person
that      SCONJ IN  mark   6 O
they      PRON  PRP nsubj  6 O
struggle  VERB  VBP ccomp  1 O
.         PUNCT .   punct  1 O
"""
FAMILIES_STRUGGLE_WITH_PLAN = """
Families    NOUN  NNS nsubj  1 O lemma=family
struggle    VERB  VBP ROOT   1 O
with        ADP   IN  prep   1 O
family      NOUN  NN  compound 4 O
help        NOUN  NN  pobj   2 O
.           PUNCT .   punct  1 O
"""


def test_stance_not_a_cue__hardship__fires():
    """'Many households struggle to pay': their need, not an objection to anything."""
    doc = parse(HOUSEHOLDS_STRUGGLE)
    ctx = stance_ctx(doc)
    assert hardship(ctx, doc[2], -1)
    assert vetoes(ctx, doc[2], -1) == ["hardship"]
    assert word_cue(HOUSEHOLDS_STRUGGLE, 2) is None


# 'Help for families struggling with debt through family help.': the participle only says which families
FAMILIES_STRUGGLING_FAMILY_HELP = """
Help        NOUN  NN  ROOT     0 O
for         ADP   IN  prep     0 O
families    NOUN  NNS pobj     1 O lemma=family
struggling  VERB  VBG acl      2 O lemma=struggle
with        ADP   IN  prep     3 O
debt        NOUN  NN  pobj     4 O
through     ADP   IN  prep     0 O
family      NOUN  NN  compound 8 O
help        NOUN  NN  pobj     6 O
.           PUNCT .   punct    0 O
"""
# 'Families will struggle under family help.': what the plan does to them
FAMILIES_STRUGGLE_UNDER = """
Families    NOUN  NNS nsubj    2 O lemma=family
will        AUX   MD  aux      2 O
struggle    VERB  VB  ROOT     2 O
under       ADP   IN  prep     2 O
family      NOUN  NN  compound 5 O
help        NOUN  NN  pobj     3 O
.           PUNCT .   punct    2 O
"""


def test_stance_not_a_cue__hardship__fires_on_a_participle_describing_people_beside_a_plan():
    """'families struggling with debt' only says which families, even in a sentence naming a plan."""
    doc = parse(FAMILIES_STRUGGLING_FAMILY_HELP)
    assert hardship(stance_ctx(doc), doc[3], -1)
    assert word_cue(FAMILIES_STRUGGLING_FAMILY_HELP, 3) is None


def test_stance_not_a_cue__hardship__near_miss_people_struggling_under_a_plan():
    """'Families will struggle under family help': the plan's doing, an objection."""
    doc = parse(FAMILIES_STRUGGLE_UNDER)
    assert not hardship(stance_ctx(doc), doc[2], -1)
    assert word_cue(FAMILIES_STRUGGLE_UNDER, 2).sign == -1


def test_stance_not_a_cue__hardship__fires_through_a_relative_pronoun():
    """'customers who will struggle': 'who' stands for the customers."""
    doc = parse(CUSTOMERS_WHO_STRUGGLE)
    assert hardship(stance_ctx(doc), doc[6], -1)
    assert word_cue(CUSTOMERS_WHO_STRUGGLE, 6) is None


def test_stance_not_a_cue__hardship__fires_on_they_for_people():
    """'people on low incomes ... they struggle': 'they' are the people named before it."""
    doc = parse(THEY_STRUGGLE)
    assert hardship(stance_ctx(doc), doc[6], -1)
    assert word_cue(THEY_STRUGGLE, 6) is None


THOUSANDS_FAILED = """
Thousands  NOUN  NNS nsubjpass 5 O lemma=thousand
of         ADP   IN  prep      0 O
children   NOUN  NNS pobj      1 O lemma=child
have       AUX   VBP aux       5 O lemma=have
been       AUX   VBN auxpass   5 O lemma=be
failed     VERB  VBN ROOT      5 O lemma=fail
.          PUNCT .   punct     5 O
"""
THOUSANDS_OF_PROVIDERS_FAILED = THOUSANDS_FAILED.replace("children   NOUN  NNS pobj      1 O lemma=child",
                                                         "providers  NOUN  NNS pobj      1 O lemma=provider")


def test_stance_not_a_cue__hardship__fires_on_people_counted():
    """'Thousands of children have been failed': a harm the children suffered, not an objection."""
    doc = parse(THOUSANDS_FAILED)
    assert hardship(stance_ctx(doc), doc[5], -1)
    assert word_cue(THOUSANDS_FAILED, 5) is None


def test_stance_not_a_cue__hardship__near_miss_others_counted():
    """'Thousands of providers have failed': no people in need; the word still objects."""
    doc = parse(THOUSANDS_OF_PROVIDERS_FAILED)
    assert not hardship(stance_ctx(doc), doc[5], -1)
    assert word_cue(THOUSANDS_OF_PROVIDERS_FAILED, 5).sign == -1


def test_stance_not_a_cue__hardship__near_miss_they_for_councils():
    """'we hear from providers that they struggle': 'they' are providers, who object."""
    doc = parse(THEY_STRUGGLE.replace("people    NOUN  NNS pobj   2 O lemma=person",
                                      "providers NOUN  NNS pobj   2 O lemma=provider"))
    assert not hardship(stance_ctx(doc), doc[6], -1)


def test_stance_not_a_cue__hardship__near_miss_the_speakers_own():
    """'We struggle to ...' is the speaker's own difficulty with something: still an objection."""
    doc = parse(WE_STRUGGLE)
    assert not hardship(stance_ctx(doc), doc[2], -1)
    assert word_cue(WE_STRUGGLE, 2).sign == -1


def test_stance_not_a_cue__hardship__near_miss_a_named_plan():
    """People struggling with a named proposal object to it."""
    doc = parse(FAMILIES_STRUGGLE_WITH_PLAN)
    assert not hardship(stance_ctx(doc), doc[1], -1)
    assert word_cue(FAMILIES_STRUGGLE_WITH_PLAN, 1).sign == -1


AS_CRITICS_FEARED = """
It        PRON  PRP nsubj  1 O
is        AUX   VBZ ROOT   1 O lemma=be
no        DET   DT  det    4 O
rushed    ADJ   JJ  amod   4 O
job       NOUN  NN  attr   1 O
as        SCONJ IN  mark   8 O
some      DET   DT  det    7 O
critics   NOUN  NNS nsubj  8 O lemma=critic
feared    VERB  VBD advcl  1 O lemma=fear
.         PUNCT .   punct  1 O
"""
AS_BASW_FEARED = AS_CRITICS_FEARED.replace("some      DET   DT  det    7 O", "the       DET   DT  det    7 O") \
    .replace("critics   NOUN  NNS nsubj  8 O lemma=critic", "union     NOUN  NN  nsubj  8 O")


def test_stance_not_a_cue__as_others_feared__fires():
    """'..., as some critics feared': the fear is the critics', set against the speaker's view."""
    doc = parse(AS_CRITICS_FEARED)
    ctx = stance_ctx(doc)
    assert as_others_feared(ctx, doc[8], -1)
    assert vetoes(ctx, doc[8], -1) == ["as-others-feared"]
    assert word_cue(AS_CRITICS_FEARED, 8) is None


def test_stance_not_a_cue__as_others_feared__near_miss_a_named_subject():
    """'as the union feared', the union being an actor: not unnamed others."""
    doc = parse(AS_BASW_FEARED)
    place_actors(doc, (6, 7, "basw"))
    ctx = stance_ctx(doc)
    assert not as_others_feared(ctx, doc[8], -1)
    assert [c.sign for c in word_cues(ctx, clause(ctx, doc[:])) if c.label.endswith("feared")] == [-1]


AS_UNION_WARNED = """
Services  NOUN  NNS nsubj  1 O lemma=service
crumble   VERB  VBP ROOT   1 O
as        SCONJ IN  mark   5 O
the       DET   DT  det    4 O
union     NOUN  NN  nsubj  5 O
warned    VERB  VBD advcl  1 O lemma=warn
.         PUNCT .   punct  1 O
"""
UNION_WARNED = """
The       DET   DT  det    1 O
union     NOUN  NN  nsubj  2 O
warned    VERB  VBD ROOT   2 O lemma=warn
services  NOUN  NNS nsubj  4 O lemma=service
crumble   VERB  VBP ccomp  2 O
.         PUNCT .   punct  2 O
"""


def test_stance_not_a_cue__as_named_said__fires():
    """'..., as the union warned', the union an actor: who agrees with the sentence, not a stance."""
    doc = parse(AS_UNION_WARNED)
    place_actors(doc, (3, 5, "basw"))
    ctx = stance_ctx(doc)
    assert as_named_said(ctx, doc[5], -1)
    assert vetoes(ctx, doc[5], -1) == ["as-named-said"]


def test_stance_not_a_cue__as_named_said__near_miss_said_plainly():
    """'The union warned services crumble': the warning is the sentence's own objection."""
    doc = parse(UNION_WARNED)
    place_actors(doc, (0, 2, "basw"))
    ctx = stance_ctx(doc)
    assert not as_named_said(ctx, doc[2], -1)
    assert vetoes(ctx, doc[2], -1) == []


FAILING_COMPANIES = """
Failing    VERB  VBG amod   1 O lemma=fail
companies  NOUN  NNS nsubj  3 O lemma=company
could      AUX   MD  aux    3 O
dodge      VERB  VB  ROOT   3 O
the        DET   DT  det    5 O
fines      NOUN  NNS dobj   3 O lemma=fine
.          PUNCT .   punct  3 O
"""
FAILING_PLAN = FAILING_COMPANIES.replace("companies  NOUN  NNS nsubj  3 O lemma=company", "plans      NOUN  NNS nsubj  3 O lemma=plan")


def test_stance_not_a_cue__state_of_a_thing__fires():
    """'Failing companies could dodge the fines': the companies' state, no objection to a plan."""
    doc = parse(FAILING_COMPANIES)
    ctx = stance_ctx(doc)
    assert state_of_a_thing(ctx, doc[0], -1)
    assert vetoes(ctx, doc[0], -1) == ["state-of-a-thing"]
    assert word_cue(FAILING_COMPANIES, 0) is None


def test_stance_not_a_cue__state_of_a_thing__near_miss_a_plan():
    """'Failing plans ...': said of plans, it objects."""
    doc = parse(FAILING_PLAN)
    assert not state_of_a_thing(stance_ctx(doc), doc[0], -1)
    assert word_cue(FAILING_PLAN, 0).sign == -1


def test_stance_not_a_cue__state_of_a_thing__an_adjective_of_the_system():
    """'Overwhelmed systems ...' (an objection word describing the present arrangements) tell a state;
    the same adjective of something else ('overwhelmed companies'), and a past participle ('failed
    companies', a verdict), are left to the other rules."""
    systems = FAILING_COMPANIES.replace("Failing    VERB  VBG amod   1 O lemma=fail", "Overwhelmed ADJ  JJ  amod   1 O") \
        .replace("companies  NOUN  NNS nsubj  3 O lemma=company", "systems    NOUN  NNS nsubj  3 O lemma=system")
    doc = parse(systems)
    assert state_of_a_thing(stance_ctx(doc), doc[0], -1)
    for near in (FAILING_COMPANIES.replace("Failing    VERB  VBG amod   1 O lemma=fail", "Overwhelmed ADJ  JJ  amod   1 O"),
                 FAILING_COMPANIES.replace("Failing    VERB  VBG amod   1 O lemma=fail", "Failed     VERB  VBN amod   1 O lemma=fail")):
        doc = parse(near)
        assert not state_of_a_thing(stance_ctx(doc), doc[0], -1)


DFE_ANNOUNCED = """
The        DET   DT  det    1 O
DfE        PROPN NNP nsubj  2 B-ORG
announced  VERB  VBD ROOT   2 O lemma=announce
the        DET   DT  det    4 O
plan       NOUN  NN  dobj   2 O
.          PUNCT .   punct  2 O
"""
DFE_SHOULD_ANNOUNCE = """
The        DET   DT  det    1 O
DfE        PROPN NNP nsubj  3 B-ORG
should     AUX   MD  aux    3 O
announce   VERB  VB  ROOT   3 O
the        DET   DT  det    5 O
plan       NOUN  NN  dobj   3 O
.          PUNCT .   punct  3 O
"""


def _announce_cues(spec: str, verb: int, speaker: str) -> list[int]:
    doc = parse(spec)
    place_actors(doc, (1, 2, "dfe"))
    ctx = stance_ctx(doc)
    return [c.sign for c in word_cues(ctx, clause(ctx, doc[:], unit(doc[:], speaker=speaker)))
            if c.label.endswith(doc[verb].text)]


def test_stance_word__someone_elses_act_is_not_the_speakers_support():
    """'(Jo Bell said) the DfE announced the plan': the DfE's act, not Jo Bell's support."""
    doc = parse(DFE_ANNOUNCED)
    place_actors(doc, (1, 2, "dfe"))
    ctx = stance_ctx(doc)
    assert someone_elses_act(ctx, doc[2], clause(ctx, doc[:], unit(doc[:], speaker="jo-bell")))
    assert _announce_cues(DFE_ANNOUNCED, 2, "jo-bell") == []


GUIDANCE_SETS_OUT = """
The        DET   DT  det    2 O
practice   NOUN  NN  compound 2 O
guidance   NOUN  NN  nsubj  3 O
sets       VERB  VBZ ROOT   3 O lemma=set
out        ADP   RP  prt    3 O
the        DET   DT  det    6 O
plan       NOUN  NN  dobj   3 O
.          PUNCT .   punct  3 O
"""


def test_stance_phrase__a_documents_act_is_not_the_speakers_support():
    """'(Jo Bell said) the practice guidance sets out the plan': what a policy document does, not her
    support; 'the new guidance sets out the plan' (no document named) stays her words' cue."""
    doc = parse(GUIDANCE_SETS_OUT)
    ctx = stance_ctx(doc)
    assert someone_elses_act(ctx, doc[3], clause(ctx, doc[:], unit(doc[:], speaker="jo-bell")))
    assert "phrase" not in cue_rules(GUIDANCE_SETS_OUT, speaker="jo-bell")
    plain = GUIDANCE_SETS_OUT.replace("practice   NOUN  NN  compound 2 O", "new        ADJ   JJ  amod     2 O")
    doc = parse(plain)
    ctx = stance_ctx(doc)
    assert not someone_elses_act(ctx, doc[3], clause(ctx, doc[:], unit(doc[:], speaker="jo-bell")))
    assert "phrase" in cue_rules(plain, speaker="jo-bell")


def test_stance_word__near_miss_the_actors_own_act():
    """Said by the DfE itself, announcing is its support."""
    assert _announce_cues(DFE_ANNOUNCED, 2, "dfe") == [+1]


def test_stance_word__near_miss_what_the_speaker_asks_another_to_do():
    """'(Jo Bell said) the DfE should announce the plan': her demand, her support."""
    assert _announce_cues(DFE_SHOULD_ANNOUNCE, 3, "jo-bell") == [+1]


DFE_CALLED_FOR = """
The        DET   DT  det    1 O
DfE        PROPN NNP nsubj  2 B-ORG
called     VERB  VBD ROOT   2 O lemma=call
for        ADP   IN  prep   2 O
a          DET   DT  det    6 O
register   NOUN  NN  pobj   3 O
.          PUNCT .   punct  2 O
"""


def _called_for_cues(speaker: str) -> list[str]:
    doc = parse(DFE_CALLED_FOR)
    place_actors(doc, (1, 2, "dfe"))
    ctx = stance_ctx(doc)
    return [c.label for c in phrase_cues(ctx, clause(ctx, doc[:], unit(doc[:], speaker=speaker)))]


def test_stance_phrase__someone_elses_call_is_not_the_speakers_support():
    """'(Jo Bell writes that) the DfE called for a register': the DfE's call, not Jo Bell's support."""
    assert _called_for_cues("jo-bell") == []


def test_stance_phrase__near_miss_the_callers_own_call():
    """Said by the DfE itself, calling for it is its support."""
    assert _called_for_cues("dfe") == ["called for"]


OPPOSITION_PARTIES = """
Ministers   NOUN  NNS nsubj     1 O lemma=minister
defeated    VERB  VBD ROOT      1 O lemma=defeat
opposition  NOUN  NN  compound  3 O
parties     NOUN  NNS dobj      1 O lemma=party
.           PUNCT .   punct     1 O
"""
THEIR_OPPOSITION = """
Ministers   NOUN  NNS nsubj     1 O lemma=minister
noted       VERB  VBD ROOT      1 O lemma=note
their       PRON  PRP$ poss     3 O
opposition  NOUN  NN  dobj      1 O
.           PUNCT .   punct     1 O
"""


HELP_FOR_FAILURES = """
Ministers  NOUN  NNS nsubj    1 O lemma=minister
offer      VERB  VBP ROOT     1 O
family     NOUN  NN  compound 3 O
help       NOUN  NN  dobj     1 O
for        ADP   IN  prep     3 O
failures   NOUN  NNS pobj     4 O lemma=failure
.          PUNCT .   punct    1 O
"""
PLAN_FOR_FAILURES = HELP_FOR_FAILURES.replace("family     NOUN  NN  compound 3 O", "a          DET   DT  det      3 O") \
    .replace("help       NOUN  NN  dobj     1 O", "plan       NOUN  NN  dobj     1 O")


def test_stance_not_a_cue__proposal_aim__fires():
    """'Ministers offer family help for failures': the failures are what family help tackles."""
    from argmap.nlp.rules.stance import proposal_aim
    doc = parse(HELP_FOR_FAILURES)
    ctx = stance_ctx(doc)
    assert proposal_aim(ctx, doc[5], -1)
    assert vetoes(ctx, doc[5], -1) == ["proposal-aim"]
    assert word_cue(HELP_FOR_FAILURES, 5) is None


def test_stance_not_a_cue__proposal_aim__near_miss_no_proposal_named():
    """'Ministers offer a plan for failures': no proposal is named, the word still objects."""
    from argmap.nlp.rules.stance import proposal_aim
    doc = parse(PLAN_FOR_FAILURES)
    assert not proposal_aim(stance_ctx(doc), doc[5], -1)
    assert word_cue(PLAN_FOR_FAILURES, 5).sign == -1


UNVEILED_PROBLEM = """
The       DET   DT  det      1 O
data      NOUN  NNS nsubj    2 O
unveiled  VERB  VBD ROOT     2 O lemma=unveil
the       DET   DT  det      4 O
scale     NOUN  NN  dobj     2 O
of        ADP   IN  prep     4 O
the       DET   DT  det      7 O
problem   NOUN  NN  pobj     5 O
.         PUNCT .   punct    2 O
"""
UNVEILED_HELP = UNVEILED_PROBLEM.replace("the       DET   DT  det      7 O", "family    NOUN  NN  compound 7 O") \
    .replace("problem   NOUN  NN  pobj     5 O", "help      NOUN  NN  pobj     5 O")


def test_stance_not_a_cue__problem_revealed__fires():
    """'The data unveiled the scale of the problem': a problem revealed, nothing put forward."""
    from argmap.nlp.rules.stance import problem_revealed
    doc = parse(UNVEILED_PROBLEM)
    ctx = stance_ctx(doc)
    assert problem_revealed(ctx, doc[2], +1)
    assert vetoes(ctx, doc[2], +1) == ["problem-revealed"]


def test_stance_not_a_cue__problem_revealed__near_miss_a_proposal_unveiled():
    """'The data unveiled the scale of family help': a named proposal put forward still counts."""
    from argmap.nlp.rules.stance import problem_revealed
    doc = parse(UNVEILED_HELP)
    assert not problem_revealed(stance_ctx(doc), doc[2], +1)
    assert word_cue(UNVEILED_HELP, 2).sign == +1


def test_stance_not_a_cue__compound_word__fires():
    """'opposition parties': a kind of party, no objection."""
    doc = parse(OPPOSITION_PARTIES)
    ctx = stance_ctx(doc)
    assert compound_word(ctx, doc[2], -1)
    assert vetoes(ctx, doc[2], -1) == ["compound-word"]
    assert word_cue(OPPOSITION_PARTIES, 2) is None


def test_stance_not_a_cue__compound_word__near_miss():
    doc = parse(THEIR_OPPOSITION)
    assert not compound_word(stance_ctx(doc), doc[3], -1)
    assert word_cue(THEIR_OPPOSITION, 3).sign == -1


# "I have huge concerns family hubs will close.": the parser ran the clause on as a compound
HUGE_CONCERNS = """
I          PRON  PRP nsubj     1 O
have       VERB  VBP ROOT      1 O
huge       ADJ   JJ  amod      3 O
concerns   NOUN  NNS compound  5 O lemma=concern
family     NOUN  NN  compound  5 O
hubs       NOUN  NNS nsubj     7 O lemma=hub
will       AUX   MD  aux       7 O
close      VERB  VB  ccomp     1 O
.          PUNCT .   punct     1 O
"""


def test_stance_not_a_cue__compound_word__near_miss_a_modifier_with_its_own_adjective():
    """'huge concerns family hubs will close': an objection noun with an adjective of its own is a
    noun in its own right, whatever the parser attached it to."""
    doc = parse(HUGE_CONCERNS)
    assert not compound_word(stance_ctx(doc), doc[3], -1)
    assert word_cue(HUGE_CONCERNS, 3).sign == -1


STUDIES_FOUND = """
Studies   NOUN  NNS nsubj  1 O lemma=study
found     VERB  VBD ROOT   1 O lemma=find
that      SCONJ IN  mark   5 O
waiting   NOUN  NN  nsubj  5 O
is        AUX   VBZ ccomp  1 O lemma=be
harmful   ADJ   JJ  acomp  4 O
.         PUNCT .   punct  1 O
"""
PARENTS_FOUND = STUDIES_FOUND.replace("Studies   NOUN  NNS nsubj  1 O lemma=study", "Parents   NOUN  NNS nsubj  1 O lemma=parent")


def test_stance_not_a_cue__finding__fires():
    """'Studies found that waiting is harmful': the studies' finding, not the speaker's verdict."""
    doc = parse(STUDIES_FOUND)
    ctx = stance_ctx(doc)
    assert research_finding(ctx, doc[5], -1)
    assert vetoes(ctx, doc[5], -1) == ["finding"]
    assert word_cue(STUDIES_FOUND, 5) is None


def test_stance_not_a_cue__finding__near_miss():
    """'Parents found that waiting is harmful': people's experience, a view."""
    doc = parse(PARENTS_FOUND)
    assert not research_finding(stance_ctx(doc), doc[5], -1)
    assert word_cue(PARENTS_FOUND, 5).sign == -1


# ---------------------------------------------------------------- stance.flips
LESS_HOPEFUL = """
She      PRON  PRP nsubj  1 O
was      AUX   VBD ROOT   1 O lemma=be
less     ADV   RBR advmod 3 O
hopeful  ADJ   JJ  acomp  1 O
about    ADP   IN  prep   3 O
the      DET   DT  det    6 O
plan     NOUN  NN  pobj   4 O
.        PUNCT .   punct  1 O
"""
MORE_HOPEFUL = LESS_HOPEFUL.replace("less     ADV", "more     ADV")


def test_stance_flips__less__fires():
    doc = parse(LESS_HOPEFUL)
    ctx = stance_ctx(doc)
    assert lowered(ctx, doc[3], +1)
    assert [r.name for r in FLIPS if r(ctx, doc[3], +1)] == ["less"]
    assert word_cue(LESS_HOPEFUL, 3).sign == -1


def test_stance_flips__less__near_miss():
    doc = parse(MORE_HOPEFUL)
    ctx = stance_ctx(doc)
    assert not lowered(ctx, doc[3], +1)
    assert word_cue(MORE_HOPEFUL, 3).sign == +1


REJECTED_CRITICISM = """
The        DET   DT  det   1 O
minister   NOUN  NN  nsubj 2 O
rejected   VERB  VBD ROOT  2 O lemma=reject
the        DET   DT  det   4 O
criticism  NOUN  NN  dobj  2 O
of         ADP   IN  prep  4 O
the        DET   DT  det   7 O
plan       NOUN  NN  pobj  5 O
.          PUNCT .   punct 2 O
"""
REJECTED_PLAN = """
The        DET   DT  det   1 O
minister   NOUN  NN  nsubj 2 O
rejected   VERB  VBD ROOT  2 O lemma=reject
the        DET   DT  det   4 O
plan       NOUN  NN  dobj  2 O
.          PUNCT .   punct 2 O
"""


def test_stance_flips__objection_object__fires():
    doc = parse(REJECTED_CRITICISM)
    ctx = stance_ctx(doc)
    assert objection_object(ctx, doc[2], -1)
    assert [r.name for r in FLIPS if r(ctx, doc[2], -1)] == ["objection-object"]
    assert word_cue(REJECTED_CRITICISM, 2).sign == +1


def test_stance_flips__objection_object__near_miss():
    doc = parse(REJECTED_PLAN)
    ctx = stance_ctx(doc)
    assert not objection_object(ctx, doc[2], -1)
    assert word_cue(REJECTED_PLAN, 2).sign == -1


REMOVE_BARRIERS = """
It        PRON  PRP nsubj  1 O
will      AUX   MD  aux    2 O
remove    VERB  VB  ROOT   2 O
barriers  NOUN  NNS dobj   2 O lemma=barrier
for       ADP   IN  prep   3 O
carers    NOUN  NNS pobj   4 O lemma=carer
.         PUNCT .   punct  2 O
"""


def test_stance_flips__objection_object__fires_on_a_problem_remedied():
    """'It will remove barriers for carers': removing a problem backs, and the problem it removes is
    no objection either."""
    doc = parse(REMOVE_BARRIERS)
    ctx = stance_ctx(doc)
    assert objection_object(ctx, doc[2], -1)
    assert word_cue(REMOVE_BARRIERS, 2).sign == +1 and word_cue(REMOVE_BARRIERS, 3).sign == +1


SCRAP_RED_TAPE = """
It        PRON  PRP nsubj    1 O
will      AUX   MD  aux      2 O
scrap     VERB  VB  ROOT     2 O
red       ADJ   JJ  amod     4 O
tape      NOUN  NN  dobj     2 O
.         PUNCT .   punct    2 O
"""


def test_stance_flips__objection_object__fires_on_scrapping_red_tape():
    """'It will scrap red tape' (as 'ease the burden', 'cut bureaucracy'): scrapping a burden backs."""
    doc = parse(SCRAP_RED_TAPE)
    ctx = stance_ctx(doc)
    assert objection_object(ctx, doc[2], -1)
    assert word_cue(SCRAP_RED_TAPE, 2).sign == +1
    plan = SCRAP_RED_TAPE.replace("red       ADJ   JJ  amod     4 O", "the       DET   DT  det      4 O") \
        .replace("tape      NOUN  NN  dobj     2 O", "plan      NOUN  NN  dobj     2 O")
    doc = parse(plan)
    assert not objection_object(stance_ctx(doc), doc[2], -1)  # scrapping a plan still objects to it


def test_stance_flips__objection_object__near_miss_removing_no_problem():
    """'It will remove the duty ...': removing something that is no problem objects to it."""
    spec = """
It        PRON  PRP nsubj  1 O
will      AUX   MD  aux    2 O
remove    VERB  VB  ROOT   2 O
the       DET   DT  det    4 O
duty      NOUN  NN  dobj   2 O
.         PUNCT .   punct  2 O
"""
    doc = parse(spec)
    assert not objection_object(stance_ctx(doc), doc[2], -1)
    assert word_cue(spec, 2).sign == -1


REVERSE_DECLINE = """
It        PRON  PRP nsubj  1 O
will      AUX   MD  aux    2 O
reverse   VERB  VB  ROOT   2 O
the       DET   DT  det    4 O
decline   NOUN  NN  dobj   2 O
.         PUNCT .   punct  2 O
"""


def test_stance_flips__objection_object__fires_on_a_worsening_reversed():
    """'It will reverse the decline': a remedy acting on a worsening (nouns.worsening, no stance word
    on its own) backs the plan."""
    doc = parse(REVERSE_DECLINE)
    assert objection_object(stance_ctx(doc), doc[2], -1)
    assert word_cue(REVERSE_DECLINE, 2).sign == +1


def test_stance_flips__objection_object__near_miss_reversing_a_decision():
    """'It will reverse the decision': reversing what is no worsening objects to it."""
    spec = REVERSE_DECLINE.replace("decline   NOUN", "decision  NOUN")
    doc = parse(spec)
    assert not objection_object(stance_ctx(doc), doc[2], -1)
    assert word_cue(spec, 2).sign == -1


# ---------------------------------------------------------------- stance.negated
def negation(spec: str, i: int) -> tuple[bool, list[str]]:
    """Whether token ``i`` is negated, and which negation rules hold for it."""
    doc = parse(spec)
    ctx = stance_ctx(doc)
    return plain_negated(ctx, doc[i], doc[:]), [r.name for r in NEGATED if r(ctx, doc[i], doc[:])]


BACKSTOP_SHOULD_FAIL = """
A         DET   DT  det       1 O
cap       NOUN  NN  nsubjpass 3 O
is        AUX   VBZ auxpass   3 O lemma=be
kept      VERB  VBN ROOT      3 O lemma=keep
as        ADP   IN  prep      3 O
a         DET   DT  det       6 O
backstop  NOUN  NN  pobj      4 O
should    AUX   MD  aux       10 O
other     ADJ   JJ  amod      9 O
measures  NOUN  NNS nsubj     10 O lemma=measure
fail      VERB  VB  advcl     3 O
.         PUNCT .   punct     3 O
"""
MEASURES_MAY_FAIL = """
Other     ADJ   JJ  amod      1 O
measures  NOUN  NNS nsubj     3 O lemma=measure
may       AUX   MD  aux       3 O
fail      VERB  VB  ROOT      3 O
.         PUNCT .   punct     3 O
"""


def test_stance_not_a_cue__inverted_condition__fires():
    """'... a backstop should other measures fail': the failure is supposed, not foretold."""
    doc = parse(BACKSTOP_SHOULD_FAIL)
    ctx = stance_ctx(doc)
    assert inverted_condition(ctx, doc[10], -1)
    assert "inverted-condition" in vetoes(ctx, doc[10], -1)
    assert word_cue(BACKSTOP_SHOULD_FAIL, 10) is None


def test_stance_not_a_cue__inverted_condition__near_miss():
    """'Other measures may fail': a warning, and the word is a cue."""
    doc = parse(MEASURES_MAY_FAIL)
    ctx = stance_ctx(doc)
    assert not inverted_condition(ctx, doc[3], -1)
    assert word_cue(MEASURES_MAY_FAIL, 3).sign == -1


ENSURE_NOT_UNDERMINE = """
We          PRON  PRP nsubj    2 O lemma=we
must        AUX   MD  aux      2 O
ensure      VERB  VB  ROOT     2 O
family      NOUN  NN  compound 4 O
help        NOUN  NN  nsubj    7 O
does        AUX   VBZ aux      7 O lemma=do
not         PART  RB  neg      7 O
undermine   VERB  VB  ccomp    2 O
child       NOUN  NN  compound 9 O
protection  NOUN  NN  dobj     7 O
.           PUNCT .   punct    2 O
"""
SAYS_NOT_UNDERMINE = ENSURE_NOT_UNDERMINE.replace("must        AUX   MD  aux      2 O", "do          AUX   VBP aux      2 O") \
    .replace("ensure      VERB  VB  ROOT     2 O", "say         VERB  VB  ROOT     2 O")


def test_stance_negated__guarded_against__fires():
    """'We must ensure family help does not undermine child protection': a harm to guard against
    keeps its objection (as 'must not undermine' does)."""
    doc = parse(ENSURE_NOT_UNDERMINE)
    ctx = stance_ctx(doc)
    assert guarded_against(ctx, doc[7]) and prohibition(ctx, doc[7], doc[:])
    assert not negated(ctx, doc[7], doc[:])
    assert word_cue(ENSURE_NOT_UNDERMINE, 7).sign == -1


def test_stance_negated__guarded_against__near_miss():
    """'We do say family help does not undermine child protection': a plain denial of the harm."""
    doc = parse(SAYS_NOT_UNDERMINE)
    ctx = stance_ctx(doc)
    assert not guarded_against(ctx, doc[7])
    assert negated(ctx, doc[7], doc[:])
    assert word_cue(SAYS_NOT_UNDERMINE, 7).sign == +1


MUST_NOT_FACE = """
Staff          NOUN  NN   nsubj     3   O
must           AUX   MD   aux       3   O
not            PART  RB   neg       3   O
face           VERB  VB   ROOT      3   O
“              PUNCT ``   punct     6   O lemma="
undue          ADJ   JJ   amod      6   O
pressure       NOUN  NN   dobj      3   O
”              PUNCT ''   punct     6   O lemma="
.              PUNCT .    punct     3   O
"""
DOES_NOT_FACE = MUST_NOT_FACE.replace("must           AUX   MD   aux", "does           AUX   VBZ  aux")


def test_stance_negated__prohibited_object__fires():
    """'Staff must not face “undue pressure”': the objection noun is the object of a verb under
    'must not', five words on (beyond the window of words before it): the concern itself."""
    from argmap.nlp.rules.stance import prohibited_object

    doc = parse(MUST_NOT_FACE)
    ctx = stance_ctx(doc)
    assert prohibited_object(ctx, doc[6]) and prohibition(ctx, doc[6], doc[:])
    assert word_cue(MUST_NOT_FACE, 6).sign == -1


def test_stance_negated__prohibited_object__near_miss():
    """'Staff does not face “undue pressure”': a plain denial of the harm."""
    from argmap.nlp.rules.stance import prohibited_object

    doc = parse(DOES_NOT_FACE)
    ctx = stance_ctx(doc)
    assert not prohibited_object(ctx, doc[6]) and negated(ctx, doc[6], doc[:])
    assert word_cue(DOES_NOT_FACE, 6).sign == +1


NOT_AT_ANY_POINT = """
The      DET   DT  det   1 O
union    NOUN  NN  nsubj 7 O
did      AUX   VBD aux   7 O lemma=do
not      PART  RB  neg   7 O
at       ADP   IN  prep  7 O
any      DET   DT  det   6 O
point    NOUN  NN  pobj  4 O
welcome  VERB  VBP ROOT  7 O
the      DET   DT  det   9 O
plan     NOUN  NN  dobj  7 O
.        PUNCT .   punct 7 O
"""
AT_EVERY_POINT = """
The      DET   DT  det   1 O
union    NOUN  NN  nsubj 8 O
did      AUX   VBD aux   8 O lemma=do
,        PUNCT ,   punct 8 O
at       ADP   IN  prep  8 O
every    DET   DT  det   6 O
point    NOUN  NN  pobj  4 O
,        PUNCT ,   punct 8 O
welcome  VERB  VBP ROOT  8 O
the      DET   DT  det   10 O
plan     NOUN  NN  dobj  8 O
.        PUNCT .   punct 8 O
"""


def test_stance_negated__negation_child__fires():
    """'not' far from the cue word but a child of it (out of reach of negator-before)."""
    doc = parse(NOT_AT_ANY_POINT)
    assert negation_child(stance_ctx(doc), doc[7], doc[:])
    assert negation(NOT_AT_ANY_POINT, 7) == (True, ["negation-child"])
    assert word_cue(NOT_AT_ANY_POINT, 7).sign == -1


def test_stance_negated__negation_child__near_miss():
    doc = parse(AT_EVERY_POINT)
    assert not negation_child(stance_ctx(doc), doc[8], doc[:])
    assert negation(AT_EVERY_POINT, 8) == (False, [])


NOT_SENSIBLE = """
The        DET   DT   det   1 O
timetable  NOUN  NN   nsubj 2 O
is         AUX   VBZ  ROOT  2 O lemma=be
not        PART  RB   neg   2 O
,          PUNCT ,    punct 2 O
in         ADP   IN   prep  2 O
our        PRON  PRP$ poss  7 O
view       NOUN  NN   pobj  5 O
,          PUNCT ,    punct 2 O
sensible   ADJ   JJ   acomp 2 O
.          PUNCT .    punct 2 O
"""
SENSIBLE = """
The        DET   DT   det   1 O
timetable  NOUN  NN   nsubj 2 O
is         AUX   VBZ  ROOT  2 O lemma=be
,          PUNCT ,    punct 2 O
in         ADP   IN   prep  2 O
our        PRON  PRP$ poss  6 O
view       NOUN  NN   pobj  4 O
,          PUNCT ,    punct 2 O
sensible   ADJ   JJ   acomp 2 O
.          PUNCT .    punct 2 O
"""


def test_stance_negated__negated_head__fires():
    doc = parse(NOT_SENSIBLE)
    assert negated_head(stance_ctx(doc), doc[9], doc[:])
    assert negation(NOT_SENSIBLE, 9) == (True, ["negated-head"])
    assert word_cue(NOT_SENSIBLE, 9).sign == -1


def test_stance_negated__negated_head__near_miss():
    doc = parse(SENSIBLE)
    assert not negated_head(stance_ctx(doc), doc[8], doc[:])
    assert negation(SENSIBLE, 8) == (False, [])


NOT_COME_WITH = """
The      DET   DT  det   1 O
plan     NOUN  NN  nsubj 4 O
does     AUX   VBZ aux   4 O lemma=do
not      PART  RB  neg   4 O
come     VERB  VB  ROOT  4 O
with     ADP   IN  prep  4 O
enough   ADJ   JJ  amod  7 O
funding  NOUN  NN  pobj  5 O
.        PUNCT .   punct 4 O
"""
COMES_WITH = """
The      DET   DT  det   1 O
plan     NOUN  NN  nsubj 2 O
comes    VERB  VBZ ROOT  2 O lemma=come
with     ADP   IN  prep  2 O
enough   ADJ   JJ  amod  5 O
funding  NOUN  NN  pobj  3 O
.        PUNCT .   punct 2 O
"""


def test_stance_negated__negated_preposition__fires():
    doc = parse(NOT_COME_WITH)
    assert negated_preposition(stance_ctx(doc), doc[7], doc[:])
    assert negation(NOT_COME_WITH, 7) == (True, ["negated-preposition"])


def test_stance_negated__negated_preposition__near_miss():
    doc = parse(COMES_WITH)
    assert not negated_preposition(stance_ctx(doc), doc[5], doc[:])
    assert negation(COMES_WITH, 5) == (False, [])


NO_LONGER = """
Failing  VERB  VBG csubj  3 O lemma=fail
to       PART  TO  aux    2 O
act      VERB  VB  xcomp  0 O
is       AUX   VBZ ROOT   3 O lemma=be
no       ADV   RB  neg    5 O
longer   ADV   RBR advmod 3 O lemma=long
an       DET   DT  det    7 O
option   NOUN  NN  attr   3 O
.        PUNCT .   punct  3 O
"""
STILL = """
Failing  VERB  VBG csubj  3 O lemma=fail
to       PART  TO  aux    2 O
act      VERB  VB  xcomp  0 O
is       AUX   VBZ ROOT   3 O lemma=be
still    ADV   RB  advmod 3 O
an       DET   DT  det    6 O
option   NOUN  NN  attr   3 O
.        PUNCT .   punct  3 O
"""


def test_stance_negated__negated_subject_clause__fires():
    doc = parse(NO_LONGER)
    assert negated_subject_clause(stance_ctx(doc), doc[0], doc[:])
    assert negation(NO_LONGER, 0) == (True, ["negated-subject-clause"])
    assert word_cue(NO_LONGER, 0).sign == +1  # 'failing ... is no longer an option' objects to failing


def test_stance_negated__negated_subject_clause__near_miss():
    doc = parse(STILL)
    assert not negated_subject_clause(stance_ctx(doc), doc[0], doc[:])
    assert negation(STILL, 0) == (False, [])
    assert word_cue(STILL, 0).sign == -1


NEVER_SENSIBLE = """
There     PRON  EX  expl  1 O
is        VERB  VBZ ROOT  1 O lemma=be
never     ADV   RB  neg   1 O
a         DET   DT  det   5 O
sensible  ADJ   JJ  amod  5 O
plan      NOUN  NN  attr  1 O
.         PUNCT .   punct 1 O
"""
WITHOUT_SENSIBLE = """
They      PRON  PRP nsubj  1 O
went      VERB  VBD ROOT   1 O lemma=go
ahead     ADV   RB  advmod 1 O
without   ADP   IN  prep   1 O
a         DET   DT  det    6 O
sensible  ADJ   JJ  amod   6 O
plan      NOUN  NN  pobj   3 O
.         PUNCT .   punct  1 O
"""


def test_stance_negated__negator_before__fires():
    doc = parse(NEVER_SENSIBLE)
    assert negator_before(stance_ctx(doc), doc[4], doc[:])
    assert negation(NEVER_SENSIBLE, 4) == (True, ["negator-before"])
    assert word_cue(NEVER_SENSIBLE, 4).sign == -1


def test_stance_negated__negator_before__near_miss():
    """'without' is a negator word, but not one that negates the cue after it."""
    doc = parse(WITHOUT_SENSIBLE)
    assert not negator_before(stance_ctx(doc), doc[5], doc[:])
    assert negation(WITHOUT_SENSIBLE, 5) == (False, [])


WONT_WORK = """
The       DET   DT  det    1 O
plan      NOUN  NN  nsubj  4 O
wo        AUX   MD  aux    4 O lemma=will nospace
n\u2019t    PART  RB  neg    4 O lemma=not
work      VERB  VB  ROOT   4 O
.         PUNCT .   punct  4 O
"""
QUOTED_PLAN_WORKS = """
The       DET   DT  det    2 O
\u2018         PUNCT ``  punct  2 O nospace
plan      NOUN  NN  nsubj  4 O nospace
\u2019         PUNCT ''  punct  2 O
works     VERB  VBZ ROOT   4 O lemma=work
"""


def test_stance_negated__negator_before__fires_on_a_curly_apostrophe():
    """'The plan won’t work' as published pages write it: 'n’t' is a negator as 'n't' is, and the
    clause reads "won't work" when phrases are matched."""
    doc = parse(WONT_WORK)
    ctx = stance_ctx(doc)
    assert doc.text == "The plan won\u2019t work."
    assert negator_before(ctx, doc[4], doc[:])
    assert "won't work" in clause(ctx, doc[:]).low


def test_stance_negated__near_miss_a_curly_quote_closing_a_word_is_no_apostrophe():
    """'The ‘plan’ works': the closing curly quote is a quotation mark, read as a space."""
    doc = parse(QUOTED_PLAN_WORKS)
    low = clause(stance_ctx(doc), doc[:]).low
    assert "\u2019" not in low and "'" not in low and "plan" in low


FAR_FROM = """
Far        ADV   RB  advmod 8 O
from       ADP   IN  prep   0 O
welcoming  VERB  VBG pcomp  1 O lemma=welcome
the        DET   DT  det    4 O
plan       NOUN  NN  dobj   2 O
,          PUNCT ,   punct  8 O
the        DET   DT  det    7 O
union      NOUN  NN  nsubj  8 O
attacked   VERB  VBD ROOT   8 O lemma=attack
it         PRON  PRP dobj   8 O
.          PUNCT .   punct  8 O
"""
APART_FROM = FAR_FROM.replace("Far        ADV", "Apart      ADV")


def test_stance_negated__negator_phrase__fires():
    doc = parse(FAR_FROM)
    assert negator_phrase(stance_ctx(doc), doc[2], doc[:])
    assert negation(FAR_FROM, 2) == (True, ["negator-phrase"])
    assert word_cue(FAR_FROM, 2).sign == -1


def test_stance_negated__negator_phrase__near_miss():
    doc = parse(APART_FROM)
    assert not negator_phrase(stance_ctx(doc), doc[2], doc[:])
    assert negation(APART_FROM, 2) == (False, [])


# ---------------------------------------------------------------- stance.fallbacks
def fallback(spec: str, **unit_kw):
    """The rule and cue that decide a clause with no cue word."""
    doc = parse(spec)
    ctx = stance_ctx(doc)
    return FALLBACKS.first_named(ctx, clause(ctx, doc[:], unit(doc[:], **unit_kw)))


WANTS = """
She        PRON  PRP nsubj 1 O
wants      VERB  VBZ ROOT  1 O lemma=want
the        DET   DT  det   3 O
allowance  NOUN  NN  nsubj 4 O
extended   VERB  VBN ccomp 1 O lemma=extend
to         ADP   IN  prep  4 O
every      DET   DT  det   7 O
carer      NOUN  NN  pobj  5 O
.          PUNCT .   punct 1 O
"""
NOBODY_WANTS = WANTS.replace("She        PRON  PRP nsubj", "Nobody     PRON  NN  nsubj")


def test_stance_fallbacks__wish__fires():
    doc = parse(WANTS)
    ctx = stance_ctx(doc)
    cue = wish(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.WANT, +1)
    assert fallback(WANTS)[0] == "wish"


def test_stance_fallbacks__wish__near_miss():
    """'Nobody wants ...' is no wish of the speaker's."""
    doc = parse(NOBODY_WANTS)
    ctx = stance_ctx(doc)
    assert wish(ctx, clause(ctx, doc[:])) is None
    assert fallback(NOBODY_WANTS) is None


WANTS_MINISTERS_TO_BRING = """
The        DET   DT  det      1 O
charity    NOUN  NN  nsubj    2 O
wants      VERB  VBZ ROOT     2 O lemma=want
ministers  NOUN  NNS nsubj    5 O lemma=minister
to         PART  TO  aux      5 O
bring      VERB  VB  ccomp    2 O lemma=bring
in         ADP   RP  prt      5 O
family     NOUN  NN  compound 8 O
help       NOUN  NN  dobj     5 O
.          PUNCT .   punct    2 O
"""
WANTS_MINISTERS_TO_DISCUSS = WANTS_MINISTERS_TO_BRING.replace("bring      VERB  VB  ccomp    2 O lemma=bring",
                                                              "discuss    VERB  VB  ccomp    2 O lemma=discuss")


def test_stance_fallbacks__wish__fires_wanting_someone_to_bring_it_about():
    """'The charity wants ministers to bring in family help', said by the charity ('wants' gave
    it the sentence): its own wish for family help."""
    assert fallback(WANTS_MINISTERS_TO_BRING, cue_token=2)[0] == "wish"


@pytest.mark.parametrize("spec, cue_token", [(WANTS_MINISTERS_TO_DISCUSS, 2), (WANTS_MINISTERS_TO_BRING, None)])
def test_stance_fallbacks__wish__near_miss_someone_else_to_act_or_someone_elses_wish(spec, cue_token):
    """'wants ministers to discuss family help' wants a discussion; and when 'wants' is not what gave
    the sentence its speaker, 'the charity' wanting is reported, not the speaker's own wish."""
    assert fallback(spec, cue_token=cue_token) is None or fallback(spec, cue_token=cue_token)[0] != "wish"


SHOULD_DELIVER = """
Family         NOUN  NN  compound  1 O
help           NOUN  NN  nsubjpass 4 O
should         AUX   MD  aux       4 O
be             AUX   VB  auxpass   4 O
delivered      VERB  VBN ROOT      4 O lemma=deliver
by             ADP   IN  agent     4 O
skilled        ADJ   JJ  amod      7 O
professionals  NOUN  NNS pobj      5 O lemma=professional
.              PUNCT .   punct     4 O
"""
COULD_DELIVER = SHOULD_DELIVER.replace("should         AUX", "could          AUX")
SHOULD_IT_BE_DELIVERED = """
Councils       NOUN  NNS nsubj     1 O lemma=council
wait           VERB  VBP ROOT      1 O
should         AUX   MD  aux       6 O
family         NOUN  NN  compound  4 O
help           NOUN  NN  nsubjpass 6 O
be             AUX   VB  auxpass   6 O
delivered      VERB  VBN advcl     1 O lemma=deliver
by             ADP   IN  agent     6 O
skilled        ADJ   JJ  amod      9 O
professionals  NOUN  NNS pobj      7 O lemma=professional
.              PUNCT .   punct     1 O
"""


def test_stance_fallbacks__should_proposal__fires():
    doc = parse(SHOULD_DELIVER)
    ctx = stance_ctx(doc)
    cue = should_proposal(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.SHOULD, +1)
    assert fallback(SHOULD_DELIVER)[0] == "should-proposal"


def test_stance_fallbacks__should_proposal__near_miss():
    doc = parse(COULD_DELIVER)
    ctx = stance_ctx(doc)
    assert should_proposal(ctx, clause(ctx, doc[:])) is None
    assert fallback(COULD_DELIVER) is None


def test_stance_fallbacks__should_proposal__near_miss_inverted_condition():
    """'Councils wait, should family help be delivered by ...': a 'should' put before its verb's
    subject makes a condition (or a question), not a recommendation."""
    doc = parse(SHOULD_IT_BE_DELIVERED)
    ctx = stance_ctx(doc)
    assert should_proposal(ctx, clause(ctx, doc[:])) is None


THINKS_LEAVERS_SHOULD = """
She       PRON  PRP nsubj    3 O
does      AUX   VBZ aux      3 O
not       PART  RB  neg      3 O
think     VERB  VB  ROOT     3 O
care      NOUN  NN  compound 5 O
leavers   NOUN  NNS nsubj    7 O lemma=leaver
should    AUX   MD  aux      7 O
have      VERB  VB  ccomp    3 O
advisers  NOUN  NNS dobj     7 O lemma=adviser
.         PUNCT .   punct    3 O
"""


def test_stance_fallbacks__should_proposal__near_miss_a_denied_should():
    """'She does not think care leavers should have advisers': a 'should' clause a negated verb takes
    is denied, not recommended (neither the named proposal nor the thing asked for is backed); 'She
    thinks care leavers should have advisers' recommends it."""
    from argmap.nlp.recommend import denied_clause

    doc = parse(THINKS_LEAVERS_SHOULD)
    ctx = stance_ctx(doc)
    assert denied_clause(doc[7])
    assert should_proposal(ctx, clause(ctx, doc[:])) is None
    assert fallback(THINKS_LEAVERS_SHOULD) is None
    thinks = THINKS_LEAVERS_SHOULD.replace("does      AUX   VBZ aux      3 O", "really    ADV   RB  advmod   3 O") \
        .replace("not       PART  RB  neg      3 O", "firmly    ADV   RB  advmod   3 O")
    assert fallback(thinks)[0] == "should-proposal"

THERE_SHOULD_BE = """
There   PRON  EX  expl     2 O
should  AUX   MD  aux      2 O
be      AUX   VB  ROOT     2 O
family  NOUN  NN  compound 4 O
help    NOUN  NN  attr     2 O
for     ADP   IN  prep     4 O
every   DET   DT  det      7 O
family  NOUN  NN  pobj     5 O
.       PUNCT .   punct    2 O
"""
THERE_SHOULD_BE_NO = """
There   PRON  EX  expl     2 O
should  AUX   MD  aux      2 O
be      AUX   VB  ROOT     2 O
no      DET   DT  det      5 O
family  NOUN  NN  compound 5 O
help    NOUN  NN  attr     2 O
.       PUNCT .   punct    2 O
"""


def test_stance_fallbacks__should_proposal__fires_on_there_should_be():
    """'There should be family help for every family' asks for family help, as 'family help should
    be delivered' does."""
    doc = parse(THERE_SHOULD_BE)
    ctx = stance_ctx(doc)
    cue = should_proposal(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.SHOULD, +1)
    assert fallback(THERE_SHOULD_BE)[0] == "should-proposal"


def test_stance_fallbacks__should_proposal__near_miss_there_should_be_none():
    """'There should be no family help' asks for none: no recommendation of it."""
    doc = parse(THERE_SHOULD_BE_NO)
    ctx = stance_ctx(doc)
    assert should_proposal(ctx, clause(ctx, doc[:])) is None


ARGUED = """
He           PRON  PRP nsubj    1 O
argued       VERB  VBD ROOT     1 O lemma=argue
that         SCONJ IN  mark     6 O
family       NOUN  NN  compound 4 O
group        NOUN  NN  compound 5 O
conferences  NOUN  NNS nsubj    6 O lemma=conference
keep         VERB  VBP ccomp    1 O
children     NOUN  NNS dobj     6 O lemma=child
at           ADP   IN  prep     6 O
home         NOUN  NN  pobj     8 O
.            PUNCT .   punct    1 O
"""
SAID = ARGUED.replace("argued       VERB  VBD ROOT     1 O lemma=argue",
                      "said         VERB  VBD ROOT     1 O lemma=say")


def test_stance_fallbacks__argues_for__fires():
    doc = parse(ARGUED)
    ctx = stance_ctx(doc)
    cue = argues_for(ctx, clause(ctx, doc[:], unit(doc[:], cue="argue")))
    assert (cue.kind, cue.sign) == (K.ARGUE, +1)
    assert fallback(ARGUED, cue="argue")[0] == "argues-for"


def test_stance_fallbacks__argues_for__near_miss():
    """Saying something about a proposal is not making the case for it."""
    doc = parse(SAID)
    ctx = stance_ctx(doc)
    assert argues_for(ctx, clause(ctx, doc[:], unit(doc[:], cue="say"))) is None
    assert fallback(SAID, cue="say") is None


AGREE_WITH = """
We           PRON  PRP nsubj    1 O
agree        VERB  VBP ROOT     1 O
with         ADP   IN  prep     1 O
the          DET   DT  det      5 O
kinship      NOUN  NN  compound 5 O
allowance    NOUN  NN  pobj     2 O
.            PUNCT .   punct    1 O
"""
DISAGREE_WITH = AGREE_WITH.replace("agree        VERB  VBP ROOT     1 O",
                                   "disagree     VERB  VBP ROOT     1 O")
NOT_AGREE_WITH = """
We           PRON  PRP nsubj    2 O
do           AUX   VBP aux      2 O
not          PART  RB  neg      2 O
agree        VERB  VB  ROOT     2 O
with         ADP   IN  prep     3 O
the          DET   DT  det      7 O
kinship      NOUN  NN  compound 7 O
allowance    NOUN  NN  pobj     4 O
.            PUNCT .   punct    3 O
"""
AGREE_WITH_THAT = """
We           PRON  PRP nsubj    1 O
agree        VERB  VBP ROOT     1 O
with         ADP   IN  prep     1 O
the          DET   DT  det      4 O
review       NOUN  NN  pobj     2 O
that         SCONJ IN  mark     9 O
family       NOUN  NN  compound 7 O
help         NOUN  NN  nsubj    9 O
often        ADV   RB  advmod   9 O
fails        VERB  VBZ ccomp    1 O lemma=fail
.            PUNCT .   punct    1 O
"""
AGREE_WITH_ACTOR = """
We           PRON  PRP nsubj    1 O
agree        VERB  VBP ROOT     1 O
with         ADP   IN  prep     1 O
Ofsted       PROPN NNP pobj     2 B-ORG
on           ADP   IN  prep     3 O
family       NOUN  NN  compound 6 O
help         NOUN  NN  pobj     4 O
.            PUNCT .   punct    1 O
"""


@pytest.mark.parametrize("spec, sign", [(AGREE_WITH, +1), (DISAGREE_WITH, -1), (NOT_AGREE_WITH, -1)])
def test_stance_fallbacks__agrees_with__fires(spec, sign):
    """Agreeing with a named proposal backs it; disagreeing with it, or not agreeing, objects."""
    doc = parse(spec)
    ctx = stance_ctx(doc)
    cue = agrees_with(ctx, clause(ctx, doc[:], unit(doc[:])))
    assert (cue.kind, cue.sign) == (K.ARGUE, sign)
    assert fallback(spec)[0] == "agrees-with"
    assert score(ctx, clause(ctx, doc[:], unit(doc[:])))[1] == sign


@pytest.mark.parametrize("spec", [AGREE_WITH_THAT, AGREE_WITH_ACTOR])
def test_stance_fallbacks__agrees_with__near_miss_whose_view(spec):
    """'We agree with the review that family help often fails', 'we agree with Ofsted on family
    help': who is agreed with holds the view; it says nothing of what the speaker thinks of them."""
    doc = parse(spec)
    if "Ofsted" in spec:
        place_actors(doc, (3, 4, "ofsted"))
    ctx = stance_ctx(doc)
    assert agrees_with(ctx, clause(ctx, doc[:], unit(doc[:]))) is None


DFE_SAID = """
The          DET   DT  det      1 B-ORG
Department   PROPN NNP nsubj    4 I-ORG
for          ADP   IN  prep     1 I-ORG
Education    PROPN NNP pobj     2 I-ORG
said         VERB  VBD ROOT     4 O lemma=say
family       NOUN  NN  compound 6 O
help         NOUN  NN  nsubj    8 O
will         AUX   MD  aux      8 O
start        VERB  VB  ccomp    4 O
in           ADP   IN  prep     8 O
April        PROPN NNP pobj     9 B-DATE
.            PUNCT .   punct    4 O
"""
LGA_SAID = """
The          DET   DT  det      3 B-ORG
Local        PROPN NNP compound 3 I-ORG
Government   PROPN NNP compound 3 I-ORG
Association  PROPN NNP nsubj    4 I-ORG
said         VERB  VBD ROOT     4 O lemma=say
family       NOUN  NN  compound 6 O
help         NOUN  NN  nsubj    8 O
will         AUX   MD  aux      8 O
start        VERB  VB  ccomp    4 O
in           ADP   IN  prep     8 O
April        PROPN NNP pobj     9 B-DATE
.            PUNCT .   punct    4 O
"""


def speaker_clause(spec: str, key: str):
    doc = parse(spec)
    place_actors(doc, (1, 4, key))
    ctx = stance_ctx(doc)
    return ctx, clause(ctx, doc[:], unit(doc[:], speaker=key))


def test_stance_fallbacks__government_plan__fires():
    ctx, c = speaker_clause(DFE_SAID, "dfe")
    cue = government_plan(ctx, c)
    assert (cue.kind, cue.sign) == (K.GOVERNMENT, +1)
    assert FALLBACKS.first_named(ctx, c)[0] == "government-plan"


def test_stance_fallbacks__government_plan__near_miss():
    """The Local Government Association is not the government."""
    ctx, c = speaker_clause(LGA_SAID, "lga")
    assert government_plan(ctx, c) is None
    assert FALLBACKS.first_named(ctx, c) is None


DFE_RESPONDED = """
The          DET   DT  det      1 B-ORG
Department   PROPN NNP nsubj    5 I-ORG
for          ADP   IN  prep     1 I-ORG
Education    PROPN NNP pobj     2 I-ORG
has          AUX   VBZ aux      5 O lemma=have
responded    VERB  VBN ROOT     5 O lemma=respond
to           ADP   IN  prep     5 O
its          PRON  PRP$ poss    10 O
practice     NOUN  NN  compound 9 O
guidance     NOUN  NN  compound 10 O
consultation NOUN  NN  pobj     6 O
.            PUNCT .   punct    5 O
"""


def test_stance_fallbacks__government_plan__fires_on_its_own_policy_document():
    """'The Department has responded to its practice guidance consultation': a policy document of its
    own, named with no cue either way, is the government's plan too."""
    ctx, c = speaker_clause(DFE_RESPONDED, "dfe")
    assert FALLBACKS.first_named(ctx, c)[0] == "government-plan"
    near = DFE_RESPONDED.replace("The          DET   DT  det      1 B-ORG", "The          DET   DT  det      3 B-ORG") \
        .replace("Department   PROPN NNP nsubj    5 I-ORG", "Local        PROPN NNP compound 3 I-ORG") \
        .replace("for          ADP   IN  prep     1 I-ORG", "Government   PROPN NNP compound 3 I-ORG") \
        .replace("Education    PROPN NNP pobj     2 I-ORG", "Association  PROPN NNP nsubj    5 I-ORG")
    ctx, c = speaker_clause(near, "lga")
    assert FALLBACKS.first_named(ctx, c) is None  # the Local Government Association's response backs nothing


SHOULD_HAVE = """
Every     DET   DT  det      2 O
care      NOUN  NN  compound 2 O
leaver    NOUN  NN  nsubj    4 O
should    AUX   MD  aux      4 O
have      VERB  VB  ROOT     4 O
a         DET   DT  det      7 O
personal  ADJ   JJ  amod     7 O
adviser   NOUN  NN  dobj     4 O
.         PUNCT .   punct    4 O
"""
IT_SHOULD_HAVE = """
It        PRON  PRP nsubj 2 O
should    AUX   MD  aux   2 O
have      VERB  VB  ROOT  2 O
a         DET   DT  det   5 O
personal  ADJ   JJ  amod  5 O
adviser   NOUN  NN  dobj  2 O
.         PUNCT .   punct 2 O
"""

SHOULD_IT_HAVE = """
Should    AUX   MD  aux      4 O
every     DET   DT  det      3 O
care      NOUN  NN  compound 3 O
leaver    NOUN  NN  nsubj    4 O
have      VERB  VB  ROOT     4 O
a         DET   DT  det      7 O
personal  ADJ   JJ  amod     7 O
adviser   NOUN  NN  dobj     4 O
?         PUNCT .   punct    4 O
"""


def test_stance_fallbacks__recommendation__fires():
    doc = parse(SHOULD_HAVE)
    ctx = stance_ctx(doc)
    cue = recommendation(ctx, clause(ctx, doc[:], unit(doc[:])))
    assert (cue.kind, cue.sign) == (K.RECOMMENDATION, +1)
    assert fallback(SHOULD_HAVE)[0] == "recommendation"


def test_stance_fallbacks__recommendation__near_miss():
    """'It should have ...' leaves the recommendation to someone else: it asks for nothing nameable."""
    doc = parse(IT_SHOULD_HAVE)
    ctx = stance_ctx(doc)
    assert recommendation(ctx, clause(ctx, doc[:], unit(doc[:]))) is None
    assert fallback(IT_SHOULD_HAVE) is None


def test_stance_fallbacks__recommendation__near_miss_question():
    """'Should every care leaver have a personal adviser?': the modal before its subject asks; it
    recommends nothing."""
    doc = parse(SHOULD_IT_HAVE)
    ctx = stance_ctx(doc)
    assert recommendation(ctx, clause(ctx, doc[:], unit(doc[:]))) is None
    assert fallback(SHOULD_IT_HAVE) is None


LIST_ITEM = """
-         PUNCT :   punct 2 O
a         DET   DT  det   2 O
register  NOUN  NN  ROOT  2 O
of        ADP   IN  prep  2 O
children  NOUN  NNS pobj  3 O lemma=child
not       PART  RB  neg   6 O
in        ADP   IN  prep  2 O
school    NOUN  NN  pobj  6 O
"""


def test_stance_fallbacks__listed__fires():
    """An item of a list of proposals its proposer introduced ('The plans include:')."""
    doc = parse(LIST_ITEM)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:], unit(doc[:], rule="proposal-list", listed=True))
    assert (listed(ctx, c).kind, listed(ctx, c).sign) == (K.LISTED, +1)
    assert FALLBACKS.first_named(ctx, c)[0] == "listed"


def test_stance_fallbacks__listed__near_miss():
    """The same line outside a list of proposals backs nothing."""
    doc = parse(LIST_ITEM)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:], unit(doc[:]))
    assert listed(ctx, c) is None
    assert FALLBACKS.first_named(ctx, c) is None


def test_stance_fallbacks__motion__fires():
    """A motion's title, given to its movers ('Kinship Care Allowances' over 'Proposed by Councillor
    Jo Bell'), backs what it names."""
    doc = parse(LIST_ITEM)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:], unit(doc[:], speaker="jo-bell", cue="the motion", rule="motion-title"))
    assert (motion(ctx, c).kind, motion(ctx, c).sign) == (K.LISTED, +1)
    assert FALLBACKS.first_named(ctx, c)[0] == "motion"


def test_stance_fallbacks__motion__near_miss():
    """The line naming the movers themselves ('Proposed by ...', rule motion-mover) puts nothing forward."""
    doc = parse(LIST_ITEM)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:], unit(doc[:], speaker="jo-bell", cue="the motion", rule="motion-mover"))
    assert motion(ctx, c) is None and FALLBACKS.first_named(ctx, c) is None


def test_word_sign_reads_the_lexicon():
    """(A guard for the tests above: the cue words they use are cue words.)"""
    doc = parse(WELCOMED_DUTY)
    ctx = stance_ctx(doc)
    assert word_sign(ctx, doc[1]) == +1 and word_sign(ctx, doc[4]) == 0


# ---------------------------------------------------------------- rules added for issue 12
NEED_FUNDING = """
Councils  NOUN  NNS nsubj 1 O lemma=council
need      VERB  VBP ROOT  1 O
extra     ADJ   JJ  amod  3 O
funding   NOUN  NN  dobj  1 O
.         PUNCT .   punct 1 O
"""
NEED_FAMILY_HELP = """
Councils  NOUN  NNS nsubj    1 O lemma=council
need      VERB  VBP ROOT     1 O
family    NOUN  NN  compound 3 O
help      NOUN  NN  dobj     1 O
.         PUNCT .   punct    1 O
"""
NEED_STAFF = NEED_FUNDING.replace("funding   NOUN", "staff     NOUN")


def test_stance_cues__need__fires():
    """Needing a ground the taxonomy marks as a condition ('funding') objects on that ground."""
    doc = parse(NEED_FUNDING)
    ctx = stance_ctx(doc)
    (cue,) = needed(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign, cue.weight) == (K.NEED, -1, 1.5)
    assert cue_rules(NEED_FUNDING) == ["need"]


NEED_INVESTMENT_IN = """
Councils    NOUN  NNS nsubj    1 O lemma=council
need        VERB  VBP ROOT     1 O
investment  NOUN  NN  dobj     1 O
in          ADP   IN  prep     1 O
family      NOUN  NN  compound 5 O
help        NOUN  NN  pobj     3 O
.           PUNCT .   punct    1 O
"""


def test_stance_cues__need__investment_in_a_proposal_asks_for_more_of_it():
    """'Councils need investment in family help' (the 'in' hung on 'need'): more of a proposal is
    asked for, not a condition set on it; 'funding in their areas' names no proposal and stays a
    condition."""
    doc = parse(NEED_INVESTMENT_IN)
    ctx = stance_ctx(doc)
    (cue,) = needed(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.NEED, +1) and "more of it" in cue.label
    near = parse(NEED_INVESTMENT_IN.replace("investment  NOUN", "funding     NOUN")
                 .replace("family      NOUN  NN  compound 5 O", "their       PRON  PRP$ poss     5 O")
                 .replace("help        NOUN  NN  pobj     3 O", "areas       NOUN  NNS pobj     3 O lemma=area"))
    ctx = stance_ctx(near)
    (cue,) = needed(ctx, clause(ctx, near[:]))
    assert (cue.kind, cue.sign) == (K.NEED, -1)


NEED_TO_IMPLEMENT = """
Ministers  NOUN  NNS nsubj    1 O lemma=minister
need       VERB  VBP ROOT     1 O
to         PART  TO  aux      3 O
implement  VERB  VB  xcomp    1 O
the        DET   DT  det      6 O
Hearth     PROPN NNP compound 6 O
Review     PROPN NNP dobj     3 O
.          PUNCT .   punct    1 O
"""
NEED_TO_SCRAP = NEED_TO_IMPLEMENT.replace("implement  VERB  VB  xcomp    1 O", "scrap      VERB  VB  xcomp    1 O")


def test_stance_cues__need__fires_on_carrying_out_a_document():
    """'Ministers need to implement the Hearth Review': what is needed carries out a policy
    document, so the document is asked for (a document named alone is not a proposal)."""
    doc = parse(NEED_TO_IMPLEMENT)
    ctx = stance_ctx(doc)
    (cue,) = needed(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.NEED, +1)
    assert cue_rules(NEED_TO_IMPLEMENT) == ["need"]


def test_stance_cues__need__near_miss_doing_something_else_to_a_document():
    """'Ministers need to scrap the Hearth Review' does not carry the review out: no backing cue."""
    doc = parse(NEED_TO_SCRAP)
    ctx = stance_ctx(doc)
    assert needed(ctx, clause(ctx, doc[:])) == []


SHIFT_THE_DIAL = """
She         PRON  PRP nsubj  1 O
said        VERB  VBD ROOT   1 O lemma=say
that        SCONJ IN  mark   5 O
to          PART  TO  aux    5 O
really      ADV   RB  advmod 5 O
shift       VERB  VB  ccomp  1 O
the         DET   DT  det    7 O
dial        NOUN  NN  dobj   5 O
we          PRON  PRP nsubj  9 O
need        VERB  VBP relcl  7 O
further     ADJ   JJ  amod   11 O
funding     NOUN  NN  dobj   9 O
.           PUNCT .   punct  1 O
"""


def test_stance_cues__need__fires_through_a_misread_relative_clause():
    """A 'need' parsed as a relative clause of the noun before it ('the dial we need further
    funding') still asks for its own object."""
    doc = parse(SHIFT_THE_DIAL)
    ctx = stance_ctx(doc)
    (cue,) = needed(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.NEED, -1)


FUNDING_WHICH_COUNCILS_NEED = """
the       DET   DT  det    1 O
funding   NOUN  NN  ROOT   1 O
which     PRON  WDT dobj   6 O
councils  NOUN  NNS nsubj  4 O lemma=council
need      VERB  VBP relcl  1 O
to        PART  TO  aux    6 O
deliver   VERB  VB  xcomp  4 O
services  NOUN  NNS dobj   6 O lemma=service
.         PUNCT .   punct  1 O
"""


def test_stance_cues__need__near_miss_a_relative_clause_without_pronoun_asks_for_its_noun():
    """'the conditions they need to do the job' asks for the conditions."""
    from argmap.nlp.rules.stance import needed_phrase

    spec = FUNDING_WHICH_COUNCILS_NEED.replace("which     PRON  WDT dobj   6 O", "they      PRON  PRP nsubj  4 O")
    spec = spec.replace("councils  NOUN  NNS nsubj  4 O lemma=council", "all       DET   DT  advmod 4 O")
    doc = parse(spec)
    assert needed_phrase(doc[4]).text == "the funding"


def test_stance_cues__need__near_miss_a_true_relative_clause_asks_for_its_noun():
    """'the funding which councils need to deliver services' asks for the funding, not the services."""
    from argmap.nlp.rules.stance import needed_phrase

    doc = parse(FUNDING_WHICH_COUNCILS_NEED)
    assert needed_phrase(doc[4]).text == "the funding"


def test_stance_cues__need__fires_for_a_named_proposal():
    """Needing a named proposal asks for it: support."""
    doc = parse(NEED_FAMILY_HELP)
    ctx = stance_ctx(doc)
    (cue,) = needed(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.NEED, +1)
    assert score(ctx, clause(ctx, doc[:]))[1] == +1


def test_stance_cues__need__near_miss():
    """Needing something that is neither a condition ground nor a proposal takes no side."""
    doc = parse(NEED_STAFF)
    ctx = stance_ctx(doc)
    assert needed(ctx, clause(ctx, doc[:])) == []
    assert cue_rules(NEED_STAFF) == []


SYSTEM_NEEDS_TO_CHANGE = """
This      DET   DT  det    1 O
system    NOUN  NN  nsubj  2 O
needs     VERB  VBZ ROOT   2 O lemma=need
to        PART  TO  aux    5 O
really    ADV   RB  advmod 5 O
change    VERB  VB  xcomp  2 O
.         PUNCT .   punct  2 O
"""
ACTION_IS_NEEDED = """
Urgent    ADJ   JJ  amod      1 O
action    NOUN  NN  nsubjpass 3 O
is        AUX   VBZ auxpass   3 O lemma=be
needed    VERB  VBN ROOT      3 O lemma=need
to        PART  TO  aux       5 O
fix       VERB  VB  xcomp     3 O
the       DET   DT  det       7 O
system    NOUN  NN  dobj      5 O
.         PUNCT .   punct     3 O
"""


def test_stance_cues__need__fires_on_a_call_for_change():
    """'This system needs to really change', 'urgent action is needed to fix the system': change to
    the present system is asked for (the reform as a whole, which the target step then names)."""
    for spec in (SYSTEM_NEEDS_TO_CHANGE, ACTION_IS_NEEDED):
        doc = parse(spec)
        ctx = stance_ctx(doc)
        (cue,) = needed(ctx, clause(ctx, doc[:]))
        assert (cue.kind, cue.sign) == (K.NEED, +1) and "change" in cue.label


INDUSTRY_NEEDS_A_RESET = """
The       DET   DT  det    1 O
industry  NOUN  NN  nsubj  2 O
needs     VERB  VBZ ROOT   2 O lemma=need
a         DET   DT  det    5 O
fundamental ADJ JJ  amod   5 O
reset     NOUN  NN  dobj   2 O
.         PUNCT .   punct  2 O
"""


def test_stance_cues__need__fires_on_a_reset_of_the_industry():
    """'The industry needs a fundamental reset': a reset is change, an industry the present
    arrangements; 'the industry needs a fundamental review' asks for nothing named."""
    doc = parse(INDUSTRY_NEEDS_A_RESET)
    ctx = stance_ctx(doc)
    (cue,) = needed(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.NEED, +1)
    near = parse(INDUSTRY_NEEDS_A_RESET.replace("reset     NOUN", "review    NOUN"))
    ctx = stance_ctx(near)
    assert needed(ctx, clause(ctx, near[:])) == []


SHE_SAID_COUNCILS_NEEDED = """
She       PRON  PRP nsubj    1 O
said      VERB  VBD ROOT     1 O lemma=say
councils  NOUN  NNS nsubj    3 O lemma=council
needed    VERB  VBD ccomp    1 O lemma=need
family    NOUN  NN  compound 5 O
help      NOUN  NN  dobj     3 O
.         PUNCT .   punct    1 O
"""
COUNCILS_NEEDED = """
Councils  NOUN  NNS nsubj    1 O lemma=council
needed    VERB  VBD ROOT     1 O lemma=need
family    NOUN  NN  compound 3 O
help      NOUN  NN  dobj     1 O
.         PUNCT .   punct    1 O
"""


def test_stance_cues__need__fires_in_a_past_tense_shifted_back_by_reported_speech():
    """'She said councils needed family help': what she says is needed now; 'Councils needed family
    help' on its own reports the past and asks for nothing."""
    doc = parse(SHE_SAID_COUNCILS_NEEDED)
    ctx = stance_ctx(doc)
    (cue,) = needed(ctx, clause(ctx, doc[:]))
    assert (cue.kind, cue.sign) == (K.NEED, +1)
    near = parse(COUNCILS_NEEDED)
    ctx = stance_ctx(near)
    assert needed(ctx, clause(ctx, near[:])) == []


def test_stance_cues__need__near_miss_change_of_something_else():
    """'These carers need to change', 'urgent action is needed to fix the forms' and 'the action is
    needed to fix the system' (a particular action) are no call for reform: no cue."""
    carers = SYSTEM_NEEDS_TO_CHANGE.replace("This      DET   DT  det    1 O", "These     DET   DT  det    1 O") \
        .replace("system    NOUN  NN  nsubj  2 O", "carers    NOUN  NNS nsubj  2 O lemma=carer")
    forms = ACTION_IS_NEEDED.replace("system    NOUN  NN  dobj      5 O", "forms     NOUN  NNS dobj      5 O lemma=form")
    particular = ACTION_IS_NEEDED.replace("Urgent    ADJ   JJ  amod      1 O", "The       DET   DT  det       1 O")
    for spec in (carers, forms, particular):
        doc = parse(spec)
        ctx = stance_ctx(doc)
        assert needed(ctx, clause(ctx, doc[:])) == []


ADDRESS_PROBLEMS = """
These     DET   DT  det   1 O
teams     NOUN  NNS nsubj 2 O lemma=team
seek      VERB  VBP ROOT  2 O
to        PART  TO  aux   4 O
address   VERB  VB  xcomp 2 O
the       DET   DT  det   6 O
problems  NOUN  NNS dobj  4 O lemma=problem
we        PRON  PRP nsubj 8 O
see       VERB  VBP relcl 6 O
.         PUNCT .   punct 2 O
"""
IGNORE_PROBLEMS = ADDRESS_PROBLEMS.replace("address   VERB", "ignore    VERB")


def test_stance_flips__remedied_problem__fires():
    doc = parse(ADDRESS_PROBLEMS)
    ctx = stance_ctx(doc)
    assert remedied_problem(ctx, doc[6], -1)
    assert [r.name for r in FLIPS if r(ctx, doc[6], -1)] == ["remedied-problem"]
    assert word_cue(ADDRESS_PROBLEMS, 6).sign == +1


END_DANGEROUS_USE = """
Homes      NOUN  NNS nsubj 1 O lemma=home
will       AUX   MD  aux   2 O
end        VERB  VB  ROOT  2 O
the        DET   DT  det   5 O
dangerous  ADJ   JJ  amod  5 O
use        NOUN  NN  dobj  2 O
of         ADP   IN  prep  5 O
hotels     NOUN  NNS pobj  6 O lemma=hotel
.          PUNCT .   punct 2 O
"""
CALL_DANGEROUS_USE = END_DANGEROUS_USE.replace("end        VERB  VB ", "call       VERB  VB ")


def test_stance_flips__remedied_problem__fires_on_a_problem_adjective():
    doc = parse(END_DANGEROUS_USE)
    ctx = stance_ctx(doc)
    assert remedied_problem(ctx, doc[4], -1)
    assert word_cue(END_DANGEROUS_USE, 4).sign == +1


def test_stance_flips__remedied_problem__fires_on_breaking_a_cycle():
    """'to break the dangerous cycle of late intervention': breaking a cycle remedies it."""
    spec = END_DANGEROUS_USE.replace("end        VERB  VB  ROOT  2 O", "break      VERB  VB  ROOT  2 O")
    doc = parse(spec)
    assert remedied_problem(stance_ctx(doc), doc[4], -1)
    assert word_cue(spec, 4).sign == +1


def test_stance_flips__remedied_problem__near_miss_adjective():
    """'call the use dangerous'... any verb but a remedy leaves the problem adjective an objection."""
    doc = parse(CALL_DANGEROUS_USE)
    ctx = stance_ctx(doc)
    assert not remedied_problem(ctx, doc[4], -1)
    assert word_cue(CALL_DANGEROUS_USE, 4).sign == -1


def test_stance_flips__remedied_problem__near_miss():
    doc = parse(IGNORE_PROBLEMS)
    ctx = stance_ctx(doc)
    assert not remedied_problem(ctx, doc[6], -1)
    assert word_cue(IGNORE_PROBLEMS, 6).sign == -1


PUBLISHED_GUIDANCE = """
Today      NOUN  NN   npadvmod 3 B-DATE
BASW       PROPN NNP  nsubj    3 B-ORG
has        AUX   VBZ  aux      3 O lemma=have
published  VERB  VBN  ROOT     3 O lemma=publish
its        PRON  PRP$ poss     6 O
practice   NOUN  NN   compound 6 O
guidance   NOUN  NN   dobj     3 O
.          PUNCT .    punct    3 O
"""
COUNCIL_PUBLISHED = """
BASW       PROPN NNP  nsubj    1 B-ORG
said       VERB  VBD  ROOT     1 O lemma=say
the        DET   DT   det      3 O
council    NOUN  NN   nsubj    5 O
has        AUX   VBZ  aux      5 O lemma=have
published  VERB  VBN  ccomp    1 O lemma=publish
its        PRON  PRP$ poss     8 O
practice   NOUN  NN   compound 8 O
guidance   NOUN  NN   dobj     5 O
.          PUNCT .    punct    1 O
"""


REPORT_INCLUDES = """
The        DET   DT   det      1 O
report     NOUN  NN   nsubj    2 O
includes   VERB  VBZ  ROOT     2 O lemma=include
family     NOUN  NN   compound 4 O
help       NOUN  NN   dobj     2 O
.          PUNCT .    punct    2 O
"""


def test_stance_fallbacks__work_contents__fires():
    """The report's publisher (attribution's 'work-contents') puts forward what it includes."""
    doc = parse(REPORT_INCLUDES)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:], unit(doc[:], speaker="basw", cue="the report includes", rule="work-contents"))
    cue = work_contents(ctx, c)
    assert (cue.kind, cue.sign, cue.rule) == (K.GOVERNMENT, +1, "work-contents")
    assert FALLBACKS.first_named(ctx, c)[0] == "work-contents"


def test_stance_fallbacks__work_contents__near_miss():
    """The same sentence in a writer's own voice describes the report; it takes no side."""
    doc = parse(REPORT_INCLUDES)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:], unit(doc[:], speaker="basw", cue="author", rule="author"))
    assert work_contents(ctx, c) is None
    assert FALLBACKS.first_named(ctx, c) is None or FALLBACKS.first_named(ctx, c)[0] != "work-contents"


COUNCIL_SET_UP = """
Northfold  PROPN NNP  compound 1 B-ORG
Council    PROPN NNP  nsubj    3 I-ORG
has        AUX   VBZ  aux      3 O
set        VERB  VBN  ROOT     3 O lemma=set
up         ADP   RP   prt      3 O
family     NOUN  NN   compound 6 O
help       NOUN  NN   compound 7 O
teams      NOUN  NNS  dobj     3 O lemma=team
.          PUNCT .    punct    3 O
"""
COUNCIL_IS_A_CHARITY = """
Northfold  PROPN NNP  compound 1 B-ORG
Council    PROPN NNP  nsubj    2 I-ORG
is         AUX   VBZ  ROOT     2 O lemma=be
a          DET   DT   det      4 O
charity    NOUN  NN   attr     2 O
that       PRON  WDT  nsubj    6 O
runs       VERB  VBZ  relcl    4 O lemma=run
family     NOUN  NN   compound 8 O
help       NOUN  NN   dobj     6 O
.          PUNCT .    punct    2 O
"""


def _own(spec: str, third_person: bool = True):
    doc = parse(spec, third_person=third_person)
    place_actors(doc, (0, 2, "northfold-council", "organisation"))
    ctx = stance_ctx(doc)
    return ctx, clause(ctx, doc[:], unit(doc[:], speaker="northfold-council", cue="author", rule="author"))


def test_stance_fallbacks__own_doing__fires():
    """On the council's own page, written of itself by name: 'Northfold Council has set up family help
    teams' backs family help."""
    ctx, c = _own(COUNCIL_SET_UP)
    cue = own_doing(ctx, c)
    assert (cue.kind, cue.sign, cue.rule) == (K.GOVERNMENT, +1, "own-doing")
    assert FALLBACKS.first_named(ctx, c)[0] == "own-doing"


def test_stance_fallbacks__own_doing__near_miss():
    """The same words on a page that speaks as 'we' (not written of itself by name), or 'Northfold
    Council is a charity that runs family help' (what it is): no stance from this rule."""
    ctx, c = _own(COUNCIL_SET_UP, third_person=False)
    assert own_doing(ctx, c) is None
    ctx, c = _own(COUNCIL_IS_A_CHARITY)
    assert own_doing(ctx, c) is None
    assert FALLBACKS.first_named(ctx, c) is None or FALLBACKS.first_named(ctx, c)[0] != "own-doing"


def test_stance_fallbacks__publisher__fires():
    doc = parse(PUBLISHED_GUIDANCE)
    place_actors(doc, (1, 2, "basw"))
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:], unit(doc[:], speaker="basw", cue="publish"))
    cue = publisher(ctx, c)
    assert (cue.kind, cue.sign, cue.rule) == (K.GOVERNMENT, +1, "publisher")
    assert FALLBACKS.first_named(ctx, c)[0] == "publisher"


def test_stance_fallbacks__publisher__near_miss():
    """BASW reporting that the council published guidance does not back it."""
    doc = parse(COUNCIL_PUBLISHED)
    place_actors(doc, (0, 1, "basw"))
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:], unit(doc[:], speaker="basw"))
    assert publisher(ctx, c) is None
    assert FALLBACKS.first_named(ctx, c) is None


BETTER_HELP = """
Carers  NOUN  NNS nsubj    1 O lemma=carer
want    VERB  VBP ROOT     1 O
better  ADJ   JJR amod     4 O lemma=well
family  NOUN  NN  compound 4 O
help    NOUN  NN  dobj     1 O
.       PUNCT .   punct    1 O
"""
JUST_HELP = """
Carers  NOUN  NNS nsubj    1 O lemma=carer
want    VERB  VBP ROOT     1 O
family  NOUN  NN  compound 3 O
help    NOUN  NN  dobj     1 O
.       PUNCT .   punct    1 O
"""


def test_stance_fallbacks__improvement__fires():
    doc = parse(BETTER_HELP)
    ctx = stance_ctx(doc)
    cue = improvement(ctx, clause(ctx, doc[:], unit(doc[:])))
    assert (cue.kind, cue.sign) == (K.IMPROVE, +1) and cue.label.startswith("better")
    assert fallback(BETTER_HELP)[0] == "improvement"


def test_stance_fallbacks__improvement__near_miss():
    doc = parse(JUST_HELP)
    ctx = stance_ctx(doc)
    assert improvement(ctx, clause(ctx, doc[:], unit(doc[:]))) is None
    assert fallback(JUST_HELP) is None


ALLOWANCE_WOULD_HELP = """
The        DET   DT  det      2 O
kinship    NOUN  NN  compound 2 O
allowance  NOUN  NN  nsubj    4 O
would      AUX   MD  aux      4 O
help       VERB  VB  ROOT     4 O
grandparents NOUN NNS dobj    4 O lemma=grandparent
.          PUNCT .   punct    4 O
"""
ALLOWANCE_WOULD_NOT_HELP = """
The        DET   DT  det      2 O
kinship    NOUN  NN  compound 2 O
allowance  NOUN  NN  nsubj    5 O
would      AUX   MD  aux      5 O
not        PART  RB  neg      5 O
help       VERB  VB  ROOT     5 O
grandparents NOUN NNS dobj    5 O lemma=grandparent
.          PUNCT .   punct    5 O
"""
GRANDPARENTS_WOULD_HELP = """
Grandparents NOUN NNS nsubj   2 O lemma=grandparent
would      AUX   MD  aux      2 O
help       VERB  VB  ROOT     2 O
the        DET   DT  det      4 O
children   NOUN  NNS dobj     2 O lemma=child
.          PUNCT .   punct    2 O
"""


def test_stance_fallbacks__promised_benefit__fires():
    """'The kinship allowance would help grandparents': what a named proposal will do backs it."""
    doc = parse(ALLOWANCE_WOULD_HELP)
    ctx = stance_ctx(doc)
    cue = promised_benefit(ctx, clause(ctx, doc[:], unit(doc[:])))
    assert (cue.kind, cue.sign, cue.rule) == (K.IMPROVE, +1, "promised-benefit")
    assert fallback(ALLOWANCE_WOULD_HELP)[0] == "promised-benefit"


def test_stance_fallbacks__promised_benefit__near_miss():
    """Negated ('would not help'), or said of people rather than a proposal: nothing."""
    for spec in (ALLOWANCE_WOULD_NOT_HELP, GRANDPARENTS_WOULD_HELP):
        doc = parse(spec)
        ctx = stance_ctx(doc)
        assert promised_benefit(ctx, clause(ctx, doc[:], unit(doc[:]))) is None
        assert fallback(spec) is None or fallback(spec)[0] != "promised-benefit"


HAD_WARNED = """
The       DET   DT  det       1 O
charity   NOUN  NN  nsubj     12 O
,         PUNCT ,   punct     1 O
which     PRON  WDT nsubj     5 O
had       AUX   VBD aux       5 O lemma=have
warned    VERB  VBN relcl     1 O lemma=warn
that      SCONJ IN  mark      10 O
the       DET   DT  det       8 O
plan      NOUN  NN  nsubjpass 10 O
was       AUX   VBD auxpass   10 O lemma=be
rushed    VERB  VBN ccomp     5 O lemma=rush
,         PUNCT ,   punct     1 O
welcomed  VERB  VBD ROOT      12 O lemma=welcome
the       DET   DT  det       14 O
guidance  NOUN  NN  dobj      12 O
.         PUNCT .   punct     12 O
"""
HAS_WARNED = HAD_WARNED.replace("had       AUX   VBD aux", "has       AUX   VBZ aux")


def test_stance_cues__recalled__fires():
    """'which had warned that ...' recalls an earlier stance: what counts now is the welcome."""
    doc = parse(HAD_WARNED)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:])
    assert recalled(ctx, c) is None and c.used == set(range(3, 11))
    found, sign = score(ctx, clause(ctx, doc[:]))
    assert [cue.label for cue in found] == ["welcomed"] and sign == +1


def test_stance_cues__recalled__near_miss():
    """'which has warned that ...' is a warning that still stands."""
    doc = parse(HAS_WARNED)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:])
    recalled(ctx, c)
    assert c.used == set()
    found, sign = score(ctx, clause(ctx, doc[:]))
    assert sorted(cue.label for cue in found) == ["rushed", "warned", "welcomed"] and sign == -1


def test_draft_record__is_what_asdict_gives():
    from dataclasses import asdict

    from argmap.model import Stance
    from argmap.nlp.cues import Cue, Draft

    d = Draft(3, 10, 20, "basw", Stance.OBJECT, [Cue("word", -1, "warned", "verb", 0.5)], "speech-verb",
              ["p1"], ["funding"], ["named"])
    expected = asdict(d)
    expected["stance"] = "object"
    assert d.record() == expected
    assert Draft.from_record(d.record()) == d


# 'Councils must meet families before children are removed.'
BEFORE_CHILDREN_REMOVED = """
Councils    NOUN  NNS nsubj     2 O lemma=council
must        AUX   MD  aux       2 O
meet        VERB  VB  ROOT      2 O
families    NOUN  NNS dobj      2 O lemma=family
before      SCONJ IN  mark      7 O
children    NOUN  NNS nsubjpass 7 O lemma=child
are         AUX   VBP auxpass   7 O lemma=be
removed     VERB  VBN advcl     2 O lemma=remove
.           PUNCT .   punct     2 O
"""


def test_stance_not_a_cue__when_it_happens__fires():
    """'before children are removed': when the meeting happens, not an objection to anything."""
    doc = parse(BEFORE_CHILDREN_REMOVED)
    assert when_it_happens(stance_ctx(doc), doc[7], -1)
    assert word_cue(BEFORE_CHILDREN_REMOVED, 7) is None


def test_stance_not_a_cue__when_it_happens__near_miss_not_people_or_no_clause_of_time():
    """'before the cap is removed' is about a plan; 'because children are removed' gives a reason."""
    capped = BEFORE_CHILDREN_REMOVED.replace("children    NOUN  NNS nsubjpass 7 O lemma=child",
                                             "caps        NOUN  NNS nsubjpass 7 O lemma=cap")
    doc = parse(capped)
    assert not when_it_happens(stance_ctx(doc), doc[7], -1)
    because = BEFORE_CHILDREN_REMOVED.replace("before      SCONJ IN  mark", "because     SCONJ IN  mark")
    doc = parse(because)
    assert not when_it_happens(stance_ctx(doc), doc[7], -1)
    assert word_cue(because, 7).sign == -1


WHEN_THERE_ARE_CONCERNS = """
Relatives   NOUN  NNS nsubjpass 3 O lemma=relative
should      AUX   MD  aux       3 O
be          AUX   VB  auxpass   3 O
consulted   VERB  VBN ROOT      3 O lemma=consult
first       ADV   RB  advmod    3 O
when        SCONJ WRB advmod    7 O
there       PRON  EX  expl      7 O
are         VERB  VBP advcl     3 O lemma=be
concerns    NOUN  NNS attr      7 O lemma=concern
about       ADP   IN  prep      8 O
the         DET   DT  det       11 O
plan        NOUN  NN  pobj      9 O
.           PUNCT .   punct     3 O
"""


def test_stance_not_a_cue__when_there_are__fires():
    """'consulted first when there are concerns about the plan': when it is done, not an objection."""
    doc = parse(WHEN_THERE_ARE_CONCERNS)
    assert when_there_are(stance_ctx(doc), doc[8], -1)
    assert word_cue(WHEN_THERE_ARE_CONCERNS, 8) is None


def test_stance_not_a_cue__when_there_are__near_miss_a_reason_not_a_time():
    """'because there are concerns about the plan' gives a reason: the worry stands."""
    because = WHEN_THERE_ARE_CONCERNS.replace("when        SCONJ WRB advmod    7 O", "because     SCONJ IN  mark      7 O")
    doc = parse(because)
    assert not when_there_are(stance_ctx(doc), doc[8], -1)
    assert word_cue(because, 8).sign == -1


WELCOME_CHANCE = """
We           PRON  PRP nsubj  1 O
welcome      VERB  VBP ROOT   1 O
the          DET   DT  det    3 O
opportunity  NOUN  NN  dobj   1 O
to           PART  TO  aux    5 O
respond      VERB  VB  acl    3 O
to           ADP   IN  prep   5 O
the          DET   DT  det    8 O
plan         NOUN  NN  pobj   6 O
.            PUNCT .   punct  1 O
"""
DELIGHTED_CHANCE = """
We           PRON  PRP nsubj  1 O
are          AUX   VBP ROOT   1 O lemma=be
delighted    ADJ   JJ  acomp  1 O
to           PART  TO  aux    4 O
have         VERB  VB  xcomp  2 O
the          DET   DT  det    6 O
chance       NOUN  NN  dobj   4 O
to           PART  TO  aux    8 O
comment      VERB  VB  acl    6 O
.            PUNCT .   punct  1 O
"""


@pytest.mark.parametrize("spec,cue", [(WELCOME_CHANCE, 1), (DELIGHTED_CHANCE, 2)])
def test_stance_not_a_cue__chance_to_take_part__fires(spec, cue):
    """'We welcome the opportunity to respond to the plan', 'delighted to have the chance to comment':
    a courtesy to those who asked, not support for the plan."""
    doc = parse(spec)
    assert chance_to_take_part(stance_ctx(doc), doc[cue], +1)
    assert word_cue(spec, cue) is None


def test_stance_not_a_cue__chance_to_take_part__near_miss_a_chance_to_do_the_thing():
    """'We welcome the opportunity to reform the plan': a chance to do something, not to take part."""
    reform = WELCOME_CHANCE.replace("respond      VERB  VB  acl    3 O", "reform       VERB  VB  acl    3 O")
    doc = parse(reform)
    assert not chance_to_take_part(stance_ctx(doc), doc[1], +1)
    assert word_cue(reform, 1).sign == 1


# "The Opposition spokesperson asked about the plan."
OPPOSITION_SPOKESPERSON = """
The           DET   DT  det      2 O
Opposition    PROPN NNP compound 2 O lemma=opposition
spokesperson  NOUN  NN  nsubj    3 O
asked         VERB  VBD ROOT     3 O lemma=ask
about         ADP   IN  prep     3 O
the           DET   DT  det      6 O
plan          NOUN  NN  pobj     4 O
.             PUNCT .   punct    3 O
"""


def test_stance_not_a_cue__the_opposition__fires():
    """'The Opposition spokesperson asked about the plan': the parties out of office, no objection."""
    doc = parse(OPPOSITION_SPOKESPERSON)
    assert the_opposition(stance_ctx(doc), doc[1], -1)
    assert word_cue(OPPOSITION_SPOKESPERSON, 1) is None


def test_stance_not_a_cue__the_opposition__near_miss():
    """'the opposition spokesperson' in lower case, or 'Opposition to the plan' opening a sentence: an objection."""
    lower = OPPOSITION_SPOKESPERSON.replace("Opposition    PROPN NNP compound 2 O lemma=opposition",
                                            "opposition    NOUN  NN  compound 2 O")
    doc = parse(lower)
    assert not the_opposition(stance_ctx(doc), doc[1], -1)
    doc = parse(OPPOSITION_WRONG)
    assert not the_opposition(stance_ctx(doc), doc[0], -1)
    assert word_cue(OPPOSITION_WRONG, 0).sign == -1


# 'Opposition to the plan is wrong.'
OPPOSITION_WRONG = """
Opposition  NOUN  NN  nsubj  4 O
to          ADP   IN  prep   0 O
the         DET   DT  det    3 O
plan        NOUN  NN  pobj   1 O
is          AUX   VBZ ROOT   4 O lemma=be
wrong       ADJ   JJ  acomp  4 O
.           PUNCT .   punct  4 O
"""


def test_stance_cues__opposition_judged__fires():
    """'Opposition to the plan is wrong': judging the opposition wrong backs the plan (one cue, not two objections)."""
    doc = parse(OPPOSITION_WRONG)
    ctx = stance_ctx(doc)
    c = clause(ctx, doc[:])
    cues = opposition_judged(ctx, c)
    assert [(q.sign, q.rule) for q in cues] == [(+1, "opposition-judged")]
    assert cue_rules(OPPOSITION_WRONG) == ["opposition-judged"]


def test_stance_cues__opposition_judged__near_miss_growing_or_not_opposition():
    """'Opposition to the plan is growing' judges nothing; 'Support for the plan is wrong' objects."""
    growing = OPPOSITION_WRONG.replace("wrong       ADJ   JJ  acomp", "growing     VERB  VBG acomp")
    doc = parse(growing)
    ctx = stance_ctx(doc)
    assert opposition_judged(ctx, clause(ctx, doc[:])) == []
    support = OPPOSITION_WRONG.replace("Opposition  NOUN", "Support     NOUN")
    doc = parse(support)
    ctx = stance_ctx(doc)
    assert opposition_judged(ctx, clause(ctx, doc[:])) == []
    assert "opposition-judged" not in cue_rules(support)


# 'Duties must be fully funded.'
MUST_BE_FUNDED = """
Duties  NOUN  NNS nsubjpass 4 O lemma=duty
must    AUX   MD  aux       4 O
be      AUX   VB  auxpass   4 O
fully   ADV   RB  advmod    4 O
funded  VERB  VBN ROOT      4 O lemma=fund
.       PUNCT .   punct     4 O
"""


def test_stance_cues__funded_condition__fires():
    """'Duties must be fully funded': a condition on funding, an objection on that ground."""
    doc = parse(MUST_BE_FUNDED)
    ctx = stance_ctx(doc)
    cues = funded_condition(ctx, clause(ctx, doc[:]))
    assert [(q.sign, q.kind, q.rule) for q in cues] == [(-1, "condition", "funded-condition")]
    assert "funded-condition" in cue_rules(MUST_BE_FUNDED)


def test_stance_cues__funded_condition__near_miss_a_fact_or_no_sufficiency():
    """'Duties are fully funded' states a fact; 'Duties must be funded' asks nothing in full."""
    fact = MUST_BE_FUNDED.replace("must    AUX   MD  aux       4 O", "now     ADV   RB  advmod    4 O") \
        .replace("be      AUX   VB  auxpass   4 O", "are     AUX   VBP auxpass   4 O")
    doc = parse(fact)
    ctx = stance_ctx(doc)
    assert funded_condition(ctx, clause(ctx, doc[:])) == []
    plain = MUST_BE_FUNDED.replace("fully   ADV   RB  advmod    4 O", "soon    ADV   RB  advmod    4 O")
    doc = parse(plain)
    ctx = stance_ctx(doc)
    assert funded_condition(ctx, clause(ctx, doc[:])) == []


# 'Family help, proposed by the Trust.'
PROPOSED_BY_TRUST = """
Family    NOUN  NN  compound 1 O
help      NOUN  NN  ROOT     1 O
,         PUNCT ,   punct    1 O
proposed  VERB  VBN acl      1 O lemma=propose
by        ADP   IN  agent    3 O
the       DET   DT  det      6 O
Trust     PROPN NNP pobj     4 B-ORG
.         PUNCT .   punct    1 O
"""


def test_stance_word__a_passive_proposers_agent_makes_it_someone_elses_act():
    """'family help, proposed by the Trust' in Jo Bell's sentence: the Trust's act, not her support."""
    doc = parse(PROPOSED_BY_TRUST)
    place_actors(doc, (5, 7, "the-trust", "organisation"))
    ctx = stance_ctx(doc)
    assert someone_elses_act(ctx, doc[3], clause(ctx, doc[:], unit(doc[:], speaker="jo-bell")))


def test_stance_word__a_passive_proposers_agent_near_miss_the_speaker_or_no_agent():
    """Said by the Trust itself it is its own support; 'proposed with the Trust' names no agent."""
    doc = parse(PROPOSED_BY_TRUST)
    place_actors(doc, (5, 7, "the-trust", "organisation"))
    ctx = stance_ctx(doc)
    assert not someone_elses_act(ctx, doc[3], clause(ctx, doc[:], unit(doc[:], speaker="the-trust")))
    spec = PROPOSED_BY_TRUST.replace("by        ADP   IN  agent", "with      ADP   IN  prep ")
    doc = parse(spec)
    place_actors(doc, (5, 7, "the-trust", "organisation"))
    ctx = stance_ctx(doc)
    assert not someone_elses_act(ctx, doc[3], clause(ctx, doc[:], unit(doc[:], speaker="jo-bell")))


# 'The cap is a reserve power if other measures fail.'
RESERVE_IF_FAIL = """
The         DET   DT  det       1 O
cap         NOUN  NN  nsubj     2 O
is          AUX   VBZ ROOT      2 O lemma=be
a           DET   DT  det       5 O
reserve     NOUN  NN  compound  5 O
power       NOUN  NN  attr      2 O
if          SCONJ IN  mark      9 O
other       ADJ   JJ  amod      8 O
measures    NOUN  NNS nsubj     9 O lemma=measure
fail        VERB  VBP advcl     2 O
.           PUNCT .   punct     2 O
"""


def test_stance_not_a_cue__if_it_happens__fires():
    """'if other measures fail': a condition of the cap, not an objection to anything."""
    doc = parse(RESERVE_IF_FAIL)
    assert if_it_happens(stance_ctx(doc), doc[9], -1)
    assert word_cue(RESERVE_IF_FAIL, 9) is None


def test_stance_not_a_cue__if_it_happens__near_miss_no_condition_or_a_main_verb():
    """'because other measures fail' gives a reason; 'other measures fail' as the main verb is a verdict."""
    because = RESERVE_IF_FAIL.replace("if          SCONJ IN  mark", "because     SCONJ IN  mark")
    doc = parse(because)
    assert not if_it_happens(stance_ctx(doc), doc[9], -1)
    assert word_cue(because, 9).sign == -1
    main = """
Other       ADJ   JJ  amod      1 O
measures    NOUN  NNS nsubj     2 O lemma=measure
fail        VERB  VBP ROOT      2 O
.           PUNCT .   punct     2 O
"""
    doc = parse(main)
    assert not if_it_happens(stance_ctx(doc), doc[2], -1)
    assert word_cue(main, 2).sign == -1


# 'It will remove old rules and barriers.'
REMOVE_RULES_AND_BARRIERS = """
It        PRON  PRP nsubj  2 O
will      AUX   MD  aux    2 O
remove    VERB  VB  ROOT   2 O
old       ADJ   JJ  amod   4 O
rules     NOUN  NNS dobj   2 O lemma=rule
and       CCONJ CC  cc     4 O
barriers  NOUN  NNS conj   4 O lemma=barrier
.         PUNCT .   punct  2 O
"""


def test_stance_flips__a_remedied_problem_joined_to_the_object_is_remedied_too():
    """'remove old rules and barriers': the problem word is the second object, and it is remedied
    all the same, so neither 'remove' nor 'barriers' objects."""
    doc = parse(REMOVE_RULES_AND_BARRIERS)
    ctx = stance_ctx(doc)
    assert objection_object(ctx, doc[2], -1) and remedied_problem(ctx, doc[6], -1)
    assert word_cue(REMOVE_RULES_AND_BARRIERS, 2).sign == +1 and word_cue(REMOVE_RULES_AND_BARRIERS, 6).sign == +1


def test_stance_flips__a_problem_joined_to_a_subject_is_not_remedied():
    """'Rules and barriers remain': joined to a subject of no remedy verb, the problem word objects."""
    spec = """
Rules     NOUN  NNS nsubj  3 O lemma=rule
and       CCONJ CC  cc     0 O
barriers  NOUN  NNS conj   0 O lemma=barrier
remain    VERB  VBP ROOT   3 O
.         PUNCT .   punct  3 O
"""
    doc = parse(spec)
    assert not remedied_problem(stance_ctx(doc), doc[2], -1)
    assert word_cue(spec, 2).sign == -1


# 'The Department for Education said the strategy will start in April.'
DFE_SAID_THE_STRATEGY = """
The          DET   DT  det      3 B-ORG
Department   PROPN NNP nsubj    4 I-ORG
for          ADP   IN  prep     1 I-ORG
Education    PROPN NNP pobj     2 I-ORG
said         VERB  VBD ROOT     4 O lemma=say
the          DET   DT  det      6 O
strategy     NOUN  NN  nsubj    8 O lemma=strategy
will         AUX   MD  aux      8 O
start        VERB  VB  ccomp    4 O
in           ADP   IN  prep     8 O
April        PROPN NNP pobj     9 B-DATE
.            PUNCT .   punct    4 O
"""


def test_stance_fallbacks__government_plan__fires_on_a_document_pointed_back_to():
    """'The Department said the strategy will start in April': the strategy, pointed back to as the
    subject of what it says, is the government's own plan."""
    ctx, c = speaker_clause(DFE_SAID_THE_STRATEGY, "dfe")
    assert FALLBACKS.first_named(ctx, c)[0] == "government-plan"


def test_stance_fallbacks__government_plan__near_miss_a_report_pointed_back_to():
    """'... said the report will start in April': a report is nobody's plan by that word alone."""
    spec = DFE_SAID_THE_STRATEGY.replace("strategy     NOUN  NN  nsubj    8 O lemma=strategy",
                                     "report       NOUN  NN  nsubj    8 O lemma=report")
    ctx, c = speaker_clause(spec, "dfe")
    assert FALLBACKS.first_named(ctx, c) is None
