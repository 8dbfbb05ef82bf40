"""The attribution rules, one by one, on hand-built Docs: where each fires and a near miss where it
must not.

Tables: attribution.speaker, attribution.subject, attribution.ownership, attribution.quote-speaker,
attribution.not-the-authors, attribution.addressed.
"""

from __future__ import annotations

import pytest

from argmap.nlp.rules.attribution import (
    ADDRESSED, NOT_THE_AUTHORS, QUOTE_SPEAKER, SPEAKER, SUBJECT, Said, according_to, addressed, addressed_preposition,
    co_speakers, colon_in_sentence, colon_line_speaker, name_before_verb, earlier_title, colon_line_subject, continued, epithet_subject, evaluative_subject, group_member,
    introduced_person, judged_by_us, listed_member, pressed_for_subject, member_of, membership, role_title,
    role_after_name, made_clear, name_head, of_the_view, named_in_phrase, named_inside, note_ownership, organisation_noun,
    personal_pronoun, plain_question, relative_who, possessive_owner, published, publishes_own, reports_research, resolve_subject, role_holder,
    role_noun, next_paragraph,
    says_in_report, speaker_after, speech_verb, spokesperson, statement_of, statement_owner, subject_mention,
    unnamed_speaker, urged_object, verdict_agent, viewpoint, work_leader, work_led, work_output,
)
from argmap.nlp.state import UNNAMED

from .kit import ORG, attribution_ctx, holding, observe, parse, place_actors, quotation, units_of


def ctx_of(spec: str, *mentions, **kw):
    doc = parse(spec)
    place_actors(doc, *mentions, **kw)
    return attribution_ctx(doc)


# ---------------------------------------------------------------- attribution.speaker
ACCORDING_TO = """
Caseloads  NOUN  NNS nsubj  1 O lemma=caseload
are        AUX   VBP ROOT   1 O lemma=be
too        ADV   RB  advmod 3 O
high       ADJ   JJ  acomp  1 O
,          PUNCT ,   punct  1 O
according  VERB  VBG prep   1 O lemma=accord
to         ADP   IN  prep   5 O
BASW       PROPN NNP pobj   6 B-ORG
.          PUNCT .   punct  1 O
"""
BASW_KNOWS = """
Caseloads  NOUN  NNS nsubj  1 O lemma=caseload
are        AUX   VBP ROOT   1 O lemma=be
too        ADV   RB  advmod 3 O
high       ADJ   JJ  acomp  1 O
,          PUNCT ,   punct  1 O
and        CCONJ CC  cc     1 O
BASW       PROPN NNP nsubj  7 B-ORG
knows      VERB  VBZ conj   1 O lemma=know
it         PRON  PRP dobj   7 O
.          PUNCT .   punct  7 O
"""


def test_attribution_speaker__according_to__fires():
    ctx = ctx_of(ACCORDING_TO, (7, 8, "basw"))
    sent = ctx.sents[0]
    assert according_to(ctx, sent) == Said("basw", "according to", "according-to", 7)
    assert SPEAKER.first_named(ctx, sent)[0] == "according-to"


def test_attribution_speaker__according_to__near_miss():
    ctx = ctx_of(BASW_KNOWS, (6, 7, "basw"))
    assert according_to(ctx, ctx.sents[0]) is None
    assert SPEAKER.first(ctx, ctx.sents[0]) is None


# "Funds go to councils where, according to BASW, caseloads are high."
ACCORDING_TO_IN_A_CLAUSE = """
Funds      NOUN  NNS nsubj  1 O lemma=fund
go         VERB  VBP ROOT   1 O lemma=go
to         ADP   IN  prep   1 O
councils   NOUN  NNS pobj   2 O lemma=council
where      SCONJ WRB advmod 11 O
,          PUNCT ,   punct  11 O
according  VERB  VBG prep   11 O lemma=accord
to         ADP   IN  prep   6 O
BASW       PROPN NNP pobj   7 B-ORG
,          PUNCT ,   punct  11 O
caseloads  NOUN  NNS nsubj  11 O lemma=caseload
are        AUX   VBP relcl  3 O lemma=be
high       ADJ   JJ  acomp  11 O
.          PUNCT .   punct  1 O
"""


def test_attribution_speaker__according_to__near_miss_inside_a_clause_on_a_noun():
    """'Funds go to councils where, according to BASW, caseloads are high': BASW's view is of the
    clause on 'councils' only; it does not say the sentence."""
    ctx = ctx_of(ACCORDING_TO_IN_A_CLAUSE, (8, 9, "basw"))
    assert according_to(ctx, ctx.sents[0]) is None


FOR_ROSA = """
For          ADP   IN  prep   7 O
Rosa         PROPN NNP compound 2 B-PERSON
Pell         PROPN NNP pobj   0 I-PERSON
,            PUNCT ,   punct  7 O
the          DET   DT  det    6 O
new          ADJ   JJ  amod   6 O
teams        NOUN  NNS nsubj  7 O lemma=team
are          AUX   VBP ROOT   7 O lemma=be
the          DET   DT  det    11 O
most         ADV   RBS advmod 10 O
hopeful      ADJ   JJ  amod   11 O
development  NOUN  NN  attr   7 O
.            PUNCT .   punct  7 O
"""
FOR_YEARS = """
For          ADP   IN  prep   7 O
years        NOUN  NNS pobj   0 B-DATE lemma=year
,            PUNCT ,   punct  7 O
the          DET   DT  det    5 O
new          ADJ   JJ  amod   5 O
teams        NOUN  NNS nsubj  7 O lemma=team
have         AUX   VBP aux    7 O
been         AUX   VBN ROOT   7 O lemma=be
the          DET   DT  det    11 O
most         ADV   RBS advmod 10 O
hopeful      ADJ   JJ  amod   11 O
development  NOUN  NN  attr   7 O
.            PUNCT .   punct  7 O
"""


def test_attribution_speaker__viewpoint__fires():
    ctx = ctx_of(FOR_ROSA, (1, 3, "rosa-pell"))
    sent = ctx.sents[0]
    assert viewpoint(ctx, sent) == Said("rosa-pell", "for X,", "viewpoint", 0)
    assert SPEAKER.first_named(ctx, sent)[0] == "viewpoint"


def test_attribution_speaker__viewpoint__near_miss():
    ctx = ctx_of(FOR_YEARS)
    assert viewpoint(ctx, ctx.sents[0]) is None
    assert SPEAKER.first(ctx, ctx.sents[0]) is None


VERDICT_OF = """
That     PRON  DT  nsubj 1 O
was      AUX   VBD ROOT  1 O lemma=be
the      DET   DT  det   3 O
verdict  NOUN  NN  attr  1 O
of       ADP   IN  prep  3 O
BASW     PROPN NNP pobj  4 B-ORG
.        PUNCT .   punct 1 O
"""
VERDICT_OF_COURT = """
That     PRON  DT  nsubj 1 O
was      AUX   VBD ROOT  1 O lemma=be
the      DET   DT  det   3 O
verdict  NOUN  NN  attr  1 O
of       ADP   IN  prep  3 O
the      DET   DT  det   6 O
court    NOUN  NN  pobj  4 O
.        PUNCT .   punct 1 O
"""


def test_attribution_speaker__statement_of__fires():
    ctx = ctx_of(VERDICT_OF, (5, 6, "basw"))
    sent = ctx.sents[0]
    assert statement_of(ctx, sent) == Said("basw", "verdict", "statement-of", 3)
    assert SPEAKER.first_named(ctx, sent)[0] == "statement-of"


def test_attribution_speaker__statement_of__near_miss():
    ctx = ctx_of(VERDICT_OF_COURT)
    assert statement_of(ctx, ctx.sents[0]) is None
    assert SPEAKER.first(ctx, ctx.sents[0]) is None


EVIDENCE_OF_BASW = """
BASW      PROPN NNP poss     2 B-ORG
's        PART  POS case     0 O
evidence  NOUN  NN  nsubj    3 O
calls     VERB  VBZ ROOT     3 O lemma=call
for       ADP   IN  prep     3 O
a         DET   DT  det      7 O
national  ADJ   JJ  amod     7 O
plan      NOUN  NN  pobj     4 O
.         PUNCT .   punct    3 O
"""


EVIDENCE_THEN_THE_EVIDENCE = EVIDENCE_OF_BASW + """The       DET   DT  det      10 O
evidence  NOUN  NN  nsubj    11 O
adds      VERB  VBZ ROOT     11 O lemma=add
more      ADJ   JJR dobj     11 O
.         PUNCT .   punct    11 O
"""


def test_attribution_subject__statement_owner__fires_for_the_statement_named_before():
    """'BASW's evidence calls for a national plan. The evidence adds more.': the evidence named
    before is BASW's; a 'the' statement with no owner before it is nobody's."""
    ctx = ctx_of(EVIDENCE_THEN_THE_EVIDENCE, (0, 1, "basw"))
    assert statement_owner(ctx, ctx.doc[10]) == "basw"
    near = ctx_of(EVIDENCE_THEN_THE_EVIDENCE.replace("BASW      PROPN NNP poss     2 B-ORG", "The       DET   DT  det      2 O")
                  .replace("'s        PART  POS case     0 O", "new       ADJ   JJ  amod     2 O"))
    assert statement_owner(near, near.doc[10]) is None


def test_attribution_subject__statement_owner__fires_for_an_organisations_evidence():
    """'BASW's evidence calls for a national plan': written evidence is a statement; its owner says it."""
    ctx = ctx_of(EVIDENCE_OF_BASW, (0, 1, "basw"))
    assert statement_owner(ctx, ctx.doc[2]) == "basw"
    near = ctx_of(EVIDENCE_OF_BASW.replace("evidence  NOUN  NN  nsubj    3 O", "budget    NOUN  NN  nsubj    3 O"),
                  (0, 1, "basw"))
    assert statement_owner(near, near.doc[2]) is None  # 'BASW's budget calls for ...': no statement


DISCUSSED_VERDICT = """
Rosa     PROPN NNP compound 1 B-PERSON
Pell     PROPN NNP nsubj    2 I-PERSON
read     VERB  VBD ROOT     2 O
the      DET   DT  det      4 O
verdict  NOUN  NN  dobj     2 O
of       ADP   IN  prep     4 O
BASW     PROPN NNP pobj     5 B-ORG
.        PUNCT .   punct    2 O
"""


def test_attribution_speaker__statement_of__near_miss_a_statement_someone_else_handles():
    """'Rosa Pell read the verdict of BASW': BASW does not say Rosa Pell's sentence."""
    ctx = ctx_of(DISCUSSED_VERDICT, (0, 2, "rosa-pell"), (6, 7, "basw"))
    assert statement_of(ctx, ctx.sents[0]) is None


RESPONDED_TO_VERDICT = """
Rosa       PROPN NNP compound 1 B-PERSON
Pell       PROPN NNP nsubj    2 I-PERSON
responded  VERB  VBD ROOT     2 O lemma=respond
to         ADP   IN  prep     2 O
the        DET   DT  det      5 O
verdict    NOUN  NN  pobj     3 O
of         ADP   IN  prep     5 O
BASW       PROPN NNP pobj     6 B-ORG
.          PUNCT .   punct    2 O
"""


def test_attribution_speaker__statement_of__near_miss_a_statement_someone_responds_to():
    """'Rosa Pell responded to the verdict of BASW': what she answers is BASW's; the sentence is hers."""
    ctx = ctx_of(RESPONDED_TO_VERDICT, (0, 2, "rosa-pell"), (7, 8, "basw"))
    assert statement_of(ctx, ctx.sents[0]) is None
    assert SPEAKER.first(ctx, ctx.sents[0]).speaker == "rosa-pell"
    ctx = ctx_of(RESPONDED_TO_VERDICT.replace("Rosa       PROPN NNP compound 1 B-PERSON", "The        DET   DT  det      1 O")
                 .replace("Pell       PROPN NNP nsubj    2 I-PERSON", "paper      NOUN  NN  nsubj    2 O"), (7, 8, "basw"))
    assert statement_of(ctx, ctx.sents[0]) == Said("basw", "verdict", "statement-of", 5)  # no one named answers it


RESPONSE_WAS = """
The        DET   DT  det       2 O
council    NOUN  NN  compound  2 O
response   NOUN  NN  nsubj     3 O
was        AUX   VBD ROOT      3 O lemma=be
that       SCONJ IN  mark      6 O
it         PRON  PRP nsubj     6 O
objected   VERB  VBD ccomp     3 O lemma=object
.          PUNCT .   punct     3 O
"""


def test_attribution_speaker__statement_of__fires_on_its_owner_as_subject():
    """'The council response was that ...': the owner of a statement that is the subject of 'be'."""
    ctx = ctx_of(RESPONSE_WAS, (1, 2, "northfold-council", ORG))
    assert statement_of(ctx, ctx.sents[0]) == Said("northfold-council", "response", "statement-of", 2)
    near = ctx_of(RESPONSE_WAS.replace("was        AUX   VBD ROOT      3 O lemma=be",
                                       "came       VERB  VBD ROOT      3 O lemma=come"), (1, 2, "northfold-council", ORG))
    assert statement_of(near, near.sents[0]) is None  # 'The council response came that ...': no content given


WARNED = """
Rosa    PROPN NNP compound  1 B-PERSON
Pell    PROPN NNP nsubj     2 I-PERSON
warned  VERB  VBD ROOT      2 O lemma=warn
that    SCONJ IN  mark      7 O
the     DET   DT  det       5 O
plan    NOUN  NN  nsubjpass 7 O
was     AUX   VBD auxpass   7 O lemma=be
rushed  VERB  VBN ccomp     2 O lemma=rush
.       PUNCT .   punct     2 O
"""
KNEW = WARNED.replace("warned  VERB  VBD ROOT      2 O lemma=warn", "knew    VERB  VBD ROOT      2 O lemma=know")


def test_attribution_speaker__speech_verb__fires():
    ctx = ctx_of(WARNED, (0, 2, "rosa-pell"))
    sent = ctx.sents[0]
    assert speech_verb(ctx, sent) == Said("rosa-pell", "warn", "speech-verb", 2)
    assert SPEAKER.first_named(ctx, sent)[0] == "speech-verb"


# "Rosa Pell went on to say that the plan was rushed."
WENT_ON_TO_SAY = """
Rosa     PROPN NNP compound 1 B-PERSON
Pell     PROPN NNP nsubj    2 I-PERSON
went     VERB  VBD ROOT     2 O lemma=go
on       ADP   RP  prt      2 O
to       PART  TO  aux      5 O
say      VERB  VB  xcomp    2 O
that     SCONJ IN  mark     10 O
the      DET   DT  det      8 O
plan     NOUN  NN  nsubjpass 10 O
was      AUX   VBD auxpass  10 O lemma=be
rushed   VERB  VBN ccomp    5 O lemma=rush
.        PUNCT .   punct    2 O
"""


def test_attribution_speaker__speech_verb__fires_after_a_verb_of_carrying_on():
    """'Rosa Pell went on to say that ...': the subject of 'went on' says it."""
    ctx = ctx_of(WENT_ON_TO_SAY, (0, 2, "rosa-pell"))
    assert speech_verb(ctx, ctx.sents[0]) == Said("rosa-pell", "say", "speech-verb", 5)


def test_attribution_speaker__speech_verb__near_miss_a_verb_of_going_somewhere():
    """'Rosa Pell went out to say ...': no verb of carrying on, so no subject for 'say'."""
    ctx = ctx_of(WENT_ON_TO_SAY.replace("on       ADP   RP  prt", "out      ADP   RP  prt"), (0, 2, "rosa-pell"))
    assert speech_verb(ctx, ctx.sents[0]) is None


def test_attribution_speaker__speech_verb__near_miss():
    ctx = ctx_of(KNEW, (0, 2, "rosa-pell"))
    assert speech_verb(ctx, ctx.sents[0]) is None
    assert SPEAKER.first(ctx, ctx.sents[0]) is None


# "The Government invests, as recommended by the review." / "The Government invests, adding that it helps."
INVESTS_AS_RECOMMENDED = """
The          DET   DT   det       1 O
Government   PROPN NNP  nsubj     2 O
invests      VERB  VBZ  ROOT      2 O lemma=invest
,            PUNCT ,    punct     2 O
as           SCONJ IN   mark      5 O
recommended  VERB  VBN  advcl     2 O lemma=recommend
by           ADP   IN   agent     5 O
the          DET   DT   det       8 O
review       NOUN  NN   pobj      6 O
.            PUNCT .    punct     2 O
"""
INVESTS_ADDING = """
The          DET   DT   det       1 O
Government   PROPN NNP  nsubj     2 O
invests      VERB  VBZ  ROOT      2 O lemma=invest
,            PUNCT ,    punct     2 O
adding       VERB  VBG  advcl     2 O lemma=add
that         SCONJ IN   mark      7 O
it           PRON  PRP  nsubj     7 O
helps        VERB  VBZ  ccomp     4 O lemma=help
.            PUNCT .    punct     2 O
"""


def test_attribution_speaker__speech_verb__near_miss_a_participle_opened_by_a_conjunction():
    """'The Government invests, as recommended by the review': the participle's doer is the review,
    not the subject of the verb it hangs on; ', adding that ...' is still that subject's word."""
    ctx = ctx_of(INVESTS_AS_RECOMMENDED, (0, 2, "uk-government", ORG))
    assert speech_verb(ctx, ctx.sents[0]) is None
    ctx = ctx_of(INVESTS_ADDING, (0, 2, "uk-government", ORG))
    assert speech_verb(ctx, ctx.sents[0]) == Said("uk-government", "add", "speech-verb", 4)


TIME_FOR_TO_RECOGNISE = """
It             PRON  PRP  nsubj     1   O
is             AUX   VBZ  ROOT      1   O lemma=be
time           NOUN  NN   attr      1   O
for            SCONJ IN   mark      7   O
the            DET   DT   det       5   O
Government     PROPN NNP  nsubj     7   O
to             PART  TO   aux       7   O
recognise      VERB  VB   relcl     2   O
kinship        NOUN  NN   compound  9   O
carers         NOUN  NNS  dobj      7   O lemma=carer
.              PUNCT .    punct     1   O
"""
GOVERNMENT_RECOGNISES = """
The            DET   DT   det       1   O
Government     PROPN NNP  nsubj     2   O
recognises     VERB  VBZ  ROOT      2   O lemma=recognise
kinship        NOUN  NN   compound  4   O
carers         NOUN  NNS  dobj      2   O lemma=carer
.              PUNCT .    punct     2   O
"""


def test_attribution_speaker__speech_verb__near_miss_a_verb_wished_of_someone():
    """'It is time for the Government to recognise kinship carers': wished of the government, not
    said by it; 'The Government recognises kinship carers' is its own word."""
    from argmap.nlp.rules.attribution import wished_act

    ctx = ctx_of(TIME_FOR_TO_RECOGNISE, (4, 6, "uk-government", ORG))
    assert wished_act(ctx, ctx.doc[7]) and speech_verb(ctx, ctx.sents[0]) is None
    ctx = ctx_of(GOVERNMENT_RECOGNISES, (0, 2, "uk-government", ORG))
    assert not wished_act(ctx, ctx.doc[2])
    assert speech_verb(ctx, ctx.sents[0]) == Said("uk-government", "recognise", "speech-verb", 2)


# "I shared my hope that the Trust would back kinship carers."
HOPE_THAT_TRUST_BACKS = """
I              PRON  PRP  nsubj     1   O
shared         VERB  VBD  ROOT      1   O lemma=share
my             PRON  PRP$ poss      3   O
hope           NOUN  NN   dobj      1   O
that           SCONJ IN   mark      8   O
the            DET   DT   det       6   O
Trust          PROPN NNP  nsubj     8   B-ORG
would          AUX   MD   aux       8   O
back           VERB  VB   acl       3   O
kinship        NOUN  NN   compound  10  O
carers         NOUN  NNS  dobj      8   O lemma=carer
.              PUNCT .    punct     1   O
"""


def test_attribution_speaker__speech_verb__near_miss_what_a_hope_says_someone_would_do():
    """'I shared my hope that the Trust would back kinship carers': the writer's hope, not the Trust
    speaking; 'I shared my view that ...' (no word of hoping) leaves the Trust's verb to it."""
    from argmap.nlp.rules.attribution import wished_act

    ctx = ctx_of(HOPE_THAT_TRUST_BACKS, (6, 7, "trust", ORG))
    assert wished_act(ctx, ctx.doc[8])
    assert speech_verb(ctx, ctx.sents[0]) is None or speech_verb(ctx, ctx.sents[0]).speaker != "trust"
    view = HOPE_THAT_TRUST_BACKS.replace("hope           NOUN  NN   dobj", "view           NOUN  NN   dobj")
    ctx = ctx_of(view, (6, 7, "trust", ORG))
    assert not wished_act(ctx, ctx.doc[8])


GOVERNMENT_MUST_RECOGNISE = """
The            DET   DT   det       1   O
Government     PROPN NNP  nsubj     3   O
must           AUX   MD   aux       3   O
recognise      VERB  VB   ROOT      3   O
kinship        NOUN  NN   compound  5   O
carers         NOUN  NNS  dobj      3   O lemma=carer
.              PUNCT .    punct     3   O
"""
WE_MUST_RECOGNISE = """
We             PRON  PRP  nsubj     2   O
must           AUX   MD   aux       2   O
recognise      VERB  VB   ROOT      2   O
kinship        NOUN  NN   compound  4   O
carers         NOUN  NNS  dobj      2   O lemma=carer
.              PUNCT .    punct     2   O
"""


def test_attribution_speaker__speech_verb__near_miss_a_verb_asked_of_someone():
    """'The Government must recognise kinship carers': asked of the government, not said by it;
    'We must recognise ...' is the writer's own word."""
    from argmap.nlp.rules.attribution import asked_of

    ctx = ctx_of(GOVERNMENT_MUST_RECOGNISE, (0, 2, "uk-government", ORG))
    assert asked_of(ctx, ctx.doc[3]) and speech_verb(ctx, ctx.sents[0]) is None
    ctx = ctx_of(WE_MUST_RECOGNISE)
    assert not asked_of(ctx, ctx.doc[2])


