"""The actor rules, one by one, on hand-built Docs: where each fires and a near miss where it must not.

Tables: actors.mentions, actors.entity-repairs, actors.role-neighbours, actors.implausible, actors.roles.
"""

from __future__ import annotations

import pytest

from argmap.nlp.actors import find_actors
from argmap.nlp.rules.actors import (
    ENTITY_REPAIRS, IMPLAUSIBLE, ROLE_NEIGHBOURS, ROLES, apposition_after, cut_name, entities, field_or_document,
    heading_name, known_actors,
    law_name, listed_not_actor, outlet_name, signatory_lines, lone_role, looks_like_person, name_of_org, named_with_role, not_a_name,
    odd_characters, place_tag_person, plain_entity, plausible, portfolio, proposal_name, role_after, titled_document, epithet, role_before,
    letters_of_office, peer_of_place,
    remit_name, role_before_name, role_inside, role_phrase_before, speaker_lines, speech_subjects, titled_names, work_speaks,
)
from argmap.nlp.state import ACTOR_SPANS, REGISTRY

from .kit import EVIDENCE_BY_NAME_PARSED_APART, ORG, PERSON, SIGNED_LETTER, actor_ctx, holding, parse


def actors_found(spec: str) -> list[tuple[str, str, str]]:
    """(text, key, type) of every actor mention the actors stage leaves on the Doc."""
    ctx = actor_ctx(parse(spec))
    doc = find_actors(ctx.doc, ctx.taxonomy, ctx.lex)
    registry = doc.user_data[REGISTRY]
    return [(s.text, s.label_, registry[s.label_]["type"]) for s in doc.spans[ACTOR_SPANS]]


def registry_of(spec: str) -> dict:
    ctx = actor_ctx(parse(spec))
    return find_actors(ctx.doc, ctx.taxonomy, ctx.lex).user_data[REGISTRY]


def described(mentions) -> list[tuple[str, str]]:
    return [(m.span.text, m.type) for m in mentions]


# ---------------------------------------------------------------- actors.mentions
BASW_SAID = """
BASW    PROPN NNP nsubj     1 O
said    VERB  VBD ROOT      1 O lemma=say
the     DET   DT  det       3 O
plans   NOUN  NNS nsubjpass 5 O lemma=plan
were    AUX   VBD auxpass   5 O lemma=be
rushed  VERB  VBN ccomp     1 O lemma=rush
.       PUNCT .   punct     1 O
"""
ASSOCIATION_SAID = """
The          DET   DT  det       1 O
association  NOUN  NN  nsubj     2 O
said         VERB  VBD ROOT      2 O lemma=say
the          DET   DT  det       4 O
plans        NOUN  NNS nsubjpass 6 O lemma=plan
were         AUX   VBD auxpass   6 O lemma=be
rushed       VERB  VBN ccomp     2 O lemma=rush
.            PUNCT .   punct     2 O
"""


MINISTERS_MET_BASW = """
Ministers NOUN  NNS nsubj     1 O lemma=minister
met       VERB  VBD ROOT      1 O lemma=meet
BASW      PROPN NNP dobj      1 O
.         PUNCT .   punct     1 O
"""


def test_actors_mentions__known_actor__fires():
    ctx = actor_ctx(parse(BASW_SAID))
    (m,) = known_actors(ctx, [])
    assert (m.span.text, m.type, m.key, m.known) == ("BASW", ORG, "basw", True)
    assert registry_of(BASW_SAID)["basw"]["known"] is True  # the taxonomy's actor, not a name found in the text
    # untagged and no speaker, the name is found only because the taxonomy knows it
    assert actors_found(MINISTERS_MET_BASW) == [("BASW", "basw", ORG)]


def test_actors_mentions__known_actor__near_miss():
    ctx = actor_ctx(parse(ASSOCIATION_SAID))
    assert known_actors(ctx, []) == []
    assert actors_found(ASSOCIATION_SAID) == []


CORAMQ_SET_UP = """
CoramQ  PROPN NNP nsubj 2 O
has     AUX   VBZ aux   2 O lemma=have
set     VERB  VBN ROOT  2 O
up      ADP   RP  prt   2 O
a       DET   DT  det   5 O
panel   NOUN  NN  dobj  2 O
.       PUNCT .   punct 2 O
"""


def test_actors_mentions__outlet__fires():
    ctx = actor_ctx(parse(CORAMQ_SET_UP, outlet="CoramQ"))
    assert described(outlet_name(ctx, [])) == [("CoramQ", ORG)]
    plain = CORAMQ_SET_UP.replace("CoramQ", "Coramq")  # no capital inside: only the outlet rule finds it
    ctx = actor_ctx(parse(plain, outlet="Coramq"))
    doc = find_actors(ctx.doc, ctx.taxonomy, ctx.lex)
    assert [(s.text, doc.user_data[REGISTRY][s.label_]["type"]) for s in doc.spans[ACTOR_SPANS]] == [("Coramq", ORG)]


# "Hearth Children’s Trust has set up a panel." (a curly apostrophe in the text)
HEARTH_CHILDRENS_TRUST = """
Hearth    PROPN NNP  compound 1 O
Children  PROPN NNP  poss     3 O
’s        PART  POS  case     1 O
Trust     PROPN NNP  nsubj    5 O
has       AUX   VBZ  aux      5 O lemma=have
set       VERB  VBN  ROOT     5 O
up        ADP   RP   prt      5 O
a         DET   DT   det      8 O
panel     NOUN  NN   dobj     5 O
.         PUNCT .    punct    5 O
"""


def test_actors_mentions__outlet__fires_whichever_apostrophe_each_side_writes():
    """The outlet 'Hearth Children's Trust' (a straight apostrophe) is written 'Hearth Children’s Trust'
    in the text: the same name."""
    ctx = actor_ctx(parse(HEARTH_CHILDRENS_TRUST, outlet="Hearth Children's Trust"))
    assert described(outlet_name(ctx, [])) == [("Hearth Children’s Trust", ORG)]
    other = actor_ctx(parse(HEARTH_CHILDRENS_TRUST, outlet="Hearth Childrens Trust"))
    assert outlet_name(other, []) == []


# "Amanda Knowles spoke. Later, Amanda agreed.", the NER model taking the lone "Amanda" for an organisation
LONE_FIRST_NAME = """
Amanda   PROPN NNP compound 1 B-PERSON
Knowles  PROPN NNP nsubj    2 I-PERSON
spoke    VERB  VBD ROOT     2 O lemma=speak
.        PUNCT .   punct    2 O
Later    ADV   RB  advmod   7 O
,        PUNCT ,   punct    7 O
Amanda   PROPN NNP nsubj    7 B-ORG
agreed   VERB  VBD ROOT     7 O lemma=agree
.        PUNCT .   punct    7 O
"""


def test_actors_resolve__a_lone_first_name_tagged_as_an_organisation_is_the_person_named_in_full():
    assert actors_found(LONE_FIRST_NAME) == [("Amanda Knowles", "amanda-knowles", PERSON),
                                              ("Amanda", "amanda-knowles", PERSON)]


def test_actors_resolve__near_miss_two_people_share_the_first_name():
    """With Amanda Knowles and Amanda Price both named, a lone 'Amanda' is neither."""
    spec = LONE_FIRST_NAME.replace("spoke    VERB  VBD ROOT     2 O lemma=speak", """spoke    VERB  VBD ROOT     2 O lemma=speak
with     ADP   IN  prep     2 O
Amanda   PROPN NNP compound 5 B-PERSON
Price    PROPN NNP pobj     3 I-PERSON""").replace("Later    ADV   RB  advmod   7 O", "Later    ADV   RB  advmod   10 O") \
        .replace(",        PUNCT ,   punct    7 O", ",        PUNCT ,   punct    10 O") \
        .replace("Amanda   PROPN NNP nsubj    7 B-ORG", "Amanda   PROPN NNP nsubj    10 B-ORG") \
        .replace("agreed   VERB  VBD ROOT     7 O lemma=agree", "agreed   VERB  VBD ROOT     10 O lemma=agree") \
        .replace(".        PUNCT .   punct    7 O", ".        PUNCT .   punct    10 O")
    assert ("Amanda", "amanda-knowles", PERSON) not in actors_found(spec)


# "Dame Amanda Knowles spoke. Later, Dame Amanda agreed."
TITLED_FIRST_NAME = """
Dame     PROPN NNP compound 2 O
Amanda   PROPN NNP compound 2 B-PERSON
Knowles  PROPN NNP nsubj    3 I-PERSON
spoke    VERB  VBD ROOT     3 O lemma=speak
.        PUNCT .   punct    3 O
Later    ADV   RB  advmod   9 O
,        PUNCT ,   punct    9 O
Dame     PROPN NNP compound 8 B-PERSON
Amanda   PROPN NNP nsubj    9 I-PERSON
agreed   VERB  VBD ROOT     9 O lemma=agree
.        PUNCT .   punct    9 O
"""


# "Dame Amanda Knowles spoke with Dame Amanda Price. Later, Dame Amanda agreed."
TWO_DAMES = """
Dame     PROPN NNP compound 2 O
Amanda   PROPN NNP compound 2 B-PERSON
Knowles  PROPN NNP nsubj    3 I-PERSON
spoke    VERB  VBD ROOT     3 O lemma=speak
with     ADP   IN  prep     3 O
Dame     PROPN NNP compound 7 O
Amanda   PROPN NNP compound 7 B-PERSON
Price    PROPN NNP pobj     4 I-PERSON
.        PUNCT .   punct    3 O
Later    ADV   RB  advmod   13 O
,        PUNCT ,   punct    13 O
Dame     PROPN NNP compound 12 B-PERSON
Amanda   PROPN NNP nsubj    13 I-PERSON
agreed   VERB  VBD ROOT     13 O lemma=agree
.        PUNCT .   punct    13 O
"""


def test_actors_resolve__a_title_with_a_first_name_is_the_person_named_in_full():
    """'Dame Amanda', after 'Dame Amanda Knowles': a title given with a first name names the one
    person with that first name."""
    assert {k for _, k, _ in actors_found(TITLED_FIRST_NAME)} == {"amanda-knowles"}


def test_actors_resolve__near_miss_a_title_with_a_surname_or_two_people_with_the_first_name():
    """'Baroness Amanda' is a peer's title with her name, not a first name; and with Amanda Knowles
    and Amanda Price both named, 'Dame Amanda' is neither."""
    peer = TITLED_FIRST_NAME.replace("Dame     PROPN NNP compound 8 B-PERSON", "Baroness PROPN NNP compound 8 B-PERSON")
    assert "amanda-knowles" in {k for _, k, _ in actors_found(peer)} and \
        len({k for _, k, _ in actors_found(peer)}) == 2
    assert "dame-amanda" in {k for _, k, _ in actors_found(TWO_DAMES)}


def test_actors_mentions__outlet__near_miss():
    """With no outlet in the page's metadata, an unknown name the NER model missed names no one;
    a person's name as the outlet (a personal blog) is no organisation either."""
    ctx = actor_ctx(parse(CORAMQ_SET_UP))
    assert outlet_name(ctx, []) == []
    plain = CORAMQ_SET_UP.replace("CoramQ", "Coramq")  # (a capital inside would make it a mention of its own)
    assert actors_found(plain) == []
    as_person = CORAMQ_SET_UP.replace("CoramQ  PROPN NNP nsubj 2 O", "CoramQ  PROPN NNP nsubj 2 B-PERSON")
    assert outlet_name(actor_ctx(parse(as_person, outlet="CoramQ")), []) == []


NLF_WELCOMES = """
NLF       PROPN NNP nsubj    2 B-ORG
Initial   PROPN NNP compound 2 I-ORG
Response  PROPN NNP ROOT     2 I-ORG
:         PUNCT :   punct    2 O
we        PRON  PRP nsubj    5 O
welcome   VERB  VBP ROOT     5 O
it        PRON  PRP dobj     5 O
.         PUNCT .   punct    5 O
"""


def test_actors_mentions__outlet__fires_on_the_outlets_initials():
    """On the Northfold Leaving Forum's own page, 'NLF' is the Forum (it wins over a longer entity
    'NLF Initial Response'), and the Forum publishes the page under its full name."""
    ctx = actor_ctx(parse(NLF_WELCOMES, outlet="Northfold Leaving Forum"))
    (m,) = outlet_name(ctx, [])
    assert (m.span.text, m.type, m.sure) == ("NLF", ORG, True)
    doc = find_actors(ctx.doc, ctx.taxonomy, ctx.lex)
    key = doc._.argmap_meta["publisher_key"]
    info = doc.user_data[REGISTRY][key]
    assert info["name"] == "Northfold Leaving Forum" and "NLF" in info["aliases"]
    assert [s.text for s in doc.spans[ACTOR_SPANS] if s.label_ == key] == ["NLF"]


@pytest.mark.parametrize("outlet", ["Elm Society", "NLF Trust"])
def test_actors_mentions__outlet__near_miss_other_initials(outlet):
    """Capitals that do not spell the outlet, or that the outlet's name holds itself ('NLF Trust':
    its own acronym word), are no mention of it by initials."""
    ctx = actor_ctx(parse(NLF_WELCOMES, outlet=outlet))
    assert not any(m.sure for m in outlet_name(ctx, []))


MET_ROSA = """
The     DET   DT  det      1 O
panel   NOUN  NN  nsubj    2 O
met     VERB  VBD ROOT     2 O lemma=meet
Rosa    PROPN NNP compound 4 B-PERSON
Pell    PROPN NNP dobj     2 I-PERSON
on      ADP   IN  prep     2 O
Monday  PROPN NNP pobj     5 B-DATE
.       PUNCT .   punct    2 O
"""
MET_ROSA_AS_TITLE = MET_ROSA.replace("B-PERSON", "B-WORK_OF_ART").replace("I-PERSON", "I-WORK_OF_ART")


def test_actors_mentions__entity__fires():
    ctx = actor_ctx(parse(MET_ROSA))
    assert described(entities(ctx, [])) == [("Rosa Pell", PERSON)]
    assert actors_found(MET_ROSA) == [("Rosa Pell", "rosa-pell", PERSON)]


def test_actors_mentions__entity__near_miss():
    """Only people, organisations and places are entities that can name actors."""
    ctx = actor_ctx(parse(MET_ROSA_AS_TITLE))
    assert entities(ctx, []) == []
    assert actors_found(MET_ROSA_AS_TITLE) == []


HALVERGATE_WARNED = """
Halvergate  PROPN NNP nsubj 1 O
warned      VERB  VBD ROOT  1 O lemma=warn
that        SCONJ IN  mark  6 O
the         DET   DT  det   4 O
cap         NOUN  NN  nsubj 6 O
would       AUX   MD  aux   6 O
fail        VERB  VB  ccomp 1 O
.           PUNCT .   punct 1 O
"""
HALVERGATE_KNEW = HALVERGATE_WARNED.replace("warned      VERB  VBD ROOT  1 O lemma=warn",
                                            "knew        VERB  VBD ROOT  1 O lemma=know")


ST_ANNS_FELLOWSHIP = """
St          PROPN NNP compound 1 O
Ann         PROPN NNP poss     3 O
's          PART  POS case     1 O
Fellowship  PROPN NNP nsubj    4 O
warned      VERB  VBD ROOT     4 O lemma=warn
that        SCONJ IN  mark     9 O
the         DET   DT  det      7 O
cap         NOUN  NN  nsubj    9 O
would       AUX   MD  aux      9 O
fail        VERB  VB  ccomp    4 O
.           PUNCT .   punct    4 O
"""


def test_actors_mentions__speech_subject__fires_on_a_body_named_after_someone():
    """'St Ann's Fellowship warned': the organisation word and the name in the possessive before it."""
    ctx = actor_ctx(parse(ST_ANNS_FELLOWSHIP))
    assert [name for name, _ in described(speech_subjects(ctx, []))] == ["St Ann's Fellowship"]


def test_actors_mentions__speech_subject__near_miss_a_possessor_before_no_body_word():
    """'St Ann's Halvergate warned' (no organisation word): the subject's own name only."""
    ctx = actor_ctx(parse(ST_ANNS_FELLOWSHIP.replace("Fellowship  PROPN", "Halvergate  PROPN")))
    assert [name for name, _ in described(speech_subjects(ctx, []))] == ["Halvergate"]


def test_actors_mentions__speech_subject__fires():
    ctx = actor_ctx(parse(HALVERGATE_WARNED))
    assert described(speech_subjects(ctx, [])) == [("Halvergate", PERSON)]
    assert actors_found(HALVERGATE_WARNED) == [("Halvergate", "halvergate", PERSON)]


CONFEDERATION_SAYS = """
The          DET   DT    det      4 O
Recruitment  PROPN NNP   nmod     4 O
and          CCONJ CC    cc       1 O
Employment   PROPN NNP   conj     1 O
Confederation PROPN NNP  nsubj    8 O
(            PUNCT -LRB- punct    4 O
REC          PROPN NNP   appos    4 O
)            PUNCT -RRB- punct    4 O
says         VERB  VBZ   ROOT     8 O lemma=say
it           PRON  PRP   nsubj    10 O
fails        VERB  VBZ   ccomp    8 O lemma=fail
.            PUNCT .     punct    8 O
"""


def test_actors_mentions__speech_subject__fires_for_an_organisation_spelt_by_its_initials():
    """'The Recruitment and Employment Confederation (REC) says', untagged: an organisation (an
    organisation word in it), named in full (the words its initials spell), with REC as its other name."""
    ctx = actor_ctx(parse(CONFEDERATION_SAYS))
    assert described(speech_subjects(ctx, [])) == [("Recruitment and Employment Confederation", ORG)]
    assert registry_of(CONFEDERATION_SAYS)["recruitment-and-employment-confederation"]["aliases"] == ["REC"]


GROUP_FOR_SAYS = """
The          DET   DT    det      1 O
APPG         PROPN NNP   nsubj    9 O
for          ADP   IN    prep     1 O
Kinship      PROPN NNP   pobj     2 O
and          CCONJ CC    cc       3 O
Fostering    PROPN NNP   conj     3 O
(            PUNCT -LRB- punct    3 O
APPGKF       PROPN NNP   appos    3 O
)            PUNCT -RRB- punct    1 O
welcomes     VERB  VBZ   ROOT     9 O lemma=welcome
the          DET   DT    det      11 O
plan         NOUN  NN    dobj     9 O
.            PUNCT .     punct    9 O
"""


def test_actors_mentions__speech_subject__fires_for_a_name_cut_short_before_the_rest_of_it():
    """'The APPG for Kinship and Fostering (APPGKF) welcomes': only 'APPG' is the subject; the name
    runs on over the words its initials spell (the acronym inside counted whole)."""
    ctx = actor_ctx(parse(GROUP_FOR_SAYS))
    assert described(speech_subjects(ctx, [])) == [("APPG for Kinship and Fostering", ORG)]
    wrong = GROUP_FOR_SAYS.replace("APPGKF       PROPN NNP   appos    3 O", "ABCD         PROPN NNP   appos    3 O")
    ctx = actor_ctx(parse(wrong))  # initials that spell something else: the subject alone
    assert [name for name, _ in described(speech_subjects(ctx, []))] == ["APPG"]


TACT_TWICE = """
TACT         PROPN NNP   nsubj    1 O
responds     VERB  VBZ   ROOT     1 O lemma=respond
.            PUNCT .     punct    1 O
TACT         NOUN  NN    nsubj    8 O
,            PUNCT ,     punct    3 O
the          DET   DT    det      7 O
fostering    NOUN  NN    compound 7 O
charity      NOUN  NN    appos    3 O
welcomes     VERB  VBZ   ROOT     8 O lemma=welcome
it           PRON  PRP   dobj     8 O
.            PUNCT .     punct    8 O
"""


def test_actors_mentions__named_again__fires():
    """'TACT responds. TACT, the fostering charity, welcomes it.': initials that speak once (an
    organisation's, so 'TACT' is one) are a mention again where the tagger saw only a noun."""
    from argmap.nlp.rules.actors import named_again

    ctx = actor_ctx(parse(TACT_TWICE))
    first = speech_subjects(ctx, [])
    assert described(first) == [("TACT", ORG)]
    assert [(m.span.start, m.span.text, m.type) for m in named_again(ctx, first)] == [(3, "TACT", ORG)]
    assert actors_found(TACT_TWICE) == [("TACT", "tact", ORG), ("TACT", "tact", ORG)]  # through the table


def test_actors_mentions__named_again__near_miss_initials_that_never_speak():
    """Initials tagged as an organisation that never speak ('the unpopularity of NAAS') are not
    sought elsewhere: they may name a programme that a pronoun should not stand for."""
    from argmap.nlp.rules.actors import Mention, named_again

    spec = TACT_TWICE.replace("responds     VERB  VBZ   ROOT     1 O lemma=respond",
                              "grows        VERB  VBZ   ROOT     1 O lemma=grow")
    ctx = actor_ctx(parse(spec))
    tagged = [Mention(ctx.doc[0:1], ORG)]  # 'TACT grows.': tagged, but it does not speak
    assert named_again(ctx, tagged) == []


BRANTLEY_TWICE = """
Brantley     PROPN NNP   nsubj    1 O
said         VERB  VBD   ROOT     1 O lemma=say
so           ADV   RB    advmod   1 O
.            PUNCT .     punct    1 O
Trusts       NOUN  NNS   nsubj    6 O lemma=trust
could        AUX   MD    aux      6 O
fail         VERB  VB    ROOT     6 O
,            PUNCT ,     punct    6 O
according    VERB  VBG   prep     6 O
to           ADP   IN    prep     8 O
Brantley     PROPN NNP   pobj     9 O
.            PUNCT .     punct    6 O
"""


def test_actors_mentions__named_again__fires_for_a_one_word_name():
    """'Brantley said so. Trusts could fail, according to Brantley.': a one-word proper name that
    speaks (a union, a charity, a surname; the tagger may call it a person) is that speaker again
    where it stands as a proper noun and the tagger missed it."""
    from argmap.nlp.rules.actors import Mention, named_again

    ctx = actor_ctx(parse(BRANTLEY_TWICE))
    said = Mention(ctx.doc[0:1], PERSON)
    assert [(m.span.start, m.span.text, m.type) for m in named_again(ctx, [said])] == [(10, "Brantley", PERSON)]


def test_actors_mentions__named_again__near_miss_a_one_word_name_in_a_compound():
    """'Brantley care could fail': the word again, but as the first word of a compound (a common word
    that is also a name, 'Kinship care'), is not the speaker."""
    from argmap.nlp.rules.actors import Mention, named_again

    spec = BRANTLEY_TWICE.replace("Trusts       NOUN  NNS   nsubj    6 O lemma=trust",
                                  "Brantley     PROPN NNP   compound 5 O").replace(
        "could        AUX   MD    aux      6 O", "care         NOUN  NN    nsubj    6 O")
    ctx = actor_ctx(parse(spec))
    found = named_again(ctx, [Mention(ctx.doc[0:1], PERSON)])
    assert [m.span.start for m in found] == [10]  # 'according to Brantley' only, not 'Brantley care'


SACKS_HART_WARNED = """
Jo          PROPN NNP  compound 3 O
Sacks       PROPN NNP  compound 3 O nospace
-           PUNCT HYPH punct    3 O nospace
Hart        PROPN NNP  nsubj    9 O
,           PUNCT ,    punct    3 O
chief       NOUN  NN   appos    3 O
of          ADP   IN   prep     5 O
Halvergate  PROPN NNP  pobj     6 B-ORG
,           PUNCT ,    punct    3 O
warned      VERB  VBD  ROOT     9 O lemma=warn
that        SCONJ IN   mark     14 O
the         DET   DT   det      12 O
cap         NOUN  NN   nsubj    14 O
would       AUX   MD   aux      14 O
fail        VERB  VB   ccomp    9 O
.           PUNCT .    punct    9 O
"""
SACKS_HART_OF_HALVERGATE = """
Jo          PROPN NNP  compound 3 O
Sacks       PROPN NNP  compound 3 O nospace
-           PUNCT HYPH punct    3 O nospace
Hart        PROPN NNP  nsubj    6 O
of          ADP   IN   prep     3 O
Halvergate  PROPN NNP  pobj     4 B-ORG
warned      VERB  VBD  ROOT     6 O lemma=warn
.           PUNCT .    punct    6 O
"""


def test_actors_mentions__speech_subject__fires_over_a_hyphen_and_an_organisation_set_beside_the_name():
    """'Jo Sacks-Hart, chief of Halvergate, warned ...' with the NER model missing the person: the
    whole hyphenated name is the subject's, a person (two words), and Halvergate, set beside the
    name by a comma, does not mean the name is elsewhere."""
    from argmap.nlp.rules.actors import Mention

    ctx = actor_ctx(parse(SACKS_HART_WARNED))
    halvergate = Mention(ctx.doc[7:8], ORG)
    assert described(speech_subjects(ctx, [halvergate])) == [("Jo Sacks-Hart", PERSON)]


def test_actors_mentions__speech_subject__near_miss_an_organisation_inside_the_subjects_phrase():
    """'Jo Sacks-Hart of Halvergate warned': an organisation in the subject's own phrase leaves the
    name to the rules that read it there."""
    from argmap.nlp.rules.actors import Mention

    ctx = actor_ctx(parse(SACKS_HART_OF_HALVERGATE))
    assert speech_subjects(ctx, [Mention(ctx.doc[5:6], ORG)]) == []


def test_actors_mentions__speech_subject__near_miss():
    ctx = actor_ctx(parse(HALVERGATE_KNEW))
    assert speech_subjects(ctx, []) == []
    assert actors_found(HALVERGATE_KNEW) == []


HOUSE_COMMITTEE = """
The            DET   DT   det       1   B-ORG
House          PROPN NNP  nsubj     6   I-ORG
of             ADP   IN   prep      1   I-ORG
Hartwell       PROPN NNP  compound  5   I-ORG
Education      PROPN NNP  compound  5   I-ORG
Committee      PROPN NNP  pobj      2   I-ORG
published      VERB  VBD  ROOT      6   O lemma=publish
a              DET   DT   det       8   O
report         NOUN  NN   dobj      6   O
.              PUNCT .    punct     6   O
The            DET   DT   det       11  O
Committee      PROPN NNP  nsubj     12  B-ORG
said           VERB  VBD  ROOT      12  O lemma=say
it             PRON  PRP  nsubj     15  O
would          AUX   MD   aux       15  O
help           VERB  VB   ccomp     12  O
.              PUNCT .    punct     12  O
"""


def test_resolver__a_lone_organisation_word_joins_the_name_it_ends():
    """'The House of Hartwell Education Committee ... The Committee said': the full name is headed by
    'House' but ends with the organisation word 'Committee', which names it alone."""
    assert {key for _, key, _ in actors_found(HOUSE_COMMITTEE)} == {"house-of-hartwell-education-committee"}


def test_resolver__near_miss_a_last_word_that_is_no_organisation_word():
    """'The House of Hartwell Education Panel ... The Panel said': 'Panel' ends the name but is no
    organisation word (the lexicon's), so it stays an actor apart."""
    spec = HOUSE_COMMITTEE.replace("Committee", "Panel    ")
    assert {key for _, key, _ in actors_found(spec)} == {"house-of-hartwell-education-panel", "panel"}


HEARTHLINK_SET_UP = """
HearthLink  PROPN NNP nsubj    2 O
has         AUX   VBZ aux      2 O lemma=have
set         VERB  VBN ROOT     2 O lemma=set
up          ADP   RP  prt      2 O
a           DET   DT  det      6 O
committee   NOUN  NN  dobj     2 O
.           PUNCT .   punct    2 O
"""


def test_actors_mentions__mixed_case_subject__fires():
    """'HearthLink has set up a committee', untagged: a word with a capital inside is an organisation."""
    from argmap.nlp.rules.actors import mixed_case_subjects

    ctx = actor_ctx(parse(HEARTHLINK_SET_UP))
    assert described(mixed_case_subjects(ctx, [])) == [("HearthLink", ORG)]
    assert actors_found(HEARTHLINK_SET_UP) == [("HearthLink", "hearthlink", ORG)]


def test_actors_mentions__mixed_case_subject__near_miss():
    """'Hearthlink has set up ...' (one capital), 'FGCs have ...' (a plural of initials) or
    'MacAlister has ...' (a surname) is no such word."""
    from argmap.nlp.rules.actors import mixed_case_subjects

    for word in ("Hearthlink", "FGCs      ", "MacAlister"):
        spec = HEARTHLINK_SET_UP.replace("HearthLink", word[:10].ljust(10))
        ctx = actor_ctx(parse(spec))
        assert mixed_case_subjects(ctx, []) == [], word


REVIEW_RECOMMENDS = """
The        DET   DT  det      2 O
Hearth     PROPN NNP compound 2 O
Review     PROPN NNP nsubj    3 O
recommends VERB  VBZ ROOT     3 O lemma=recommend
a          DET   DT  det      5 O
duty       NOUN  NN  dobj     3 O
.          PUNCT .   punct    3 O
"""
RECOMMENDED_BY_REVIEW = """
A          DET   DT  det       1 O
duty       NOUN  NN  nsubjpass 3 O
was        AUX   VBD auxpass   3 O lemma=be
recommended VERB VBN ROOT      3 O lemma=recommend
by         ADP   IN  agent     3 O
the        DET   DT  det       7 O
Hearth     PROPN NNP compound  7 O
Review     PROPN NNP pobj      4 O
.          PUNCT .   punct     3 O
"""
REVIEWS_RECOMMENDATION = """
Ministers  NOUN  NNS nsubj     1 O lemma=minister
accepted   VERB  VBD ROOT      1 O lemma=accept
the        DET   DT  det       4 O
Hearth     PROPN NNP compound  4 O
Review     PROPN NNP poss      6 O
's         PART  POS case      4 O
recommendation NOUN NN dobj    1 O
.          PUNCT .   punct     1 O
"""
REVIEWS_CHAPTER = REVIEWS_RECOMMENDATION.replace("recommendation NOUN NN dobj    1 O", "chapter    NOUN  NN  dobj      1 O")
REVIEW_PUBLISHED = """
The        DET   DT  det       2 O
Hearth     PROPN NNP compound  2 O
Review     PROPN NNP nsubjpass 4 O
was        AUX   VBD auxpass   4 O lemma=be
published  VERB  VBN ROOT      4 O lemma=publish
in         ADP   IN  prep      4 O
May        PROPN NNP pobj      5 B-DATE
.          PUNCT .   punct     4 O
"""
PANEL_NAMED = """
The        DET   DT  det       3 O
Hearth     PROPN NNP compound  3 B-ORG
Review     PROPN NNP compound  3 I-ORG
Panel      PROPN NNP nsubj     4 I-ORG
met        VERB  VBD ROOT      4 O lemma=meet
.          PUNCT .   punct     4 O
"""


def test_actors_mentions__work_speaks__fires():
    """'The Hearth Review recommends', 'recommended by the Hearth Review', 'the Hearth Review's
    recommendation': the panel that speaks through the review (the taxonomy actor whose ``work``
    it is) says it."""
    for spec, at in ((REVIEW_RECOMMENDS, 1), (RECOMMENDED_BY_REVIEW, 6), (REVIEWS_RECOMMENDATION, 3)):
        ctx = actor_ctx(parse(spec))
        found = work_speaks(ctx, [])
        assert [(m.span.text, m.span.start, m.key, m.type, m.known) for m in found] == \
            [("Hearth Review", at, "hearth-panel", ORG, True)]
        assert actors_found(spec) == [("Hearth Review", "hearth-panel", ORG)]


# the review published, then "The report recommends a duty." on the next line
REPORT_RECOMMENDS_AFTER = REVIEW_PUBLISHED + """\\n         SPACE _SP dep       4 O
The        DET   DT  det       10 O
report     NOUN  NN  nsubj     11 O
recommends VERB  VBZ ROOT      11 O lemma=recommend
a          DET   DT  det       13 O
duty       NOUN  NN  dobj      11 O
.          PUNCT .   punct     11 O
"""


def test_actors_mentions__work_speaks__fires_for_the_report_of_the_one_work_on_the_page():
    """'The Hearth Review was published in May. The report recommends a duty.': 'the report' (what a
    review puts out) or 'the review' points back to the one work the page names; its panel says it."""
    found = work_speaks(actor_ctx(parse(REPORT_RECOMMENDS_AFTER)), [])
    assert [(m.span.text, m.key) for m in found] == [("report", "hearth-panel")]
    review = REPORT_RECOMMENDS_AFTER.replace("report     NOUN  NN  nsubj", "review     NOUN  NN  nsubj")
    assert [(m.span.text, m.key) for m in work_speaks(actor_ctx(parse(review)), [])] == [("review", "hearth-panel")]


# "The Hearth Review of Family Support was published in May." then "The review recommends a duty."
LONG_NAME_THEN_REVIEW = """
The        DET   DT  det       2 O
Hearth     PROPN NNP compound  2 O
Review     PROPN NNP nsubjpass 7 O
of         ADP   IN  prep      2 O
Family     PROPN NNP compound  5 O
Support    PROPN NNP pobj      3 O
was        AUX   VBD auxpass   7 O lemma=be
published  VERB  VBN ROOT      7 O lemma=publish
in         ADP   IN  prep      7 O
May        PROPN NNP pobj      8 B-DATE
.          PUNCT .   punct     7 O
\\n         SPACE _SP dep       7 O
The        DET   DT  det       13 O
review     NOUN  NN  nsubj     14 O
recommends VERB  VBZ ROOT      14 O lemma=recommend
a          DET   DT  det       16 O
duty       NOUN  NN  dobj      14 O
.          PUNCT .   punct     14 O
"""


def test_actors_mentions__work_speaks__fires_for_the_work_noun_inside_a_longer_name():
    """'The Hearth Review of Family Support ... The review recommends': the work noun of the one
    work's name, not only its last word, points back to it."""
    found = work_speaks(actor_ctx(parse(LONG_NAME_THEN_REVIEW)), [])
    assert [(m.span.text, m.key) for m in found] == [("review", "hearth-panel")]


def test_find_actors__the_one_work_a_page_names_is_noted_with_where_it_is_first_named():
    """A page that names one work (the Hearth Review) has its panel registered, and the meta notes
    the panel and the character where the work is first named: a recommendation the page names
    later with no owner is the work's."""
    ctx = actor_ctx(parse(LONG_NAME_THEN_REVIEW))
    doc = find_actors(ctx.doc, ctx.taxonomy, ctx.lex)
    assert "hearth-panel" in doc.user_data[REGISTRY]
    assert (doc._.argmap_meta["work_key"], doc._.argmap_meta["work_at"]) == ("hearth-panel", 4)


def test_find_actors__near_miss_a_page_that_names_no_work():
    ctx = actor_ctx(parse(BASW_SAID))
    doc = find_actors(ctx.doc, ctx.taxonomy, ctx.lex)
    assert "hearth-panel" not in doc.user_data[REGISTRY] and "work_key" not in doc._.argmap_meta


def test_actors_mentions__work_speaks__near_miss_a_word_of_the_name_that_is_no_work_noun():
    """'The family recommends' after that name: a word of the name that is neither a work noun nor
    its last word is no mention of the work."""
    family = LONG_NAME_THEN_REVIEW.replace("review     NOUN  NN  nsubj", "family     NOUN  NN  nsubj")
    assert work_speaks(actor_ctx(parse(family)), []) == []


def test_actors_mentions__work_speaks__near_miss_another_kind_of_work_or_no_article():
    """'The strategy recommends' is some other work; 'A report recommends' is some report."""
    strategy = REPORT_RECOMMENDS_AFTER.replace("report     NOUN  NN  nsubj", "strategy   NOUN  NN  nsubj")
    assert work_speaks(actor_ctx(parse(strategy)), []) == []
    some = REPORT_RECOMMENDS_AFTER.replace("The        DET   DT  det       10 O", "A          DET   DT  det       10 O")
    assert work_speaks(actor_ctx(parse(some)), []) == []


def test_actors_mentions__work_speaks__near_miss_the_work_says_nothing():
    """A review that is published says nothing: it stays a proposal, and the panel's own name is
    no mention either (the panel is known only by what its work says)."""
    assert work_speaks(actor_ctx(parse(REVIEW_PUBLISHED)), []) == []
    assert work_speaks(actor_ctx(parse(REVIEWS_CHAPTER)), []) == []  # 'the review's chapter' is no plan of it
    assert actors_found(REVIEW_PUBLISHED) == []
    assert known_actors(actor_ctx(parse(PANEL_NAMED)), []) == []
    assert actors_found(PANEL_NAMED) == []  # the entity names the review: a proposal, not an actor


FOR_LORD_HALVERGATE = """
For        ADP   IN  prep     6 O
Lord       PROPN NNP compound 2 O
Halvergate PROPN NNP pobj     0 O
,          PUNCT ,   punct    6 O
the        DET   DT  det      5 O
amendment  NOUN  NN  nsubj    6 O
was        AUX   VBD ROOT     6 O lemma=be
a          DET   DT  det      9 O
first      ADJ   JJ  amod     9 O
step       NOUN  NN  attr     6 O
.          PUNCT .   punct    6 O
"""
MR_SPEAKER = """
Mr         PROPN NNP compound 1 O
Speaker    PROPN NNP npadvmod 4 O
,          PUNCT ,   punct    4 O
I          PRON  PRP nsubj    4 O
rise       VERB  VBP ROOT     4 O
.          PUNCT .   punct    4 O
"""


FAIR_START_COALITION = """
The        DET   DT   det       2 O
Fair       PROPN NNP  compound  2 O
Start      PROPN NNP  compound  3 O
coalition  NOUN  NN   nsubj     4 O
said       VERB  VBD  ROOT      4 O lemma=say
the        DET   DT   det       6 O
plan       NOUN  NN   nsubj     7 O
was        AUX   VBD  ccomp     4 O lemma=be
late       ADJ   JJ   acomp     7 O
.          PUNCT .    punct     4 O
"""