WE_ARE_DELIGHTED_GOVERNMENT_ACCEPTED = """
We             PRON  PRP  nsubj     1   O
are            AUX   VBP  ROOT      1   O lemma=be
delighted      ADJ   JJ   acomp     1   O
that           SCONJ IN   mark      7   O
the            DET   DT   det       5   O
Government     PROPN NNP  nsubj     7   O
has            AUX   VBZ  aux       7   O
accepted       VERB  VBN  ccomp     2   O lemma=accept
the            DET   DT   det       9   O
plan           NOUN  NN   dobj      7   O
.              PUNCT .    punct     1   O
"""
WE_HEAR_GOVERNMENT_ACCEPTED = WE_ARE_DELIGHTED_GOVERNMENT_ACCEPTED.replace(
    "are            AUX   VBP  ROOT      1   O lemma=be", "hear           VERB  VBP  ROOT      1   O").replace(
    "delighted      ADJ   JJ   acomp     1   O", "now            ADV   RB   advmod    1   O")


def test_attribution_speaker__speech_verb__near_miss_an_act_the_writer_feels_about():
    """'We are delighted that the Government has accepted the plan': the writer's sentence about
    the government's act; 'We hear now that the Government has accepted ...' still reports the
    government."""
    from argmap.nlp.rules.attribution import under_writer

    ctx = ctx_of(WE_ARE_DELIGHTED_GOVERNMENT_ACCEPTED, (4, 6, "uk-government", ORG))
    assert under_writer(ctx, ctx.doc[7]) and speech_verb(ctx, ctx.sents[0]) is None
    ctx = ctx_of(WE_HEAR_GOVERNMENT_ACCEPTED, (4, 6, "uk-government", ORG))
    assert not under_writer(ctx, ctx.doc[7])
    assert speech_verb(ctx, ctx.sents[0]) == Said("uk-government", "accept", "speech-verb", 7)


COUNCILS_URGED_TO_ACT = """
Councils       NOUN  NNS  nsubj     1   O lemma=council
urged          VERB  VBD  ROOT      1   O lemma=urge
to             PART  TO   aux       3   O
act            VERB  VB   xcomp     1   O
.              PUNCT .    punct     1   O
"""
COUNCILS_URGED_MINISTERS = """
Councils       NOUN  NNS  nsubj     1   O lemma=council
urged          VERB  VBD  ROOT      1   O lemma=urge
ministers      NOUN  NNS  dobj      1   O lemma=minister
to             PART  TO   aux       4   O
act            VERB  VB   xcomp     1   O
.              PUNCT .    punct     1   O
"""


def test_attribution_speaker__speech_verb__near_miss_a_headline_passive_of_urging():
    """'Councils urged to act' (a headline's 'Councils are urged to act'): the councils are urged, they
    do not speak; 'Councils urged ministers to act' is their word."""
    from argmap.nlp.rules.attribution import urged_headline

    ctx = ctx_of(COUNCILS_URGED_TO_ACT, (0, 1, "councils", ORG))
    assert urged_headline(ctx, ctx.doc[1]) and speech_verb(ctx, ctx.sents[0]) is None
    ctx = ctx_of(COUNCILS_URGED_MINISTERS, (0, 1, "councils", ORG))
    assert speech_verb(ctx, ctx.sents[0]) == Said("councils", "urge", "speech-verb", 1)


CHARGE_WHAT_THEY_WANT = """
Providers  NOUN  NNS nsubj  1 O lemma=provider
charge     VERB  VBP ROOT   1 O
what       PRON  WP  dobj   4 O
they       PRON  PRP nsubj  4 O
want       VERB  VBP ccomp  1 O
.          PUNCT .   punct  1 O
"""
PROVIDERS_WANT_MORE = """
Providers  NOUN  NNS nsubj  1 O lemma=provider
want       VERB  VBP ROOT   1 O
more       ADJ   JJR amod   3 O lemma=much
money      NOUN  NN  dobj   1 O
.          PUNCT .   punct  1 O
"""


def test_attribution_speaker__speech_verb__near_miss_a_free_relative():
    """'Providers charge what they want': 'what they want' names a price, nobody speaks; 'Providers
    want more money' is their own word."""
    from argmap.nlp.rules.attribution import free_relative

    ctx = ctx_of(CHARGE_WHAT_THEY_WANT, (0, 1, "northfold-providers", ORG))
    assert free_relative(ctx.doc[4]) and speech_verb(ctx, ctx.sents[0]) is None
    ctx = ctx_of(PROVIDERS_WANT_MORE, (0, 1, "northfold-providers", ORG))
    assert not free_relative(ctx.doc[1])
    assert speech_verb(ctx, ctx.sents[0]) == Said("northfold-providers", "want", "speech-verb", 1)


BECOME_PRAISED = """
The      DET   DT  det       1 O
charity  NOUN  NN  nsubjpass 3 O
Become   AUX   NNP auxpass   3 B-ORG
praised  VERB  VBD ROOT      3 O lemma=praise
the      DET   DT  det       5 O
plan     NOUN  NN  dobj      3 O
.        PUNCT .   punct     3 O
"""


def test_attribution_speaker__speech_verb__fires_when_a_name_is_misread_as_an_auxiliary():
    """'The charity Become praised the plan', parsed as a passive with 'Become' for 'is': the charity speaks."""
    ctx = ctx_of(BECOME_PRAISED, (1, 3, "become", ORG))
    assert speech_verb(ctx, ctx.sents[0]) == Said("become", "praise", "speech-verb", 3)


def test_attribution_speaker__speech_verb__near_miss_a_true_passive():
    """'The charity was praised': an auxiliary that names nobody; the charity does not speak."""
    spec = BECOME_PRAISED.replace("Become   AUX   NNP auxpass   3 B-ORG", "was      AUX   VBD auxpass   3 O lemma=be")
    ctx = ctx_of(spec, (1, 2, "become", ORG))
    assert speech_verb(ctx, ctx.sents[0]) is None


# 'The plan was rushed says the Hearth Trust', a headline with no comma, the Trust parsed as the object
SAYS_THE_TRUST = """
The      DET   DT  det       1 O
plan     NOUN  NN  nsubjpass 3 O
was      AUX   VBD auxpass   3 O lemma=be
rushed   VERB  VBN ccomp     4 O lemma=rush
says     VERB  VBZ ROOT      4 O lemma=say
the      DET   DT  det       7 O
Hearth   PROPN NNP compound  7 B-ORG
Trust    PROPN NNP dobj      4 I-ORG
"""
# 'The plan was rushed, executives told the Hearth Trust': the Trust is told
TOLD_THE_TRUST = """
The        DET   DT  det       1 O
plan       NOUN  NN  nsubjpass 3 O
was        AUX   VBD auxpass   3 O lemma=be
rushed     VERB  VBN ccomp     6 O lemma=rush
,          PUNCT ,   punct     6 O
executives NOUN  NNS nsubj     6 O lemma=executive
told       VERB  VBD ROOT      6 O lemma=tell
the        DET   DT  det       9 O
Hearth     PROPN NNP compound  9 B-ORG
Trust      PROPN NNP dobj      6 I-ORG
"""


def test_attribution_speaker__speech_verb__fires_on_a_name_after_the_verb_parsed_as_its_object():
    """'... says the Hearth Trust' with the Trust parsed as the object of 'says', after what is said:
    the Trust says it."""
    ctx = ctx_of(SAYS_THE_TRUST, (6, 8, "hearth-trust", ORG))
    assert speech_verb(ctx, ctx.sents[0]) == Said("hearth-trust", "say", "speech-verb", 4)


def test_attribution_speaker__speech_verb__near_miss_an_object_told_by_a_subject():
    """'..., executives told the Hearth Trust': the verb has a subject of its own; the Trust is told."""
    ctx = ctx_of(TOLD_THE_TRUST, (8, 10, "hearth-trust", ORG))
    said = speech_verb(ctx, ctx.sents[0])
    assert said is None or said.speaker != "hearth-trust"


# 'The Hearth Trust published a report warning that the plan was rushed.'
REPORT_WARNING = """
The        DET   DT  det       2 O
Hearth     PROPN NNP compound  2 B-ORG
Trust      PROPN NNP nsubj     3 I-ORG
published  VERB  VBD ROOT      3 O lemma=publish
a          DET   DT  det       5 O
report     NOUN  NN  dobj      3 O
warning    VERB  VBG acl       5 O lemma=warn
that       SCONJ IN  mark      11 O
the        DET   DT  det       9 O
plan       NOUN  NN  nsubjpass 11 O
was        AUX   VBD auxpass   11 O lemma=be
rushed     VERB  VBN ccomp     6 O lemma=rush
.          PUNCT .   punct     3 O
"""


def test_attribution_speaker__speech_verb__fires_on_a_published_work_that_warns():
    """'The Hearth Trust published a report warning that ...': the report's warning is the Trust's."""
    ctx = ctx_of(REPORT_WARNING, (1, 3, "hearth-trust", ORG))
    assert speech_verb(ctx, ctx.sents[0]) == Said("hearth-trust", "warn", "speech-verb", 6)


def test_attribution_speaker__speech_verb__near_miss_a_work_only_read():
    """'The Hearth Trust read a report warning that ...': reading a report does not make it yours."""
    spec = REPORT_WARNING.replace("published  VERB  VBD ROOT      3 O lemma=publish",
                                  "read       VERB  VBD ROOT      3 O lemma=read")
    ctx = ctx_of(spec, (1, 3, "hearth-trust", ORG))
    said = speech_verb(ctx, ctx.sents[0])
    assert said is None or said.speaker != "hearth-trust"


INTERVIEW_SAID = """
In        ADP   IN  prep      4 O
an        DET   DT  det       3 O
interview NOUN  NN  compound  3 O
Pell      PROPN NNP pobj      0 B-PERSON
said      VERB  VBD ROOT      4 O lemma=say
the       DET   DT  det       6 O
plan      NOUN  NN  nsubjpass 8 O
was       AUX   VBD auxpass   8 O lemma=be
rushed    VERB  VBN ccomp     4 O lemma=rush
.         PUNCT .   punct     4 O
"""
INTERVIEW_KNEW = INTERVIEW_SAID.replace("said      VERB  VBD ROOT      4 O lemma=say",
                                        "knew      VERB  VBD ROOT      4 O lemma=know")


def test_attribution_speaker__name_before_verb__fires():
    """'In an interview Pell said ...' parsed with Pell inside the opening phrase and no subject."""
    ctx = ctx_of(INTERVIEW_SAID, (3, 4, "rosa-pell"))
    sent = ctx.sents[0]
    assert speech_verb(ctx, sent) is None
    assert name_before_verb(ctx, sent) == Said("rosa-pell", "say", "speech-verb", 4)
    assert SPEAKER.first_named(ctx, sent)[0] == "name-before-verb"


def test_attribution_speaker__name_before_verb__near_miss():
    """'In an interview Pell knew ...': no speech verb; a word before 'said' that names nobody: no one."""
    ctx = ctx_of(INTERVIEW_KNEW, (3, 4, "rosa-pell"))
    assert name_before_verb(ctx, ctx.sents[0]) is None
    nobody = ctx_of(INTERVIEW_SAID)
    assert name_before_verb(nobody, nobody.sents[0]) is None
    assert SPEAKER.first(nobody, nobody.sents[0]) is None


INTERVIEW_PICTURED_SAID = """
In        ADP   IN  prep      7 O
an        DET   DT  det       3 O
interview NOUN  NN  compound  3 O
Pell      PROPN NNP pobj      0 B-PERSON
(         PUNCT -LRB- punct   5 O
pictured  VERB  VBN acl       3 O lemma=picture
)         PUNCT -RRB- punct   5 O
said      VERB  VBD ROOT      7 O lemma=say
the       DET   DT  det       9 O
plan      NOUN  NN  nsubjpass 11 O
was       AUX   VBD auxpass   11 O lemma=be
rushed    VERB  VBN ccomp     7 O lemma=rush
.         PUNCT .   punct     7 O
"""


def test_attribution_speaker__name_before_verb__fires_past_a_bracketed_aside():
    """'In an interview Pell (pictured) said ...': a short aside in brackets between the name and
    the verb does not hide the name."""
    ctx = ctx_of(INTERVIEW_PICTURED_SAID, (3, 4, "rosa-pell"))
    assert name_before_verb(ctx, ctx.sents[0]) == Said("rosa-pell", "say", "speech-verb", 7)


def test_attribution_speaker__name_before_verb__near_miss_no_opening_bracket():
    """'Pell - pictured) said': a closing bracket with no opening one just before it is no aside,
    so the word before the verb names nobody."""
    spec = INTERVIEW_PICTURED_SAID.replace("(         PUNCT -LRB- punct   5 O", "-         PUNCT :   punct     5 O")
    ctx = ctx_of(spec, (3, 4, "rosa-pell"))
    assert name_before_verb(ctx, ctx.sents[0]) is None


# 'Welcoming it, Pell, director of the Trust, said no.', parsed with Pell joined to 'it' and no subject
WELCOMING_PELL_DIRECTOR_SAID = """
Welcoming VERB  VBG advcl     9 O lemma=welcome
it        PRON  PRP dobj      0 O
,         PUNCT ,   punct     1 O
Pell      PROPN NNP conj      1 B-PERSON
,         PUNCT ,   punct     3 O
director  NOUN  NN  appos     3 O
of        ADP   IN  prep      5 O
the       DET   DT  det       8 O
Trust     PROPN NNP pobj      6 O
,         PUNCT ,   punct     10 O
said      VERB  VBD ROOT      10 O lemma=say
no        INTJ  UH  ccomp     10 O
.         PUNCT .   punct     10 O
"""


def test_attribution_speaker__name_before_verb__fires_past_a_role_set_off_by_commas():
    """'Welcoming it, Pell, director of the Trust, said ...': the name before the role is the speaker."""
    ctx = ctx_of(WELCOMING_PELL_DIRECTOR_SAID, (3, 4, "rosa-pell"))
    assert name_before_verb(ctx, ctx.sents[0]) == Said("rosa-pell", "say", "speech-verb", 10)


def test_attribution_speaker__name_before_verb__near_miss_no_role_between_the_commas():
    """'Welcoming it, Pell, in the end, said ...': words between commas that hold no role are no role."""
    spec = WELCOMING_PELL_DIRECTOR_SAID.replace("director  NOUN  NN  appos     3 O", "end       NOUN  NN  appos     3 O")
    ctx = ctx_of(spec, (3, 4, "rosa-pell"))
    assert name_before_verb(ctx, ctx.sents[0]) is None


MET_WHO_SAID = """
Ivo     PROPN NNP compound  1 B-PERSON
Lee     PROPN NNP nsubj     2 I-PERSON
met     VERB  VBD ROOT      2 O lemma=meet
Rosa    PROPN NNP compound  4 B-PERSON
Pell    PROPN NNP dobj      2 I-PERSON
,       PUNCT ,   punct     4 O
who     PRON  WP  nsubj     7 O
said    VERB  VBD relcl     4 O lemma=say
the     DET   DT  det       9 O
plan    NOUN  NN  nsubjpass 11 O
was     AUX   VBD auxpass   11 O lemma=be
rushed  VERB  VBN ccomp     7 O lemma=rush
.       PUNCT .   punct     2 O
"""
MET_WHO_KNEW = MET_WHO_SAID.replace("said    VERB  VBD relcl     4 O lemma=say", "knew    VERB  VBD relcl     4 O lemma=know")


def test_attribution_speaker__speech_verb__fires_in_a_relative_clause_of_an_actor():
    """'Ivo Lee met Rosa Pell, who said ...': the relative clause reports Rosa Pell."""
    ctx = ctx_of(MET_WHO_SAID, (0, 2, "ivo-lee"), (3, 5, "rosa-pell"))
    assert speech_verb(ctx, ctx.sents[0]) == Said("rosa-pell", "say", "speech-verb-pronoun", 7)


def test_attribution_subject__relative_who__fires():
    ctx = ctx_of(MET_WHO_SAID, (0, 2, "ivo-lee"), (3, 5, "rosa-pell"))
    assert relative_who(ctx, ctx.doc[6]) == "rosa-pell"
    assert SUBJECT.first_named(ctx, ctx.doc[6]) == ("relative-who", "rosa-pell")


def test_attribution_subject__relative_who__near_miss():
    """'who' that is no relative clause's subject (a question's) stands for nobody."""
    ctx = ctx_of(MET_WHO_KNEW.replace("knew    VERB  VBD relcl", "knew    VERB  VBD ccomp"), (0, 2, "ivo-lee"),
                 (3, 5, "rosa-pell"))
    assert relative_who(ctx, ctx.doc[6]) is None
    assert speech_verb(ctx, ctx.sents[0]) is None


TRUST_REPORT_WHICH_SAID = """
The        DET   DT  det       1 O
Trust      PROPN NNP nsubj     2 B-ORG
published  VERB  VBD ROOT      2 O lemma=publish
a          DET   DT  det       4 O
report     NOUN  NN  dobj      2 O
which      PRON  WDT nsubj     6 O
said       VERB  VBD relcl     4 O lemma=say
the        DET   DT  det       8 O
plan       NOUN  NN  nsubjpass 10 O
was        AUX   VBD auxpass   10 O lemma=be
rushed     VERB  VBN ccomp     6 O lemma=rush
.          PUNCT .   punct     2 O
"""


def test_attribution_subject__relative_which_work__fires():
    """'The Trust published a report which said the plan was rushed': the report speaks for the Trust."""
    from argmap.nlp.rules.attribution import relative_which_work
    ctx = ctx_of(TRUST_REPORT_WHICH_SAID, (1, 2, "trust", ORG))
    assert relative_which_work(ctx, ctx.doc[5]) == "trust"
    assert speech_verb(ctx, ctx.sents[0]) == Said("trust", "say", "speech-verb-pronoun", 6)


@pytest.mark.parametrize("change", ["not-published", "not-a-work"])
def test_attribution_subject__relative_which_work__near_miss(change):
    """'The Trust read a report which said ...' (reading is not publishing) and 'The Trust published
    a photo which said ...' (no piece of work) report no one."""
    from argmap.nlp.rules.attribution import relative_which_work
    spec = TRUST_REPORT_WHICH_SAID.replace("published  VERB  VBD ROOT      2 O lemma=publish",
                                           "read       VERB  VBD ROOT      2 O lemma=read") \
        if change == "not-published" else TRUST_REPORT_WHICH_SAID.replace("report     NOUN", "photo      NOUN")
    ctx = ctx_of(spec, (1, 2, "trust", ORG))
    assert relative_which_work(ctx, ctx.doc[5]) is None
    assert speech_verb(ctx, ctx.sents[0]) is None


TRUST_REPORT_ON_DATE = """
The        DET   DT  det       1 O
Trust      PROPN NNP nsubj     2 B-ORG
published  VERB  VBD ROOT      2 O lemma=publish
a          DET   DT  det       4 O
report     NOUN  NN  dobj      2 O
on         ADP   IN  prep      2 O
Monday     PROPN NNP pobj      5 B-DATE
,          PUNCT ,   punct     6 O
which      PRON  WDT nsubj     9 O
said       VERB  VBD relcl     6 O lemma=say
the        DET   DT  det       11 O
plan       NOUN  NN  nsubjpass 13 O
was        AUX   VBD auxpass   13 O lemma=be
rushed     VERB  VBN ccomp     9 O lemma=rush
.          PUNCT .   punct     2 O
"""


def test_attribution_subject__relative_which_work__after_a_date():
    """'The Trust published a report on Monday, which said ...', the clause hung on the date: the
    report speaks; hung on a place that is no date ('on Mercia'), it names no one."""
    from argmap.nlp.rules.attribution import relative_which_work
    ctx = ctx_of(TRUST_REPORT_ON_DATE, (1, 2, "trust", ORG))
    assert relative_which_work(ctx, ctx.doc[8]) == "trust"
    place = TRUST_REPORT_ON_DATE.replace("Monday     PROPN NNP pobj      5 B-DATE", "Mercia     PROPN NNP pobj      5 B-GPE")
    ctx = ctx_of(place, (1, 2, "trust", ORG))
    assert relative_which_work(ctx, ctx.doc[8]) is None


CONCERNED = """
BASW       PROPN NNP nsubj 1 B-ORG
is         AUX   VBZ ROOT  1 O lemma=be
concerned  ADJ   JJ  acomp 1 O
about      ADP   IN  prep  2 O
the        DET   DT  det   5 O
plan       NOUN  NN  pobj  3 O
.          PUNCT .   punct 1 O
"""
BASED = """
BASW    PROPN NNP nsubjpass 2 B-ORG
is      AUX   VBZ auxpass   2 O lemma=be
based   VERB  VBN ROOT      2 O lemma=base
in      ADP   IN  prep      2 O
London  PROPN NNP pobj      3 B-GPE
.       PUNCT .   punct     2 O
"""


def test_attribution_speaker__evaluative_subject__fires():
    ctx = ctx_of(CONCERNED, (0, 1, "basw"))
    sent = ctx.sents[0]
    assert evaluative_subject(ctx, sent) == Said("basw", "be", "subject", 1)
    assert SPEAKER.first_named(ctx, sent)[0] == "evaluative-subject"


VOTED_FOR = """
BASW       PROPN NNP nsubj 1 B-ORG
voted      VERB  VBD ROOT  1 O lemma=vote
for        ADP   IN  prep  1 O
the        DET   DT  det   4 O
plan       NOUN  NN  pobj  2 O
.          PUNCT .   punct 1 O
"""


def test_attribution_speaker__evaluative_subject__fires_on_a_vote_for_or_against():
    """'BASW voted for the plan' (or against it): the voter takes a stance, so speaks."""
    for spec in (VOTED_FOR, VOTED_FOR.replace("for        ADP", "against    ADP")):
        ctx = ctx_of(spec, (0, 1, "basw"))
        assert evaluative_subject(ctx, ctx.sents[0]) == Said("basw", "vote", "subject", 1)


def test_attribution_speaker__evaluative_subject__near_miss_a_vote_on_it():
    """'BASW voted on the plan' says it took part, not which way."""
    ctx = ctx_of(VOTED_FOR.replace("for        ADP", "on         ADP"), (0, 1, "basw"))
    assert evaluative_subject(ctx, ctx.sents[0]) is None


TRIALLING = """
The        DET   DT  det      1 O
Trust      PROPN NNP nsubj    3 B-ORG
is         AUX   VBZ aux      3 O lemma=be
trialling  VERB  VBG ROOT     3 O lemma=trialle
family     NOUN  NN  compound 5 O
help       NOUN  NN  dobj     3 O
.          PUNCT .   punct    3 O
"""


def test_attribution_speaker__evaluative_subject__fires_on_a_listed_form_the_lemmatizer_misses():
    """'trialling' is lemmatised 'trialle': the listed word form still makes the verb a stance verb."""
    ctx = ctx_of(TRIALLING, (1, 2, "trust"))
    assert evaluative_subject(ctx, ctx.sents[0]) == Said("trust", "trialle", "subject", 3)
    near = ctx_of(TRIALLING.replace("trialling  VERB  VBG ROOT     3 O lemma=trialle",
                                    "running    VERB  VBG ROOT     3 O lemma=run"), (1, 2, "trust"))
    assert evaluative_subject(near, near.sents[0]) is None


# "The Trust intends to introduce family help."
INTENDS_TO = """
The        DET   DT  det      1 O
Trust      PROPN NNP nsubj    2 B-ORG
intends    VERB  VBZ ROOT     2 O lemma=intend
to         PART  TO  aux      4 O
introduce  VERB  VB  xcomp    2 O
family     NOUN  NN  compound 6 O
help       NOUN  NN  dobj     4 O
.          PUNCT .   punct    2 O
"""


def test_attribution_speaker__evaluative_subject__near_miss_a_verb_of_hardship():
    """'The Trust is failing family help': failing befalls the Trust (stance.object.hardship), which
    takes no view; 'The Trust is rejecting family help' is its own view."""
    failing = TRIALLING.replace("trialling  VERB  VBG ROOT     3 O lemma=trialle", "failing    VERB  VBG ROOT     3 O lemma=fail")
    ctx = ctx_of(failing, (1, 2, "trust"))
    assert evaluative_subject(ctx, ctx.sents[0]) is None
    rejecting = TRIALLING.replace("trialling  VERB  VBG ROOT     3 O lemma=trialle",
                                  "rejecting  VERB  VBG ROOT     3 O lemma=reject")
    ctx = ctx_of(rejecting, (1, 2, "trust"))
    assert evaluative_subject(ctx, ctx.sents[0]) == Said("trust", "reject", "subject", 3)


def test_attribution_speaker__evaluative_subject__fires_on_a_stance_verb_after_to():
    """'The Trust intends to introduce family help': the subject does what the verb after 'to' says."""
    ctx = ctx_of(INTENDS_TO, (1, 2, "trust"))
    assert evaluative_subject(ctx, ctx.sents[0]) == Said("trust", "intend", "subject", 2)
    near = ctx_of(INTENDS_TO.replace("introduce  VERB  VB  xcomp    2 O", "study      VERB  VB  xcomp    2 O"),
                  (1, 2, "trust"))
    assert evaluative_subject(near, near.sents[0]) is None


def test_attribution_speaker__evaluative_subject__near_miss():
    ctx = ctx_of(BASED, (0, 1, "basw"))
    assert evaluative_subject(ctx, ctx.sents[0]) is None
    assert SPEAKER.first(ctx, ctx.sents[0]) is None


CRITICS_WARNED = """
Critics  NOUN  NNS nsubj     1 O lemma=critic
warned   VERB  VBD ROOT      1 O lemma=warn
that     SCONJ IN  mark      6 O
the      DET   DT  det       4 O
plan     NOUN  NN  nsubjpass 6 O
was      AUX   VBD auxpass   6 O lemma=be
rushed   VERB  VBN ccomp     1 O lemma=rush
.        PUNCT .   punct     1 O
"""
REPORT_WARNED = """
The      DET   DT  det       1 O
report   NOUN  NN  nsubj     2 O
warned   VERB  VBD ROOT      2 O lemma=warn
that     SCONJ IN  mark      7 O
the      DET   DT  det       5 O
plan     NOUN  NN  nsubjpass 7 O
was      AUX   VBD auxpass   7 O lemma=be
rushed   VERB  VBN ccomp     2 O lemma=rush
.        PUNCT .   punct     2 O
"""


def test_attribution_speaker__unnamed_speaker__fires():
    ctx = ctx_of(CRITICS_WARNED)
    sent = ctx.sents[0]
    assert unnamed_speaker(ctx, sent) == Said(UNNAMED, "warn", "unnamed-speaker", 1)
    assert SPEAKER.first_named(ctx, sent)[0] == "unnamed-speaker"


def test_attribution_speaker__unnamed_speaker__near_miss():
    """A report that warns is a statement, not somebody unnamed."""
    ctx = ctx_of(REPORT_WARNED)
    assert unnamed_speaker(ctx, ctx.sents[0]) is None
    assert SPEAKER.first(ctx, ctx.sents[0]) is None


TOLD_ME_SO_I_CALLED = """
Parents  NOUN  NNS nsubj     2 O lemma=parent
have     AUX   VBP aux       2 O
told     VERB  VBN ROOT      2 O lemma=tell
me       PRON  PRP dobj      2 O lemma=I
help     NOUN  NN  nsubj     6 O
is       AUX   VBZ ccomp     2 O lemma=be
late     ADJ   JJ  acomp     5 O
,        PUNCT ,   punct     2 O
so       ADV   RB  advmod    10 O
I        PRON  PRP nsubj     10 O
called   VERB  VBD conj      2 O lemma=call
for      ADP   IN  prep      10 O
family   NOUN  NN  compound  13 O
hubs     NOUN  NNS pobj      11 O lemma=hub
.        PUNCT .   punct     2 O
"""


AS_MY_FRIEND_SAID = """
As       SCONJ IN  mark    4 O
my       PRON  PRP$ poss   3 O
noble    ADJ   JJ  amod    3 O
friend   NOUN  NN  nsubj   4 O
said     VERB  VBD advcl   8 O lemma=say
,        PUNCT ,   punct   8 O
the      DET   DT  det     7 O
plan     NOUN  NN  nsubj   8 O
fails    VERB  VBZ ROOT    8 O lemma=fail
.        PUNCT .   punct   8 O
"""


def test_attribution_speaker__unnamed_speaker__near_miss_an_aside():
    """'As my noble friend said, the plan fails': an aside crediting someone, not who speaks."""
    ctx = ctx_of(AS_MY_FRIEND_SAID)
    assert unnamed_speaker(ctx, ctx.sents[0]) is None


def test_attribution_speaker__unnamed_speaker__near_miss_the_writer_speaks_too():
    """'Parents told me ..., so I called for ...': the writer's own call, not someone unnamed."""
    ctx = ctx_of(TOLD_ME_SO_I_CALLED)
    assert unnamed_speaker(ctx, ctx.sents[0]) is None


# ---------------------------------------------------------------- attribution.subject
BASW_SAID = """
BASW    PROPN NNP nsubj     1 B-ORG
said    VERB  VBD ROOT      1 O lemma=say
the     DET   DT  det       3 O
plan    NOUN  NN  nsubjpass 5 O
was     AUX   VBD auxpass   5 O lemma=be
rushed  VERB  VBN ccomp     1 O lemma=rush
.       PUNCT .   punct     1 O
"""
CRITICS_SAID = BASW_SAID.replace("BASW    PROPN NNP nsubj     1 B-ORG", "Critics NOUN  NNS nsubj     1 O lemma=critic")


RUEL_OF_TRUST = """
Mina     PROPN NNP compound 1 B-PERSON
Ruel     PROPN NNP nsubj    4 I-PERSON
of       ADP   IN  prep     1 O
Northfold PROPN NNP pobj    2 B-ORG
Trust    PROPN NNP nsubj    5 I-ORG
said     VERB  VBD ROOT     5 O lemma=say
it       PRON  PRP nsubj    7 O
failed   VERB  VBD ccomp    5 O lemma=fail
.        PUNCT .   punct    5 O
"""
TRUST_SAID = """
Northfold PROPN NNP compound 1 B-ORG
Trust    PROPN NNP nsubj    2 I-ORG
said     VERB  VBD ROOT     2 O lemma=say
it       PRON  PRP nsubj    4 O
failed   VERB  VBD ccomp    2 O lemma=fail
.        PUNCT .   punct    2 O
"""


PRESIDENT_OF = """
The        DET   DT  det      1 O
President  PROPN NNP nsubj    5 O
of         ADP   IN  prep     1 O
Northfold  PROPN NNP compound 4 B-ORG
Trust      PROPN NNP pobj     2 I-ORG
said       VERB  VBD ROOT     5 O lemma=say
it         PRON  PRP nsubj    7 O
failed     VERB  VBD ccomp    5 O lemma=fail
.          PUNCT .   punct    5 O
\\n        SPACE _SP dep      8 O
Mina       PROPN NNP compound 11 B-PERSON
Ruel       PROPN NNP ROOT     11 I-PERSON
"""


def test_attribution_subject__role_title__fires():
    """'The President of X said', with X's president named in the document: that person speaks."""
    doc = parse(PRESIDENT_OF)
    place_actors(doc, (3, 5, "northfold-trust", ORG), (10, 12, "mina-ruel", "person"),
                 roles={"mina-ruel": "President of Northfold Trust"})
    from argmap.nlp.state import REGISTRY
    doc.user_data[REGISTRY]["mina-ruel"]["affiliation"] = "northfold-trust"
    ctx = attribution_ctx(doc)
    assert role_title(ctx, ctx.doc[1]) == "mina-ruel"
    assert SUBJECT.first_named(ctx, ctx.doc[1]) == ("role-title", "mina-ruel")


def test_attribution_subject__role_title__near_miss():
    """Nobody named holds the title: the rule names no one."""
    doc = parse(PRESIDENT_OF)
    place_actors(doc, (3, 5, "northfold-trust", ORG), (10, 12, "mina-ruel", "person"),
                 roles={"mina-ruel": "Treasurer of Northfold Trust"})
    ctx = attribution_ctx(doc)
    assert role_title(ctx, ctx.doc[1]) is None


PRESIDENT_AFTER_NAME = """
The        DET   DT    det      2 O
Northfold  PROPN NNP   compound 2 B-ORG
Trust      PROPN NNP   nsubj    8 I-ORG
(          PUNCT -LRB- punct    2 O
NT         PROPN NNP   appos    2 B-ORG
)          PUNCT -RRB- punct    2 O
president  NOUN  NN    npadvmod 8 O
has        AUX   VBZ   aux      8 O
said       VERB  VBN   ROOT     8 O lemma=say
it         PRON  PRP   nsubj    10 O
failed     VERB  VBD   ccomp    8 O lemma=fail
.          PUNCT .     punct    8 O
\\n        SPACE _SP   dep      11 O
Mina       PROPN NNP   compound 14 B-PERSON
Ruel       PROPN NNP   ROOT     14 I-PERSON
"""


def test_attribution_subject__role_after_name__fires():
    """'The Northfold Trust (NT) president has said', parsed with the Trust as subject: the person
    the document names as the Trust's president speaks."""
    doc = parse(PRESIDENT_AFTER_NAME)
    place_actors(doc, (1, 3, "northfold-trust", ORG), (4, 5, "northfold-trust", ORG), (13, 15, "mina-ruel", "person"),
                 roles={"mina-ruel": "Northfold Trust president"})
    ctx = attribution_ctx(doc)
    assert role_after_name(ctx, ctx.doc[2]) == "mina-ruel"
    assert SUBJECT.first_named(ctx, ctx.doc[2]) == ("role-after-name", "mina-ruel")


def test_attribution_subject__role_after_name__near_miss():
    """Nobody named holds that role at the Trust: the rule names no one."""
    doc = parse(PRESIDENT_AFTER_NAME)
    place_actors(doc, (1, 3, "northfold-trust", ORG), (4, 5, "northfold-trust", ORG), (13, 15, "mina-ruel", "person"),
                 roles={"mina-ruel": "Northfold Trust treasurer"})
    ctx = attribution_ctx(doc)
    assert role_after_name(ctx, ctx.doc[2]) is None


def test_attribution_subject__member_of__fires():
    """A parse that makes 'Trust' the subject of 'said' still gives the sentence to Mina Ruel."""
    ctx = ctx_of(RUEL_OF_TRUST, (0, 2, "mina-ruel", "person"), (3, 5, "northfold-trust", ORG))
    assert member_of(ctx, ctx.doc[4]) == "mina-ruel"
    assert SUBJECT.first_named(ctx, ctx.doc[4]) == ("member-of", "mina-ruel")


def test_attribution_subject__member_of__near_miss():
    ctx = ctx_of(TRUST_SAID, (0, 2, "northfold-trust", ORG))
    assert member_of(ctx, ctx.doc[1]) is None
    assert SUBJECT.first_named(ctx, ctx.doc[1]) == ("mention", "northfold-trust")


def test_attribution_subject__mention__fires():
    ctx = ctx_of(BASW_SAID, (0, 1, "basw"))
    subj = ctx.doc[0]
    assert subject_mention(ctx, subj) == "basw"
    assert SUBJECT.first_named(ctx, subj) == ("mention", "basw")


def test_attribution_subject__mention__near_miss():
    ctx = ctx_of(CRITICS_SAID)
    assert subject_mention(ctx, ctx.doc[0]) is None
    assert resolve_subject(ctx, ctx.doc[0]) is None


SUCH_AS = """
Campaigners  NOUN  NNS nsubj     5 O lemma=campaigner
such         ADJ   JJ  amod      2 O
as           ADP   IN  prep      0 O
Rosa         PROPN NNP compound  4 B-PERSON
Pell         PROPN NNP pobj      2 I-PERSON
believed     VERB  VBD ROOT      5 O lemma=believe
the          DET   DT  det       7 O
plan         NOUN  NN  nsubjpass 9 O
was          AUX   VBD auxpass   9 O lemma=be
rushed       VERB  VBN ccomp     5 O lemma=rush
.            PUNCT .   punct     5 O
"""
AND_ROSA = """
Campaigners  NOUN  NNS nsubj     5 O lemma=campaigner
and          CCONJ CC  cc        0 O
Rosa         PROPN NNP compound  3 B-PERSON
Pell         PROPN NNP conj      0 I-PERSON
believed     VERB  VBD ROOT      4 O lemma=believe
the          DET   DT  det       6 O
plan         NOUN  NN  nsubjpass 8 O
was          AUX   VBD auxpass   8 O lemma=be
rushed       VERB  VBN ccomp     4 O lemma=rush
.            PUNCT .   punct     4 O
"""


def test_attribution_subject__group_member__fires():
    ctx = ctx_of(SUCH_AS, (3, 5, "rosa-pell"))
    subj = ctx.doc[0]
    assert group_member(ctx, subj) == "rosa-pell"
    assert SUBJECT.first_named(ctx, subj) == ("group-member", "rosa-pell")


def test_attribution_subject__group_member__near_miss():
    """'Campaigners and X' are two speakers, not a group with a named member."""
    ctx = ctx_of(AND_ROSA, (2, 4, "rosa-pell"))
    assert group_member(ctx, ctx.doc[0]) is None
    assert SUBJECT.first_named(ctx, ctx.doc[0])[0] != "group-member"


CRITICS_INCLUDING = """
Critics    NOUN  NNS nsubj     9 O lemma=critic
,          PUNCT ,   punct     0 O
including  VERB  VBG prep      0 O lemma=include
Rosa       PROPN NNP compound  4 B-PERSON
Pell       PROPN NNP pobj      2 I-PERSON
and        CCONJ CC  cc        4 O
Hearth     PROPN NNP compound  7 B-ORG
Alliance   PROPN NNP conj      4 I-ORG
,          PUNCT ,   punct     0 O
warned     VERB  VBD ROOT      9 O lemma=warn
the        DET   DT  det       11 O
plan       NOUN  NN  nsubjpass 13 O
was        AUX   VBD auxpass   13 O lemma=be
rushed     VERB  VBN ccomp     9 O lemma=rush
.          PUNCT .   punct     9 O
"""


def test_co_speakers__listed_member__fires():
    """'Critics, including Rosa Pell and the Hearth Alliance, warned': the first named speaks for the
    group, and every other member listed speaks with her."""
    ctx = ctx_of(CRITICS_INCLUDING, (3, 5, "rosa-pell"), (6, 8, "hearth-alliance", ORG))
    assert resolve_subject(ctx, ctx.doc[0]) == "rosa-pell"
    assert listed_member(ctx, ctx.doc[7])
    assert co_speakers(ctx, Said("rosa-pell", "warned", "speech-verb", 9)) == ("hearth-alliance",)


def test_co_speakers__listed_member__near_miss():
    """'Critics of Rosa Pell and the Hearth Alliance warned': the names are whom the critics criticise,
    no members of the group."""
    spec = CRITICS_INCLUDING.replace("including  VERB  VBG prep      0 O lemma=include", "of         ADP   IN  prep      0 O")
    ctx = ctx_of(spec, (3, 5, "rosa-pell"), (6, 8, "hearth-alliance", ORG))
    assert not listed_member(ctx, ctx.doc[7])
    assert co_speakers(ctx, Said("rosa-pell", "warned", "speech-verb", 9)) == ()


SPOKESPERSON = """
BASW          PROPN NNP nsubj 1 B-ORG
welcomed      VERB  VBD ROOT  1 O lemma=welcome
the           DET   DT  det   3 O
plan          NOUN  NN  dobj  1 O
.             PUNCT .   punct 1 O
A             DET   DT  det   6 O
spokesperson  NOUN  NN  nsubj 7 O
added         VERB  VBD ROOT  7 O lemma=add
that          SCONJ IN  mark  10 O
funding       NOUN  NN  nsubj 10 O
was           AUX   VBD ccomp 7 O lemma=be
short         ADJ   JJ  acomp 10 O
.             PUNCT .   punct 7 O
"""
SPOKESPERSON_FOR = """
BASW          PROPN NNP nsubj 1 B-ORG
welcomed      VERB  VBD ROOT  1 O lemma=welcome
the           DET   DT  det   3 O
plan          NOUN  NN  dobj  1 O
.             PUNCT .   punct 1 O
A             DET   DT  det   6 O
spokesperson  NOUN  NN  nsubj 9 O
for           ADP   IN  prep  6 O
Unison        PROPN NNP pobj  7 B-ORG
added         VERB  VBD ROOT  9 O lemma=add
that          SCONJ IN  mark  12 O
funding       NOUN  NN  nsubj 12 O
was           AUX   VBD ccomp 9 O lemma=be
short         ADJ   JJ  acomp 12 O
.             PUNCT .   punct 9 O
"""


def test_attribution_subject__spokesperson__fires():
    ctx = ctx_of(SPOKESPERSON, (0, 1, "basw"))
    observe(ctx, "basw")
    subj = ctx.doc[6]
    assert spokesperson(ctx, subj) == "basw"
    assert resolve_subject(ctx, subj) == "basw"


SPOKESPERSON_NAMED = """
It            PRON  PRP nsubj    1 O
helps         VERB  VBZ ccomp    3 O lemma=help
,             PUNCT ,   punct    3 O
says          VERB  VBZ ROOT     3 O lemma=say
the           DET   DT  det      5 O
spokesperson  NOUN  NN  nsubj    3 O
for           ADP   IN  prep     5 O
families      NOUN  NNS pobj     6 O lemma=family
on            ADP   IN  prep     7 O
the           DET   DT  det      11 O
council       NOUN  NN  compound 11 O
Cllr          PROPN NNP compound 13 O
Rosa          PROPN NNP compound 13 B-PERSON
Pell          PROPN NNP pobj     8 I-PERSON
.             PUNCT .   punct    3 O
"""


def test_attribution_subject__spokesperson__fires_for_the_person_named_at_the_end():
    """'says the spokesperson for families on the council Cllr Rosa Pell': the person the phrase ends with."""
    ctx = ctx_of(SPOKESPERSON_NAMED, (12, 14, "rosa-pell"))
    assert spokesperson(ctx, ctx.doc[5]) == "rosa-pell"
    near = ctx_of(SPOKESPERSON_NAMED.replace("B-PERSON", "O").replace("I-PERSON", "O"))
    assert spokesperson(near, near.doc[5]) == ""  # no one named: the search ends with no speaker


def test_attribution_subject__spokesperson__fires_for_the_organisation_it_names():
    """A spokesperson who names their organisation speaks for it, not for the one heard before."""
    ctx = ctx_of(SPOKESPERSON_FOR, (0, 1, "basw"), (8, 9, "unison", ORG))
    observe(ctx, "basw")
    assert spokesperson(ctx, ctx.doc[6]) == "unison"
    assert resolve_subject(ctx, ctx.doc[6]) == "unison"


# "BASW welcomed the plan. A Unison spokesperson added that funding was short."
SPOKESPERSON_OF = """
BASW          PROPN NNP nsubj    1 B-ORG
welcomed      VERB  VBD ROOT     1 O lemma=welcome
the           DET   DT  det      3 O
plan          NOUN  NN  dobj     1 O
.             PUNCT .   punct    1 O
A             DET   DT  det      7 O
Unison        PROPN NNP compound 7 B-ORG
spokesperson  NOUN  NN  nsubj    8 O
added         VERB  VBD ROOT     8 O lemma=add
that          SCONJ IN  mark     11 O
funding       NOUN  NN  nsubj    11 O
was           AUX   VBD ccomp    8 O lemma=be
short         ADJ   JJ  acomp    11 O
.             PUNCT .   punct    8 O
"""


def test_attribution_subject__spokesperson__fires_for_the_organisation_before_it():
    """'A Unison spokesperson added': the organisation named before the noun, not the one just speaking."""
    ctx = ctx_of(SPOKESPERSON_OF, (0, 1, "basw"), (6, 7, "unison", ORG))
    observe(ctx, "basw")
    assert spokesperson(ctx, ctx.doc[7]) == "unison"


def test_attribution_subject__spokesperson__near_miss_a_person_before_it():
    """'A Rosa spokesperson' names no organisation: the one just speaking."""
    ctx = ctx_of(SPOKESPERSON_OF.replace("B-ORG\nspokesperson", "B-PERSON\nspokesperson"), (0, 1, "basw"),
                 (6, 7, "rosa-pell"))
    observe(ctx, "basw")
    assert spokesperson(ctx, ctx.doc[7]) != "rosa-pell"


def test_attribution_subject__spokesperson__near_miss():
    """A spokesperson for an organisation that is no actor speaks for nobody named (not BASW)."""
    ctx = ctx_of(SPOKESPERSON_FOR.replace("Unison        PROPN NNP pobj  7 B-ORG",
                                          "charities     NOUN  NNS pobj  7 O"), (0, 1, "basw"))
    observe(ctx, "basw")
    assert not spokesperson(ctx, ctx.doc[6])
    assert resolve_subject(ctx, ctx.doc[6]) is None