FAIR_START_ALLIANCE = """
The        DET   DT    det       3 O
Fair       PROPN NNP   compound  3 O
Start      PROPN NNP   compound  3 O
Alliance   PROPN NNP   nsubj     7 O
(          PUNCT -LRB- punct     3 O
FSA        PROPN NNP   appos     3 O
)          PUNCT -RRB- punct     3 O
said       VERB  VBD   ROOT      7 O lemma=say
the        DET   DT    det       9 O
plan       NOUN  NN    nsubj     10 O
was        AUX   VBD   ccomp     7 O lemma=be
late       ADJ   JJ    acomp     10 O
.          PUNCT .     punct     7 O
Fair       PROPN NNP   compound  15 O
Start      PROPN NNP   compound  15 O
Alliance   PROPN NNP   nsubj     16 O
met        VERB  VBD   ROOT      16 O lemma=meet
.          PUNCT .     punct     16 O
"""


# "The Fair Start Alliance (FSA) is a group." (no verb of saying: only this rule finds the name)
FAIR_START_ALLIANCE_IS = """
The        DET   DT    det       3 O
Fair       PROPN NNP   compound  3 O
Start      PROPN NNP   compound  3 O
Alliance   PROPN NNP   nsubj     7 O
(          PUNCT -LRB- punct     3 O
FSA        PROPN NNP   appos     3 O
)          PUNCT -RRB- punct     3 O
is         AUX   VBZ   ROOT      7 O lemma=be
a          DET   DT    det       9 O
group      NOUN  NN    attr      7 O
.          PUNCT .     punct     7 O
"""


def test_actors_mentions__initialled_body__fires():
    """'The Fair Start Alliance (FSA) said ... Fair Start Alliance met.': a body's name spelt by the
    initials after it names an organisation, there and where it stands again."""
    from argmap.nlp.rules.actors import initialled_bodies

    found = described(initialled_bodies(actor_ctx(parse(FAIR_START_ALLIANCE)), []))
    assert found == [("Fair Start Alliance", ORG), ("Fair Start Alliance", ORG)]
    assert actors_found(FAIR_START_ALLIANCE_IS) == [("Fair Start Alliance", "fair-start-alliance", ORG)]


def test_actors_mentions__initialled_body__near_miss():
    """A name ending in no word for a body ('the Fair Start Plan (FSP)'), or initials that spell
    something else ('(XYZ)'): no organisation."""
    from argmap.nlp.rules.actors import initialled_bodies

    plan = FAIR_START_ALLIANCE.replace("Alliance   PROPN", "Plan       PROPN").replace("FSA        PROPN", "FSP        PROPN")
    assert initialled_bodies(actor_ctx(parse(plan)), []) == []
    other = FAIR_START_ALLIANCE.replace("FSA        PROPN", "XYZ        PROPN")
    assert initialled_bodies(actor_ctx(parse(other)), []) == []


def test_actors_mentions__collective_name__fires():
    """'The Fair Start coalition': the capitalised words and the lower-case group word name an
    organisation."""
    from argmap.nlp.rules.actors import collective_names

    assert described(collective_names(actor_ctx(parse(FAIR_START_COALITION)), [])) == [("Fair Start coalition", ORG)]
    assert ("Fair Start coalition", "fair-start-coalition", ORG) in actors_found(FAIR_START_COALITION)


def test_actors_mentions__collective_name__near_miss():
    """No capitalised words before it ('the wider coalition'), or another word ('the Fair Start
    plan'): no organisation."""
    from argmap.nlp.rules.actors import collective_names

    lower = FAIR_START_COALITION.replace("Fair       PROPN NNP ", "wider      ADJ   JJ  ").replace(
        "Start      PROPN NNP ", "new        ADJ   JJ  ")
    assert collective_names(actor_ctx(parse(lower)), []) == []
    plan = FAIR_START_COALITION.replace("coalition  NOUN", "plan       NOUN")
    assert collective_names(actor_ctx(parse(plan)), []) == []


def test_actors_mentions__titled_name__fires():
    """'For Lord Halvergate, ...': a title before a capitalised name is a person the NER model missed."""
    ctx = actor_ctx(parse(FOR_LORD_HALVERGATE))
    assert described(titled_names(ctx, [])) == [("Lord Halvergate", PERSON)]
    assert actors_found(FOR_LORD_HALVERGATE) == [("Lord Halvergate", "lord-halvergate", PERSON)]


def test_actors_mentions__titled_name__near_miss_a_role_after_the_title():
    """'Mr Speaker, I rise': the title is followed by a role, not a name."""
    assert titled_names(actor_ctx(parse(MR_SPEAKER)), []) == []
    lower = FOR_LORD_HALVERGATE.replace("Lord       PROPN NNP compound 2 O", "lord       NOUN  NN  compound 2 O")
    assert titled_names(actor_ctx(parse(lower)), []) == []  # a title word in lower case is no title


HEARD_FROM_ROLE = """
The       DET   DT  det      1 O
panel     NOUN  NN  nsubj    2 O
heard     VERB  VBD ROOT     2 O lemma=hear
from      ADP   IN  prep     2 O
Jo        PROPN NNP compound 5 O
Bell      PROPN NNP pobj     3 O
,         PUNCT ,   punct    5 O
director  NOUN  NN  appos    5 O
of        ADP   IN  prep     7 O
Kinship   PROPN NNP compound 10 O
Now       PROPN NNP pobj     8 O
.         PUNCT .   punct    2 O
"""
HEARD_FROM = """
The       DET   DT  det      1 O
panel     NOUN  NN  nsubj    2 O
heard     VERB  VBD ROOT     2 O lemma=hear
from      ADP   IN  prep     2 O
Jo        PROPN NNP compound 5 O
Bell      PROPN NNP pobj     3 O
of        ADP   IN  prep     5 O
Kinship   PROPN NNP compound 8 O
Now       PROPN NNP pobj     6 O
.         PUNCT .   punct    2 O
"""


def test_actors_mentions__named_with_role__fires():
    """A name the NER model missed, with a role beside it, not the subject of a speech verb."""
    ctx = actor_ctx(parse(HEARD_FROM_ROLE))
    assert described(named_with_role(ctx, [])) == [("Jo Bell", PERSON)]
    assert actors_found(HEARD_FROM_ROLE) == [("Jo Bell", "jo-bell", PERSON)]
    assert registry_of(HEARD_FROM_ROLE)["jo-bell"]["role"] == "director of Kinship Now"


def test_actors_mentions__named_with_role__near_miss():
    ctx = actor_ctx(parse(HEARD_FROM))
    assert named_with_role(ctx, []) == []
    assert actors_found(HEARD_FROM) == []


def test_actors_mentions__named_with_role__a_surname_tagged_as_a_common_noun():
    """'Jo Waters, director of ...' with 'Waters' tagged as the common noun: after a proper noun, a
    capitalised common noun is a word of the name; a name cannot start with one ('Waters Bell')."""
    spec = HEARD_FROM_ROLE.replace("Bell      PROPN NNP pobj ", "Waters    NOUN  NNS pobj ")
    assert described(named_with_role(actor_ctx(parse(spec)), [])) == [("Jo Waters", PERSON)]
    first = HEARD_FROM_ROLE.replace("Jo        PROPN NNP compound", "Waters    NOUN  NNS compound")
    assert named_with_role(actor_ctx(parse(first)), []) == []


def test_actors_mentions__named_with_role__near_miss_words_for_people():
    """'... heard from Young People, director of ...' (a portfolio's 'Children, Young People'
    beside a role): a word for people is no part of a person's name."""
    spec = HEARD_FROM_ROLE.replace("Jo        PROPN NNP compound", "Young     PROPN NNP compound").replace(
        "Bell      PROPN NNP pobj ", "People    PROPN NNP pobj ")
    assert named_with_role(actor_ctx(parse(spec)), []) == []


# ---------------------------------------------------------------- actors.entity-repairs
def repaired(spec: str, start: int, end: int, label: str):
    """The rule that repairs the entity doc[start:end] and the mentions it makes."""
    ctx = actor_ctx(parse(spec))
    span = ctx.doc[start:end]
    named = ENTITY_REPAIRS.first_named(ctx, span, label)
    return ctx, span, (named[0], described(named[1])) if named else None


PLACE_AND_NAME = """
The           DET   DT  det      1 O
commissioner  NOUN  NN  nsubj    6 O
for           ADP   IN  prep     1 O
Wessex        PROPN NNP compound 5 B-GPE
Mara          PROPN NNP compound 5 I-GPE
Quill         PROPN NNP nsubj    6 I-GPE
said          VERB  VBD ROOT     6 O lemma=say
it            PRON  PRP nsubj    8 O
was           AUX   VBD ccomp    6 O lemma=be
overdue       ADJ   JJ  acomp    8 O
.             PUNCT .   punct    6 O
"""
PLACE_ALONE = """
The           DET   DT  det      1 O
commissioner  NOUN  NN  nsubj    4 O
for           ADP   IN  prep     1 O
Wessex        PROPN NNP pobj     2 B-GPE
said          VERB  VBD ROOT     4 O lemma=say
it            PRON  PRP nsubj    6 O
was           AUX   VBD ccomp    4 O lemma=be
overdue       ADJ   JJ  acomp    6 O
.             PUNCT .   punct    4 O
"""


def test_actors_entity_repairs__place_tag_person__fires():
    ctx, span, answer = repaired(PLACE_AND_NAME, 3, 6, "GPE")
    assert described(place_tag_person(ctx, span, "GPE")) == [("Mara Quill", PERSON)]
    assert answer == ("place-tag-person", [("Mara Quill", PERSON)])
    assert actors_found(PLACE_AND_NAME) == [("Mara Quill", "mara-quill", PERSON)]


def test_actors_entity_repairs__place_tag_person__near_miss():
    """A place alone names nobody: no mention (and no person called Wessex)."""
    ctx, span, answer = repaired(PLACE_ALONE, 3, 4, "GPE")
    assert place_tag_person(ctx, span, "GPE") == []
    assert actors_found(PLACE_ALONE) == []


NAME_OF_ORG = """
Mina         PROPN NNP  compound 1 B-PERSON
Ruel         PROPN NNP  nsubj    4 I-PERSON
of           ADP   IN   prep     1 I-PERSON
Rights4Kids  PROPN NNPS pobj     2 I-PERSON
said         VERB  VBD  ROOT     4 O lemma=say
the          DET   DT   det      6 O
register     NOUN  NN   nsubj    7 O
was          AUX   VBD  ccomp    4 O lemma=be
welcome      ADJ   JJ   acomp    7 O
.            PUNCT .    punct    4 O
"""
FRIENDS_OF = """
Friends      NOUN  NNS  nsubj    3 B-ORG lemma=friend
of           ADP   IN   prep     0 I-ORG
Rights4Kids  PROPN NNPS pobj     1 I-ORG
said         VERB  VBD  ROOT     3 O lemma=say
the          DET   DT   det      5 O
register     NOUN  NN   nsubj    6 O
was          AUX   VBD  ccomp    3 O lemma=be
welcome      ADJ   JJ   acomp    6 O
.            PUNCT .    punct    3 O
"""


def test_actors_entity_repairs__name_of_org__fires():
    ctx, span, answer = repaired(NAME_OF_ORG, 0, 4, "PERSON")
    expected = [("Mina Ruel", PERSON), ("Rights4Kids", ORG)]
    assert described(name_of_org(ctx, span, "PERSON")) == expected
    assert answer == ("name-of-org", expected)
    assert actors_found(NAME_OF_ORG) == [("Mina Ruel", "mina-ruel", PERSON), ("Rights4Kids", "rights4kids", ORG)]


def test_actors_entity_repairs__name_of_org__near_miss():
    """'Friends of X' is one organisation, not a person of X."""
    ctx, span, answer = repaired(FRIENDS_OF, 0, 3, "ORG")
    assert name_of_org(ctx, span, "ORG") is None
    assert answer == ("entity", [("Friends of Rights4Kids", ORG)])


PEER_OF_PLACE = """
Baroness     PROPN NNP  compound 1 B-ORG
Hale         PROPN NNP  nsubj    4 I-ORG
of           ADP   IN   prep     1 I-ORG
Richmond     PROPN NNP  pobj     2 I-ORG
spoke        VERB  VBD  ROOT     4 O lemma=speak
.            PUNCT .    punct    4 O
Baroness     PROPN NNP  compound 7 O
Hale         PROPN NNP  nsubj    8 B-PERSON
said         VERB  VBD  ROOT     8 O lemma=say
no           INTJ  UH   ccomp    8 O
.            PUNCT .    punct    8 O
"""
# "Baroness Hale of Richmond Portrait" (a page's picture caption run into the name)
PEER_OF_PLACE_RUN_ON = PEER_OF_PLACE.replace("spoke        VERB  VBD  ROOT     4 O lemma=speak",
                                             "Portrait     PROPN NNP  ROOT     4 O")


def test_actors_entity_repairs__peer_of_place__fires():
    """'Baroness Hale of Richmond' tagged as one organisation is one person, and the later
    'Baroness Hale' is the same peer."""
    ctx, span, answer = repaired(PEER_OF_PLACE, 0, 4, "ORG")
    assert described(peer_of_place(ctx, span, "ORG")) == [("Baroness Hale of Richmond", PERSON)]
    assert answer == ("peer-of-place", [("Baroness Hale of Richmond", PERSON)])
    found = actors_found(PEER_OF_PLACE)
    assert {key for _, key, _ in found} == {"hale-of-richmond"}


def test_actors_entity_repairs__peer_of_place__near_miss():
    """No peerage title ('Friends of Rights4Kids'), or a run of capitals after the place: not a peer's name."""
    ctx, span, _ = repaired(FRIENDS_OF, 0, 3, "ORG")
    assert peer_of_place(ctx, span, "ORG") is None
    ctx, span, _ = repaired(PEER_OF_PLACE_RUN_ON, 0, 4, "ORG")
    assert peer_of_place(ctx, span, "ORG") is None


CHAIR_JO_BELL = """
Carers   PROPN NNPS compound 4 B-PERSON
Union    PROPN NNP  compound 4 I-PERSON
Chair    PROPN NNP  compound 4 I-PERSON
Jo       PROPN NNP  compound 4 I-PERSON
Bell     PROPN NNP  nsubj    5 I-PERSON
said     VERB  VBD  ROOT     5 O lemma=say
the      DET   DT   det      7 O
register NOUN  NN   nsubj    8 O
was      AUX   VBD  ccomp    5 O lemma=be
welcome  ADJ   JJ   acomp    8 O
.        PUNCT .    punct    5 O
"""


CONFEDERATION = """
The          DET   DT   det      4 O
Recruitment  PROPN NNP  compound 4 O
and          CCONJ CC   cc       1 O
Employment   PROPN NNP  compound 4 B-ORG
Confederation PROPN NNP nsubj    9 I-ORG
(            PUNCT -LRB- punct   4 O
REC          PROPN NNP  appos    4 O
)            PUNCT -RRB- punct   4 O
strongly     ADV   RB   advmod   9 O
warned       VERB  VBD  ROOT     9 O lemma=warn
.            PUNCT .    punct    9 O
"""


def test_actors_entity_repairs__spelt_out__fires():
    """'Recruitment and Employment Confederation (REC)' with only 'Employment Confederation' tagged:
    the name runs back over the words its initials spell."""
    from argmap.nlp.rules.actors import spelt_out

    ctx, span, answer = repaired(CONFEDERATION, 3, 5, "ORG")
    assert described(spelt_out(ctx, span, "ORG")) == [("Recruitment and Employment Confederation", ORG)]
    assert answer == ("spelt-out", [("Recruitment and Employment Confederation", ORG)])


def test_actors_entity_repairs__spelt_out__near_miss():
    """Initials that spell only the tagged words ('(EC)'): nothing to run back over."""
    from argmap.nlp.rules.actors import spelt_out

    ctx, span, answer = repaired(CONFEDERATION.replace("REC          PROPN", "EC           PROPN"), 3, 5, "ORG")
    assert spelt_out(ctx, span, "ORG") is None
    assert answer == ("entity", [("Employment Confederation", ORG)])


def test_resolver__initials_in_brackets_are_another_name_of_the_organisation():
    """'... Confederation (REC) strongly warned': REC is a name of the confederation."""
    reg = registry_of(CONFEDERATION)
    assert "REC" in reg["recruitment-and-employment-confederation"]["aliases"]
    reg = registry_of(CONFEDERATION.replace("REC          PROPN", "XYZ          PROPN"))
    assert "XYZ" not in reg["employment-confederation"]["aliases"]


def test_actors_entity_repairs__role_inside__fires():
    """'Carers Union Chair Jo Bell' tagged as one person is Jo Bell, the person after the role."""
    ctx, span, answer = repaired(CHAIR_JO_BELL, 0, 5, "PERSON")
    assert described(role_inside(ctx, span, "PERSON")) == [("Jo Bell", PERSON)]
    assert answer == ("role-inside", [("Jo Bell", PERSON)])


def test_actors_entity_repairs__role_inside__near_miss():
    """No role word inside ('Jo Bell'), or an organisation entity: not this repair."""
    ctx, span, answer = repaired(CHAIR_JO_BELL, 3, 5, "PERSON")
    assert role_inside(ctx, span, "PERSON") is None and answer[0] == "entity"
    ctx, span, _ = repaired(CHAIR_JO_BELL, 0, 5, "ORG")
    assert role_inside(ctx, span, "ORG") is None


BELL_MARSH_HEAD = """
Jo          PROPN NNP  compound 4 B-PERSON
Bell        PROPN NNP  compound 3 I-PERSON nospace
-           PUNCT HYPH punct    3 I-PERSON nospace
Marsh       PROPN NNP  compound 4 I-PERSON
Head        PROPN NNP  nsubj    11 I-PERSON
of          ADP   IN   prep     4 O
Policy      PROPN NNP  pobj     5 B-ORG
Development PROPN NNP  pobj     6 I-ORG
at          ADP   IN   prep     7 I-ORG
Kinship     PROPN NNP  compound 10 I-ORG
Now         PROPN NNP  pobj     8 I-ORG
said        VERB  VBD  ROOT     11 O lemma=say
the         DET   DT   det      13 O
plan        NOUN  NN   nsubj    14 O
was         AUX   VBD  ccomp    11 O lemma=be
late        ADJ   JJ   acomp    14 O
.           PUNCT .    punct    11 O
"""


def test_actors_entity_repairs__named_before_role__fires():
    """'Jo Bell-Marsh Head' tagged as one person (no comma before the role) is Jo Bell-Marsh."""
    from argmap.nlp.rules.actors import named_before_role

    ctx, span, answer = repaired(BELL_MARSH_HEAD, 0, 5, "PERSON")
    assert described(named_before_role(ctx, span, "PERSON")) == [("Jo Bell-Marsh", PERSON)]
    assert answer == ("named-before-role", [("Jo Bell-Marsh", PERSON)])


def test_actors_entity_repairs__named_before_role__near_miss():
    """A name ending in a word that is no role ('Jo Bell-Marsh Hedley'), or an organisation: not this repair."""
    from argmap.nlp.rules.actors import named_before_role

    spec = BELL_MARSH_HEAD.replace("Head        PROPN", "Hedley      PROPN")
    ctx, span, answer = repaired(spec, 0, 5, "PERSON")
    assert named_before_role(ctx, span, "PERSON") is None and answer[0] != "named-before-role"
    ctx, span, _ = repaired(BELL_MARSH_HEAD, 0, 5, "ORG")
    assert named_before_role(ctx, span, "ORG") is None