PROFESSOR = """
Rosa       PROPN NNP compound  1 B-PERSON
Pell       PROPN NNP nsubj     3 I-PERSON
has        AUX   VBZ aux       3 O lemma=have
studied    VERB  VBN ROOT      3 O lemma=study
care       NOUN  NN  dobj      3 O
for        ADP   IN  prep      3 O
years      NOUN  NNS pobj      5 B-DATE lemma=year
.          PUNCT .   punct     3 O
The        DET   DT  det       9 O
professor  NOUN  NN  nsubj     10 O
says       VERB  VBZ ROOT      10 O lemma=say
the        DET   DT  det       12 O
plan       NOUN  NN  nsubjpass 14 O
is         AUX   VBZ auxpass   14 O lemma=be
rushed     VERB  VBN ccomp     10 O lemma=rush
.          PUNCT .   punct     10 O
"""
A_PROFESSOR = PROFESSOR.replace("The        DET   DT  det       9 O", "A          DET   DT  det       9 O")


def test_attribution_subject__role_noun__fires():
    ctx = ctx_of(PROFESSOR, (0, 2, "rosa-pell"))
    observe(ctx, None)
    subj = ctx.doc[9]
    assert role_noun(ctx, subj) == "rosa-pell"
    assert SUBJECT.first_named(ctx, subj) == ("role-noun", "rosa-pell")


def test_attribution_subject__role_noun__near_miss():
    """'A professor says': some professor, not the person named before."""
    ctx = ctx_of(A_PROFESSOR, (0, 2, "rosa-pell"))
    observe(ctx, None)
    assert not role_noun(ctx, ctx.doc[9])
    assert resolve_subject(ctx, ctx.doc[9]) is None


PLACE_MP = """
Rosa       PROPN NNP compound  1 B-PERSON
Pell       PROPN NNP nsubj     3 I-PERSON
has        AUX   VBZ aux       3 O lemma=have
backed     VERB  VBN ROOT      3 O lemma=back
it         PRON  PRP dobj      3 O
.          PUNCT .   punct     3 O
The        DET   DT  det       7 O
Hartwell   PROPN NNP nsubj     12 B-GPE
and        CCONJ CC  cc        7 O
Dunmore    PROPN NNP compound  11 B-GPE
South      PROPN NNP compound  11 I-GPE
MP         PROPN NNP conj      7 O
said       VERB  VBD ROOT      12 O lemma=say
it         PRON  PRP nsubj     15 O
would      AUX   MD  aux       15 O
help       VERB  VB  ccomp     12 O
.          PUNCT .   punct     12 O
"""


def test_attribution_subject__role_phrase__fires():
    """'The Hartwell and Dunmore South MP said': a phrase opened by 'the' and ended by a role word,
    naming no actor, is the person just spoken of."""
    from argmap.nlp.rules.attribution import role_phrase

    ctx = ctx_of(PLACE_MP, (0, 2, "rosa-pell"))
    observe(ctx, None)
    assert role_phrase(ctx, ctx.doc[7]) == "rosa-pell"
    assert SUBJECT.first_named(ctx, ctx.doc[7]) == ("role-phrase", "rosa-pell")


def test_attribution_subject__role_phrase__near_miss():
    """'The Hartwell Council leader said': someone at a body, not the person just named."""
    from argmap.nlp.rules.attribution import role_phrase

    spec = PLACE_MP.replace("and        CCONJ CC  cc        7 O", "Council    PROPN NNP compound  11 O")
    ctx = ctx_of(spec, (0, 2, "rosa-pell"))
    observe(ctx, None)
    assert role_phrase(ctx, ctx.doc[7]) is None


LAW_PROFESSOR = """
Rosa       PROPN NNP compound  1 B-PERSON
Pell       PROPN NNP nsubj     3 I-PERSON
has        AUX   VBZ aux       3 O lemma=have
studied    VERB  VBN ROOT      3 O lemma=study
care       NOUN  NN  dobj      3 O
for        ADP   IN  prep      3 O
years      NOUN  NNS pobj      5 B-DATE lemma=year
.          PUNCT .   punct     3 O
The        DET   DT  det       9 O
law        NOUN  NN  compound  10 O
professor  NOUN  NN  nsubj     11 O
says       VERB  VBZ ROOT      11 O lemma=say
it         PRON  PRP nsubj     13 O
is         AUX   VBZ ccomp     11 O lemma=be
rushed     ADJ   JJ  acomp     13 O
.          PUNCT .   punct     11 O
"""


def test_attribution_subject__role_noun__fires_when_the_determiner_opens_a_longer_phrase():
    """'The law professor says': 'The' goes with 'law' in the parse; still a definite role."""
    ctx = ctx_of(LAW_PROFESSOR, (0, 2, "rosa-pell"))
    observe(ctx, None)
    assert role_noun(ctx, ctx.doc[10]) == "rosa-pell"
    near = ctx_of(LAW_PROFESSOR.replace("The        DET   DT  det       9 O", "A          DET   DT  det       9 O"),
                  (0, 2, "rosa-pell"))
    observe(near, None)
    assert not role_noun(near, near.doc[10])  # 'A law professor says': some professor


def _professors(*roles: tuple[str, str]):
    """The professor Doc, with Rosa Pell just named and other people holding ``roles`` elsewhere."""
    from argmap.nlp.state import REGISTRY, ActorInfo

    doc = parse(PROFESSOR)
    place_actors(doc, (0, 2, "rosa-pell"))
    for key, role in roles:
        doc.user_data[REGISTRY][key] = ActorInfo(key, key.replace("-", " ").title(), "person", role=role).record()
    ctx = attribution_ctx(doc)
    observe(ctx, None)
    return role_noun(ctx, ctx.doc[9])


def test_attribution_subject__role_noun__fires_on_the_one_holder_of_the_role():
    """'The professor says' when the article calls one person 'Professor of law Ivo Lee': Ivo Lee,
    though Rosa Pell was named last."""
    assert _professors(("ivo-lee", "Professor of law")) == "ivo-lee"


def test_attribution_subject__role_noun__near_miss_two_holders_of_the_role():
    """Two professors: the person just spoken of, as before."""
    assert _professors(("ivo-lee", "Professor of law"), ("ada-fenn", "professor")) == "rosa-pell"


IRISHMAN_SAYS = PROFESSOR.replace("professor  NOUN  NN  nsubj     10 O", "Irishman   PROPN NNP nsubj     10 O")


def test_attribution_subject__epithet__fires():
    """'The Irishman says': an epithet (a proper noun to the tagger) is the person just spoken of."""
    ctx = ctx_of(IRISHMAN_SAYS, (0, 2, "rosa-pell"))
    observe(ctx, None)
    assert epithet_subject(ctx, ctx.doc[9]) == "rosa-pell"
    assert SUBJECT.first_named(ctx, ctx.doc[9]) == ("epithet", "rosa-pell")


def test_attribution_subject__epithet__near_miss():
    """'An Irishman says': some Irishman, not the person named before."""
    near = ctx_of(IRISHMAN_SAYS.replace("The        DET   DT  det       9 O", "An         DET   DT  det       9 O"),
                  (0, 2, "rosa-pell"))
    observe(near, None)
    assert not epithet_subject(near, near.doc[9])


FRIEND_SAID = """
I          PRON  PRP  nsubj     1 O
back       VERB  VBP  ROOT      1 O
my         PRON  PRP$ poss      4 O
noble      ADJ   JJ   amod      4 O
friend     NOUN  NN   compound  6 O
Lady       PROPN NNP  compound  6 B-PERSON
Doe        PROPN NNP  dobj      1 I-PERSON
.          PUNCT .    punct     1 O
As         SCONJ IN   mark      12 O
my         PRON  PRP$ poss      11 O
noble      ADJ   JJ   amod      11 O
friend     NOUN  NN   nsubj     12 O
said       VERB  VBD  ROOT      12 O lemma=say
.          PUNCT .    punct     12 O
"""
OTHER_FRIEND_SAID = FRIEND_SAID.replace("noble      ADJ   JJ   amod      11 O", "learned    ADJ   JJ   amod      11 O")


def test_attribution_subject__earlier_title__fires():
    """'As my noble friend said': the person named earlier right after 'my noble friend'."""
    ctx = ctx_of(FRIEND_SAID, (5, 7, "lady-doe"))
    assert earlier_title(ctx, ctx.doc[11]) == "lady-doe"
    assert SUBJECT.first_named(ctx, ctx.doc[11]) == ("earlier-title", "lady-doe")


def test_attribution_subject__earlier_title__near_miss_other_words():
    """'my learned friend' was never written before a name."""
    ctx = ctx_of(OTHER_FRIEND_SAID, (5, 7, "lady-doe"))
    assert earlier_title(ctx, ctx.doc[11]) is None


COLLEAGUE_ROSA = """
Her        PRON  PRP$ poss      1 O
colleague  NOUN  NN   nsubj     6 O
,          PUNCT ,    punct     1 O
Rosa       PROPN NNP  compound  4 B-PERSON
Pell       PROPN NNP  appos     1 I-PERSON
,          PUNCT ,    punct     1 O
adds       VERB  VBZ  ROOT      6 O lemma=add
that       SCONJ IN   mark      11 O
the        DET   DT   det       9 O
plan       NOUN  NN   nsubjpass 11 O
is         AUX   VBZ  auxpass   11 O lemma=be
rushed     VERB  VBN  ccomp     6 O lemma=rush
.          PUNCT .    punct     6 O
"""
COLLEAGUE = """
Her        PRON  PRP$ poss      1 O
colleague  NOUN  NN   nsubj     2 O
adds       VERB  VBZ  ROOT      2 O lemma=add
that       SCONJ IN   mark      7 O
the        DET   DT   det       5 O
plan       NOUN  NN   nsubjpass 7 O
is         AUX   VBZ  auxpass   7 O lemma=be
rushed     VERB  VBN  ccomp     2 O lemma=rush
.          PUNCT .    punct     2 O
"""


def test_attribution_subject__named_in_phrase__fires():
    ctx = ctx_of(COLLEAGUE_ROSA, (3, 5, "rosa-pell"))
    subj = ctx.doc[1]
    assert named_in_phrase(ctx, subj) == "rosa-pell"
    assert SUBJECT.first_named(ctx, subj) == ("named-in-phrase", "rosa-pell")


def test_attribution_subject__named_in_phrase__near_miss():
    ctx = ctx_of(COLLEAGUE)
    assert named_in_phrase(ctx, ctx.doc[1]) is None
    assert resolve_subject(ctx, ctx.doc[1]) is None


COALITION_WHOSE_MEMBERS = """
The        DET   DT   det       1 O
coalition  NOUN  NN   nsubj     10 O
,          PUNCT ,    punct     1 O
whose      DET   WP$  poss      4 O
members    NOUN  NNS  nsubj     5 O lemma=member
include    VERB  VBP  relcl     1 O
charities  NOUN  NNS  dobj      5 O lemma=charity
and        CCONJ CC   cc        6 O
BASW       PROPN NNP  conj      6 O
,          PUNCT ,    punct     1 O
said       VERB  VBD  ROOT      10 O lemma=say
it         PRON  PRP  nsubj     12 O
was        AUX   VBD  ccomp     10 O lemma=be
late       ADJ   JJ   acomp     12 O
.          PUNCT .    punct     10 O
"""


def test_attribution_subject__named_in_phrase__near_miss_a_member_in_a_relative_clause():
    """'The coalition, whose members include charities and BASW, said ...': BASW is in a clause
    about the coalition, not the one speaking; in the subject phrase itself ('The coalition, its
    members, charities and BASW said'), it is."""
    ctx = ctx_of(COALITION_WHOSE_MEMBERS, (8, 9, "basw"))
    assert named_in_phrase(ctx, ctx.doc[1]) is None
    # a clause that says what a noun holds ('the recommendation that BASW sets out a plan') is no
    # more the subject phrase than a relative clause
    content = COALITION_WHOSE_MEMBERS.replace("include    VERB  VBP  relcl", "include    VERB  VBP  acl  ")
    ctx = ctx_of(content, (8, 9, "basw"))
    assert named_in_phrase(ctx, ctx.doc[1]) is None
    joined = COALITION_WHOSE_MEMBERS.replace("include    VERB  VBP  relcl", "include    VERB  VBP  appos")
    ctx = ctx_of(joined, (8, 9, "basw"))
    assert named_in_phrase(ctx, ctx.doc[1]) == "basw"


REVIEW_STATES = """
Review     NOUN  NN  compound  1 O
chair      NOUN  NN  compound  3 O
Rosa       PROPN NNP compound  3 B-PERSON
Pell       PROPN NNP nsubj     4 I-PERSON
published  VERB  VBD ROOT      4 O lemma=publish
the        DET   DT  det       6 O
report     NOUN  NN  dobj      4 O
.          PUNCT .   punct     4 O
The        DET   DT  det       9 O
review     NOUN  NN  nsubj     10 O
states     VERB  VBZ ROOT      10 O lemma=state
that       SCONJ IN  mark      14 O
help       NOUN  NN  nsubjpass 14 O
is         AUX   VBZ auxpass   14 O lemma=be
needed     VERB  VBN ccomp     10 O lemma=need
.          PUNCT .   punct     10 O
"""
A_REVIEW_STATES = REVIEW_STATES.replace("The        DET   DT  det       9 O", "A          DET   DT  det       9 O")


def test_attribution_subject__work_leader__fires():
    ctx = ctx_of(REVIEW_STATES, (2, 4, "rosa-pell"), roles={"rosa-pell": "Review chair"})
    subj = ctx.doc[9]
    assert work_leader(ctx, subj) == "rosa-pell"
    assert SUBJECT.first_named(ctx, subj) == ("work-leader", "rosa-pell")


def test_attribution_subject__work_leader__near_miss():
    """'A review states': some review, not the one the chair leads."""
    ctx = ctx_of(A_REVIEW_STATES, (2, 4, "rosa-pell"), roles={"rosa-pell": "Review chair"})
    assert work_leader(ctx, ctx.doc[9]) is None
    assert resolve_subject(ctx, ctx.doc[9]) is None


CHAIR_THEN_HEARTH_REVIEW = """
Review     NOUN  NN  compound  1 O
chair      NOUN  NN  compound  3 O
Rosa       PROPN NNP compound  3 B-PERSON
Pell       PROPN NNP nsubj     4 I-PERSON
opened     VERB  VBD ROOT      4 O lemma=open
the        DET   DT  det       6 O
hearing    NOUN  NN  dobj      4 O
.          PUNCT .   punct     4 O
The        DET   DT  det       10 O
Hearth     PROPN NNP compound  10 O
Review     PROPN NNP nsubj     11 O
recommends VERB  VBZ ROOT      11 O lemma=recommend
a          DET   DT  det       13 O
duty       NOUN  NN  dobj      11 O
.          PUNCT .   punct     11 O
"""


def test_attribution_subject__work_led__fires():
    """'The Hearth Review recommends': the review's panel speaks through it, and for the person
    the document names as the review's chair when there is one."""
    ctx = ctx_of(CHAIR_THEN_HEARTH_REVIEW, (2, 4, "rosa-pell"), (9, 11, "hearth-panel"),
                 roles={"rosa-pell": "Review chair"})
    subj = ctx.doc[10]
    assert work_led(ctx, subj) == "rosa-pell"
    assert SUBJECT.first_named(ctx, subj) == ("work-led", "rosa-pell")


def test_attribution_subject__work_led__near_miss_no_chair_or_no_work():
    """With no chair named the panel itself speaks; an organisation that speaks through no work is
    not asked about leaders."""
    ctx = ctx_of(CHAIR_THEN_HEARTH_REVIEW, (2, 4, "rosa-pell"), (9, 11, "hearth-panel"))
    assert work_led(ctx, ctx.doc[10]) is None
    assert SUBJECT.first_named(ctx, ctx.doc[10]) == ("mention", "hearth-panel")
    ctx = ctx_of(CHAIR_THEN_HEARTH_REVIEW, (2, 4, "rosa-pell"), (9, 11, "basw"), roles={"rosa-pell": "Review chair"})
    assert work_led(ctx, ctx.doc[10]) is None


CHAIR_THEN_REVIEWS_REPORT = """
Review     NOUN  NN  compound  1 O
chair      NOUN  NN  compound  3 O
Rosa       PROPN NNP compound  3 B-PERSON
Pell       PROPN NNP nsubj     4 I-PERSON
opened     VERB  VBD ROOT      4 O lemma=open
the        DET   DT  det       6 O
hearing    NOUN  NN  dobj      4 O
.          PUNCT .   punct     4 O
The        DET   DT  det       10 O
Hearth     PROPN NNP compound  10 O
Review     PROPN NNP poss      12 O
's         PART  POS case      10 O
report     NOUN  NN  nsubj     13 O
recommends VERB  VBZ ROOT      13 O lemma=recommend
a          DET   DT  det       15 O
duty       NOUN  NN  dobj      13 O
.          PUNCT .   punct     13 O
"""


def test_attribution_subject__work_output__fires():
    """'The Hearth Review's report recommends': the report speaks as its review does, here for the
    review's chair."""
    ctx = ctx_of(CHAIR_THEN_REVIEWS_REPORT, (2, 4, "rosa-pell"), (9, 11, "hearth-panel"),
                 roles={"rosa-pell": "Review chair"})
    subj = ctx.doc[12]
    assert work_output(ctx, subj) == "rosa-pell"
    assert SUBJECT.first_named(ctx, subj) == ("work-output", "rosa-pell")


def test_attribution_subject__work_output__near_miss_a_pronoun_owner_or_no_owner():
    """'Its report' is left to the pronoun's rules; 'The report' owned by nobody is not this rule's."""
    ctx = ctx_of(CHAIR_THEN_REVIEWS_REPORT.replace("Hearth     PROPN NNP compound  10 O",
                                                   "big        ADJ   JJ  amod      10 O")
                 .replace("Review     PROPN NNP poss      12 O", "Its        PRON  PRP poss      12 O"),
                 (2, 4, "rosa-pell"), roles={"rosa-pell": "Review chair"})
    assert work_output(ctx, ctx.doc[12]) is None
    ctx = ctx_of(CHAIR_THEN_REVIEWS_REPORT.replace("Review     PROPN NNP poss      12 O",
                                                   "Review     PROPN NNP compound  12 O"),
                 (2, 4, "rosa-pell"), (9, 11, "hearth-panel"), roles={"rosa-pell": "Review chair"})
    assert work_output(ctx, ctx.doc[12]) is None


REVIEW_LED_BY = """
The        DET   DT  det       1 O
review     NOUN  NN  nsubj     7 O
,          PUNCT ,   punct     1 O
led        VERB  VBN acl       1 O lemma=lead
by         ADP   IN  agent     3 O
Rosa       PROPN NNP compound  6 B-PERSON
Pell       PROPN NNP pobj      4 I-PERSON
said       VERB  VBD ROOT      7 O lemma=say
no         INTJ  UH  ccomp     7 O
.          PUNCT .   punct     7 O
"""
REVIEW_READ_BY = REVIEW_LED_BY.replace("led        VERB  VBN acl       1 O lemma=lead", "read       VERB  VBN acl       1 O")


def test_attribution_subject__work_leader__fires_on_a_leader_named_in_the_subject():
    """'The review, led by Rosa Pell, said': the person named as its leader."""
    ctx = ctx_of(REVIEW_LED_BY, (5, 7, "rosa-pell"))
    assert work_leader(ctx, ctx.doc[1]) == "rosa-pell"


def test_attribution_subject__work_leader__near_miss_a_reader_named_in_the_subject():
    """'The review, read by Rosa Pell, said': a reader does not speak for the review."""
    ctx = ctx_of(REVIEW_READ_BY, (5, 7, "rosa-pell"))
    assert work_leader(ctx, ctx.doc[1]) is None


# "Trusts could fail, according to a new report from Hearthwell. The report said ..."
REPORT_FROM_THEN_THE_REPORT = """
Trusts     NOUN  NNS nsubj     2 O lemma=trust
could      AUX   MD  aux       2 O
fail       VERB  VB  ROOT      2 O
,          PUNCT ,   punct     2 O
according  VERB  VBG prep      2 O
to         ADP   IN  prep      4 O
a          DET   DT  det       9 O
new        ADJ   JJ  amod      9 O
report     NOUN  NN  pobj      5 O
from       ADP   IN  prep      8 O
Hearthwell PROPN NNP pobj      9 B-ORG
.          PUNCT .   punct     2 O
The        DET   DT  det       13 O
report     NOUN  NN  nsubj     14 O
said       VERB  VBD ROOT      14 O lemma=say
trusts     NOUN  NNS nsubj     16 O lemma=trust
fail       VERB  VBP ccomp     14 O
.          PUNCT .   punct     14 O
"""
REPORT_ON_THEN_THE_REPORT = REPORT_FROM_THEN_THE_REPORT.replace("from       ADP   IN  prep      8 O",
                                                                "on         ADP   IN  prep      8 O")


def test_attribution_subject__work_leader__fires_on_whom_a_report_came_from():
    """'according to a new report from Hearthwell. The report said ...': the report is Hearthwell's."""
    from argmap.nlp.rules.attribution import note_sources

    ctx = ctx_of(REPORT_FROM_THEN_THE_REPORT, (10, 11, "hearthwell", ORG))
    note_sources(ctx, ctx.sents[0])
    assert work_leader(ctx, ctx.doc[13]) == "hearthwell"


def test_attribution_subject__work_leader__near_miss_a_report_about_someone():
    """'a new report on Hearthwell. The report said ...': a report about Hearthwell is not its word."""
    from argmap.nlp.rules.attribution import note_sources

    ctx = ctx_of(REPORT_ON_THEN_THE_REPORT, (10, 11, "hearthwell", ORG))
    note_sources(ctx, ctx.sents[0])
    assert work_leader(ctx, ctx.doc[13]) is None


THE_UNION = """
The      DET   DT   det      2 O
Carers   PROPN NNPS compound 2 B-ORG
Union    PROPN NNP  nsubj    3 I-ORG
welcomed VERB  VBD  ROOT     3 O lemma=welcome
the      DET   DT   det      5 O
plan     NOUN  NN   dobj     3 O
.        PUNCT .    punct    3 O
The      DET   DT   det      8 O
union    NOUN  NN   nsubj    9 O
said     VERB  VBD  ROOT     9 O lemma=say
it       PRON  PRP  nsubj    11 O
was      AUX   VBD  ccomp    9 O lemma=be
overdue  ADJ   JJ   acomp    11 O
.        PUNCT .    punct    9 O
"""
UNIONS = """
The      DET   DT   det      2 O
Carers   PROPN NNPS compound 2 B-ORG
Union    PROPN NNP  nsubj    3 I-ORG
welcomed VERB  VBD  ROOT     3 O lemma=welcome
the      DET   DT   det      5 O
plan     NOUN  NN   dobj     3 O
.        PUNCT .    punct    3 O
Unions   NOUN  NNS  nsubj    8 O lemma=union
said     VERB  VBD  ROOT     8 O lemma=say
it       PRON  PRP  nsubj    10 O
was      AUX   VBD  ccomp    8 O lemma=be
overdue  ADJ   JJ   acomp    10 O
.        PUNCT .    punct    8 O
"""


def test_attribution_subject__organisation_noun__fires():
    ctx = ctx_of(THE_UNION, (1, 3, "carers-union", ORG))
    observe(ctx, "carers-union")
    subj = ctx.doc[8]
    assert organisation_noun(ctx, subj) == "carers-union"
    assert SUBJECT.first_named(ctx, subj) == ("organisation-noun", "carers-union")


def test_attribution_subject__organisation_noun__near_miss():
    """'Unions said': unions in general, not the one just named."""
    ctx = ctx_of(UNIONS, (1, 3, "carers-union", ORG))
    observe(ctx, "carers-union")
    assert organisation_noun(ctx, ctx.doc[7]) is None
    assert resolve_subject(ctx, ctx.doc[7]) is None


THE_COMMITTEE = """
The       DET   DT   det      2 O
Hartwell  PROPN NNP  compound 2 B-ORG
Committee PROPN NNP  nsubj    3 I-ORG
met       VERB  VBD  ROOT     3 O lemma=meet
.         PUNCT .    punct    3 O
The       DET   DT   det      6 O
Committee PROPN NNP  nsubj    7 O
said      VERB  VBD  ROOT     7 O lemma=say
it        PRON  PRP  nsubj    9 O
was       AUX   VBD  ccomp    7 O lemma=be
overdue   ADJ   JJ   acomp    9 O
.         PUNCT .    punct    7 O
"""


def test_attribution_subject__organisation_noun__a_capitalised_organisation_word():
    """'The Committee said', capitalised and tagged as a proper noun, is the committee just named;
    a capitalised word that is no organisation word ('The Minister') is not this rule's."""
    ctx = ctx_of(THE_COMMITTEE, (1, 3, "hartwell-committee", ORG))
    observe(ctx, "hartwell-committee")
    assert organisation_noun(ctx, ctx.doc[6]) == "hartwell-committee"
    near = ctx_of(THE_COMMITTEE.replace("Committee PROPN NNP  nsubj    7 O", "Minister  PROPN NNP  nsubj    7 O"),
                  (1, 3, "hartwell-committee", ORG))
    observe(near, "hartwell-committee")
    assert organisation_noun(near, near.doc[6]) is None


UNION_TOLD_GOVERNMENT = """
The      DET   DT   det      2 O
Carers   PROPN NNPS compound 2 B-ORG
Union    PROPN NNP  nsubj    3 I-ORG
told     VERB  VBD  ROOT     3 O lemma=tell
the      DET   DT   det      5 O
Government PROPN NNP dobj    3 B-ORG
it       PRON  PRP  nsubj    7 O
was      AUX   VBD  ccomp    3 O lemma=be
overdue  ADJ   JJ   acomp    7 O
.        PUNCT .    punct    3 O
The      DET   DT   det      11 O
charity  NOUN  NN   nsubj    12 O
said     VERB  VBD  ROOT     12 O lemma=say
it       PRON  PRP  nsubj    14 O
was      AUX   VBD  ccomp    12 O lemma=be
late     ADJ   JJ   acomp    14 O
.        PUNCT .    punct    12 O
"""


def test_attribution_subject__organisation_noun__a_word_for_any_organisation_is_the_one_that_just_spoke():
    """'The Carers Union told the Government it was overdue. The charity said ...': the charity is
    the union that spoke, not the government its sentence named last."""
    ctx = ctx_of(UNION_TOLD_GOVERNMENT, (1, 3, "carers-union", ORG), (5, 6, "uk-government", ORG))
    observe(ctx, "carers-union")
    assert organisation_noun(ctx, ctx.doc[11]) == "carers-union"


def test_attribution_subject__organisation_noun__near_miss_nobody_spoke_just_before():
    """With nobody speaking in the sentence before, 'the charity' is still the organisation named last."""
    ctx = ctx_of(UNION_TOLD_GOVERNMENT, (1, 3, "carers-union", ORG), (5, 6, "uk-government", ORG))
    observe(ctx, None)
    assert organisation_noun(ctx, ctx.doc[11]) == "uk-government"


JANE_THEN_GOVERNMENT = """
Jane       PROPN NNP compound 1 B-PERSON
Doe        PROPN NNP nsubj    2 I-PERSON
said       VERB  VBD ROOT     2 O lemma=say
it         PRON  PRP nsubj    4 O
was        AUX   VBD ccomp    2 O lemma=be
late       ADJ   JJ  acomp    4 O
.          PUNCT .   punct    2 O
The        DET   DT  det      8 O
government NOUN  NN  nsubj    9 O
accepted   VERB  VBD ROOT     9 O lemma=accept
it         PRON  PRP dobj     9 O
.          PUNCT .   punct    9 O
"""


def test_recency__he_after_an_organisations_act_is_the_person_who_spoke_before_it():
    """'Jane Doe said ... The government accepted it. "...", he warned': he is Jane Doe."""
    ctx = ctx_of(JANE_THEN_GOVERNMENT, (0, 2, "jane-doe"), (8, 9, "uk-government", ORG))
    observe(ctx, "jane-doe", "uk-government")
    assert ctx.recent.person("he") == "jane-doe"


def test_recency__near_miss_a_person_only_named_before_the_organisation():
    """Jane Doe named but not speaking: 'he' after the government's statement is still its voice."""
    ctx = ctx_of(JANE_THEN_GOVERNMENT, (0, 2, "jane-doe"), (8, 9, "uk-government", ORG))
    observe(ctx, None, "uk-government")
    assert ctx.recent.person("he") == "uk-government"


SHE_SAID = """
Rosa    PROPN NNP compound  1 B-PERSON
Pell    PROPN NNP nsubj     2 I-PERSON
chairs  VERB  VBZ ROOT      2 O lemma=chair
the     DET   DT  det       4 O
forum   NOUN  NN  dobj      2 O
.       PUNCT .   punct     2 O
She     PRON  PRP nsubj     7 O
said    VERB  VBD ROOT      7 O lemma=say
the     DET   DT  det       9 O
plan    NOUN  NN  nsubjpass 11 O
was     AUX   VBD auxpass   11 O lemma=be
rushed  VERB  VBN ccomp     7 O lemma=rush
.       PUNCT .   punct     7 O
"""
NOBODY_NAMED = """
The     DET   DT  det       1 O
forum   NOUN  NN  nsubj     2 O
met     VERB  VBD ROOT      2 O lemma=meet
on      ADP   IN  prep      2 O
Monday  PROPN NNP pobj      3 B-DATE
.       PUNCT .   punct     2 O
She     PRON  PRP nsubj     7 O
said    VERB  VBD ROOT      7 O lemma=say
the     DET   DT  det       9 O
plan    NOUN  NN  nsubjpass 11 O
was     AUX   VBD auxpass   11 O lemma=be
rushed  VERB  VBN ccomp     7 O lemma=rush
.       PUNCT .   punct     7 O
"""


def test_attribution_subject__personal_pronoun__fires():
    ctx = ctx_of(SHE_SAID, (0, 2, "rosa-pell"))
    observe(ctx, None)
    subj = ctx.doc[6]
    assert personal_pronoun(ctx, subj) == "rosa-pell"
    assert SUBJECT.first_named(ctx, subj) == ("personal-pronoun", "rosa-pell")


def test_attribution_subject__personal_pronoun__near_miss():
    """Nobody named before: 'she' is nobody the document knows."""
    ctx = ctx_of(NOBODY_NAMED)
    observe(ctx, None)
    assert not personal_pronoun(ctx, ctx.doc[6])
    assert resolve_subject(ctx, ctx.doc[6]) is None


# "BASW spoke. We thank kinship carers. Today they transform lives." / "... We thank the councils. ..."
THEY_AFTER_PEOPLE = """
BASW       PROPN NNP nsubj     1 B-ORG
spoke      VERB  VBD ROOT      1 O lemma=speak
.          PUNCT .   punct     1 O
We         PRON  PRP nsubj     4 O
thank      VERB  VBP ROOT      4 O
kinship    NOUN  NN  compound  6 O
carers     NOUN  NNS dobj      4 O lemma=carer
.          PUNCT .   punct     4 O
Today      NOUN  NN  npadvmod  10 O
they       PRON  PRP nsubj     10 O
transform  VERB  VBP ROOT      10 O
lives      NOUN  NNS dobj      10 O lemma=life
.          PUNCT .   punct     10 O
"""


def test_attribution_subject__personal_pronoun__near_miss_they_after_people():
    """'We thank kinship carers. Today they transform lives.': 'they' are the carers, not the
    organisation that spoke before; after 'We thank BASW members' (an organisation named) it may be BASW."""
    ctx = ctx_of(THEY_AFTER_PEOPLE, (0, 1, "basw"))
    observe(ctx, "basw", None)
    assert personal_pronoun(ctx, ctx.doc[9]) is None
    ctx = ctx_of(THEY_AFTER_PEOPLE.replace("kinship    NOUN  NN  compound  6 O", "BASW       PROPN NNP compound  6 B-ORG"),
                 (0, 1, "basw"), (5, 6, "basw"))
    observe(ctx, "basw", None)
    assert personal_pronoun(ctx, ctx.doc[9]) == "basw"


# "BASW spoke. Both councils have said they want new homes."
COUNCILS_SAID_THEY = """
BASW       PROPN NNP nsubj     1 B-ORG
spoke      VERB  VBD ROOT      1 O lemma=speak
.          PUNCT .   punct     1 O
Both       DET   DT  det       4 O
councils   NOUN  NNS nsubj     6 O lemma=council
have       AUX   VBP aux       6 O
said       VERB  VBN ROOT      6 O lemma=say
they       PRON  PRP nsubj     8 O
want       VERB  VBP ccomp     6 O
new        ADJ   JJ  amod      10 O
homes      NOUN  NNS dobj      8 O lemma=home
.          PUNCT .   punct     6 O
"""


def test_attribution_subject__personal_pronoun__near_miss_they_of_a_group_that_says_it():
    """'Both councils have said they want new homes': 'they' are the councils, whom no actor names,
    not the organisation that spoke before; after 'The council has said it wants ...' (singular
    noun, plural pronoun) the organisation just speaking may be meant."""
    ctx = ctx_of(COUNCILS_SAID_THEY, (0, 1, "basw"))
    observe(ctx, "basw")
    assert personal_pronoun(ctx, ctx.doc[7]) is None
    assert resolve_subject(ctx, ctx.doc[7]) is None
    single = COUNCILS_SAID_THEY.replace("councils   NOUN  NNS nsubj     6 O lemma=council",
                                        "council    NOUN  NN  nsubj     6 O lemma=council")
    ctx = ctx_of(single, (0, 1, "basw"))
    observe(ctx, "basw")
    assert personal_pronoun(ctx, ctx.doc[7]) == "basw"


QUOTED_NAME = """
Rosa     PROPN NNP compound  1 B-PERSON
Pell     PROPN NNP nsubj     2 I-PERSON
spoke    VERB  VBD ROOT      2 O lemma=speak
.        PUNCT .   punct     2 O
“        PUNCT ``  punct     7 O
Tom      PROPN NNP compound  6 B-PERSON
Lane     PROPN NNP nsubj     7 I-PERSON
founded  VERB  VBD ccomp     11 O lemma=found
it       PRON  PRP dobj      7 O
,        PUNCT ,   punct     11 O
”        PUNCT ''  punct     11 O
she      PRON  PRP nsubj     11 O
added    VERB  VBD ROOT      11 O lemma=add
.        PUNCT .   punct     11 O
"""


def test_attribution_subject__personal_pronoun__near_miss_a_name_inside_the_quotation():
    """'"Tom Lane founded it," she added': a name inside the quotation is not who 'she' is."""
    ctx = ctx_of(QUOTED_NAME, (0, 2, "rosa-pell"), (5, 7, "tom-lane"))
    observe(ctx, "rosa-pell")
    assert personal_pronoun(ctx, ctx.doc[11]) == "rosa-pell"


COUNCIL_WITH_PERSON = """
The      DET   DT  det      1 O
council  NOUN  NN  nsubj    2 O
heard    VERB  VBD ROOT     2 O lemma=hear
from     ADP   IN  prep     2 O
Rosa     PROPN NNP compound 5 B-PERSON
Pell     PROPN NNP pobj     3 I-PERSON
.        PUNCT .   punct    2 O
He       PRON  PRP nsubj    8 O
said     VERB  VBD ROOT     8 O lemma=say
no       INTJ  UH  ccomp    8 O
.        PUNCT .   punct    8 O
"""
COUNCIL_ALONE = COUNCIL_WITH_PERSON.replace("Rosa     PROPN NNP compound 5 B-PERSON", "the      DET   DT  det      5 O") \
    .replace("Pell     PROPN NNP pobj     3 I-PERSON", "press    NOUN  NN  pobj     3 O")


def test_attribution_subject__personal_pronoun__fires_on_a_person_named_where_an_organisation_spoke():
    """'The council heard from Rosa Pell. He said ...': 'he' is the person named, not the council speaking."""
    ctx = ctx_of(COUNCIL_WITH_PERSON, (0, 2, "northfold-council", ORG), (4, 6, "rosa-pell"))
    observe(ctx, "northfold-council")
    assert personal_pronoun(ctx, ctx.doc[7]) == "rosa-pell"


def test_attribution_subject__personal_pronoun__near_miss_no_person_named():
    """With no person named, a writer's 'he' after an organisation's statement is the organisation's voice."""
    ctx = ctx_of(COUNCIL_ALONE, (0, 2, "northfold-council", ORG))
    observe(ctx, "northfold-council")
    assert personal_pronoun(ctx, ctx.doc[7]) == "northfold-council"


# "BASW spoke. The powers were rushed. They threaten the plan."
POWERS_THEN_THEY = """
BASW     PROPN NNP nsubj     1 B-ORG
spoke    VERB  VBD ROOT      1 O lemma=speak
.        PUNCT .   punct     1 O
The      DET   DT  det       4 O
powers   NOUN  NNS nsubjpass 6 O lemma=power
were     AUX   VBD auxpass   6 O lemma=be
rushed   VERB  VBN ROOT      6 O lemma=rush
.        PUNCT .   punct     6 O
They     PRON  PRP nsubj     9 O
threaten VERB  VBP ROOT      9 O
the      DET   DT  det       11 O
plan     NOUN  NN  dobj      9 O
.        PUNCT .   punct     9 O
"""
# the same with "The evidence was rushed. It threatens ...": a statement speaks for its owner
EVIDENCE_THEN_IT = POWERS_THEN_THEY.replace("powers   NOUN  NNS nsubjpass 6 O lemma=power",
                                            "evidence NOUN  NN  nsubjpass 6 O") \
    .replace("were     AUX   VBD auxpass   6 O lemma=be", "was      AUX   VBD auxpass   6 O lemma=be") \
    .replace("They     PRON  PRP nsubj     9 O", "It       PRON  PRP nsubj     9 O")


def test_attribution_subject__personal_pronoun__near_miss_they_after_a_thing_of_their_number():
    """'The powers were rushed. They threaten the plan.': 'they' stands for the powers, so the
    pronoun names no organisation (the sentence is left to the other attribution rules)."""
    ctx = ctx_of(POWERS_THEN_THEY, (0, 1, "basw", ORG))
    observe(ctx, "basw")
    assert personal_pronoun(ctx, ctx.doc[8]) is None


def test_attribution_subject__personal_pronoun__fires_on_it_after_a_statement():
    """'The evidence was rushed. It threatens ...': a statement speaks for its owner, so 'it' is
    still the organisation just speaking."""
    ctx = ctx_of(EVIDENCE_THEN_IT, (0, 1, "basw", ORG))
    observe(ctx, "basw")
    assert personal_pronoun(ctx, ctx.doc[8]) == "basw"


SO_IT_CAN = """
BASW     PROPN NNP nsubj    1 B-ORG
spoke    VERB  VBD ROOT     1 O lemma=speak
.        PUNCT .   punct    1 O
The      DET   DT  det      4 O
council  NOUN  NN  nsubj    5 O
set      VERB  VBD ROOT     5 O
out      ADP   RP  prt      5 O
a        DET   DT  det      8 O
plan     NOUN  NN  dobj     5 O
so       SCONJ IN  mark     12 O
it       PRON  PRP nsubj    12 O
can      AUX   MD  aux      12 O
act      VERB  VB  advcl    5 O
.        PUNCT .   punct    5 O
"""


def test_attribution_subject__personal_pronoun__fires_on_the_subject_before_it():
    """'The council set out a plan so it can act': 'it' is the council, not the organisation last heard."""
    ctx = ctx_of(SO_IT_CAN, (0, 1, "basw"), (3, 5, "northfold-council", ORG))
    observe(ctx, "basw")
    assert personal_pronoun(ctx, ctx.doc[10]) == "northfold-council"


def test_attribution_subject__personal_pronoun__near_miss_no_subject_before_it():
    """With no organisation as subject earlier in the sentence, 'it' is the organisation last heard."""
    ctx = ctx_of(SO_IT_CAN, (0, 1, "basw"))
    observe(ctx, "basw")
    assert personal_pronoun(ctx, ctx.doc[10]) == "basw"


THEIR_STATEMENT = """
BASW       PROPN NNP  nsubj     1 B-ORG
responded  VERB  VBD  ROOT      1 O lemma=respond
quickly    ADV   RB   advmod    1 O
.          PUNCT .    punct     1 O
Their      PRON  PRP$ poss      5 O
statement  NOUN  NN   nsubj     6 O
states     VERB  VBZ  ROOT      6 O lemma=state
that       SCONJ IN   mark      11 O
the        DET   DT   det       9 O
plan       NOUN  NN   nsubjpass 11 O
is         AUX   VBZ  auxpass   11 O lemma=be
rushed     VERB  VBN  ccomp     6 O lemma=rush
.          PUNCT .    punct     6 O
"""
THE_STATEMENT = THEIR_STATEMENT.replace("Their      PRON  PRP$ poss      5 O", "The        DET   DT   det       5 O")


PAPER_PUBLISHED_BY = """
A          DET   DT  det       1 O
paper      NOUN  NN  nsubj     5 O
published  VERB  VBN acl       1 O lemma=publish
by         ADP   IN  agent     2 O
BASW       PROPN NNP pobj      3 B-ORG
states     VERB  VBZ ROOT      5 O lemma=state
that       SCONJ IN  mark      8 O
help       NOUN  NN  nsubj     8 O
is         AUX   VBZ ccomp     5 O lemma=be
late       ADJ   JJ  acomp     8 O
.          PUNCT .   punct     5 O
"""


def test_attribution_subject__published_by__fires():
    """'A paper published by BASW states that help is late': the one who put the paper out says it."""
    ctx = ctx_of(PAPER_PUBLISHED_BY, (4, 5, "basw"))
    assert SUBJECT.first_named(ctx, ctx.doc[1]) == ("published-by", "basw")


def test_attribution_subject__published_by__near_miss():
    """'A paper read by BASW states ...': BASW read it, someone else wrote it."""
    from argmap.nlp.rules.attribution import published_by

    spec = PAPER_PUBLISHED_BY.replace("published  VERB  VBN acl       1 O lemma=publish", "read       VERB  VBN acl       1 O")
    ctx = ctx_of(spec, (4, 5, "basw"))
    assert published_by(ctx, ctx.doc[1]) is None
    assert resolve_subject(ctx, ctx.doc[1]) != "basw"


def test_attribution_subject__statement_owner__fires():
    ctx = ctx_of(THEIR_STATEMENT, (0, 1, "basw"))
    observe(ctx, "basw")
    subj = ctx.doc[5]
    assert statement_owner(ctx, subj) == "basw"
    assert SUBJECT.first_named(ctx, subj) == ("statement-owner", "basw")


def test_attribution_subject__statement_owner__near_miss():
    ctx = ctx_of(THE_STATEMENT, (0, 1, "basw"))
    observe(ctx, "basw")
    assert statement_owner(ctx, ctx.doc[5]) is None
    assert resolve_subject(ctx, ctx.doc[5]) is None


# ---------------------------------------------------------------- attribution.ownership
ANNOUNCED_VISION = """
The         DET   DT   det   1 O
government  NOUN  NN   nsubj 2 O
announced   VERB  VBD  ROOT  2 O lemma=announce
its         PRON  PRP$ poss  4 O
vision      NOUN  NN   dobj  2 O
for         ADP   IN   prep  4 O
reform      NOUN  NN   pobj  5 O
.           PUNCT .    punct 2 O
"""
DISCUSSED_VISION = ANNOUNCED_VISION.replace("announced   VERB  VBD  ROOT  2 O lemma=announce",
                                            "discussed   VERB  VBD  ROOT  2 O lemma=discuss")


def test_attribution_ownership__published__fires():
    ctx = ctx_of(ANNOUNCED_VISION)
    assert published(ctx, ctx.doc[4]) == "vision"
    note_ownership(ctx, ctx.sents[0], "government")
    assert ctx.owners == {"vision": "government"}


def test_attribution_ownership__published__near_miss():
    ctx = ctx_of(DISCUSSED_VISION)
    assert published(ctx, ctx.doc[4]) is None
    note_ownership(ctx, ctx.sents[0], "government")
    assert ctx.owners == {}