def test_actors_entity_repairs__unit_at_org__fires():
    """'Policy Development at Kinship Now' tagged as one organisation is Kinship Now."""
    from argmap.nlp.rules.actors import unit_at_org

    ctx, span, answer = repaired(BELL_MARSH_HEAD, 6, 11, "ORG")
    assert described(unit_at_org(ctx, span, "ORG")) == [("Kinship Now", ORG)]
    assert answer == ("unit-at-org", [("Kinship Now", ORG)])


def test_actors_entity_repairs__unit_at_org__near_miss():
    """No 'at' inside the name ('Policy Development of Kinship Now' is another repair's), or a person: not this one."""
    from argmap.nlp.rules.actors import unit_at_org

    ctx, span, answer = repaired(BELL_MARSH_HEAD.replace("at          ADP", "of          ADP"), 6, 11, "ORG")
    assert unit_at_org(ctx, span, "ORG") is None and answer[0] != "unit-at-org"
    ctx, span, _ = repaired(BELL_MARSH_HEAD, 6, 11, "PERSON")
    assert unit_at_org(ctx, span, "PERSON") is None


def test_actors__a_name_run_on_over_its_role_and_unit_is_the_person_and_the_organisation():
    """Through the whole actor pass: the person and the organisation, neither with the role's words."""
    keys = {key for _, key, _ in actors_found(BELL_MARSH_HEAD)}
    assert {"jo-bell-marsh", "kinship-now"} <= keys
    assert not any("head" in key or "policy" in key for key in keys)


CARERS_UK_SUE_ROWE = """
The        DET   DT   det      1 O
head       NOUN  NN   nsubj    7 O
of         ADP   IN   prep     1 O
Carers     PROPN NNPS compound 4 O
UK         PROPN NNP  compound 6 B-PERSON
Sue        PROPN NNP  compound 6 I-PERSON
Rowe       PROPN NNP  pobj     2 I-PERSON
said       VERB  VBD  ROOT     7 O lemma=say
it         PRON  PRP  nsubj    9 O
was        AUX   VBD  ccomp    7 O lemma=be
welcome    ADJ   JJ   acomp    9 O
.          PUNCT .    punct    7 O
"""


def test_actors_entity_repairs__initials_before_name__fires():
    """'The head of Carers UK Sue Rowe' with 'UK Sue Rowe' tagged as a person: Sue Rowe, and the
    organisation Carers UK."""
    from argmap.nlp.rules.actors import initials_before_name

    ctx, span, answer = repaired(CARERS_UK_SUE_ROWE, 4, 7, "PERSON")
    want = [("Sue Rowe", PERSON), ("Carers UK", ORG)]
    assert described(initials_before_name(ctx, span, "PERSON")) == want
    assert answer == ("initials-before-name", want)


def test_actors_entity_repairs__initials_before_name__near_miss():
    """No capitals before the name ('Sue Rowe'), only one name word after them ('UK Rowe'), or an
    organisation entity: not this repair."""
    from argmap.nlp.rules.actors import initials_before_name

    ctx, span, answer = repaired(CARERS_UK_SUE_ROWE, 5, 7, "PERSON")
    assert initials_before_name(ctx, span, "PERSON") is None and answer == ("entity", [("Sue Rowe", PERSON)])
    ctx, span, _ = repaired(CARERS_UK_SUE_ROWE, 4, 6, "PERSON")
    assert initials_before_name(ctx, span, "PERSON") is None
    ctx, span, _ = repaired(CARERS_UK_SUE_ROWE, 4, 7, "ORG")
    assert initials_before_name(ctx, span, "ORG") is None


HEARTH_TRUST_JO_BELL = """
Chief      ADJ   JJ   amod     1 O
executive  NOUN  NN   nsubj    8 O
of         ADP   IN   prep     1 O
the        DET   DT   det      6 O
Hearth     PROPN NNP  compound 5 B-ORG
Trust      PROPN NNP  compound 6 I-ORG
Jo         PROPN NNP  compound 7 I-ORG
Bell       PROPN NNP  pobj     2 I-ORG
said       VERB  VBD  ROOT     8 O lemma=say
it         PRON  PRP  nsubj    10 O
was        AUX   VBD  ccomp    8 O lemma=be
welcome    ADJ   JJ   acomp    10 O
.          PUNCT .    punct    8 O
"""


def test_actors_entity_repairs__org_then_name__fires():
    """'Chief executive of the Hearth Trust Jo Bell said' with 'Hearth Trust Jo Bell' tagged as one
    organisation: the Hearth Trust and Jo Bell."""
    from argmap.nlp.rules.actors import org_then_name

    ctx, span, answer = repaired(HEARTH_TRUST_JO_BELL, 4, 8, "ORG")
    want = [("Hearth Trust", ORG), ("Jo Bell", PERSON)]
    assert described(org_then_name(ctx, span, "ORG")) == want
    assert answer == ("org-then-name", want)


def test_actors_entity_repairs__org_then_name__near_miss():
    """No name after the organisation word ('Hearth Trust'), one name word ('Hearth Trust Jo'), or
    a person entity: not this repair."""
    from argmap.nlp.rules.actors import org_then_name

    for end in (6, 7):
        ctx, span, _ = repaired(HEARTH_TRUST_JO_BELL, 4, end, "ORG")
        assert org_then_name(ctx, span, "ORG") is None
    ctx, span, _ = repaired(HEARTH_TRUST_JO_BELL, 4, 8, "PERSON")
    assert org_then_name(ctx, span, "PERSON") is None


HEARTH_CC_JO_BELL = HEARTH_TRUST_JO_BELL.replace("Trust      PROPN NNP  compound 6 I-ORG", "CC         PROPN NNP  compound 6 I-ORG")


def test_actors_entity_repairs__org_then_name__fires_after_an_organisation_word_in_capitals():
    """'Hearth CC Jo Bell' (a council's abbreviation, written in capitals): the council and Jo Bell."""
    from argmap.nlp.rules.actors import org_then_name

    ctx, span, _ = repaired(HEARTH_CC_JO_BELL, 4, 8, "ORG")
    assert described(org_then_name(ctx, span, "ORG")) == [("Hearth CC", ORG), ("Jo Bell", PERSON)]


def test_actors_entity_repairs__org_then_name__near_miss_capitals_that_are_no_organisation_word():
    """'Hearth QX Jo Bell': capitals that are no organisation word split nothing."""
    from argmap.nlp.rules.actors import org_then_name

    ctx, span, _ = repaired(HEARTH_CC_JO_BELL.replace("CC         PROPN", "QX         PROPN"), 4, 8, "ORG")
    assert org_then_name(ctx, span, "ORG") is None


MET_BHATT = """
The             DET   DT  det      1 O
panel           NOUN  NN  nsubj    2 O
met             VERB  VBD ROOT     2 O lemma=meet
Superintendent  PROPN NNP compound 5 O
Anjali          PROPN NNP compound 5 O
Bhatt           PROPN NNP dobj     2 B-PERSON
.               PUNCT .   punct    2 O
"""
MET_SUPERINTENDENT = """
The             DET   DT  det      1 O
panel           NOUN  NN  nsubj    2 O
met             VERB  VBD ROOT     2 O lemma=meet
Superintendent  PROPN NNP compound 4 O
Bhatt           PROPN NNP dobj     2 B-PERSON
.               PUNCT .   punct    2 O
"""


def test_actors_entity_repairs__entity__fires():
    """A one-word person takes the first name before it."""
    ctx, span, answer = repaired(MET_BHATT, 5, 6, "PERSON")
    assert described(plain_entity(ctx, span, "PERSON")) == [("Anjali Bhatt", PERSON)]
    assert answer == ("entity", [("Anjali Bhatt", PERSON)])
    assert actors_found(MET_BHATT) == [("Anjali Bhatt", "anjali-bhatt", PERSON)]


def test_actors_entity_repairs__entity__near_miss():
    """... but not a title: 'Superintendent' is no first name."""
    ctx, span, answer = repaired(MET_SUPERINTENDENT, 4, 5, "PERSON")
    assert described(plain_entity(ctx, span, "PERSON")) == [("Bhatt", PERSON)]
    assert answer == ("entity", [("Bhatt", PERSON)])


# ---------------------------------------------------------------- actors.role-neighbours
def neighbours(spec: str, start: int, end: int):
    ctx = actor_ctx(parse(spec))
    span = ctx.doc[start:end]
    return ctx, span, holding(ROLE_NEIGHBOURS, ctx, span)


ROLE_AFTER = """
Jo         PROPN NNP compound  1 O
Bell       PROPN NNP nsubj     9 O
,          PUNCT ,   punct     1 O
chief      ADJ   JJ  amod      4 O
executive  NOUN  NN  appos     1 O
of         ADP   IN  prep      4 O
the        DET   DT  det       7 O
trust      NOUN  NN  pobj      5 O
,          PUNCT ,   punct     1 O
said       VERB  VBD ROOT      9 O lemma=say
the        DET   DT  det       11 O
plan       NOUN  NN  nsubjpass 13 O
was        AUX   VBD auxpass   13 O lemma=be
rushed     VERB  VBN ccomp     9 O lemma=rush
.          PUNCT .   punct     9 O
"""
WHO_RUNS = """
Jo         PROPN NNP compound  1 O
Bell       PROPN NNP nsubj     8 O
,          PUNCT ,   punct     1 O
who        PRON  WP  nsubj     4 O
runs       VERB  VBZ relcl     1 O lemma=run
the        DET   DT  det       6 O
trust      NOUN  NN  dobj      4 O
,          PUNCT ,   punct     1 O
said       VERB  VBD ROOT      8 O lemma=say
the        DET   DT  det       10 O
plan       NOUN  NN  nsubjpass 12 O
was        AUX   VBD auxpass   12 O lemma=be
rushed     VERB  VBN ccomp     8 O lemma=rush
.          PUNCT .   punct     8 O
"""


def test_actors_role_neighbours__role_after__fires():
    ctx, span, held = neighbours(ROLE_AFTER, 0, 2)
    assert role_after(ctx, span)
    assert held == ["role-after"] and looks_like_person(ctx, span)


def test_actors_role_neighbours__role_after__near_miss():
    ctx, span, held = neighbours(WHO_RUNS, 0, 2)
    assert not role_after(ctx, span)
    assert held == [] and not looks_like_person(ctx, span)


ROLE_BEFORE = """
Chief      ADJ   JJ  amod      1 O
executive  NOUN  NN  compound  3 O
Jo         PROPN NNP compound  3 O
Bell       PROPN NNP nsubj     4 O
said       VERB  VBD ROOT      4 O lemma=say
the        DET   DT  det       6 O
plan       NOUN  NN  nsubjpass 8 O
was        AUX   VBD auxpass   8 O lemma=be
rushed     VERB  VBN ccomp     4 O lemma=rush
.          PUNCT .   punct     4 O
"""
YESTERDAY = """
Yesterday  NOUN  NN  npadvmod  3 B-DATE
Jo         PROPN NNP compound  2 O
Bell       PROPN NNP nsubj     3 O
said       VERB  VBD ROOT      3 O lemma=say
the        DET   DT  det       5 O
plan       NOUN  NN  nsubjpass 7 O
was        AUX   VBD auxpass   7 O lemma=be
rushed     VERB  VBN ccomp     3 O lemma=rush
.          PUNCT .   punct     3 O
"""


def test_actors_role_neighbours__role_before__fires():
    ctx, span, held = neighbours(ROLE_BEFORE, 2, 4)
    assert role_before_name(ctx, span)
    assert held == ["role-before"] and looks_like_person(ctx, span)


def test_actors_role_neighbours__role_before__near_miss():
    ctx, span, held = neighbours(YESTERDAY, 1, 3)
    assert not role_before_name(ctx, span)
    assert held == [] and not looks_like_person(ctx, span)


ROLE_PHRASE_COMMA = """
The        DET   DT  det       1 O
director   NOUN  NN  nsubj     10 O
of         ADP   IN  prep      1 O
children   NOUN  NNS poss      5 O lemma=child
's         PART  POS case      3 O
services   NOUN  NNS pobj      2 O lemma=service
,          PUNCT ,   punct     1 O
Anna       PROPN NNP compound  8 O
Groom      PROPN NNP appos     1 O
,          PUNCT ,   punct     1 O
said       VERB  VBD ROOT      10 O lemma=say
the        DET   DT  det       12 O
plan       NOUN  NN  nsubjpass 14 O
was        AUX   VBD auxpass   14 O lemma=be
rushed     VERB  VBN ccomp     10 O lemma=rush
.          PUNCT .   punct     10 O
"""
AFTER_A_MEETING = """
After      ADP   IN  prep      7 O
a          DET   DT  det       3 O
long       ADJ   JJ  amod      3 O
meeting    NOUN  NN  pobj      0 O
,          PUNCT ,   punct     7 O
Anna       PROPN NNP compound  6 O
Groom      PROPN NNP nsubj     7 O
said       VERB  VBD ROOT      7 O lemma=say
the        DET   DT  det       9 O
plan       NOUN  NN  nsubjpass 11 O
was        AUX   VBD auxpass   11 O lemma=be
rushed     VERB  VBN ccomp     7 O lemma=rush
.          PUNCT .   punct     7 O
"""


def test_actors_role_neighbours__role_phrase_comma__fires():
    ctx, span, held = neighbours(ROLE_PHRASE_COMMA, 7, 9)
    assert role_phrase_before(ctx, span)
    assert held == ["role-phrase-comma"] and looks_like_person(ctx, span)


def test_actors_role_neighbours__role_phrase_comma__near_miss():
    ctx, span, held = neighbours(AFTER_A_MEETING, 5, 7)
    assert not role_phrase_before(ctx, span)
    assert held == [] and not looks_like_person(ctx, span)


# ---------------------------------------------------------------- actors.implausible
def implausible(spec: str, start: int, end: int):
    ctx = actor_ctx(parse(spec))
    span = ctx.doc[start:end]
    return ctx, span, holding(IMPLAUSIBLE, ctx, span)


SHARE_BAR = """
Share    NOUN  NN  compound 2 O
|        PUNCT NFP punct    2 O
Twitter  PROPN NNP nsubj    3 O
said     VERB  VBD ROOT     3 O lemma=say
nothing  PRON  NN  dobj     3 O
.        PUNCT .   punct    3 O
"""
PRINT_EMAIL = """
Print    PROPN NNP compound 1 O
Email    PROPN NNP nsubj    2 O
said     VERB  VBD ROOT     2 O lemma=say
nothing  PRON  NN  dobj     2 O
.        PUNCT .   punct    2 O
"""


def test_actors_implausible__odd_characters__fires():
    ctx, span, held = implausible(SHARE_BAR, 0, 3)
    assert odd_characters(ctx, span)
    assert held == ["odd-characters"] and not plausible(ctx, span)


def test_actors_implausible__odd_characters__near_miss():
    ctx, span, held = implausible(PRINT_EMAIL, 0, 2)
    assert not odd_characters(ctx, span)
    assert held == [] and plausible(ctx, span)


COVID = """
Covid    PROPN NNP nsubj 1 O
said     VERB  VBD ROOT  1 O lemma=say
nothing  PRON  NN  dobj  1 O
.        PUNCT .   punct 1 O
"""
COVID_TRUST = """
The      DET   DT  det      2 O
Covid    PROPN NNP compound 2 O
Trust    PROPN NNP nsubj    3 O
said     VERB  VBD ROOT     3 O lemma=say
nothing  PRON  NN  dobj     3 O
.        PUNCT .   punct    3 O
"""


def test_actors_implausible__not_an_actor__fires():
    ctx, span, held = implausible(COVID, 0, 1)
    assert listed_not_actor(ctx, span)
    assert held == ["not-an-actor"] and not plausible(ctx, span)


NEWS_AND_JOBSNEWS = """
News      PROPN NNP compound 2 B-ORG
&         CCONJ CC  cc       0 I-ORG
JobsNews  PROPN NNP nsubj    3 I-ORG
said      VERB  VBD ROOT     3 O lemma=say
nothing   PRON  NN  dobj     3 O
.         PUNCT .   punct    3 O
"""
NEWS_AND_MEDIA_TRUST = NEWS_AND_JOBSNEWS.replace("JobsNews  PROPN NNP nsubj", "Trust     PROPN NNP nsubj")


def test_actors_implausible__page_sections__fires():
    """'News & JobsNews' (a site's menu, two words run together): page furniture, no actor."""
    from argmap.nlp.rules.actors import page_sections

    ctx, span, held = implausible(NEWS_AND_JOBSNEWS, 0, 3)
    assert page_sections(ctx, span)
    assert held == ["page-sections"] and not plausible(ctx, span)


def test_actors_implausible__page_sections__near_miss():
    """'News & Trust': a word that is no section's makes a name."""
    from argmap.nlp.rules.actors import page_sections

    ctx, span, held = implausible(NEWS_AND_MEDIA_TRUST, 0, 3)
    assert not page_sections(ctx, span)
    assert held == [] and plausible(ctx, span)
    bbc = NEWS_AND_JOBSNEWS.replace("News      PROPN NNP compound 2 B-ORG", "BBC       PROPN NNP compound 2 B-ORG")
    ctx, span, _ = implausible(bbc, 0, 3)
    assert not page_sections(ctx, span)  # 'BBC & JobsNews': the name in capitals is no section word


CURLY_FIELD = """
Children’s  PROPN NNP poss     2 B-ORG
Social      PROPN NNP compound 2 I-ORG
Care        PROPN NNP nsubj    3 I-ORG
said        VERB  VBD ROOT     3 O lemma=say
nothing     PRON  NN  dobj     3 O
.           PUNCT .   punct    3 O
"""


def test_actors_implausible__not_an_actor__fires_with_a_curly_apostrophe():
    """'Children’s Social Care' as a page prints it: the listed field, apostrophe straightened."""
    ctx, span, held = implausible(CURLY_FIELD, 0, 3)
    assert listed_not_actor(ctx, span)
    assert "not-an-actor" in held and not plausible(ctx, span)


def test_actors_implausible__not_an_actor__near_miss():
    ctx, span, held = implausible(COVID_TRUST, 0, 3)
    assert not listed_not_actor(ctx, span)
    assert held == [] and plausible(ctx, span)


PREVIOUS_GOVERNMENT = """
The         DET   DT  det   2 O
previous    ADJ   JJ  amod  2 O
Government  PROPN NNP nsubj 3 B-ORG
announced   VERB  VBD ROOT  3 O lemma=announce
a           DET   DT  det   5 O
ban         NOUN  NN  dobj  3 O
.           PUNCT .   punct 3 O
"""
LAST_WEEK_GOVERNMENT = """
Last        ADJ   JJ  amod     1 O
week        NOUN  NN  npadvmod 4 O
the         DET   DT  det      3 O
Government  PROPN NNP nsubj    4 B-ORG
announced   VERB  VBD ROOT     4 O lemma=announce
a           DET   DT  det      6 O
ban         NOUN  NN  dobj     4 O
.           PUNCT .   punct    4 O
"""