IN_A_REPORT = """
The        DET   DT  det       1 O
committee  NOUN  NN  nsubj     2 O
says       VERB  VBZ ROOT      2 O lemma=say
in         ADP   IN  prep      2 O
a          DET   DT  det       5 O
report     NOUN  NN  pobj      3 O
that       SCONJ IN  mark      10 O
the        DET   DT  det       8 O
plan       NOUN  NN  nsubjpass 10 O
is         AUX   VBZ auxpass   10 O lemma=be
rushed     VERB  VBN ccomp     2 O lemma=rush
.          PUNCT .   punct     2 O
"""
IN_THE_REPORT = IN_A_REPORT.replace("a          DET   DT  det       5 O", "the        DET   DT  det       5 O")


def test_attribution_ownership__says_in_a_report__fires():
    ctx = ctx_of(IN_A_REPORT)
    assert says_in_report(ctx, ctx.doc[5]) == "report"
    note_ownership(ctx, ctx.sents[0], "committee")
    assert ctx.owners == {"report": "committee"}


def test_attribution_ownership__says_in_a_report__near_miss():
    """'in the report': somebody else's report, already known."""
    ctx = ctx_of(IN_THE_REPORT)
    assert says_in_report(ctx, ctx.doc[5]) is None
    note_ownership(ctx, ctx.sents[0], "committee")
    assert ctx.owners == {}


RESPONDED_ON_REFORMS = """
The         DET   DT   det      1 O
department  NOUN  NN   nsubj    3 O
has         AUX   VBZ  aux      3 O lemma=have
responded   VERB  VBN  ROOT     3 O lemma=respond
to          ADP   IN   prep     3 O
feedback    NOUN  NN   pobj     4 O
on          ADP   IN   prep     5 O
its         PRON  PRP$ poss     9 O
proposed    VERB  VBN  amod     9 O lemma=propose
reforms     NOUN  NNS  pobj     6 O lemma=reform
.           PUNCT .    punct    3 O
"""


def test_attribution_ownership__own_possessive__fires():
    """'The department has responded to feedback on its proposed reforms': the department's reforms."""
    from argmap.nlp.rules.attribution import own_possessive

    ctx = ctx_of(RESPONDED_ON_REFORMS, (0, 2, "dfe"))
    assert own_possessive(ctx, ctx.doc[9]) == "reform"
    note_ownership(ctx, ctx.sents[0], "dfe")
    assert ctx.owners == {"reform": "dfe"}


def test_attribution_ownership__own_possessive__near_miss_a_person_or_nobody_named_before():
    """'Iris Vane has responded to feedback on her proposed reforms' is a person's view; with no
    organisation named before 'its', whose reforms they are is not known."""
    from argmap.nlp.rules.attribution import own_possessive

    person = RESPONDED_ON_REFORMS.replace("The         DET   DT   det      1 O", "Iris        PROPN NNP  compound 1 B-PERSON") \
        .replace("department  NOUN  NN   nsubj    3 O", "Vane        PROPN NNP  nsubj    3 I-PERSON") \
        .replace("its         PRON  PRP$ poss     9 O", "her         PRON  PRP$ poss     9 O")
    ctx = ctx_of(person, (0, 2, "iris-vane"))
    assert own_possessive(ctx, ctx.doc[9]) is None
    ctx = ctx_of(RESPONDED_ON_REFORMS)
    assert own_possessive(ctx, ctx.doc[9]) is None
    note_ownership(ctx, ctx.sents[0], "dfe")
    assert ctx.owners == {}



def test_attribution_ownership__own_possessive__near_miss_beside_our():
    """'The department has responded to our feedback on its proposed reforms': whoever says 'our'
    is the department's other party; 'its' is not said of the speaker."""
    from argmap.nlp.rules.attribution import own_possessive

    spec = """
The         DET   DT   det      1 O
department  NOUN  NN   nsubj    3 O
has         AUX   VBZ  aux      3 O lemma=have
responded   VERB  VBN  ROOT     3 O lemma=respond
to          ADP   IN   prep     3 O
our         PRON  PRP$ poss     6 O
feedback    NOUN  NN   pobj     4 O
on          ADP   IN   prep     6 O
its         PRON  PRP$ poss     10 O
proposed    VERB  VBN  amod     10 O lemma=propose
reforms     NOUN  NNS  pobj     7 O lemma=reform
.           PUNCT .    punct    3 O
"""
    ctx = ctx_of(spec, (0, 2, "dfe"))
    assert own_possessive(ctx, ctx.doc[10]) is None


# ---------------------------------------------------------------- attribution.quote-speaker
def quote_speaker(spec: str, *mentions, n: int = 0, **speakers):
    """(the context, the n-th quotation) with the given units' speakers."""
    ctx = ctx_of(spec, *mentions)
    units = units_of(ctx, **speakers)
    return ctx, quotation(ctx, units, n)


SAID_AFTER_TWO = """
“        PUNCT `` punct     4 O lemma="
The      DET   DT  det       2 O
plan     NOUN  NN  nsubjpass 4 O
is       AUX   VBZ auxpass   4 O lemma=be
rushed   VERB  VBN ROOT      4 O lemma=rush
.        PUNCT .   punct     4 O
It       PRON  PRP nsubj     7 O
has      VERB  VBZ ccomp     14 O lemma=have
no       DET   DT  det       9 O
money    NOUN  NN  dobj      7 O
behind   ADP   IN  prep      9 O
it       PRON  PRP pobj      10 O
,        PUNCT ,   punct     14 O
”        PUNCT ''  punct     14 O lemma="
said     VERB  VBD ROOT      14 O lemma=say
Rosa     PROPN NNP compound  16 B-PERSON
Pell     PROPN NNP nsubj     14 I-PERSON
.        PUNCT .   punct     14 O
"""
UNSAID_TWO = """
“        PUNCT `` punct     4 O lemma="
The      DET   DT  det       2 O
plan     NOUN  NN  nsubjpass 4 O
is       AUX   VBZ auxpass   4 O lemma=be
rushed   VERB  VBN ROOT      4 O lemma=rush
.        PUNCT .   punct     4 O
It       PRON  PRP nsubj     7 O
has      VERB  VBZ ROOT      7 O lemma=have
no       DET   DT  det       9 O
money    NOUN  NN  dobj      7 O
behind   ADP   IN  prep      9 O
it       PRON  PRP pobj      10 O
at       ADV   RB  advmod    13 O
all      ADV   RB  advmod    7 O
.        PUNCT .   punct     7 O
”        PUNCT ''  punct     7 O lemma="
"""