def test_actors_implausible__earlier_holder__fires():
    """'The previous Government announced a ban': an earlier government, not today's."""
    from argmap.nlp.rules.actors import earlier_holder
    ctx, span, held = implausible(PREVIOUS_GOVERNMENT, 2, 3)
    assert earlier_holder(ctx, span)
    assert held == ["earlier-holder"] and not plausible(ctx, span)


def test_actors_implausible__earlier_holder__near_miss_last_week():
    """'Last week the Government announced a ban': 'last' is the week's."""
    from argmap.nlp.rules.actors import earlier_holder
    ctx, span, held = implausible(LAST_WEEK_GOVERNMENT, 3, 4)
    assert not earlier_holder(ctx, span)
    assert held == [] and plausible(ctx, span)


IN_COMMITTEE = """
In          ADP   IN  prep     5 O
Committee   PROPN NNP pobj     0 B-ORG
,           PUNCT ,   punct    5 O
the         DET   DT  det      4 O
party       NOUN  NN  nsubj    5 O
tabled      VERB  VBD ROOT     5 O lemma=table
amendments  NOUN  NNS dobj     5 O
.           PUNCT .   punct    5 O
"""
COMMITTEE_STAGE = """
During      ADP   IN  prep     7 O
House       PROPN NNP compound 5 B-ORG
of          ADP   IN  prep     1 I-ORG
Commons     PROPN NNPS pobj    2 I-ORG
committee   NOUN  NN  compound 5 I-ORG
stage       NOUN  NN  pobj     0 O
,           PUNCT ,   punct    7 O
MPs         NOUN  NNS nsubj    7 O
voted       VERB  VBD ROOT     7 O lemma=vote
.           PUNCT .   punct    7 O
"""
THE_COMMITTEE_SAID = """
The         DET   DT  det      1 O
Committee   PROPN NNP nsubj    2 B-ORG
said        VERB  VBD ROOT     2 O lemma=say
the         DET   DT  det      4 O
plan        NOUN  NN  nsubj    5 O
was         AUX   VBD ROOT     2 O lemma=be
rushed      ADJ   JJ  acomp    5 O
.           PUNCT .   punct    2 O
"""


def test_actors_implausible__bill_stage__fires():
    """'In Committee, the party tabled amendments': a stage of a bill, not a body."""
    from argmap.nlp.rules.actors import bill_stage
    ctx, span, held = implausible(IN_COMMITTEE, 1, 2)
    assert bill_stage(ctx, span)
    assert held == ["bill-stage"] and not plausible(ctx, span)


def test_actors_implausible__bill_stage__fires_before_the_word_stage():
    """'During House of Commons committee stage': the stage, not a committee speaking."""
    from argmap.nlp.rules.actors import bill_stage
    ctx, span, held = implausible(COMMITTEE_STAGE, 1, 5)
    assert bill_stage(ctx, span)
    assert "bill-stage" in held and not plausible(ctx, span)


def test_actors_implausible__bill_stage__near_miss_the_committee_speaks():
    """'The Committee said ...': a body with its article, speaking."""
    from argmap.nlp.rules.actors import bill_stage
    ctx, span, held = implausible(THE_COMMITTEE_SAID, 1, 2)
    assert not bill_stage(ctx, span)
    assert "bill-stage" not in held


def _government_mentions(spec: str) -> list[tuple[int, str]]:
    """(start, key) of the known-actor mentions of a taxonomy whose one actor is the government."""
    from argmap.nlp.rules.actors import known_actors
    from argmap.taxonomy import taxonomy_from_dict

    ctx = actor_ctx(parse(spec))
    ctx.taxonomy = taxonomy_from_dict({"meta": {"name": "t"}, "proposal": [{"id": "p", "label": "p"}],
                                       "actor": [{"id": "gov", "label": "The Government",
                                                  "aliases": ["Government", "government"], "type": "organisation"}]})
    return [(m.span.start, m.key) for m in known_actors(ctx, [])]


def test_known_actors__an_earlier_holder_is_no_mention_of_the_known_body():
    """The taxonomy's government ('government' an alias) is not mentioned by 'the previous
    Government', and is by 'the Government' of last week."""
    assert _government_mentions(PREVIOUS_GOVERNMENT) == []
    assert [key for _, key in _government_mentions(LAST_WEEK_GOVERNMENT)] == ["gov"]


LOCAL_GOVERNMENT = """
We          PRON  PRP nsubj    1 O
improve     VERB  VBP ROOT     1 O
local       ADJ   JJ  amod     3 O
government  NOUN  NN  dobj     1 O
and         CCONJ CC  cc       1 O
speak       VERB  VBP conj     1 O
to          ADP   IN  prep     5 O
government  NOUN  NN  pobj     6 O
.           PUNCT .   punct    1 O
"""


def test_known_actors__another_level_of_government_is_no_mention_of_the_government():
    """'improve local government and speak to government': only the second is the government."""
    assert _government_mentions(LOCAL_GOVERNMENT) == [(7, "gov")]


THE_2024_REVIEW = """
the     DET   DT  det    2 O
2024    NUM   CD  nummod 2 B-DATE
review  NOUN  NN  nsubj  3 O
said    VERB  VBD ROOT   3 O lemma=say
it      PRON  PRP nsubj  6 O
would   AUX   MD  aux    6 O
help    VERB  VB  ccomp  3 O
.       PUNCT .   punct  3 O
"""
WESSEX_REVIEW = """
The     DET   DT  det      2 O
Wessex  PROPN NNP compound 2 O
Review  PROPN NNP nsubj    3 O
said    VERB  VBD ROOT     3 O lemma=say
it      PRON  PRP nsubj    6 O
would   AUX   MD  aux      6 O
help    VERB  VB  ccomp    3 O
.       PUNCT .   punct    3 O
"""


def test_actors_implausible__not_a_name__fires():
    ctx, span, held = implausible(THE_2024_REVIEW, 0, 3)
    assert not_a_name(ctx, span)
    assert held == ["not-a-name"] and not plausible(ctx, span)


def test_actors_implausible__not_a_name__near_miss():
    ctx, span, held = implausible(WESSEX_REVIEW, 0, 3)
    assert not not_a_name(ctx, span)
    assert held == [] and plausible(ctx, span)


MINISTER = """
Minister  PROPN NNP nsubj 1 O
said      VERB  VBD ROOT  1 O lemma=say
it        PRON  PRP nsubj 4 O
would     AUX   MD  aux   4 O
help      VERB  VB  ccomp 1 O
.         PUNCT .   punct 1 O
"""
MINISTER_RAO = """
Minister  PROPN NNP compound 1 O
Rao       PROPN NNP nsubj    2 B-PERSON
said      VERB  VBD ROOT     2 O lemma=say
it        PRON  PRP nsubj    5 O
would     AUX   MD  aux      5 O
help      VERB  VB  ccomp    2 O
.         PUNCT .   punct    2 O
"""


def test_actors_implausible__lone_role__fires():
    ctx, span, held = implausible(MINISTER, 0, 1)
    assert lone_role(ctx, span)
    assert held == ["lone-role"] and not plausible(ctx, span)


def test_actors_implausible__lone_role__near_miss():
    ctx, span, held = implausible(MINISTER_RAO, 0, 2)
    assert not lone_role(ctx, span)
    assert held == [] and plausible(ctx, span)


def test_actors_implausible__lone_role__fires_on_a_plural():
    """'MPs said ...': the plural of a role word is a group, no actor (nor is 'Ministers')."""
    spec = MINISTER.replace("Minister  PROPN NNP", "MPs       PROPN NNPS")
    ctx, span, held = implausible(spec, 0, 1)
    assert lone_role(ctx, span) and held == ["lone-role", "group-noun"]  # a plural opening the sentence, too


def test_actors_implausible__group_noun__fires():
    """'Charities said ...': a plural common noun opening the sentence is an unnamed group."""
    from argmap.nlp.rules.actors import group_noun

    spec = MINISTER.replace("Minister  PROPN NNP  nsubj", "Charities PROPN NNPS nsubj").replace(
        "Minister  PROPN NNP", "Charities PROPN NNPS")
    ctx, span, held = implausible(spec, 0, 1)
    assert group_noun(ctx, span) and held == ["group-noun"]


def test_actors_implausible__group_noun__near_miss():
    """'Hearth said ...': a name that is no plural noun stays an actor."""
    from argmap.nlp.rules.actors import group_noun

    spec = MINISTER.replace("Minister  PROPN NNP", "Hearth    PROPN NNP")
    ctx, span, held = implausible(spec, 0, 1)
    assert not group_noun(ctx, span) and held == []


HON_FRIEND = """
Does    AUX   VBZ ROOT   0 O
my      PRON  PRP$ poss  2 O
hon.    NOUN  NN  amod   3 O
Friend  PROPN NNP nsubj  4 O
agree   VERB  VB  ccomp  0 O
?       PUNCT .   punct  0 O
"""


def test_actors_implausible__addressed_member__fires():
    """'Does my hon. Friend agree?': the member addressed, no name."""
    from argmap.nlp.rules.actors import addressed_member

    ctx, span, held = implausible(HON_FRIEND, 3, 4)
    assert addressed_member(ctx, span) and held == ["addressed-member"]


def test_actors_implausible__addressed_member__near_miss():
    """'Does my friend Hearth agree?': a name after another word stays an actor."""
    from argmap.nlp.rules.actors import addressed_member

    spec = HON_FRIEND.replace("hon.    NOUN  NN  amod", "friend  NOUN  NN  amod").replace(
        "Friend  PROPN NNP nsubj", "Hearth  PROPN NNP nsubj")
    ctx, span, held = implausible(spec, 3, 4)
    assert not addressed_member(ctx, span) and held == []


PLACE_MP = """
The        DET   DT  det      1 O
Hartwell   PROPN NNP nsubj    6 B-GPE
and        CCONJ CC  cc       1 O
Dunmore    PROPN NNP compound 5 B-GPE
South      PROPN NNP compound 5 I-GPE
MP         PROPN NNP conj     1 O
said       VERB  VBD ROOT     6 O lemma=say
it         PRON  PRP nsubj    9 O
would      AUX   MD  aux      9 O
help       VERB  VB  ccomp    6 O
.          PUNCT .   punct    6 O
"""


def test_actors_implausible__place_of_a_role__fires():
    """'The Hartwell and Dunmore South MP said': the MP's seat, no actor."""
    from argmap.nlp.rules.actors import place_of_a_role

    ctx, span, held = implausible(PLACE_MP, 1, 2)
    assert place_of_a_role(ctx, span) and held == ["place-of-a-role"]


def test_actors_implausible__place_of_a_role__near_miss():
    """'The Hartwell Council leader said': a body's name before the role stays an actor (its affiliation)."""
    from argmap.nlp.rules.actors import place_of_a_role

    spec = PLACE_MP.replace("and        CCONJ CC  cc       1 O", "Council    PROPN NNP compound 5 O")
    ctx, span, held = implausible(spec, 1, 3)
    assert not place_of_a_role(ctx, span) and held == []


def test_actors_implausible__lone_role__near_miss_a_name_ending_in_s():
    """'Jones said ...': a name ending in 's' that is no role word's plural stays an actor."""
    spec = MINISTER.replace("Minister  PROPN NNP", "Jones     PROPN NNP")
    ctx, span, held = implausible(spec, 0, 1)
    assert not lone_role(ctx, span)


CONTACT_BILL = """
The      DET   DT  det      3 O
Family   PROPN NNP compound 3 O
Contact  PROPN NNP compound 3 O
Bill     PROPN NNP nsubj    4 O
says     VERB  VBZ ROOT     4 O lemma=say
nothing  PRON  NN  dobj     4 O
about    ADP   IN  prep     4 O
it       PRON  PRP pobj     6 O
.        PUNCT .   punct    4 O
"""
CONTACT_TRUST = CONTACT_BILL.replace("Bill     PROPN", "Trust    PROPN")


def test_actors_implausible__law__fires():
    ctx, span, held = implausible(CONTACT_BILL, 1, 4)
    assert law_name(ctx, span)
    assert held == ["law"] and not plausible(ctx, span)


def test_actors_implausible__law__near_miss():
    ctx, span, held = implausible(CONTACT_TRUST, 1, 4)
    assert not law_name(ctx, span)
    assert held == [] and plausible(ctx, span)


HEADING = """
Practice  PROPN NNP  ROOT 0 O
&         CCONJ CC   cc   0 O
Systems   PROPN NNPS conj 0 O
"""
NOT_A_HEADING = """
Practice  PROPN NNP  nsubj 3 O
&         CCONJ CC   cc    0 O
Systems   PROPN NNPS conj  0 O
said      VERB  VBD  ROOT  3 O lemma=say
nothing   PRON  NN   dobj  3 O
.         PUNCT .    punct 3 O
"""


def test_actors_implausible__heading__fires():
    ctx, span, held = implausible(HEADING, 0, 3)
    assert heading_name(ctx, span)
    assert held == ["heading"] and not plausible(ctx, span)


QUOTE_TITLE = """
‘           PUNCT ``   punct    2 O
Change      NOUN  NN   nsubj    2 O
matters     VERB  VBZ  ROOT     2 O
’           PUNCT ''   punct    2 O
:           PUNCT :    punct    2 O
Josie       PROPN NNP  compound 6 B-PERSON
Marlow      PROPN NNP  ROOT     6 I-PERSON
"""


def test_actors_implausible__heading__near_miss_the_end_of_a_longer_line():
    """A name the parser cut off the end of a headline ('Change matters': Josie Marlow) is no heading."""
    ctx, span, held = implausible(QUOTE_TITLE, 5, 7)
    assert not heading_name(ctx, span)
    assert held == [] and plausible(ctx, span)


LETTERHEAD = """
Hearth     PROPN NNP  compound 2 O
Carers     PROPN NNPS compound 2 O
Alliance   PROPN NNP  ROOT     2 O
"""


def test_actors_implausible__heading__near_miss_a_letterhead():
    """'Hearth Carers Alliance' alone on its line ends in an organisation word: a letterhead, a name."""
    ctx, span, held = implausible(LETTERHEAD, 0, 3)
    assert not heading_name(ctx, span)
    assert held == [] and plausible(ctx, span)


def test_actors_mentions__letterhead__fires():
    """'Hearth Carers Alliance' alone on a line, untagged: an organisation's name."""
    from argmap.nlp.rules.actors import letterhead_lines

    ctx = actor_ctx(parse(LETTERHEAD))
    assert described(letterhead_lines(ctx, [])) == [("Hearth Carers Alliance", ORG)]
    assert actors_found(LETTERHEAD) == [("Hearth Carers Alliance", "hearth-carers-alliance", ORG)]


def test_actors_mentions__letterhead__near_miss_no_organisation_word():
    """'Practice & Systems' alone on a line names no organisation; nor does a line already found."""
    from argmap.nlp.rules.actors import Mention, letterhead_lines

    ctx = actor_ctx(parse(HEADING))
    assert letterhead_lines(ctx, []) == []
    ctx = actor_ctx(parse(LETTERHEAD))
    assert letterhead_lines(ctx, [Mention(ctx.doc[0:3], ORG)]) == []


def test_actors_mentions__document_by_line__fires():
    """'Written evidence submitted by Just for Kids Law', untagged: the name after 'by', to the
    line's end, is whoever wrote the document."""
    from argmap.nlp.rules.actors import document_by_lines

    ctx = actor_ctx(parse(EVIDENCE_BY_NAME_PARSED_APART))
    assert described(document_by_lines(ctx, [])) == [("Just for Kids Law", ORG)]
    assert actors_found(EVIDENCE_BY_NAME_PARSED_APART) == [("Just for Kids Law", "just-for-kids-law", ORG)]


def test_actors_mentions__document_by_line__near_miss():
    """No document word before 'by' ('Children placed by Kids Law') names no writer; nor does a
    name that stops before the line's end ('... by Kids Law today')."""
    from argmap.nlp.rules.actors import document_by_lines

    placed = EVIDENCE_BY_NAME_PARSED_APART.replace("Written    VERB  VBN  amod     1 O lemma=write", "Many       ADJ   JJ   amod     1 O") \
        .replace("evidence   NOUN  NN   ROOT     1 O", "children   NOUN  NNS  ROOT     1 O lemma=child")
    assert document_by_lines(actor_ctx(parse(placed)), []) == []
    today = EVIDENCE_BY_NAME_PARSED_APART + "today      NOUN  NN   npadvmod 2 O\n"
    assert document_by_lines(actor_ctx(parse(today)), []) == []


def test_actors_implausible__heading__near_miss():
    ctx, span, held = implausible(NOT_A_HEADING, 0, 3)
    assert not heading_name(ctx, span)
    assert held == [] and plausible(ctx, span)


NATIONAL_FRAMEWORK = """
The        DET   DT  det      2 O
National   PROPN NNP compound 2 O
Framework  PROPN NNP nsubj    3 O
sets       VERB  VBZ ROOT     3 O lemma=set
the        DET   DT  det      5 O
standard   NOUN  NN  dobj     3 O
.          PUNCT .   punct    3 O
"""
NATIONAL_TRUST = NATIONAL_FRAMEWORK.replace("Framework  PROPN", "Trust      PROPN")


def test_actors_implausible__proposal_name__fires():
    ctx, span, held = implausible(NATIONAL_FRAMEWORK, 1, 3)
    assert proposal_name(ctx, span)
    assert held == ["proposal-name"] and not plausible(ctx, span)


def test_actors_implausible__proposal_name__near_miss():
    ctx, span, held = implausible(NATIONAL_TRUST, 1, 3)
    assert not proposal_name(ctx, span)
    assert held == [] and plausible(ctx, span)


FAMILY_HELP_UK = """
Family  PROPN NNP compound 2 O
Help    PROPN NNP compound 2 O
UK      PROPN NNP nsubj    3 B-GPE
said    VERB  VBD ROOT     3 O lemma=say
the     DET   DT  det      5 O
plan    NOUN  NN  nsubj    7 O
was     AUX   VBD ccomp    3 O lemma=be
rushed  ADJ   JJ  acomp    6 O
.       PUNCT .   punct    3 O
"""


def test_actors_implausible__proposal_name__near_miss_a_name_ending_in_a_place():
    """'Family Help UK said': a proposal's name inside an organisation's name that ends in a place is
    no proposal; the speaker is an organisation."""
    ctx, span, held = implausible(FAMILY_HELP_UK, 0, 3)
    assert not proposal_name(ctx, span)
    assert held == [] and plausible(ctx, span)
    assert described(speech_subjects(ctx, [])) == [("Family Help UK", ORG)]
    ctx, span, held = implausible(FAMILY_HELP_UK.replace("B-GPE", "O"), 0, 3)
    assert proposal_name(ctx, span)  # no place at its end: the proposal's name with a word after it


def test_actors_implausible__proposal_name__near_miss_a_name_ending_in_a_body_word():
    """'Family Help Alliance said': a proposal's name inside a name that ends in a word for a body is an
    organisation's name, not the proposal."""
    ctx, span, held = implausible(FAMILY_HELP_UK.replace("UK      PROPN NNP nsubj    3 B-GPE", "Alliance PROPN NNP nsubj  3 O"), 0, 3)
    assert not proposal_name(ctx, span)
    assert held == [] and plausible(ctx, span)


IRISHMAN = """
The       DET   DT  det      1 O
Irishman  PROPN NNP nsubj    2 B-PERSON
spoke     VERB  VBD ROOT     2 O lemma=speak
.         PUNCT .   punct    2 O
"""


def test_actors_implausible__epithet__fires():
    ctx, span, held = implausible(IRISHMAN, 0, 2)
    assert epithet(ctx, span)
    assert held == ["epithet"] and not plausible(ctx, span)


def test_actors_implausible__epithet__near_miss():
    ctx, span, held = implausible(IRISHMAN.replace("Irishman  PROPN", "Ireland   PROPN"), 0, 2)
    assert not epithet(ctx, span)


TITLED = """
Care     PROPN NNP compound 3 B-ORG
Matters  PROPN NNP compound 3 I-ORG
:        PUNCT :   punct    3 I-ORG
Homes    PROPN NNP nsubj    4 I-ORG
sets     VERB  VBZ ROOT     4 O lemma=set
the      DET   DT  det      6 O
standard NOUN  NN  dobj     4 O
.        PUNCT .   punct    4 O
"""
CARE_TRUST = TITLED.replace(":        PUNCT :   punct    3 I-ORG", "Housing  PROPN NNP compound 3 I-ORG")


def test_actors_implausible__titled_document__fires():
    ctx, span, held = implausible(TITLED, 0, 4)
    assert titled_document(ctx, span)
    assert held == ["titled-document"] and not plausible(ctx, span)


def test_actors_implausible__titled_document__near_miss():
    """A colon at the span's edge (a speaker line 'Jane Doe:') is no title."""
    ctx, span, held = implausible(CARE_TRUST, 0, 4)
    assert not titled_document(ctx, span) and plausible(ctx, span)
    ctx, span, held = implausible(TITLED, 0, 3)
    assert not titled_document(ctx, span)


# ---------------------------------------------------------------- actors.roles
def role_of(spec: str, start: int, end: int):
    ctx = actor_ctx(parse(spec))
    return ctx, ctx.doc[start:end], ROLES.first_named(ctx, ctx.doc[start:end])


APPOSITION = """
Jane       PROPN NNP compound 1 B-PERSON
Roe        PROPN NNP nsubj    9 I-PERSON
,          PUNCT ,   punct    1 O
chief      ADJ   JJ  amod     4 O
executive  NOUN  NN  appos    1 O
of         ADP   IN  prep     4 O
Kinship    PROPN NNP compound 7 B-ORG
Now        PROPN NNP pobj     5 I-ORG
,          PUNCT ,   punct    9 O
said       VERB  VBD ROOT     9 O lemma=say
the        DET   DT  det      11 O
plan       NOUN  NN  nsubj    12 O
was        AUX   VBD ccomp    9 O lemma=be
late       ADJ   JJ  acomp    12 O
.          PUNCT .   punct    9 O
"""
LIST_OF_NAMES = """
Jane  PROPN NNP compound 1 B-PERSON
Roe   PROPN NNP nsubj    8 I-PERSON
,     PUNCT ,   punct    1 O
Sam   PROPN NNP compound 4 B-PERSON
Poe   PROPN NNP appos    1 I-PERSON
and   CCONJ CC  cc       4 O
Ann   PROPN NNP compound 7 B-PERSON
Low   PROPN NNP conj     4 I-PERSON
said  VERB  VBD ROOT     8 O lemma=say
the   DET   DT  det      10 O
plan  NOUN  NN  nsubj    11 O
was   AUX   VBD ccomp    8 O lemma=be
late  ADJ   JJ  acomp    11 O
.     PUNCT .   punct    8 O
"""


def test_actors_roles__apposition_after__fires():
    ctx, span, answer = role_of(APPOSITION, 0, 2)
    assert apposition_after(ctx, span) == ("chief executive of Kinship Now", 3, 8)
    assert answer == ("apposition-after", ("chief executive of Kinship Now", 3, 8))
    assert registry_of(APPOSITION)["jane-roe"]["role"] == "chief executive of Kinship Now"


CAPITAL_TITLE = APPOSITION.replace("chief      ADJ   JJ  amod     4 O", "Chief      PROPN NNP compound 4 O").replace(
    "executive  NOUN  NN  appos    1 O", "Executive  PROPN NNP appos    1 O")


def test_actors_roles__apposition_after__fires_on_a_capitalised_title():
    """'Jane Roe, Chief Executive of X': a title in capitals is still a role, not another name."""
    ctx, span, answer = role_of(CAPITAL_TITLE, 0, 2)
    assert apposition_after(ctx, span) == ("Chief Executive of Kinship Now", 3, 8)


def test_actors_roles__apposition_after__near_miss():
    """A list of names after a comma is no role."""
    ctx, span, answer = role_of(LIST_OF_NAMES, 0, 2)
    assert apposition_after(ctx, span) is None
    assert answer is None


MEMBER_LETTERS = """
Jane  PROPN NNP compound 1 B-PERSON
Roe   PROPN NNP compound 2 I-PERSON
MP    PROPN NNP nsubj    3 I-PERSON
said  VERB  VBD ROOT     3 O lemma=say
the   DET   DT  det      5 O
plan  NOUN  NN  nsubj    6 O
was   AUX   VBD ccomp    3 O lemma=be
late  ADJ   JJ  acomp    6 O
.     PUNCT .   punct    3 O
"""
HONOUR_LETTERS = MEMBER_LETTERS.replace("MP    PROPN", "OBE   PROPN")


def test_actors_roles__letters_of_office__fires():
    """'Jane Roe MP': the letters are her role, and her name is 'Jane Roe' (so a later 'Jane Roe' is her)."""
    ctx, span, answer = role_of(MEMBER_LETTERS, 0, 3)
    assert letters_of_office(ctx, span) == ("MP", 2, 3)
    assert answer == ("letters-of-office", ("MP", 2, 3))
    registry = registry_of(MEMBER_LETTERS)
    assert "jane-roe" in registry and "jane-roe-mp" not in registry
    assert registry["jane-roe"]["role"] == "MP"


def test_actors_roles__letters_of_office__near_miss():
    """An honour ('OBE') is no office: no role, though the name still drops it."""
    ctx, span, answer = role_of(HONOUR_LETTERS, 0, 3)
    assert letters_of_office(ctx, span) is None
    assert answer is None
    assert registry_of(HONOUR_LETTERS)["jane-roe"]["role"] is None


MINISTER_BEFORE = """
Children  NOUN  NNS poss     2 O lemma=child
's        PART  POS case     0 O
minister  NOUN  NN  compound 4 O
Jane      PROPN NNP compound 4 B-PERSON
Roe       PROPN NNP nsubj    5 I-PERSON
said      VERB  VBD ROOT     5 O lemma=say
the       DET   DT  det      7 O
plan      NOUN  NN  nsubj    8 O
was       AUX   VBD ccomp    5 O lemma=be
late      ADJ   JJ  acomp    8 O
.         PUNCT .   punct    5 O
"""
AUTHOR_BEFORE = MINISTER_BEFORE.replace("minister  NOUN", "author    NOUN")


def test_actors_roles__role_before__fires():
    ctx, span, answer = role_of(MINISTER_BEFORE, 3, 5)
    assert role_before(ctx, span) == ("Children's minister", 0, 3)
    assert answer == ("role-before", ("Children's minister", 0, 3))
    assert registry_of(MINISTER_BEFORE)["jane-roe"]["role"] == "Children's minister"


def test_actors_roles__role_before__near_miss():
    """'author' is no role word: the phrase before the name is no role."""
    ctx, span, answer = role_of(AUTHOR_BEFORE, 3, 5)
    assert role_before(ctx, span) is None
    assert answer is None


EXPERTS_SUCH_AS = """
concerns   NOUN  NNS ROOT     0 O lemma=concern
from       ADP   IN  prep     0 O
experts    NOUN  NNS pobj     1 O lemma=expert
such       ADJ   JJ  amod     4 O
as         ADP   IN  prep     2 O
Professor  PROPN NNP compound 7 O
Jane       PROPN NNP compound 7 B-PERSON
Roe        PROPN NNP pobj     4 I-PERSON
.          PUNCT .   punct    0 O
"""


def test_actors_roles__role_before__near_miss_the_group_before_such_as():
    """'concerns from experts such as Professor Jane Roe': the search stops at 'as'; the role is 'Professor'."""
    ctx, span, answer = role_of(EXPERTS_SUCH_AS, 6, 8)
    assert role_before(ctx, span) == ("Professor", 5, 6)


# ---------------------------------------------------------------- rules added for issue 12
SPEAKER_LINE = """
Rosa     PROPN NNP  compound 1 O
Pell     PROPN NNP  ROOT     1 O
(        PUNCT -LRB- punct   1 O
Lab      PROPN NNP  appos    1 O
)        PUNCT -RRB- punct   1 O
\\n      SPACE _SP  dep      4 O
My       PRON  PRP$ poss     7 O
Lords    PROPN NNPS npadvmod 10 O
,        PUNCT ,    punct    10 O
I        PRON  PRP  nsubj    10 O
welcome  VERB  VBP  ROOT     10 O
this     DET   DT   det      12 O
clause   NOUN  NN   dobj     10 O
.        PUNCT .    punct    10 O
"""
HEADING_WITH_COLON = """
Next     PROPN NNP  compound  1 O
Steps    PROPN NNPS ROOT      1 O
:        PUNCT :    punct     1 O
\\n      SPACE _SP  dep       2 O
The      DET   DT   det       5 O
plan     NOUN  NN   nsubjpass 7 O
is       AUX   VBZ  auxpass   7 O lemma=be
rushed   VERB  VBN  ROOT      7 O lemma=rush
.        PUNCT .    punct     7 O
"""


def test_actors_mentions__speaker_line__fires():
    """A transcript's speaker line names a person even when the NER model tags nothing on it."""
    ctx = actor_ctx(parse(SPEAKER_LINE))
    (m,) = speaker_lines(ctx, [])
    assert (m.span.text, m.type, m.sure) == ("Rosa Pell", PERSON, True)
    assert actors_found(SPEAKER_LINE) == [("Rosa Pell", "rosa-pell", PERSON)]


def test_actors_mentions__speaker_line__near_miss():
    """A heading ending with a colon is no speaker line (nor a name to the NER model)."""
    ctx = actor_ctx(parse(HEADING_WITH_COLON))
    assert speaker_lines(ctx, []) == []
    assert actors_found(HEADING_WITH_COLON) == []


def test_actors_mentions__speaker_line__fires_on_a_name_given_twice_after_a_photo():
    """'Photo of Jo Bell Jo Bell Labour, Leeds 2:15, 28 January 2025': a debate page's speaker line,
    a picture's caption then the name, then party, seat and time; the name is the one given twice."""
    from argmap.lexicon import load_lexicon
    from argmap.nlp.rules.actors import speaker_name

    lex = load_lexicon()
    line = "Photo of Jo Bell Jo Bell Labour, Leeds 2:15, 28 January 2025"
    assert speaker_name(line, lex) == (9, 16) and line[9:16] == "Jo Bell"
    line = "Photo of Baroness Smith of Malvern Baroness Smith of Malvern Labour"
    at = speaker_name(line, lex)
    assert at is not None and line[at[0]:at[1]] == "Baroness Smith of Malvern"


def test_actors_mentions__speaker_line__near_miss_a_photo_of_something_else():
    """'Photo of the new children's home on Park Road' names nothing twice: no speaker."""
    from argmap.lexicon import load_lexicon
    from argmap.nlp.rules.actors import speaker_name

    lex = load_lexicon()
    assert speaker_name("Photo of the new children's home on Park Road in Leeds, taken in 2024", lex) is None
    assert speaker_name("Photo of Jo Bell at the launch of the Leeds Family Hub on Monday morning", lex) is None


def test_actors_mentions__speaker_line__fires_on_a_name_over_a_portrait_and_a_long_office():
    """'Jo Bell Portrait The Parliamentary Under-Secretary of State for Children and Families (Jo
    Bell)': the name before the picture's caption is the speaker, however long the office after it."""
    from argmap.lexicon import load_lexicon
    from argmap.nlp.rules.actors import speaker_name

    lex = load_lexicon()
    line = "Jo Bell Portrait The Parliamentary Under-Secretary of State for Children and Families (Jo Bell)"
    assert len(line) > 90 and speaker_name(line, lex) == (0, 7)


def test_actors_mentions__speaker_line__near_miss_words_over_a_portrait_that_are_no_name():
    """'The new home in Leeds portrait gallery ...': the words before the decoration are no name."""
    from argmap.lexicon import load_lexicon
    from argmap.nlp.rules.actors import speaker_name

    lex = load_lexicon()
    assert speaker_name("The new home in the city and its portrait gallery opened to visitors on Monday 3 March "
                        "after a year of works by the council", lex) is None


def test_actors_mentions__speaker_line__fires_on_a_name_with_a_label_in_capitals():
    """'Jo Bell (Lab)', 'Jo Bell (Leeds North) (Lab)': a name with bracketed labels is a speaker line."""
    from argmap.lexicon import load_lexicon
    from argmap.nlp.rules.actors import speaker_name

    lex = load_lexicon()
    assert speaker_name("Jo Bell (Lab)", lex) == (0, 7)
    assert speaker_name("Jo Bell (Leeds North) (Lab)", lex) == (0, 7)


def test_actors_mentions__speaker_line__fires_on_an_office_with_its_holder_in_brackets():
    """'The Minister for Children and Families (Jo Bell)': a record of debates heads a minister's turn
    with the office, then the holder's name in brackets; the name is the speaker."""
    from argmap.lexicon import load_lexicon
    from argmap.nlp.rules.actors import speaker_name

    lex = load_lexicon()
    line = "The Minister for Children and Families (Jo Bell)"
    at = speaker_name(line, lex)
    assert at is not None and line[at[0]:at[1]] == "Jo Bell"
    line = "The Parliamentary Under-Secretary of State for Education (Jo Bell)"
    at = speaker_name(line, lex)
    assert at is not None and line[at[0]:at[1]] == "Jo Bell"


def test_actors_mentions__speaker_line__near_miss_a_title_with_a_part_in_brackets():
    """'The Hearth Review (Final Report)': a title and its part, no office: no speaker."""
    from argmap.lexicon import load_lexicon
    from argmap.nlp.rules.actors import _office_holder

    assert _office_holder("The Hearth Review (Final Report)", load_lexicon()) is None


def test_actors_mentions__speaker_line__near_miss_a_bracket_in_lower_case():
    """'Civic Wire (news from other organisations)': a page's furniture, a bracket of ordinary words,
    is no speaker's label."""
    from argmap.lexicon import load_lexicon
    from argmap.nlp.rules.actors import speaker_name

    assert speaker_name("Civic Wire (news from other organisations)", load_lexicon()) is None


UNSIGNED_LINES = SIGNED_LETTER.replace("Yours      PRON  PRP$ ROOT     4 O", "Best       ADJ   JJS  ROOT     4 O") \
    .replace("sincerely  ADV   RB   advmod   4 O", "wishes     NOUN  NNS  npadvmod 4 O")


def test_actors_mentions__signatory__fires():
    """The names listed under a sign-off sign the letter, whether or not the NER model saw them."""
    ctx = actor_ctx(parse(SIGNED_LETTER))
    assert described(signatory_lines(ctx, [])) == [("Hearth Alliance", ORG), ("Rosa Pell", PERSON)]
    assert ("Hearth Alliance", "hearth-alliance", ORG) in actors_found(SIGNED_LETTER)


SIGNED_BY_A_CENTRE = """
We         PRON  PRP  nsubj    1 O
agree      VERB  VBP  ROOT     1 O
.          PUNCT .    punct    1 O
\\n        SPACE _SP  dep      2 O
Yours      PRON  PRP$ ROOT     4 O
sincerely  ADV   RB   advmod   4 O
,          PUNCT ,    punct    4 O
\\n        SPACE _SP  dep      6 O
Centre     PROPN NNP  ROOT     8 O
for        ADP   IN   prep     8 O
Older      PROPN NNP  compound 11 O
Carers     PROPN NNPS pobj     9 O
"""


def test_actors_mentions__signatory__fires_on_an_organisation_with_lower_case_words():
    """'Centre for Older Carers' on its own line under a sign-off signs the letter."""
    ctx = actor_ctx(parse(SIGNED_BY_A_CENTRE))
    assert described(signatory_lines(ctx, [])) == [("Centre for Older Carers", ORG)]


SIGNED_WITH_TITLE = SIGNED_LETTER + """\\n        SPACE _SP  dep      12 O
Chief      PROPN NNP  compound 15 O
Executive  PROPN NNP  ROOT     15 O
"""


def test_actors_mentions__signatory__near_miss_the_title_under_a_name():
    """'Chief Executive' on the line under 'Rosa Pell' is her title, not another signatory."""
    ctx = actor_ctx(parse(SIGNED_WITH_TITLE))
    assert described(signatory_lines(ctx, [])) == [("Hearth Alliance", ORG), ("Rosa Pell", PERSON)]


def test_actors_mentions__signatory__near_miss():
    """Without a sign-off, a short capitalised line is no one's name."""
    ctx = actor_ctx(parse(UNSIGNED_LINES))
    assert signatory_lines(ctx, []) == []
    assert ("Hearth Alliance", "hearth-alliance", ORG) not in actors_found(UNSIGNED_LINES)


MP_FOR = """
She        PRON  PRP nsubj 1 O
became     VERB  VBD ROOT  1 O lemma=become
the        DET   DT  det   3 O
MP         PROPN NNP attr  1 O
for        ADP   IN  prep  3 O
Northfold  PROPN NNP pobj  4 B-ORG
.          PUNCT .   punct 1 O
"""
WORKS_FOR = """
She        PRON  PRP nsubj    1 O
works      VERB  VBZ ROOT     1 O lemma=work
for        ADP   IN  prep     1 O
Northfold  PROPN NNP compound 4 B-ORG
Trust      PROPN NNP pobj     2 I-ORG
.          PUNCT .   punct    1 O
"""


def test_actors_entity_repairs__portfolio__fires():
    """'the MP for Northfold': a constituency, though the NER model calls it an organisation."""
    ctx, span, answer = repaired(MP_FOR, 5, 6, "ORG")
    assert portfolio(ctx, span, "ORG") == []
    assert answer == ("portfolio", [])
    assert actors_found(MP_FOR) == []


def test_actors_entity_repairs__portfolio__near_miss():
    """'works for X' after no role: X is the organisation she works for."""
    ctx, span, answer = repaired(WORKS_FOR, 3, 5, "ORG")
    assert portfolio(ctx, span, "ORG") is None
    assert answer == ("entity", [("Northfold Trust", ORG)])
    assert actors_found(WORKS_FOR) == [("Northfold Trust", "northfold-trust", ORG)]