def test_attribution_quote_speaker__named_inside__fires():
    ctx, q = quote_speaker(SAID_AFTER_TWO, (15, 17, "rosa-pell"), u1=("rosa-pell", "say", "speech-verb"))
    assert len(q.members) == 2
    assert named_inside(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "named-inside"


def test_attribution_quote_speaker__named_inside__near_miss():
    ctx, q = quote_speaker(UNSAID_TWO)
    assert named_inside(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


COLON_LINE = """
Rosa     PROPN NNP compound  1 B-PERSON
Pell     PROPN NNP nsubj     2 I-PERSON
said     VERB  VBD ROOT      2 O lemma=say
:        PUNCT :   punct     2 O
\\n      SPACE _SP dep       3 O
“        PUNCT `` punct     9 O lemma="
The      DET   DT  det       7 O
plan     NOUN  NN  nsubjpass 9 O
is       AUX   VBZ auxpass   9 O lemma=be
rushed   VERB  VBN ROOT      9 O lemma=rush
and      CCONJ CC  cc        9 O
has      VERB  VBZ conj      9 O lemma=have
no       DET   DT  det       13 O
money    NOUN  NN  dobj      11 O
behind   ADP   IN  prep      13 O
it       PRON  PRP pobj      14 O
.        PUNCT .   punct     9 O
”        PUNCT ''  punct     9 O lemma="
"""
SAID_SO_LINE = """
Rosa     PROPN NNP compound  1 B-PERSON
Pell     PROPN NNP nsubj     2 I-PERSON
said     VERB  VBD ROOT      2 O lemma=say
so       ADV   RB  advmod    2 O
.        PUNCT .   punct     2 O
\\n      SPACE _SP dep       4 O
“        PUNCT `` punct     10 O lemma="
The      DET   DT  det       8 O
plan     NOUN  NN  nsubjpass 10 O
is       AUX   VBZ auxpass   10 O lemma=be
rushed   VERB  VBN ROOT      10 O lemma=rush
and      CCONJ CC  cc        10 O
has      VERB  VBZ conj      10 O lemma=have
no       DET   DT  det       14 O
money    NOUN  NN  dobj      12 O
behind   ADP   IN  prep      14 O
it       PRON  PRP pobj      15 O
.        PUNCT .   punct     10 O
”        PUNCT ''  punct     10 O lemma="
"""


def test_attribution_quote_speaker__introduced_by_colon_line__fires():
    ctx, q = quote_speaker(COLON_LINE, (0, 2, "rosa-pell"), u0=("rosa-pell", "say", "speech-verb"))
    assert colon_line_speaker(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "introduced-by-colon-line"


def test_attribution_quote_speaker__introduced_by_colon_line__near_miss():
    """A line that does not end with a colon introduces nothing."""
    ctx, q = quote_speaker(SAID_SO_LINE, (0, 2, "rosa-pell"), u0=("rosa-pell", "say", "speech-verb"))
    assert colon_line_speaker(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


CONTINUED = """
“        PUNCT `` punct     6 O lemma="
It       PRON  PRP nsubjpass 3 O
is       AUX   VBZ auxpass   3 O lemma=be
rushed   VERB  VBN ccomp     6 O lemma=rush
,        PUNCT ,   punct     6 O
”        PUNCT ''  punct     6 O lemma="
said     VERB  VBD ROOT      6 O lemma=say
Rosa     PROPN NNP compound  8 B-PERSON
Pell     PROPN NNP nsubj     6 I-PERSON
.        PUNCT .   punct     6 O
“        PUNCT `` punct     12 O lemma="
There    PRON  EX  expl      12 O
is       VERB  VBZ ROOT      12 O lemma=be
no       DET   DT  det       14 O
money    NOUN  NN  attr      12 O
behind   ADP   IN  prep      14 O
the      DET   DT  det       17 O
plan     NOUN  NN  pobj      15 O
at       ADV   RB  advmod    19 O
all      ADV   RB  advmod    17 O
.        PUNCT .   punct     12 O
”        PUNCT ''  punct     12 O lemma="
"""
CONTINUED_NEXT_LINE = """
“        PUNCT `` punct     6 O lemma="
It       PRON  PRP nsubjpass 3 O
is       AUX   VBZ auxpass   3 O lemma=be
rushed   VERB  VBN ccomp     6 O lemma=rush
,        PUNCT ,   punct     6 O
”        PUNCT ''  punct     6 O lemma="
said     VERB  VBD ROOT      6 O lemma=say
Rosa     PROPN NNP compound  8 B-PERSON
Pell     PROPN NNP nsubj     6 I-PERSON
.        PUNCT .   punct     6 O
\\n      SPACE _SP dep       9 O
“        PUNCT `` punct     13 O lemma="
There    PRON  EX  expl      13 O
is       VERB  VBZ ROOT      13 O lemma=be
no       DET   DT  det       15 O
money    NOUN  NN  attr      13 O
behind   ADP   IN  prep      15 O
the      DET   DT  det       18 O
plan     NOUN  NN  pobj      16 O
at       ADV   RB  advmod    20 O
all      ADV   RB  advmod    18 O
.        PUNCT .   punct     13 O
”        PUNCT ''  punct     13 O lemma="
"""


def test_attribution_quote_speaker__continued__fires():
    ctx, q = quote_speaker(CONTINUED, (7, 9, "rosa-pell"), n=1, u0=("rosa-pell", "say", "speech-verb"))
    assert continued(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "continued"


def test_attribution_quote_speaker__continued__near_miss():
    """A new paragraph is no longer the same quotation (the next-paragraph rule decides it)."""
    ctx, q = quote_speaker(CONTINUED_NEXT_LINE, (7, 9, "rosa-pell"), n=1, u0=("rosa-pell", "say", "speech-verb"))
    assert continued(ctx, q) is None
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] != "continued"


def test_attribution_quote_speaker__next_paragraph__fires():
    """'\u201cA,\u201d said X.' then a paragraph that is a quotation naming no one: X goes on."""
    ctx, q = quote_speaker(CONTINUED_NEXT_LINE, (7, 9, "rosa-pell"), n=1, u0=("rosa-pell", "say", "speech-verb"))
    assert next_paragraph(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "next-paragraph"


SPOKE_NEXT_LINE = """
Rosa     PROPN NNP compound  1 B-PERSON
Pell     PROPN NNP nsubj     2 I-PERSON
spoke    VERB  VBD ROOT      2 O lemma=speak
first    ADV   RB  advmod    2 O
.        PUNCT .   punct     2 O
\\n      SPACE _SP dep       4 O
“        PUNCT `` punct     8 O lemma="
There    PRON  EX  expl      8 O
is       VERB  VBZ ROOT      8 O lemma=be
no       DET   DT  det       10 O
money    NOUN  NN  attr      8 O
behind   ADP   IN  prep      10 O
the      DET   DT  det       13 O
plan     NOUN  NN  pobj      11 O
at       ADV   RB  advmod    15 O
all      ADV   RB  advmod    13 O
.        PUNCT .   punct     8 O
”        PUNCT ''  punct     8 O lemma="
"""


def test_attribution_quote_speaker__next_paragraph__near_miss():
    """The paragraph before quotes no one: its speaker does not take the new quotation."""
    ctx, q = quote_speaker(SPOKE_NEXT_LINE, (0, 2, "rosa-pell"), u0=("rosa-pell", "speak", "speech-verb"))
    assert next_paragraph(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


SPEAKER_LINE = """
“        PUNCT `` punct     4 O lemma="
The      DET   DT  det       2 O
plan     NOUN  NN  nsubjpass 4 O
is       AUX   VBZ auxpass   4 O lemma=be
rushed   VERB  VBN ROOT      4 O lemma=rush
and      CCONJ CC  cc        4 O
has      VERB  VBZ conj      4 O lemma=have
no       DET   DT  det       8 O
money    NOUN  NN  dobj      6 O
.        PUNCT .   punct     4 O
\\n      SPACE _SP dep       9 O
said     VERB  VBD ROOT      11 O lemma=say
Rosa     PROPN NNP compound  13 B-PERSON
Pell     PROPN NNP nsubj     11 I-PERSON
,        PUNCT ,   punct     13 O
chair    NOUN  NN  appos     13 O
.        PUNCT .   punct     11 O
\\n      SPACE _SP dep       16 O
“        PUNCT `` punct     20 O lemma="
We       PRON  PRP nsubj     20 O
oppose   VERB  VBP ROOT      20 O
it       PRON  PRP dobj      20 O
completely ADV RB  advmod    20 O
.        PUNCT .   punct     20 O
”        PUNCT ''  punct     20 O lemma="
"""


def test_attribution_quote_speaker__speaker_line__fires():
    """A quotation paragraph, then 'said Rosa Pell, chair.' alone on its line: hers."""
    from argmap.nlp.rules.attribution import speaker_line
    ctx, q = quote_speaker(SPEAKER_LINE, (12, 14, "rosa-pell"), u1=("rosa-pell", "say", "speech-verb"))
    assert speaker_line(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "speaker-line"


def test_attribution_quote_speaker__speaker_line__fires_for_the_quotation_after_it():
    """The quotation opening the paragraph after the speaker line goes on in her voice."""
    from argmap.nlp.rules.attribution import speaker_line
    ctx, q = quote_speaker(SPEAKER_LINE, (12, 14, "rosa-pell"), n=1, u1=("rosa-pell", "say", "speech-verb"))
    assert speaker_line(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "speaker-line"


def test_attribution_quote_speaker__speaker_line__near_miss_a_line_that_says_more():
    """'Rosa Pell chaired it.' names her but gives no speech: no speaker line."""
    from argmap.nlp.rules.attribution import speaker_line
    spec = SPEAKER_LINE.replace("said     VERB  VBD ROOT      11 O lemma=say", "chaired  VERB  VBD ROOT      11 O lemma=chair")
    ctx, q = quote_speaker(spec, (12, 14, "rosa-pell"), u1=("rosa-pell", "chair", "subject"))
    assert speaker_line(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


AMBASSADOR = """
Tom          PROPN NNP  compound 1 B-PERSON
Reddy        PROPN NNP  nsubj    5 I-PERSON
,            PUNCT ,    punct    1 O
19           NUM   CD   appos    1 B-DATE
,            PUNCT ,    punct    1 O
is           AUX   VBZ  ROOT     5 O lemma=be
one          NUM   CD   attr     5 O
of           ADP   IN   prep     6 O
our          PRON  PRP$ poss     9 O
ambassadors  NOUN  NNS  pobj     7 O lemma=ambassador
.            PUNCT .    punct    5 O
“            PUNCT ``   punct    14 O lemma="
My           PRON  PRP$ poss     13 O
adviser      NOUN  NN   nsubj    14 O
stayed       VERB  VBD  ROOT     14 O lemma=stay
with         ADP   IN   prep     14 O
me           PRON  PRP  pobj     15 O lemma=I
all          DET   PDT  predet   19 O
the          DET   DT   det      19 O
way          NOUN  NN   npadvmod 14 O
.            PUNCT .    punct    14 O
”            PUNCT ''   punct    14 O lemma="
"""
AMBASSADORS_INCLUDE = """
Our          PRON  PRP$ poss     1 O
ambassadors  NOUN  NNS  nsubj    2 O lemma=ambassador
include      VERB  VBP  ROOT     2 O
Tom          PROPN NNP  compound 4 B-PERSON
Reddy        PROPN NNP  dobj     2 I-PERSON
,            PUNCT ,    punct    4 O
19           NUM   CD   appos    4 B-DATE
.            PUNCT .    punct    2 O
“            PUNCT ``   punct    11 O lemma="
My           PRON  PRP$ poss     10 O
adviser      NOUN  NN   nsubj    11 O
stayed       VERB  VBD  ROOT     11 O lemma=stay
with         ADP   IN   prep     11 O
me           PRON  PRP  pobj     12 O lemma=I
all          DET   PDT  predet   16 O
the          DET   DT   det      16 O
way          NOUN  NN   npadvmod 11 O
.            PUNCT .    punct    11 O
”            PUNCT ''   punct    11 O lemma="
"""


def test_attribution_quote_speaker__introduced_person__fires():
    ctx, q = quote_speaker(AMBASSADOR, (0, 2, "tom-reddy"))
    assert introduced_person(ctx, q) == Said("tom-reddy", "quote", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "introduced-person"


def test_attribution_quote_speaker__introduced_person__near_miss():
    """A person named as an object is not introduced as the one who speaks next."""
    ctx, q = quote_speaker(AMBASSADORS_INCLUDE, (3, 5, "tom-reddy"))
    assert introduced_person(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


SHE_SAYS_AFTER = """
“      PUNCT `` punct     4 O lemma="
The    DET   DT  det       2 O
plan   NOUN  NN  nsubjpass 4 O
is     AUX   VBZ auxpass   4 O lemma=be
rushed VERB  VBN ROOT      4 O lemma=rush
and    CCONJ CC  cc        4 O
it     PRON  PRP nsubj     7 O
has    VERB  VBZ conj      4 O lemma=have
no     DET   DT  det       9 O
money  NOUN  NN  dobj      7 O
.      PUNCT .   punct     7 O
”      PUNCT ''  punct     7 O lemma="
That   PRON  DT  nsubj     13 O
is     AUX   VBZ ccomp     21 O lemma=be
how    SCONJ WRB advmod    17 O
Rosa   PROPN NNP compound  16 B-PERSON
Pell   PROPN NNP nsubj     17 I-PERSON
put    VERB  VBD ccomp     13 O
it     PRON  PRP dobj      17 O
,      PUNCT ,   punct     21 O
she    PRON  PRP nsubj     21 O
says   VERB  VBZ ROOT      21 O lemma=say
.      PUNCT .   punct     21 O
"""
BLUNT_BEFORE = """
Critics NOUN  NNS nsubj     1 O lemma=critic
were   AUX   VBD ROOT      1 O lemma=be
blunt  ADJ   JJ  acomp     1 O
.      PUNCT .   punct     1 O
“      PUNCT `` punct     8 O lemma="
The    DET   DT  det       6 O
plan   NOUN  NN  nsubjpass 8 O
is     AUX   VBZ auxpass   8 O lemma=be
rushed VERB  VBN ROOT      8 O lemma=rush
and    CCONJ CC  cc        8 O
it     PRON  PRP nsubj     11 O
has    VERB  VBZ conj      8 O lemma=have
no     DET   DT  det       13 O
money  NOUN  NN  dobj      11 O
.      PUNCT .   punct     11 O
”      PUNCT ''  punct     11 O lemma="
That   PRON  DT  nsubj     17 O
is     AUX   VBZ ccomp     25 O lemma=be
how    SCONJ WRB advmod    21 O
Rosa   PROPN NNP compound  20 B-PERSON
Pell   PROPN NNP nsubj     21 I-PERSON
put    VERB  VBD ccomp     17 O
it     PRON  PRP dobj      21 O
,      PUNCT ,   punct     25 O
she    PRON  PRP nsubj     25 O
says   VERB  VBZ ROOT      25 O lemma=say
.      PUNCT .   punct     25 O
"""


def test_attribution_quote_speaker__speaker_after__fires():
    ctx, q = quote_speaker(SHE_SAYS_AFTER, (15, 17, "rosa-pell"), u1=("rosa-pell", "say", "speech-verb-pronoun"))
    assert speaker_after(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "speaker-after"


def test_attribution_quote_speaker__speaker_after__near_miss():
    """A sentence before the quotation, in its paragraph, introduces it (here: nobody)."""
    ctx, q = quote_speaker(BLUNT_BEFORE, (19, 21, "rosa-pell"), u2=("rosa-pell", "say", "speech-verb-pronoun"))
    assert ctx.doc[4].text == "\u201c" and len(q.before) == 1
    assert speaker_after(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


PUT_IT_COLON = """
Ivo      PROPN NNP compound 1 B-PERSON
Brand    PROPN NNP nsubj    7 I-PERSON
,        PUNCT ,   punct    1 O
a        DET   DT  det      5 O
youth    NOUN  NN  compound 5 O
worker   NOUN  NN  appos    1 O
,        PUNCT ,   punct    1 O
put      VERB  VBD ccomp    14 O
it       PRON  PRP dobj     7 O
plainly  ADV   RB  advmod   7 O
:        PUNCT :   punct    14 O
“        PUNCT `` punct    14 O lemma="
The      DET   DT  det      13 O
plan     NOUN  NN  nsubj    14 O
has      VERB  VBZ ROOT     14 O lemma=have
no       DET   DT  det      16 O
money    NOUN  NN  dobj     14 O
behind   ADP   IN  prep     16 O
it       PRON  PRP pobj     17 O
.        PUNCT .   punct    14 O
”        PUNCT ''  punct    14 O lemma="
"""
PUT_IT_STOP = """
Ivo      PROPN NNP compound 1 B-PERSON
Brand    PROPN NNP nsubj    7 I-PERSON
,        PUNCT ,   punct    1 O
a        DET   DT  det      5 O
youth    NOUN  NN  compound 5 O
worker   NOUN  NN  appos    1 O
,        PUNCT ,   punct    1 O
put      VERB  VBD ROOT     7 O
it       PRON  PRP dobj     7 O
plainly  ADV   RB  advmod   7 O
.        PUNCT .   punct    7 O
“        PUNCT `` punct    14 O lemma="
The      DET   DT  det      13 O
plan     NOUN  NN  nsubj    14 O
has      VERB  VBZ ROOT     14 O lemma=have
no       DET   DT  det      16 O
money    NOUN  NN  dobj     14 O
behind   ADP   IN  prep     16 O
it       PRON  PRP pobj     17 O
.        PUNCT .   punct    14 O
”        PUNCT ''  punct    14 O lemma="
"""


def test_attribution_quote_speaker__colon_in_sentence__fires():
    ctx, q = quote_speaker(PUT_IT_COLON, (0, 2, "ivo-brand"))
    assert colon_in_sentence(ctx, q) == Said("ivo-brand", "quote", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "colon-in-sentence"


def test_attribution_quote_speaker__colon_in_sentence__near_miss():
    """No colon before the quotation: it is a sentence of its own (the person before may still say it)."""
    ctx, q = quote_speaker(PUT_IT_STOP, (0, 2, "ivo-brand"))
    assert colon_in_sentence(ctx, q) is None
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] != "colon-in-sentence"


def _shifted(spec: str, by: int) -> str:
    """A token table with every head moved on by ``by`` (to put sentences before it)."""
    rows = []
    for line in spec.strip().splitlines():
        cols = line.split()
        cols[4] = str(int(cols[4]) + by)
        rows.append(" ".join(cols))
    return "\n".join(rows) + "\n"


WARNED_THEN_PUT_IT = """
Jo     PROPN NNP compound 1 B-PERSON
Bell   PROPN NNP nsubj    2 I-PERSON
warned VERB  VBD ROOT     2 O lemma=warn
.      PUNCT .   punct    2 O
""" + _shifted(PUT_IT_COLON, 4)


def test_attribution_quote_speaker__colon_in_sentence__before_the_sentence_before():
    """The subject before the colon in the quotation's own sentence wins over the speaker of the
    sentence before ('Jo Bell warned. Ivo Brand put it plainly: "..."' is Ivo Brand's)."""
    ctx, q = quote_speaker(WARNED_THEN_PUT_IT, (0, 2, "jo-bell"), (4, 6, "ivo-brand"),
                           u0=("jo-bell", "warn", "speech-verb"))
    assert continued(ctx, q) == Said("jo-bell", "warn", "quote")  # what answered before the reorder
    assert QUOTE_SPEAKER.first_named(ctx, q) == ("colon-in-sentence", Said("ivo-brand", "quote", "quote"))


PUT_IT_COLON_LINE = """
Ivo      PROPN NNP compound 1 B-PERSON
Brand    PROPN NNP nsubj    2 I-PERSON
put      VERB  VBD ROOT     2 O
it       PRON  PRP dobj     2 O
plainly  ADV   RB  advmod   2 O
:        PUNCT :   punct    2 O
\\n      SPACE _SP dep      5 O
“        PUNCT `` punct    10 O lemma="
The      DET   DT  det      9 O
plan     NOUN  NN  nsubj    10 O
has      VERB  VBZ ROOT     10 O lemma=have
no       DET   DT  det      12 O
money    NOUN  NN  dobj     10 O
behind   ADP   IN  prep     12 O
it       PRON  PRP pobj     13 O
.        PUNCT .   punct    10 O
”        PUNCT ''  punct    10 O lemma="
"""
PUT_IT_STOP_LINE = PUT_IT_COLON_LINE.replace(":        PUNCT :   punct", ".        PUNCT .   punct")


def test_attribution_quote_speaker__colon_line_subject__fires():
    ctx, q = quote_speaker(PUT_IT_COLON_LINE, (0, 2, "ivo-brand"))
    assert colon_line_subject(ctx, q) == Said("ivo-brand", "quote", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "colon-line-subject"


def test_attribution_quote_speaker__colon_line_subject__near_miss():
    ctx, q = quote_speaker(PUT_IT_STOP_LINE, (0, 2, "ivo-brand"))
    assert colon_line_subject(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


# ---------------------------------------------------------------- attribution.not-the-authors
WILL_THE_REVIEW = """
Will       AUX   MD   aux   3 O
the        DET   DT   det   2 O
review     NOUN  NN   nsubj 3 O
live       VERB  VB   ROOT  3 O
up         ADP   RP   prt   3 O
to         ADP   IN   prep  3 O
its        PRON  PRP$ poss  7 O
ambitions  NOUN  NNS  pobj  5 O lemma=ambition
?          PUNCT .    punct 3 O
"""
MIGHT = """
Might     AUX   MD  aux   4 O
a         DET   DT  det   3 O
national  ADJ   JJ  amod  3 O
service   NOUN  NN  nsubj 4 O
make      VERB  VB  ROOT  4 O
more      ADJ   JJR amod  6 O
sense     NOUN  NN  dobj  4 O
?         PUNCT .   punct 4 O
"""


def test_attribution_not_the_authors__question__fires():
    ctx = ctx_of(WILL_THE_REVIEW)
    assert plain_question(ctx, ctx.sents[0])
    assert holding(NOT_THE_AUTHORS, ctx, ctx.sents[0]) == ["question"]


def test_attribution_not_the_authors__question__near_miss():
    """'Might a national service make more sense?' puts the writer's view as a question."""
    ctx = ctx_of(MIGHT)
    assert not plain_question(ctx, ctx.sents[0])
    assert holding(NOT_THE_AUTHORS, ctx, ctx.sents[0]) == []


SURVEY_FOUND = """
A          DET   DT  det   1 O
survey     NOUN  NN  nsubj 4 O
in         ADP   IN  prep  1 O
2017       NUM   CD  pobj  2 B-DATE
found      VERB  VBD ROOT  4 O lemma=find
that       SCONJ IN  mark  8 O
caseloads  NOUN  NNS nsubj 8 O lemma=caseload
had        AUX   VBD aux   8 O lemma=have
risen      VERB  VBN ccomp 4 O lemma=rise
.          PUNCT .   punct 4 O
"""
CHARITY_FOUND = """
A          DET   DT  det   1 O
charity    NOUN  NN  nsubj 4 O
in         ADP   IN  prep  1 O
Wessex     PROPN NNP pobj  2 B-GPE
found      VERB  VBD ROOT  4 O lemma=find
that       SCONJ IN  mark  8 O
caseloads  NOUN  NNS nsubj 8 O lemma=caseload
had        AUX   VBD aux   8 O lemma=have
risen      VERB  VBN ccomp 4 O lemma=rise
.          PUNCT .   punct 4 O
"""


def test_attribution_not_the_authors__research__fires():
    ctx = ctx_of(SURVEY_FOUND)
    assert reports_research(ctx, ctx.sents[0])
    assert holding(NOT_THE_AUTHORS, ctx, ctx.sents[0]) == ["research"]


THIS_REPORT_REFLECTS = """
This       DET   DT  det   1 O
report     NOUN  NN  nsubj 2 O
reflects   VERB  VBZ ROOT  2 O lemma=reflect
our        PRON  PRP$ poss 4 O
concerns   NOUN  NNS dobj  2 O lemma=concern
.          PUNCT .   punct 2 O
"""


def test_attribution_not_the_authors__research__near_miss_the_work_responded_to():
    """'This report reflects our concerns': the work the writer responds to, pointed at, is judged in
    the writer's voice; 'This report found ...' still reports a finding, and so does 'The report
    reflects ...'."""
    ctx = ctx_of(THIS_REPORT_REFLECTS)
    assert not reports_research(ctx, ctx.sents[0])
    found = THIS_REPORT_REFLECTS.replace("reflects   VERB  VBZ ROOT  2 O lemma=reflect", "found      VERB  VBD ROOT  2 O lemma=find")
    ctx = ctx_of(found)
    assert reports_research(ctx, ctx.sents[0])
    ctx = ctx_of(THIS_REPORT_REFLECTS.replace("This       DET", "The        DET"))
    assert reports_research(ctx, ctx.sents[0])


DATED_ALLOWANCES = """
The        DET   DT  det    2 O
2023       NUM   CD  nummod 2 B-DATE
allowances NOUN  NNS nsubj  3 O lemma=allowance
are        AUX   VBP ROOT   3 O lemma=be
a          DET   DT  det    6 O
good       ADJ   JJ  amod   6 O
idea       NOUN  NN  attr   3 O
.          PUNCT .   punct  3 O
"""


def test_attribution_not_the_authors__research__near_miss_a_date_is_no_statistic():
    """'The 2023 allowances are a good idea': a date in the subject is no statistic; '75 allowances' is."""
    ctx = ctx_of(DATED_ALLOWANCES)
    assert not reports_research(ctx, ctx.sents[0])
    assert holding(NOT_THE_AUTHORS, ctx, ctx.sents[0]) == []
    ctx = ctx_of(DATED_ALLOWANCES.replace("2023       NUM   CD  nummod 2 B-DATE", "75         NUM   CD  nummod 2 O"))
    assert holding(NOT_THE_AUTHORS, ctx, ctx.sents[0]) == ["research"]


def test_attribution_not_the_authors__research__fires_for_what_a_review_found():
    """'A review in 2016 found that ...' reports a finding (the date in it is no statistic); 'A review
    in 2016 said that ...' is left to the other rules."""
    review = SURVEY_FOUND.replace("survey     NOUN  NN  nsubj 4 O", "review     NOUN  NN  nsubj 4 O")
    ctx = ctx_of(review)
    assert holding(NOT_THE_AUTHORS, ctx, ctx.sents[0]) == ["research"]
    said = review.replace("found      VERB  VBD ROOT  4 O lemma=find", "said       VERB  VBD ROOT  4 O lemma=say")
    ctx = ctx_of(said)
    assert holding(NOT_THE_AUTHORS, ctx, ctx.sents[0]) == []


def test_attribution_not_the_authors__research__near_miss():
    ctx = ctx_of(CHARITY_FOUND)
    assert not reports_research(ctx, ctx.sents[0])
    assert holding(NOT_THE_AUTHORS, ctx, ctx.sents[0]) == []


# ---------------------------------------------------------------- attribution.addressed
def addressing(spec: str, *mentions, at: int):
    """(whether the mention at token ``at`` is addressed, the addressed rules that hold for it)."""
    ctx = ctx_of(spec, *mentions)
    tok = ctx.doc[at]
    return ctx, tok, holding(ADDRESSED, ctx, name_head(ctx, tok))


SHARED_WITH = """
We               PRON  PRP  nsubj    1 O
shared           VERB  VBD  ROOT     1 O lemma=share
our              PRON  PRP$ poss     3 O
recommendations  NOUN  NNS  dobj     1 O lemma=recommendation
with             ADP   IN   prep     3 O
the              DET   DT   det      7 B-ORG
Northfold        PROPN NNP  compound 7 I-ORG
Trust            PROPN NNP  pobj     4 I-ORG
.                PUNCT .    punct    1 O
"""
TRUST_SHARED = """
The              DET   DT   det      2 B-ORG
Northfold        PROPN NNP  compound 2 I-ORG
Trust            PROPN NNP  nsubj    3 I-ORG
shared           VERB  VBD  ROOT     3 O lemma=share
its              PRON  PRP$ poss     5 O
recommendations  NOUN  NNS  dobj     3 O lemma=recommendation
with             ADP   IN   prep     5 O
us               PRON  PRP  pobj     6 O lemma=we
.                PUNCT .    punct    3 O
"""


PRESSED_IN_THE_HOUSE = """
We               PRON  PRP  nsubj    1 O
pressed          VERB  VBD  ROOT     1 O lemma=press
for              ADP   IN   prep     1 O
change           NOUN  NN   pobj     2 O
in               ADP   IN   prep     1 O
the              DET   DT   det      7 B-ORG
Northfold        PROPN NNP  compound 7 I-ORG
Trust            PROPN NNP  pobj     4 I-ORG
.                PUNCT .    punct    1 O
"""


def test_acted_on__an_organisation_a_we_sentence_places_things_in_or_acts_on_is_not_the_writer():
    """'We pressed for change in the Northfold Trust', 'We thanked the Northfold Trust': acted on;
    'We at the Northfold Trust pressed for change', 'the members of the Northfold Trust', 'our
    Northfold Trust': beside 'we' or called ours, so possibly the writer."""
    from argmap.nlp.rules.attribution import acted_on

    ctx = ctx_of(PRESSED_IN_THE_HOUSE, (5, 8, "northfold-trust", ORG))
    assert acted_on(ctx, ctx.doc[6])
    thanked = PRESSED_IN_THE_HOUSE.replace("pressed          VERB  VBD  ROOT     1 O lemma=press",
                                           "thanked          VERB  VBD  ROOT     1 O lemma=thank") \
        .replace("Trust            PROPN NNP  pobj     4 I-ORG", "Trust            PROPN NNP  dobj     1 I-ORG")
    ctx = ctx_of(thanked, (5, 8, "northfold-trust", ORG))
    assert acted_on(ctx, ctx.doc[6])
    ours = thanked.replace("the              DET   DT   det      7 B-ORG", "our              PRON  PRP$ poss     7 O")
    ctx = ctx_of(ours, (6, 8, "northfold-trust", ORG))
    assert not acted_on(ctx, ctx.doc[6])  # 'We thanked our Northfold Trust': called 'our', it may be the writer
    for prep in ("at", "of", "by"):
        spec = PRESSED_IN_THE_HOUSE.replace("in               ADP   IN   prep     1 O",
                                            f"{prep:<16} ADP   IN   prep     1 O")
        ctx = ctx_of(spec, (5, 8, "northfold-trust", ORG))
        assert not acted_on(ctx, ctx.doc[6]), prep
    seen_from = PRESSED_IN_THE_HOUSE.replace("in               ADP   IN   prep     1 O",
                                             "from             ADP   IN   prep     1 O")
    ctx = ctx_of(seen_from, (5, 8, "northfold-trust", ORG))
    assert acted_on(ctx, ctx.doc[6])  # 'something we have seen from the Northfold Trust'



REFERS_TO_OUR_INQUIRY = """
It               PRON  PRP  nsubj    1 O
refers           VERB  VBZ  ROOT     1 O lemma=refer
to               ADP   IN   prep     1 O
our              PRON  PRP$ poss     4 O
inquiry          NOUN  NN   pobj     2 O
,                PUNCT ,    punct    4 O
Strengthening    PROPN NNP  compound 7 B-ORG
Families         PROPN NNPS appos    4 I-ORG
.                PUNCT .    punct    1 O
"""


IN_YOUR_ROLE_AT = """
In               ADP   IN   prep     6 O
your             PRON  PRP$ poss     2 O
role             NOUN  NN   pobj     0 O
at               ADP   IN   prep     2 O
Northfold        PROPN NNP  compound 5 B-ORG
Trust            PROPN NNP  pobj     3 I-ORG
we               PRON  PRP  nsubj    7 O
write            VERB  VBP  ROOT     7 O lemma=write
.                PUNCT .    punct    7 O
"""


def test_acted_on__a_name_in_a_phrase_of_the_addressee_is_theirs():
    """'In your role at Northfold Trust, we write': the Trust is the addressee's, though after 'at';
    'In our role at Northfold Trust, we write' places the writer there."""
    from argmap.nlp.rules.attribution import acted_on

    ctx = ctx_of(IN_YOUR_ROLE_AT, (4, 6, "northfold-trust", ORG))
    assert acted_on(ctx, ctx.doc[4])
    ours = IN_YOUR_ROLE_AT.replace("your             PRON  PRP$ poss     2 O", "our              PRON  PRP$ poss     2 O")
    ctx = ctx_of(ours, (4, 6, "northfold-trust", ORG))
    assert not acted_on(ctx, ctx.doc[4])


def test_acted_on__a_name_in_apposition_is_where_its_head_is():
    """'It refers to our inquiry, Strengthening Families': the name stands where 'inquiry' does, acted
    on; 'our inquiry at Strengthening Families' would not be."""
    from argmap.nlp.rules.attribution import acted_on

    ctx = ctx_of(REFERS_TO_OUR_INQUIRY, (6, 8, "strengthening-families", ORG))
    assert acted_on(ctx, ctx.doc[6])
    at = REFERS_TO_OUR_INQUIRY.replace("to               ADP   IN   prep     1 O", "at               ADP   IN   prep     1 O")
    ctx = ctx_of(at, (6, 8, "strengthening-families", ORG))
    assert not acted_on(ctx, ctx.doc[6])


def test_attribution_addressed__addressed_preposition__fires():
    ctx, tok, held = addressing(SHARED_WITH, (6, 8, "northfold-trust", ORG), at=6)
    assert addressed_preposition(ctx, name_head(ctx, tok))
    assert held == ["addressed-preposition"] and addressed(ctx, tok)


def test_attribution_addressed__addressed_preposition__near_miss():
    ctx, tok, held = addressing(TRUST_SHARED, (1, 3, "northfold-trust", ORG), at=1)
    assert not addressed_preposition(ctx, name_head(ctx, tok))
    assert held == [] and not addressed(ctx, tok)


WE_URGE = """
We         PRON  PRP nsubj    1 O
urge       VERB  VBP ROOT     1 O
Northfold  PROPN NNP compound 3 B-ORG
Council    PROPN NNP dobj     1 I-ORG
to         PART  TO  aux      5 O
think      VERB  VB  xcomp    1 O
again      ADV   RB  advmod   5 O
.          PUNCT .   punct    1 O
"""
COUNCIL_URGES = """
Northfold  PROPN NNP compound 1 B-ORG
Council    PROPN NNP nsubj    2 I-ORG
urges      VERB  VBZ ROOT     2 O lemma=urge
us         PRON  PRP dobj     2 O lemma=we
to         PART  TO  aux      5 O
think      VERB  VB  xcomp    2 O
again      ADV   RB  advmod   5 O
.          PUNCT .   punct    2 O
"""


def test_attribution_addressed__urged__fires():
    ctx, tok, held = addressing(WE_URGE, (2, 4, "northfold-council", ORG), at=2)
    assert urged_object(ctx, name_head(ctx, tok))
    assert held == ["urged"] and addressed(ctx, tok)


def test_attribution_addressed__urged__near_miss():
    ctx, tok, held = addressing(COUNCIL_URGES, (0, 2, "northfold-council", ORG), at=0)
    assert not urged_object(ctx, name_head(ctx, tok))
    assert held == [] and not addressed(ctx, tok)


PLEASED_THAT = """
We          PRON  PRP  nsubj  1 O
are         AUX   VBP  ROOT   1 O lemma=be
pleased     ADJ   JJ   acomp  1 O
that        SCONJ IN   mark   7 O
the         DET   DT   det    5 O
department  NOUN  NN   nsubj  7 O
is          AUX   VBZ  aux    7 O lemma=be
taking      VERB  VBG  ccomp  2 O lemma=take
a           DET   DT   det    10 O
cautious    ADJ   JJ   amod   10 O
approach    NOUN  NN   dobj   7 O
.           PUNCT .    punct  1 O
"""
DEPARTMENT_PLEASED = """
The         DET   DT   det    1 O
department  NOUN  NN   nsubj  2 O
is          AUX   VBZ  ROOT   2 O lemma=be
pleased     ADJ   JJ   acomp  2 O
that        SCONJ IN   mark   7 O
we          PRON  PRP  nsubj  7 O
are         AUX   VBP  aux    7 O lemma=be
taking      VERB  VBG  ccomp  3 O lemma=take
a           DET   DT   det    10 O
cautious    ADJ   JJ   amod   10 O
approach    NOUN  NN   dobj   7 O
.           PUNCT .    punct  2 O
"""


def test_attribution_addressed__judged_by_us__fires():
    ctx, tok, held = addressing(PLEASED_THAT, (4, 6, "dfe", ORG), at=5)
    assert judged_by_us(ctx, name_head(ctx, tok))
    assert held == ["judged-by-us"] and addressed(ctx, tok)


def test_attribution_addressed__judged_by_us__near_miss():
    """The department judging what we do is the department speaking, not one we discuss."""
    ctx, tok, held = addressing(DEPARTMENT_PLEASED, (0, 2, "dfe", ORG), at=1)
    assert not judged_by_us(ctx, name_head(ctx, tok))
    assert held == [] and not addressed(ctx, tok)


CALLING_FOR_REGULATOR = """
Amendments  NOUN  NNS  nsubj     9 O
calling     VERB  VBG  acl       0 O lemma=call
for         SCONJ IN   mark      7 O
the         DET   DT   det       4 O
regulator   NOUN  NN   nsubjpass 7 O
to          PART  TO   aux       7 O
be          AUX   VB   auxpass   7 O lemma=be
given       VERB  VBN  advcl     1 O lemma=give
powers      NOUN  NNS  dobj      7 O
failed      VERB  VBD  ROOT      9 O lemma=fail
.           PUNCT .    punct     9 O
"""
WAITING_FOR_REGULATOR = CALLING_FOR_REGULATOR.replace("calling     VERB  VBG  acl       0 O lemma=call",
                                                      "waiting     VERB  VBG  acl       0 O lemma=wait")


def test_attribution_addressed__pressed_for__fires():
    ctx, tok, held = addressing(CALLING_FOR_REGULATOR, (3, 5, "ofwat", ORG), at=4)
    assert pressed_for_subject(ctx, name_head(ctx, tok))
    assert held == ["pressed-for"] and addressed(ctx, tok)


def test_attribution_addressed__pressed_for__near_miss():
    """Waiting for the regulator to act presses nobody: no urging verb governs the clause."""
    ctx, tok, held = addressing(WAITING_FOR_REGULATOR, (3, 5, "ofwat", ORG), at=4)
    assert not pressed_for_subject(ctx, name_head(ctx, tok))
    assert held == []


GOVERNMENTS_COMMITMENT = """
We          PRON  PRP  nsubj    1 O
welcome     VERB  VBP  ROOT     1 O
the         DET   DT   det      3 O
government  NOUN  NN   poss     5 O
's          PART  POS  case     3 O
commitment  NOUN  NN   dobj     1 O
to          ADP   IN   prep     5 O
care        NOUN  NN   compound 8 O
leavers     NOUN  NNS  pobj     6 O lemma=leaver
.           PUNCT .    punct    1 O
"""
OUR_COMMITMENT = """
The         DET   DT   det      1 O
government  NOUN  NN   nsubj    2 O
welcomes    VERB  VBZ  ROOT     2 O lemma=welcome
our         PRON  PRP$ poss     4 O
commitment  NOUN  NN   dobj     2 O
to          ADP   IN   prep     4 O
care        NOUN  NN   compound 7 O
leavers     NOUN  NNS  pobj     5 O lemma=leaver
.           PUNCT .    punct    2 O
"""


def test_attribution_addressed__possessive__fires():
    ctx, tok, held = addressing(GOVERNMENTS_COMMITMENT, (3, 4, "government", ORG), at=3)
    assert possessive_owner(ctx, name_head(ctx, tok))
    assert held == ["possessive"] and addressed(ctx, tok)
    assert not addressed(ctx, tok, possessive=False)  # (when owners may be the writer, it is not asked)


def test_attribution_addressed__possessive__near_miss():
    ctx, tok, held = addressing(OUR_COMMITMENT, (1, 2, "government", ORG), at=1)
    assert not possessive_owner(ctx, name_head(ctx, tok))
    assert held == [] and not addressed(ctx, tok)


MEMBER_OF = """
As              ADP   IN  prep     9 O
a               DET   DT  det      2 O
member          NOUN  NN  pobj     0 O
of              ADP   IN  prep     2 O
the             DET   DT  det      6 B-ORG
Implementation  PROPN NNP compound 6 I-ORG
Board           PROPN NNP pobj     3 I-ORG
,               PUNCT ,   punct    9 O
I               PRON  PRP nsubj    9 O
am              AUX   VBP ROOT     9 O lemma=be
glad            ADJ   JJ  acomp    9 O
to              PART  TO  aux      12 O
see             VERB  VB  xcomp    10 O
the             DET   DT  det      14 O
plan            NOUN  NN  dobj     12 O
.               PUNCT .   punct    9 O
"""
GUEST_OF = MEMBER_OF.replace("member          NOUN", "guest           NOUN")


def test_attribution_addressed__membership__fires():
    ctx, tok, held = addressing(MEMBER_OF, (5, 7, "implementation-board", ORG), at=5)
    assert membership(ctx, name_head(ctx, tok))
    assert held == ["membership"] and addressed(ctx, tok)


def test_attribution_addressed__membership__near_miss():
    ctx, tok, held = addressing(GUEST_OF, (5, 7, "implementation-board", ORG), at=5)
    assert not membership(ctx, name_head(ctx, tok))
    assert held == [] and not addressed(ctx, tok)


# ---------------------------------------------------------------- rules added for issue 12
PRESIDENT_NAMED = """
The        DET   DT  det      3 B-ORG
Northfold  PROPN NNP compound 3 I-ORG
Trust      PROPN NNP compound 3 I-ORG
President  PROPN NNP nsubj    8 I-ORG
,          PUNCT ,   punct    3 O
Rosa       PROPN NNP compound 6 B-PERSON
Pell       PROPN NNP appos    3 I-PERSON
,          PUNCT ,   punct    3 O
said       VERB  VBD ROOT     8 O lemma=say
it         PRON  PRP nsubj    10 O
was        AUX   VBD ccomp    8 O lemma=be
late       ADJ   JJ  acomp    10 O
.          PUNCT .   punct    8 O
"""
PRESIDENT = """
The        DET   DT  det      3 B-ORG
Northfold  PROPN NNP compound 3 I-ORG
Trust      PROPN NNP compound 3 I-ORG
President  PROPN NNP nsubj    4 I-ORG
said       VERB  VBD ROOT     4 O lemma=say
it         PRON  PRP nsubj    6 O
was        AUX   VBD ccomp    4 O lemma=be
late       ADJ   JJ  acomp    6 O
.          PUNCT .   punct    4 O
"""


def test_attribution_subject__role_holder__fires():
    """The NER model made 'Northfold Trust President' the organisation: the president named speaks."""
    ctx = ctx_of(PRESIDENT_NAMED, (1, 4, "northfold-trust", ORG), (5, 7, "rosa-pell"))
    subj = ctx.doc[3]
    assert role_holder(ctx, subj) == "rosa-pell"
    assert SUBJECT.first_named(ctx, subj) == ("role-holder", "rosa-pell")


def test_attribution_subject__role_holder__near_miss():
    """No name beside the role: the organisation speaks through its president."""
    ctx = ctx_of(PRESIDENT, (1, 4, "northfold-trust", ORG))
    assert role_holder(ctx, ctx.doc[3]) is None
    assert SUBJECT.first_named(ctx, ctx.doc[3]) == ("mention", "northfold-trust")



WELCOMED_BY = """
The       DET   DT  det       2 O
new       ADJ   JJ  amod      2 O
duty      NOUN  NN  nsubjpass 4 O
was       AUX   VBD auxpass   4 O lemma=be
welcomed  VERB  VBN ROOT      4 O lemma=welcome
by        ADP   IN  agent     4 O
the       DET   DT  det       8 O
Carers    PROPN NNP compound  8 B-ORG
Union     PROPN NNP pobj      5 I-ORG
.         PUNCT .   punct     4 O
"""


BEEN_CLEAR = """
The     DET   DT  det    2 O
Carers  PROPN NNP compound 2 B-ORG
Union   PROPN NNP nsubj  4 I-ORG
has     AUX   VBZ aux    4 O
been    AUX   VBN ROOT   4 O lemma=be
clear   ADJ   JJ  acomp  4 O
that    SCONJ IN  mark   9 O
the     DET   DT  det    8 O
plan    NOUN  NN  nsubj  9 O
failed  VERB  VBD ccomp  4 O lemma=fail
.       PUNCT .   punct  4 O
"""


def test_attribution_speaker__made_clear__fires():
    """'The Carers Union has been clear that the plan failed': saying it plainly is saying it."""
    ctx = ctx_of(BEEN_CLEAR, (1, 3, "carers-union", ORG))
    assert made_clear(ctx, ctx.sents[0]).speaker == "carers-union"
    assert SPEAKER.first_named(ctx, ctx.sents[0])[0] == "made-clear"


def test_attribution_speaker__made_clear__near_miss():
    """'The Carers Union has been clear about the plan' says nothing in a 'that' clause; 'It is clear
    that ...' has no one saying it."""
    about = BEEN_CLEAR.replace("that    SCONJ IN  mark   9 O", "about   ADP   IN  prep   5 O")
    ctx = ctx_of(about, (1, 3, "carers-union", ORG))
    assert made_clear(ctx, ctx.sents[0]) is None
    ctx = ctx_of(UNION_MET + IT_IS_CLEAR, (1, 3, "carers-union", ORG))
    assert made_clear(ctx, ctx.sents[1]) is None


OF_THE_VIEW = """
The     DET   DT  det      2 O
Carers  PROPN NNP compound 2 B-ORG
Union   PROPN NNP nsubj    3 I-ORG
is      AUX   VBZ ROOT     3 O lemma=be
of      ADP   IN  prep     3 O
the     DET   DT  det      6 O
opinion NOUN  NN  pobj     4 O
that    SCONJ IN  mark     10 O
the     DET   DT  det      9 O
plan    NOUN  NN  nsubj    10 O
failed  VERB  VBD ccomp    3 O lemma=fail
.       PUNCT .   punct    3 O
"""


def test_attribution_speaker__of_the_view__fires():
    """'The Carers Union is of the opinion that the plan failed' (the parser hanging the clause on
    'is'): holding a view said with its content is saying it."""
    ctx = ctx_of(OF_THE_VIEW, (1, 3, "carers-union", ORG))
    assert of_the_view(ctx, ctx.sents[0]).speaker == "carers-union"
    assert SPEAKER.first_named(ctx, ctx.sents[0])[0] == "of-the-view"


def test_attribution_speaker__of_the_view__near_miss():
    """'... is of the opinion of its members' gives no content; 'of the size that ...' is no view."""
    members = OF_THE_VIEW.replace("that    SCONJ IN  mark     10 O", "of      ADP   IN  prep     6 O")
    size = OF_THE_VIEW.replace("opinion NOUN  NN  pobj     4 O", "size    NOUN  NN  pobj     4 O")
    for spec in (members, size):
        ctx = ctx_of(spec, (1, 3, "carers-union", ORG))
        assert of_the_view(ctx, ctx.sents[0]) is None


UNION_MET = """
The     DET   DT  det      2 O
Carers  PROPN NNP compound 2 B-ORG
Union   PROPN NNP nsubj    3 I-ORG
met     VERB  VBD ROOT     3 O lemma=meet
.       PUNCT .   punct    3 O
"""
IT_IS_CLEAR = """It      PRON  PRP nsubj    6 O
is      AUX   VBZ ROOT     6 O lemma=be
clear   ADJ   JJ  acomp    6 O
that    SCONJ IN  mark     11 O
the     DET   DT  det      10 O
plan    NOUN  NN  nsubj    11 O
failed  VERB  VBD ccomp    6 O lemma=fail
.       PUNCT .   punct    6 O
"""


def test_attribution_speaker__verdict_agent__fires():
    ctx = ctx_of(WELCOMED_BY, (7, 9, "carers-union", ORG))
    assert SPEAKER.first_named(ctx, ctx.sents[0])[0] == "verdict-agent"
    assert verdict_agent(ctx, ctx.sents[0]).speaker == "carers-union"


def test_attribution_speaker__verdict_agent__near_miss():
    """'welcomed by everyone': an agent that is no actor names no speaker."""
    ctx = ctx_of(WELCOMED_BY.replace("Carers    PROPN NNP compound  8 B-ORG", "many      ADJ   JJ  amod      8 O")
                 .replace("Union     PROPN NNP pobj      5 I-ORG", "people    NOUN  NNS pobj      5 O"))
    assert verdict_agent(ctx, ctx.sents[0]) is None


CALLED_A_DISGRACE_BY = """
The       DET   DT  det       2 O
new       ADJ   JJ  amod      2 O
duty      NOUN  NN  nsubjpass 4 O
was       AUX   VBD auxpass   4 O lemma=be
called    VERB  VBN ROOT      4 O lemma=call
a         DET   DT  det       6 O
disgrace  NOUN  NN  oprd      4 O
by        ADP   IN  agent     4 O
the       DET   DT  det       10 O
Carers    PROPN NNP compound  10 B-ORG
Union     PROPN NNP pobj      7 I-ORG
.         PUNCT .   punct     4 O
"""


def test_attribution_speaker__naming_agent__fires():
    """'The new duty was called a disgrace by the Carers Union': the union gives the verdict."""
    from argmap.nlp.rules.attribution import naming_agent

    ctx = ctx_of(CALLED_A_DISGRACE_BY, (9, 11, "carers-union", ORG))
    assert SPEAKER.first_named(ctx, ctx.sents[0])[0] == "naming-agent"
    assert naming_agent(ctx, ctx.sents[0]).speaker == "carers-union"


def test_attribution_speaker__naming_agent__near_miss_no_complement():
    """'The new duty was described by the Carers Union' (what it was described as not said) is a
    report of a description, no verdict: no speaker from this rule."""
    from argmap.nlp.rules.attribution import naming_agent

    spec = CALLED_A_DISGRACE_BY.replace("called    VERB  VBN ROOT      4 O lemma=call",
                                        "described VERB  VBN ROOT      4 O lemma=describe") \
        .replace("a         DET   DT  det       6 O", "again     ADV   RB  advmod    4 O") \
        .replace("disgrace  NOUN  NN  oprd      4 O", "today     NOUN  NN  npadvmod  4 O")
    ctx = ctx_of(spec, (9, 11, "carers-union", ORG))
    assert naming_agent(ctx, ctx.sents[0]) is None



PUBLISHED_ITS = """
The         DET   DT   det   1 O
department  NOUN  NN   nsubj 2 O
published   VERB  VBD  ROOT  2 O lemma=publish
its         PRON  PRP$ poss  4 O
strategy    NOUN  NN   dobj  2 O
.           PUNCT .    punct 2 O
"""
PUBLISHED_THE = PUBLISHED_ITS.replace("its         PRON  PRP$ poss  4 O", "the         DET   DT   det   4 O")


def test_attribution_speaker__publishes_own__fires():
    ctx = ctx_of(PUBLISHED_ITS, (0, 2, "dfe"))
    assert publishes_own(ctx, ctx.sents[0]) == Said("dfe", "publish", "publishes-own", 2)
    assert SPEAKER.first_named(ctx, ctx.sents[0])[0] == "publishes-own"


def test_attribution_speaker__publishes_own__near_miss():
    """'published the strategy': a report of someone's publication, not a plan of its own."""
    ctx = ctx_of(PUBLISHED_THE, (0, 2, "dfe"))
    assert publishes_own(ctx, ctx.sents[0]) is None
    assert SPEAKER.first_named(ctx, ctx.sents[0]) is None


BEEN_CRITICISED = """
The         DET   DT  det       1 O
government  NOUN  NN  nsubjpass 4 O
has         AUX   VBZ aux       4 O lemma=have
been        AUX   VBN auxpass   4 O lemma=be
criticised  VERB  VBN ROOT      4 O lemma=criticise
for         ADP   IN  prep      4 O
the         DET   DT  det       7 O
plan        NOUN  NN  pobj      5 O
.           PUNCT .   punct     4 O
"""


def test_attribution_speaker__evaluative_subject__near_miss_the_party_judged():
    """'The government has been criticised': the government is judged, it does not object."""
    ctx = ctx_of(BEEN_CRITICISED, (1, 2, "uk-government"))
    assert evaluative_subject(ctx, ctx.sents[0]) is None



AS_SHE_SAID = """
As       SCONJ IN    mark  3 O
Jane     PROPN NNP   compound 2 B-PERSON
Doe      PROPN NNP   nsubj 3 I-PERSON
said     VERB  VBD   ROOT  3 O lemma=say
,        PUNCT ,     punct 3 O
\\n       SPACE _SP   dep   4 O
“        PUNCT ``    punct 10 O
The      DET   DT    det   8 O
plan     NOUN  NN    nsubj 10 O
is       AUX   VBZ   aux   10 O lemma=be
rushed   VERB  VBN   ROOT  10 O lemma=rush
and      CCONJ CC    cc    10 O
has      AUX   VBZ   conj  10 O lemma=have
no       DET   DT    det   14 O
money    NOUN  NN    dobj  12 O
.        PUNCT .     punct 10 O
”        PUNCT ''    punct 10 O
"""


def test_attribution_quote_speaker__introduced_by_colon_line__fires_on_a_comma():
    """'As Jane Doe said,' on the line before a quotation introduces it like a colon does."""
    from argmap.nlp.attribution import attribute
    from argmap.nlp.state import UNITS

    from .kit import LEX

    doc = parse(AS_SHE_SAID)
    place_actors(doc, (1, 3, "jane-doe"))
    units = attribute(doc, LEX).user_data[UNITS]
    assert [u["speaker"] for u in units if "plan" in doc[u["start"]:u["end"]].text] == ["jane-doe"]



HEADING_DASH = """
Funding  NOUN  NN  nsubj 2 O
will     AUX   MD  aux   2 O
fall     VERB  VB  ROOT  2 O
short    ADV   RB  advmod 2 O
–        PUNCT :   punct 2 O
BASW     PROPN NNP appos 2 B-ORG
\\n       SPACE _SP dep   5 O
The      DET   DT  det   8 O
teams    NOUN  NNS nsubj 9 O lemma=team
are      AUX   VBP ROOT  9 O lemma=be
unfunded ADJ   JJ  acomp 9 O
.        PUNCT .   punct 9 O
"""


def test_attribution_heading_speakers__the_actor_after_a_headings_dash_says_what_follows():
    from argmap.nlp.attribution import attribute
    from argmap.nlp.state import UNITS

    from .kit import LEX

    doc = parse(HEADING_DASH)
    place_actors(doc, (5, 6, "basw"))
    units = attribute(doc, LEX).user_data[UNITS]
    assert [u["speaker"] for u in units if "unfunded" in doc[u["start"]:u["end"]].text] == ["basw"]
    doc = parse(HEADING_DASH.replace("–        PUNCT :   punct 2 O", "at       ADP   IN  prep  2 O"))
    place_actors(doc, (5, 6, "basw"))
    units = attribute(doc, LEX).user_data[UNITS]
    assert [u["speaker"] for u in units if "unfunded" in doc[u["start"]:u["end"]].text] == [None]


SAYS_LINE_THEN_QUOTE = """
The      DET   DT  det       1 O
plan     NOUN  NN  nsubj     2 O
is       AUX   VBZ ccomp     6 O lemma=be
a        DET   DT  det       4 O
start    NOUN  NN  attr      2 O
,        PUNCT ,   punct     6 O
says     VERB  VBZ ROOT      6 O lemma=say
Rosa     PROPN NNP compound  8 B-PERSON
Pell     PROPN NNP nsubj     6 I-PERSON
.        PUNCT .   punct     6 O
"""
# the next paragraph, an unclosed quotation with nobody named: CONTINUED_NEXT_LINE's, without its closing mark
SAYS_LINE_THEN_QUOTE += CONTINUED_NEXT_LINE[CONTINUED_NEXT_LINE.index("\\n"):CONTINUED_NEXT_LINE.rindex("\u201d")]
SAYS_FIRST_THEN_QUOTE = """
Rosa     PROPN NNP compound  1 B-PERSON
Pell     PROPN NNP nsubj     2 I-PERSON
says     VERB  VBZ ROOT      2 O lemma=say
the      DET   DT  det       4 O
plan     NOUN  NN  nsubj     5 O
is       AUX   VBZ ccomp     2 O lemma=be
a        DET   DT  det       7 O
start    NOUN  NN  attr      5 O
.        PUNCT .   punct     2 O
\\n      SPACE _SP dep       8 O
“        PUNCT `` punct     12 O lemma="
There    PRON  EX  expl      12 O
is       VERB  VBZ ROOT      12 O lemma=be
no       DET   DT  det       14 O
money    NOUN  NN  attr      12 O
behind   ADP   IN  prep      14 O
the      DET   DT  det       17 O
plan     NOUN  NN  pobj      15 O
at       ADV   RB  advmod    19 O
all      ADV   RB  advmod    17 O
.        PUNCT .   punct     12 O
"""


# 'Rosa Pell, the Trust chair, responded today.' alone in its paragraph, then an unclosed quotation
# in the next (CONTINUED_NEXT_LINE's second paragraph, whose heads count from a ten-token first line)
RESPONDED_THEN_QUOTE = """
Rosa       PROPN NNP compound 1 B-PERSON
Pell       PROPN NNP nsubj    7 I-PERSON
,          PUNCT ,   punct    1 O
the        DET   DT  det      5 O
Trust      PROPN NNP compound 5 B-ORG
chair      NOUN  NN  appos    1 O
,          PUNCT ,   punct    1 O
responded  VERB  VBD ROOT     7 O lemma=respond
today      NOUN  NN  npadvmod 7 O
.          PUNCT .   punct    7 O
""" + CONTINUED_NEXT_LINE[CONTINUED_NEXT_LINE.index("\\n"):CONTINUED_NEXT_LINE.rindex("\u201d")]


def test_attribution_quote_speaker__after_announced_speaker__fires():
    """'Rosa Pell, the Trust chair, responded today.' (she speaks, the sentence does not say what), then a
    quotation opening the next paragraph: what she said."""
    from argmap.nlp.rules.attribution import after_announced_speaker
    ctx, q = _says_line(RESPONDED_THEN_QUOTE, (0, 2, "rosa-pell"), 7)
    assert after_announced_speaker(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "after-announced-speaker"


def test_attribution_quote_speaker__after_announced_speaker__near_miss_she_said_something():
    """'Rosa Pell says the plan is a start.' says what she said; the quotation after it is not taken as hers."""
    from argmap.nlp.rules.attribution import after_announced_speaker
    ctx, q = _says_line(SAYS_FIRST_THEN_QUOTE, (0, 2, "rosa-pell"), 2)
    assert after_announced_speaker(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


def _says_line(spec: str, name: tuple, verb: int):
    ctx, q = quote_speaker(spec, name, u0=("rosa-pell", "say", "speech-verb"))
    q.before[-1].cue_token = verb
    return ctx, q


def test_attribution_quote_speaker__after_says_line__fires():
    """'The plan is a start, says Rosa Pell.' then an unclosed quotation opening the next paragraph: hers."""
    from argmap.nlp.rules.attribution import after_says_line
    ctx, q = _says_line(SAYS_LINE_THEN_QUOTE, (7, 9, "rosa-pell"), 6)
    assert after_says_line(ctx, q) == Said("rosa-pell", "say", "quote")
    assert QUOTE_SPEAKER.first_named(ctx, q)[0] == "after-says-line"


def test_attribution_quote_speaker__after_says_line__near_miss_speaker_first():
    """'Rosa Pell says the plan is a start.' reports her; the quotation after it is not taken as hers."""
    from argmap.nlp.rules.attribution import after_says_line
    ctx, q = _says_line(SAYS_FIRST_THEN_QUOTE, (0, 2, "rosa-pell"), 2)
    assert after_says_line(ctx, q) is None
    assert QUOTE_SPEAKER.first(ctx, q) is None


def test_attribution_quote_speaker__after_says_line__near_miss_not_a_speech_verb_unit():
    """A sentence whose speaker came from another rule (its subject) does not open the quotation."""
    from argmap.nlp.rules.attribution import after_says_line
    ctx, q = quote_speaker(SAYS_LINE_THEN_QUOTE, (7, 9, "rosa-pell"), u0=("rosa-pell", "say", "subject"))
    q.before[-1].cue_token = 6
    assert after_says_line(ctx, q) is None