MEMBER_BRIEF = """
Jo         PROPN NNP  compound 1 B-PERSON
Bell       PROPN NNP  nsubj    9 I-PERSON
,          PUNCT ,    punct    1 O
cabinet    NOUN  NN   compound 4 O
member     NOUN  NN   appos    1 O
Children   PROPN NNP  compound 6 B-ORG
Services   PROPN NNPS appos    4 I-ORG
at         ADP   IN   prep     6 O
Northfold  PROPN NNP  pobj     7 B-ORG
welcomed   VERB  VBD  ROOT     9 O lemma=welcome
it         PRON  PRP  dobj     9 O
.          PUNCT .    punct    9 O
"""


def test_actors_entity_repairs__portfolio__fires_after_a_lower_case_role_word():
    """'Jo Bell, cabinet member Children Services at Northfold': the member's brief, no organisation;
    with a capitalised word before it ('Cabinet Member' as part of a name), not this repair."""
    ctx, span, answer = repaired(MEMBER_BRIEF, 5, 7, "ORG")
    assert portfolio(ctx, span, "ORG") == []
    assert answer == ("portfolio", [])
    assert "children-services" not in {key for _, key, _ in actors_found(MEMBER_BRIEF)}
    capital = MEMBER_BRIEF.replace("member     NOUN  NN   appos", "Member     PROPN NNP  appos")
    ctx, span, _ = repaired(capital, 5, 7, "ORG")
    assert portfolio(ctx, span, "ORG") is None


CUT_AFTER_OF = """
The          DET   DT   det      1 O
Association  PROPN NNP  nsubj    8 B-ORG
of           ADP   IN   prep     1 I-ORG
Directors    PROPN NNPS pobj     2 I-ORG
of           ADP   IN   prep     3 I-ORG
Children     PROPN NNP  poss     7 O
's           PART  POS  case     5 O
Services     PROPN NNPS pobj     4 O
said         VERB  VBD  ROOT     8 O lemma=say
it           PRON  PRP  nsubj    10 O
was          AUX   VBD  ccomp    8 O lemma=be
late         ADJ   JJ   acomp    10 O
.            PUNCT .    punct    8 O
"""
CUT_BEFORE_OF = CUT_AFTER_OF.replace("of           ADP   IN   prep     3 I-ORG", "of           ADP   IN   prep     3 O")
WHOLE_NAME = """
The          DET   DT   det      1 O
Association  PROPN NNP  nsubj    4 B-ORG
of           ADP   IN   prep     1 I-ORG
Directors    PROPN NNPS pobj     2 I-ORG
said         VERB  VBD  ROOT     4 O lemma=say
it           PRON  PRP  nsubj    6 O
was          AUX   VBD  ccomp    4 O lemma=be
late         ADJ   JJ   acomp    6 O
.            PUNCT .    punct    4 O
"""
WHOLE = "Association of Directors of Children's Services"


def test_actors_entity_repairs__cut_name__fires():
    """The NER model stopped the name after 'of': it runs on over the capitalised words."""
    ctx, span, answer = repaired(CUT_AFTER_OF, 1, 5, "ORG")
    assert described(cut_name(ctx, span, "ORG")) == [(WHOLE, ORG)]
    assert answer == ("cut-name", [(WHOLE, ORG)])
    assert actors_found(CUT_AFTER_OF) == [(WHOLE, "association-of-directors-of-childrens-services", ORG)]


def test_actors_entity_repairs__cut_name__fires_when_cut_before_the_connector():
    """'Association of Directors' + 'of Children's Services': the name runs on over the connector too."""
    ctx, span, answer = repaired(CUT_BEFORE_OF, 1, 4, "ORG")
    assert described(cut_name(ctx, span, "ORG")) == [(WHOLE, ORG)]
    assert answer == ("cut-name", [(WHOLE, ORG)])


PERSON_OF_KNOWN = """
Mina     PROPN NNP compound 1 B-ORG
Ruel     PROPN NNP nsubj    6 I-ORG
of       ADP   IN  prep     1 O
Local    PROPN NNP compound 5 O
Government PROPN NNP compound 5 O
Association PROPN NNP pobj  2 O
said     VERB  VBD ROOT     6 O lemma=say
it       PRON  PRP nsubj    8 O
was      AUX   VBD ccomp    6 O lemma=be
late     ADJ   JJ  acomp    8 O
.        PUNCT .   punct    6 O
"""


def test_actors_entity_repairs__cut_name__near_miss_a_person_of_a_known_actor():
    """'Mina Ruel' (tagged ORG) before 'of' and a taxonomy actor is a person of that actor."""
    ctx, span, answer = repaired(PERSON_OF_KNOWN, 0, 2, "ORG")
    assert described(cut_name(ctx, span, "ORG")) == [("Mina Ruel", PERSON)]


COMMISSION_ON = """
The         DET   DT   det      1 O
Commission  PROPN NNP  nsubj    6 B-ORG
on          ADP   IN   prep     1 O
the         DET   DT   det      5 O
Water       PROPN NNP  compound 5 O
Sector      PROPN NNP  pobj     2 O
published   VERB  VBD  ROOT     6 O lemma=publish
its         PRON  PRP$ poss     8 O
report      NOUN  NN   dobj     6 O
.           PUNCT .    punct    6 O
"""
COMMISSION_ON_MONDAY = """
The         DET   DT   det      1 O
Commission  PROPN NNP  nsubj    4 B-ORG
on          ADP   IN   prep     4 O
Monday      PROPN NNP  pobj     2 B-DATE
published   VERB  VBD  ROOT     4 O lemma=publish
its         PRON  PRP$ poss     6 O
report      NOUN  NN   dobj     4 O
.           PUNCT .    punct    4 O
"""


def test_actors_entity_repairs__remit_name__fires():
    """'Commission' + 'on the Water Sector': the body's remit is part of its name."""
    ctx, span, answer = repaired(COMMISSION_ON, 1, 2, "ORG")
    assert described(remit_name(ctx, span, "ORG")) == [("Commission on the Water Sector", ORG)]
    assert answer == ("remit-name", [("Commission on the Water Sector", ORG)])


def test_actors_entity_repairs__remit_name__near_miss():
    """'The Commission on Monday': a day is no remit."""
    ctx, span, answer = repaired(COMMISSION_ON_MONDAY, 1, 2, "ORG")
    assert remit_name(ctx, span, "ORG") is None


def test_actors_entity_repairs__cut_name__near_miss():
    """A whole name (nothing cut after a connector) stays as it is."""
    ctx, span, answer = repaired(WHOLE_NAME, 1, 4, "ORG")
    assert cut_name(ctx, span, "ORG") is None
    assert answer == ("entity", [("Association of Directors", ORG)])


THE_REVIEW = """
The      DET   DT  det   1 O
Review   PROPN NNP nsubj 2 B-ORG
said     VERB  VBD ROOT  2 O lemma=say
nothing  PRON  NN  dobj  2 O
.        PUNCT .   punct 2 O
"""
FIELD_IN_PLACE = """
Social   PROPN NNP compound 1 B-ORG
Care     PROPN NNP nsubj    4 I-ORG
in       ADP   IN  prep     1 I-ORG
England  PROPN NNP pobj     2 I-ORG
said     VERB  VBD ROOT     4 O lemma=say
nothing  PRON  NN  dobj     4 O
.        PUNCT .   punct    4 O
"""
REVIEW_GROUP = """
The      DET   DT  det      2 O
Review   PROPN NNP compound 2 B-ORG
Group    PROPN NNP nsubj    3 I-ORG
said     VERB  VBD ROOT     3 O lemma=say
nothing  PRON  NN  dobj     3 O
.        PUNCT .   punct    3 O
"""


def test_actors_implausible__field_or_document__fires():
    ctx, span, held = implausible(THE_REVIEW, 1, 2)
    assert field_or_document(ctx, span)
    assert held == ["field-or-document"] and not plausible(ctx, span)
    assert actors_found(THE_REVIEW) == []


def test_actors_implausible__field_or_document__fires_for_a_field_of_work_in_a_place():
    ctx, span, held = implausible(FIELD_IN_PLACE, 0, 4)
    assert field_or_document(ctx, span)
    assert held == ["field-or-document"] and not plausible(ctx, span)


def test_actors_implausible__field_or_document__near_miss():
    ctx, span, held = implausible(REVIEW_GROUP, 1, 3)
    assert not field_or_document(ctx, span)
    assert held == [] and plausible(ctx, span)
    assert actors_found(REVIEW_GROUP) == [("Review Group", "review-group", ORG)]


NAME_TAKEN_FOR_A_PLACE = """
Yvonne  PROPN NNP compound 1 B-GPE
Ash     PROPN NNP nsubj    2 I-GPE
chairs  VERB  VBZ ROOT     2 O lemma=chair
a       DET   DT  det      5 O
parent  NOUN  NN  compound 5 O
forum   NOUN  NN  dobj     2 O
.       PUNCT .   punct    2 O
"""
NAMED_PLACE_AFTER_PREPOSITION = """
Councils NOUN  NNS nsubj    4 O lemma=council
in       ADP   IN  prep     0 O
North    PROPN NNP compound 3 B-GPE
Wessex   PROPN NNP pobj     1 I-GPE
agreed   VERB  VBD ROOT     4 O lemma=agree
.        PUNCT .   punct    4 O
"""


def test_actors_entity_repairs__place_tag_person__fires_on_a_two_word_name_taken_for_a_place():
    ctx, span, answer = repaired(NAME_TAKEN_FOR_A_PLACE, 0, 2, "GPE")
    assert answer == ("place-tag-person", [("Yvonne Ash", PERSON)])


def test_actors_entity_repairs__place_tag_person__near_miss_a_two_word_place_after_a_preposition():
    ctx, span, answer = repaired(NAMED_PLACE_AFTER_PREPOSITION, 2, 4, "GPE")
    assert answer == ("place-tag-person", [])


def test_actor_record__is_what_asdict_gives_with_sorted_aliases():
    from dataclasses import asdict

    from argmap.nlp.state import ActorInfo

    info = ActorInfo("jane-doe", "Jane Doe", "person", {"Doe", "J Doe"}, "chief executive", "basw", True)
    expected = asdict(info)
    expected["aliases"] = ["Doe", "J Doe"]
    assert info.record() == expected
    assert ActorInfo.from_record(info.record()) == info


# ---------------------------------------------------------------- the page's publisher
def _actors_of(spec: str, **facts):
    """The Doc after the actors stage, with the document facts given."""
    ctx = actor_ctx(parse(spec, **facts))
    return find_actors(ctx.doc, ctx.taxonomy, ctx.lex)


def _keyed(doc, fact: str):
    """(the actor key a document fact names, that actor's type)."""
    key = doc._.argmap_meta.get(fact)
    return key, (doc.user_data[REGISTRY][key]["type"] if key else None)


def _publisher_of(spec: str, outlet: str, url: str | None = None):
    return _keyed(_actors_of(spec, outlet=outlet, **({"url": url} if url else {})), "publisher_key")


def test_publisher__an_outlet_the_page_names_is_its_publisher():
    """'CoramQ has set up a panel' on CoramQ's page: an organisation the taxonomy does not know."""
    assert _publisher_of(CORAMQ_SET_UP, "CoramQ") == ("coramq", ORG)


def test_publisher__near_miss_an_outlet_the_page_never_names():
    """An aggregator or magazine the text never names speaks for nobody."""
    assert _publisher_of(CORAMQ_SET_UP, "Hearth Weekly") == (None, None)


def test_publisher__a_members_own_site():
    """'Rosa Pell MP' as outlet: the member's own site, the member a person."""
    assert _publisher_of(CORAMQ_SET_UP, "Rosa Pell MP") == ("rosa-pell", PERSON)


def test_publisher__near_miss_a_name_without_a_members_letters():
    assert _publisher_of(CORAMQ_SET_UP, "Rosa Pell Weekly") == (None, None)


def test_publisher__a_persons_own_blog():
    """'Rosa Pell's blog' as outlet: her own site, she a person."""
    assert _publisher_of(CORAMQ_SET_UP, "Rosa Pell's blog") == ("rosa-pell", PERSON)
    assert _publisher_of(CORAMQ_SET_UP, "Rosa Pell\u2019s website") == ("rosa-pell", PERSON)


@pytest.mark.parametrize("outlet", ["Rosa Pell's shop", "Hearth Trust's blog", "Rosa's blog", "Rosa Pell blog"])
def test_publisher__near_miss_no_personal_site_or_no_persons_name(outlet):
    """Another possession, an organisation's blog, one name word, or no possessive: no person's own site."""
    assert _publisher_of(CORAMQ_SET_UP, outlet) == (None, None)


def test_publisher__an_outlet_named_as_a_branch_of_an_organisation_the_page_names():
    """'CoramQ Leeds' or 'CoramQ North West' as outlet on a page where 'CoramQ has set up ...': the
    organisation itself, not a branch of its own making."""
    assert _publisher_of(CORAMQ_SET_UP, "CoramQ Leeds") == ("coramq", ORG)
    assert _publisher_of(CORAMQ_SET_UP, "CoramQ North West", "https://coramqnorthwest.org/news/x") == ("coramq", ORG)


def test_publisher__near_miss_more_than_a_branch_or_a_lower_case_tail():
    """Three more words, or a tail in lower case, is some other outlet."""
    assert _publisher_of(CORAMQ_SET_UP, "CoramQ Weekly News Digest") == (None, None)
    assert _publisher_of(CORAMQ_SET_UP, "CoramQ fans") == (None, None)


def test_publisher__an_outlet_on_its_own_organisation_domain():
    """'The Hearth Trust' at thehearthtrust.org.uk: the organisation's own site, named or not."""
    assert _publisher_of(CORAMQ_SET_UP, "The Hearth Trust", "https://thehearthtrust.org.uk/news/x") == \
        ("the-hearth-trust", ORG)
    assert _publisher_of(CORAMQ_SET_UP, "Hearth Trust", "https://www.hearthtrust.org/blog") == ("hearth-trust", ORG)


def test_publisher__an_outlet_named_as_a_body_on_its_own_domain_of_any_kind():
    """'Hearth Carers Network' at hearthcarersnetwork.com: a name ending in a word for a body of
    members is that body on its own site, whatever the domain."""
    assert _publisher_of(CORAMQ_SET_UP, "Hearth Carers Network", "https://hearthcarersnetwork.com/news/x") == \
        ("hearth-carers-network", ORG)


@pytest.mark.parametrize("outlet, url", [
    ("Hearth Weekly", "https://hearthweekly.co.uk/news/x"),  # a news or commercial domain
    ("Hearth Carers News", "https://hearthcarersnews.com/x"),  # a newspaper's name, not a body's
    ("Hearth Weekly", "https://www.aggregator.org/hearth-weekly/x"),  # another organisation's domain
])
def test_publisher__near_miss_not_the_outlets_own_organisation_domain(outlet, url):
    assert _publisher_of(CORAMQ_SET_UP, outlet, url) == (None, None)


def _author_of(spec: str, **facts):
    doc = _actors_of(spec, **facts)
    return (*_keyed(doc, "author_key"), doc._.argmap_meta.get("genre"))


def test_author__an_editorial_by_its_address_is_the_outlets_own_voice():
    """'.../the-daily-view-on-care-editorial-123': the outlet writes it, as an organisation."""
    assert _author_of(CORAMQ_SET_UP, outlet="The Daily Lantern",
                      url="https://mirror.example/article/the-lantern-view-on-care-editorial-123") == \
        ("the-daily-lantern", ORG, "editorial")
    assert _author_of(CORAMQ_SET_UP, outlet="The Daily Lantern", title="Editorial: care cannot wait")[2] == "editorial"


@pytest.mark.parametrize("facts", [
    {"outlet": "The Daily Lantern", "url": "https://lantern.example/news/care-homes-123"},  # a news report
    {"url": "https://mirror.example/article/a-view-on-care-editorial-123"},  # no outlet to speak
    {"outlet": "The Daily Lantern", "author": "Rosa Pell",
     "url": "https://lantern.example/editorial/care-123"},  # a byline wins
])
def test_author__near_miss_no_editorial_mark_or_outlet(facts):
    key, _, genre = _author_of(CORAMQ_SET_UP, **facts)
    assert genre != "editorial" and key != "the-daily-lantern"


@pytest.mark.parametrize("short, full", [
    ("NCT", "Northfold Care Trust"), ("ADCS", "Association of Directors of Children's Services"),
    ("Lib Dem", "Liberal Democrats"), ("Childrens Services Forum", "Children's Services Forum"),
    ("APPGAP", "APPG for Adoption and Permanence"),  # an acronym inside the name counts whole
    ("APPG", "APPG for Adoption and Permanence"),  # the acronym that heads the name
])
def test_abbreviates__initials_shortened_words_or_other_punctuation(short, full):
    from argmap.nlp.actors import abbreviates

    from .kit import LEX

    assert abbreviates(short, full, LEX["markers.name_small_words"])


@pytest.mark.parametrize("short, full", [
    ("NCX", "Northfold Care Trust"),  # other initials
    ("Care Trust", "Northfold Care Trust"),  # a part, not a shortening
    ("Lib", "Liberal Democrats"),  # one word of two
    ("Li Dem", "Liberal Democrats"),  # too short to be a shortened word
    ("Northfold Care Trust", "Northfold Care Trust"),
    ("NHS", "NHS England"),  # a word heading another name, not 'NHS for ...'
    ("APPGX", "APPG for Adoption and Permanence"),
])
def test_abbreviates__near_miss(short, full):
    from argmap.nlp.actors import abbreviates

    from .kit import LEX

    assert not abbreviates(short, full, LEX["markers.name_small_words"])


# ---------------------------------------------------------------- one actor, several names
TRUST_AND_INITIALS = """
Northfold  PROPN NNP compound 2 B-ORG
Care       PROPN NNP compound 2 I-ORG
Trust      PROPN NNP nsubj    3 I-ORG
spoke      VERB  VBD ROOT     3 O lemma=speak
.          PUNCT .   punct    3 O
NCT        PROPN NNP nsubj    6 B-ORG
agreed     VERB  VBD ROOT     6 O lemma=agree
.          PUNCT .   punct    6 O
"""


def test_resolver__initials_join_the_full_name():
    """'Northfold Care Trust spoke. NCT agreed.': one organisation, named both ways."""
    assert actors_found(TRUST_AND_INITIALS) == [("Northfold Care Trust", "northfold-care-trust", ORG),
                                                ("NCT", "northfold-care-trust", ORG)]


def test_resolver__near_miss_other_initials_stay_apart():
    found = actors_found(TRUST_AND_INITIALS.replace("NCT        PROPN", "HCA        PROPN"))
    assert {key for _, key, _ in found} == {"northfold-care-trust", "hca"}


TRUST_MISSPELT = """
Northfold  PROPN NNP compound 2 B-ORG
Care       PROPN NNP compound 2 I-ORG
Trust      PROPN NNP nsubj    3 I-ORG
spoke      VERB  VBD ROOT     3 O lemma=speak
.          PUNCT .   punct    3 O
Nortfold   PROPN NNP compound 7 B-ORG
Care       PROPN NNP compound 7 I-ORG
Trust      PROPN NNP nsubj    8 I-ORG
agreed     VERB  VBD ROOT     8 O lemma=agree
.          PUNCT .   punct    8 O
"""


def test_resolver__a_misspelt_name_joins_the_full_name():
    """'Northfold Care Trust spoke. Nortfold Care Trust agreed.': one organisation, once misspelt."""
    assert {key for _, key, _ in actors_found(TRUST_MISSPELT)} == {"northfold-care-trust"}


@pytest.mark.parametrize("other", ["Eastfold  ", "Northgate "])
def test_resolver__near_miss_another_word_stays_apart(other):
    """Another first letter ('Eastfold') or more than two letters' difference ('Northgate'): another trust."""
    found = actors_found(TRUST_MISSPELT.replace("Nortfold   PROPN", other + " PROPN"))
    assert len({key for _, key, _ in found}) == 2


@pytest.mark.parametrize("slip, name, same", [
    ("Surfers Againist Sewage", "Surfers Against Sewage", True),
    ("Northfold Cere Trust", "Northfold Care Trust", False),  # a word under five letters
    ("Northfold Care", "Northfold Cars", False),  # two words: too little else in common
    ("Northfold Home Trust", "Northfold Care Trust", False),  # another word, not a slip
    ("Northfold Care Trust", "Northfold Care Trust", False),
])
def test_misspells(slip, name, same):
    from argmap.nlp.actors import misspells

    assert misspells(slip, name) is same


KNOWN_SURNAME = """
Iris       PROPN NNP compound 1 B-PERSON
Vane       PROPN NNP nsubj    2 I-PERSON
spoke      VERB  VBD ROOT     2 O lemma=speak
.          PUNCT .   punct    2 O
Vane       PROPN NNP nsubj    5 B-PERSON
agreed     VERB  VBD ROOT     5 O lemma=agree
.          PUNCT .   punct    5 O
"""


def test_resolver__a_known_persons_surname_is_that_person():
    """'Iris Vane' is a taxonomy person: 'Vane' alone later is her, not a second person."""
    assert {key for _, key, _ in actors_found(KNOWN_SURNAME)} == {"iris-vane"}


def test_resolver__near_miss_another_surname_stays_apart():
    found = actors_found(KNOWN_SURNAME.replace("Vane       PROPN NNP nsubj    5", "Lorne      PROPN NNP nsubj    5"))
    assert {key for _, key, _ in found} == {"iris-vane", "lorne"}


CUT_SHORT = """
Ada        PROPN NNP compound 1 B-PERSON
Lorrimer   PROPN NNP nsubj    2 I-PERSON
spoke      VERB  VBD ROOT     2 O lemma=speak
.          PUNCT .   punct    2 O
It         PRON  PRP nsubj    5 O
helps      VERB  VBZ ccomp    7 O lemma=help
,          PUNCT ,   punct    7 O
said       VERB  VBD ROOT     7 O lemma=say
Lorr       PROPN NNP nsubj    7 B-PERSON
"""


def test_resolver__a_name_cut_short_by_the_end_of_the_text_is_the_one_it_begins():
    """'... said Lorr' where the stored opening stops: the one person whose surname begins so."""
    assert {key for _, key, _ in actors_found(CUT_SHORT)} == {"ada-lorrimer"}


def test_resolver__near_miss_a_short_name_the_text_goes_on_after():
    """'said Lorr.' (the text closes the sentence) or 'said Lo' (too short): a name apart."""
    closed = CUT_SHORT + ".          PUNCT .   punct    7 O\n"
    assert {key for _, key, _ in actors_found(closed)} == {"ada-lorrimer", "lorr"}
    short = CUT_SHORT.replace("Lorr       PROPN", "Lo         PROPN")
    assert {key for _, key, _ in actors_found(short)} == {"ada-lorrimer", "lo"}


UNTAGGED_FULL_NAME = """
Councils   NOUN  NNS nsubj    1 O lemma=council
thanked    VERB  VBD ROOT     1 O lemma=thank
Ada        PROPN NNP compound 3 O
Lorne      PROPN NNP dobj     1 O
.          PUNCT .   punct    1 O
Lorne      PROPN NNP nsubj    6 B-ORG
agreed     VERB  VBD ROOT     6 O lemma=agree
.          PUNCT .   punct    6 O
"""


def test_resolver__a_lone_surname_takes_the_first_name_the_text_gives_it():
    """'Councils thanked Ada Lorne' (untagged by NER) then 'Lorne agreed' (tagged as an
    organisation): one person, Ada Lorne."""
    assert actors_found(UNTAGGED_FULL_NAME) == [("Lorne", "ada-lorne", PERSON)]


def test_resolver__near_miss_a_word_before_that_is_no_first_name():
    """'Councils thanked the Lorne': 'the' is no first name; Lorne stays as the NER model tagged it."""
    found = actors_found(UNTAGGED_FULL_NAME.replace("Ada        PROPN NNP compound 3 O", "the        DET   DT  det      3 O"))
    assert found == [("Lorne", "lorne", ORG)]


COMMISSION_THEN_SHORT = """
The        DET   DT  det      2 O
Northfold  PROPN NNP compound 2 B-ORG
Commission PROPN NNP nsubj    5 I-ORG
on         ADP   IN  prep     2 I-ORG
Care       PROPN NNP pobj     3 I-ORG
reported   VERB  VBD ROOT     5 O lemma=report
.          PUNCT .   punct    5 O
The        DET   DT  det      8 O
Commission PROPN NNP nsubj    9 B-ORG
spoke      VERB  VBD ROOT     9 O lemma=speak
.          PUNCT .   punct    9 O
"""


def test_resolver__the_head_word_of_a_full_name_is_that_organisation():
    """'The Northfold Commission on Care reported. The Commission spoke.': one organisation."""
    assert {key for _, key, _ in actors_found(COMMISSION_THEN_SHORT)} == {"northfold-commission-on-care"}


def test_resolver__near_miss_a_head_word_shared_by_two_names_stays_apart():
    """With a second commission named in full, 'the Commission' could be either: left alone."""
    two = COMMISSION_THEN_SHORT + """Southfold  PROPN NNP compound 12 B-ORG
Commission PROPN NNP nsubj    13 I-ORG
agreed     VERB  VBD ROOT     13 O lemma=agree
.          PUNCT .   punct    13 O
"""
    keys = {key for _, key, _ in actors_found(two)}
    assert "commission" in keys and len(keys) == 3


def test_resolver__near_miss_a_word_that_is_not_the_head_stays_apart():
    """'Care' is in the full name but is not its head word: 'the Care' is not the commission."""
    spec = COMMISSION_THEN_SHORT.replace("Commission PROPN NNP nsubj    9 B-ORG", "Care       PROPN NNP nsubj    9 B-ORG")
    assert {key for _, key, _ in actors_found(spec)} == {"northfold-commission-on-care", "care"}


HONOURED = """
Claire   PROPN NNP compound 2 B-PERSON
Dorer    PROPN NNP compound 2 I-PERSON
OBE      PROPN NNP nsubj    3 I-PERSON
spoke    VERB  VBD ROOT     3 O lemma=speak
.        PUNCT .   punct    3 O
"""


CONFEDERATION_TWICE = """
Employment   PROPN NNP   compound 1 B-ORG
Confederation PROPN NNP  nsubj    2 I-ORG
spoke        VERB  VBD   ROOT     2 O lemma=speak
.            PUNCT .     punct    2 O
Recruitment  PROPN NNP   nmod     7 B-ORG
and          CCONJ CC    cc       4 I-ORG
Employment   PROPN NNP   conj     4 I-ORG
Confederation PROPN NNP  nsubj    8 I-ORG
agreed       VERB  VBD   ROOT     8 O lemma=agree
.            PUNCT .     punct    8 O
"""


def test_resolver__a_name_ending_a_longer_organisation_name_is_that_organisation():
    """'Employment Confederation' and 'Recruitment and Employment Confederation': one organisation;
    a name that ends no other ('Care Forum') stays apart."""
    assert {key for _, key, _ in actors_found(CONFEDERATION_TWICE)} == {"recruitment-and-employment-confederation"}
    other = CONFEDERATION_TWICE.replace("Employment   PROPN NNP   compound 1 B-ORG", "Care         PROPN NNP   compound 1 B-ORG") \
        .replace("Confederation PROPN NNP  nsubj    2 I-ORG", "Forum        PROPN NNP   nsubj    2 I-ORG")
    assert len({key for _, key, _ in actors_found(other)}) == 2


COMMITTEE_THREE_WAYS = """
Hartwell   PROPN NNP compound 3  B-ORG
Public     PROPN NNP compound 3  I-ORG
Services   PROPN NNP compound 3  I-ORG
Committee  PROPN NNP nsubj    4  I-ORG
wrote      VERB  VBD ROOT     4  O lemma=write
.          PUNCT .   punct    4  O
Hartwell   PROPN NNP compound 7  B-ORG
Committee  PROPN NNP nsubj    8  I-ORG
agreed     VERB  VBD ROOT     8  O lemma=agree
.          PUNCT .   punct    8  O
The        DET   DT  det      11 O
Committee  PROPN NNP nsubj    12 B-ORG
warned     VERB  VBD ROOT     12 O lemma=warn
.          PUNCT .   punct    12 O
"""


def test_resolver__a_name_cut_short_and_a_bare_organisation_word_are_the_one_organisation_they_shorten():
    """'Hartwell Committee' (words of the full name in order, the same last word) and then 'The
    Committee' (one organisation word ending the one name left) are the Hartwell Public Services
    Committee."""
    assert {key for _, key, _ in actors_found(COMMITTEE_THREE_WAYS)} == {"hartwell-public-services-committee"}


def test_resolver__near_miss_a_bare_organisation_word_that_ends_two_names():
    """With the Northfold Education Committee named too, 'The Committee' could be either: it stays apart."""
    spec = COMMITTEE_THREE_WAYS.replace("Hartwell   PROPN NNP compound 7  B-ORG", "Northfold  PROPN NNP compound 7  B-ORG")
    keys = {key for _, key, _ in actors_found(spec)}
    assert keys == {"hartwell-public-services-committee", "northfold-committee", "committee"}


KNOWN_NAME_CUT_SHORT = """
Local        PROPN NNP compound 2  B-ORG
Government   PROPN NNP compound 2  I-ORG
Association  PROPN NNP nsubj    3  I-ORG
wrote        VERB  VBD ROOT     3  O lemma=write
.            PUNCT .   punct    3  O
Government   PROPN NNP compound 6  B-ORG
Association  PROPN NNP nsubj    7  I-ORG
agreed       VERB  VBD ROOT     7  O lemma=agree
.            PUNCT .   punct    7  O
The          DET   DT  det      10 O
Association  PROPN NNP nsubj    11 B-ORG
warned       VERB  VBD ROOT     11 O lemma=warn
.            PUNCT .   punct    11 O
"""


def test_resolver__a_name_cut_short_of_a_taxonomy_organisation_is_that_organisation():
    """'Government Association' beside the taxonomy's Local Government Association (a headline's
    short name) is that organisation, and so then is 'The Association'; a short name that ends no
    name the page gives ('Care Association') stays apart."""
    assert {key for _, key, _ in actors_found(KNOWN_NAME_CUT_SHORT)} == {"lga"}
    other = KNOWN_NAME_CUT_SHORT.replace("Government   PROPN NNP compound 6  B-ORG", "Care         PROPN NNP compound 6  B-ORG")
    assert {key for _, key, _ in actors_found(other)} == {"lga", "care-association", "association"}


def test_name_text__honours_after_a_name_are_no_part_of_it():
    """'Claire Dorer OBE' is Claire Dorer; a name of two words keeps both ('Ada OBE' is left alone)."""
    from argmap.nlp.rules.actors import name_text

    from .kit import LEX

    doc = parse(HONOURED)
    assert name_text(doc[0:3], LEX) == "Claire Dorer"
    assert name_text(doc[1:3], LEX) == "Dorer OBE"
    assert actors_found(HONOURED) == [("Claire Dorer OBE", "claire-dorer", PERSON)]


# 'The review: Halvergate Initial Response' with the whole 'Halvergate Initial Response' tagged
TITLED_RESPONSE = """
The          DET   DT   det      1 O
review       NOUN  NN   ROOT     1 O
:            PUNCT :    punct    1 O
Halvergate   PROPN NNP  compound 5 B-ORG
Initial      PROPN NNP  compound 5 I-ORG
Response     PROPN NNP  appos    1 I-ORG
"""


def test_actors_entity_repairs__document_tail__fires():
    """'Halvergate Initial Response' tagged as one organisation: the organisation is Halvergate, the
    rest is the name of its document."""
    from argmap.nlp.rules.actors import document_tail

    ctx, span, answer = repaired(TITLED_RESPONSE, 3, 6, "ORG")
    assert described(document_tail(ctx, span, "ORG")) == [("Halvergate", ORG)]
    assert answer == ("document-tail", [("Halvergate", ORG)])


def test_actors_entity_repairs__document_tail__near_miss():
    """'Halvergate Initial Trust' ends with no document word: the whole name is the organisation."""
    from argmap.nlp.rules.actors import document_tail

    spec = TITLED_RESPONSE.replace("Response     PROPN", "Trust        PROPN")
    ctx, span, answer = repaired(spec, 3, 6, "ORG")
    assert document_tail(ctx, span, "ORG") is None
    assert answer == ("entity", [("Halvergate Initial Trust", ORG)])


# 'Jane Quill Briefing for the Trust', with 'Jane Quill Briefing' tagged as one person
PERSON_BRIEFING = """
Jane         PROPN NNP  compound 2 B-PERSON
Quill        PROPN NNP  compound 2 I-PERSON
Briefing     PROPN NNP  ROOT     2 I-PERSON
for          ADP   IN   prep     2 O
the          DET   DT   det      5 O
Trust        PROPN NNP  pobj     3 O
"""


def test_actors_entity_repairs__document_tail__fires_on_a_person():
    """'Jane Quill Briefing' tagged as one person: the person is Jane Quill, 'Briefing' her document."""
    ctx, span, answer = repaired(PERSON_BRIEFING, 0, 3, "PERSON")
    assert answer == ("document-tail", [("Jane Quill", PERSON)])


def test_actors_entity_repairs__document_tail__near_miss_a_person_with_no_document_word():
    """'Jane Quill Bright' ends with no document word: the whole name is the person."""
    ctx, span, answer = repaired(PERSON_BRIEFING.replace("Briefing     PROPN", "Bright       PROPN"), 0, 3, "PERSON")
    assert answer[0] != "document-tail" and answer[1] == [("Jane Quill Bright", PERSON)]


# 'Carers Union's Statement on Government's Care Plans', a title the tagger took whole for one organisation
POSSESSIVE_TITLE = """
Carers       PROPN NNP  compound 1 B-ORG
Union        PROPN NNP  poss     3 I-ORG
’s           PART  POS  case     1 I-ORG
Statement    PROPN NNP  ROOT     3 I-ORG
on           ADP   IN   prep     3 I-ORG
Government   PROPN NNP  poss     8 I-ORG
’s           PART  POS  case     5 I-ORG
Care         PROPN NNP  compound 8 I-ORG
Plans        PROPN NNPS pobj     4 I-ORG
"""


def test_actors_entity_repairs__owner_before_possessive__fires():
    """The whole title tagged as one organisation: the organisation is the owner of the statement,
    the name before the possessive that ends in an organisation word."""
    ctx, span, answer = repaired(POSSESSIVE_TITLE, 0, 9, "ORG")
    assert answer == ("owner-before-possessive", [("Carers Union", ORG)])


def test_actors_entity_repairs__owner_before_possessive__near_miss():
    """'Carers Union's' has its possessive at the end, nothing after it to cut; 'Carers Children's
    Statement' has no organisation word before its possessive (the possessive is part of a name
    like 'Children's Society'): neither is cut there."""
    from argmap.nlp.rules.actors import owner_before_possessive

    ctx, span, answer = repaired(POSSESSIVE_TITLE, 0, 3, "ORG")
    assert owner_before_possessive(ctx, span, "ORG") is None and answer[0] == "entity"
    spec = POSSESSIVE_TITLE.replace("Union        PROPN", "Children     PROPN")
    ctx, span, answer = repaired(spec, 0, 4, "ORG")
    assert owner_before_possessive(ctx, span, "ORG") is None
    assert answer == ("document-tail", [("Carers Children’s", ORG)])


def test_actors_entity_repairs__implausible__fires():
    """A long title with no owner to cut out of it is no actor's name (over eight words)."""
    spec = POSSESSIVE_TITLE.replace("Union        PROPN", "Children     PROPN")
    ctx, span, answer = repaired(spec, 0, 9, "ORG")
    assert answer == ("implausible", [])


def test_actors_entity_repairs__implausible__near_miss():
    """A short name is plausible: this rule lets it through to the next repair."""
    from argmap.nlp.rules.actors import implausible_entity

    ctx, span, answer = repaired(POSSESSIVE_TITLE, 0, 2, "ORG")
    assert implausible_entity(ctx, span, "ORG") is None
    assert answer == ("entity", [("Carers Union", ORG)])


# 'Ivy Marsh' alone on the line under a title, over a body in the first person singular
BYLINE = """
Open       PROPN NNP  compound 1 O
Day        PROPN NNP  ROOT     1 O
\\n        SPACE _SP  dep      1 O
Ivy        PROPN NNP  compound 4 O
Marsh      PROPN NNP  ROOT     4 O
\\n        SPACE _SP  dep      4 O
I          PRON  PRP  nsubj    7 O
chaired    VERB  VBD  ROOT     7 O lemma=chair
it         PRON  PRP  dobj     7 O
.          PUNCT .    punct    7 O
I          PRON  PRP  nsubj    11 O
worry      VERB  VBP  ROOT     11 O
.          PUNCT .    punct    11 O
"""


def test_actors_mentions__byline__fires():
    """'Ivy Marsh' alone on a line among the first, untagged, on a page that speaks as 'I': a person."""
    from argmap.nlp.rules.actors import byline_lines

    ctx = actor_ctx(parse(BYLINE))
    assert described(byline_lines(ctx, [])) == [("Ivy Marsh", PERSON)]
    assert ("Ivy Marsh", "ivy-marsh", PERSON) in actors_found(BYLINE)


def test_actors_mentions__byline__near_miss():
    """The same page with one 'I' only, or with a word for people on the line ('Parents United'), or
    a name line in one word: no byline."""
    from argmap.nlp.rules.actors import byline_lines

    one_i = BYLINE.replace("I          PRON  PRP  nsubj    11 O", "We         PRON  PRP  nsubj    11 O")
    assert byline_lines(actor_ctx(parse(one_i)), []) == []
    people = BYLINE.replace("Ivy        PROPN NNP  compound", "Parents    PROPN NNPS compound")
    assert byline_lines(actor_ctx(parse(people)), []) == []
    one_word = BYLINE.replace("Ivy        PROPN NNP  compound 4 O\n", "").replace(" 4 O", " 3 O").replace(
        " 7 O", " 6 O").replace(" 11 O", " 10 O")
    assert byline_lines(actor_ctx(parse(one_word)), []) == []
