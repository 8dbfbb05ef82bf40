"""The document-level attribution passes added for real pages, on hand-built Docs: where each
gives a sentence its speaker, and a near miss where it must not.

(They are passes over the whole document rather than rows of a rule table; the whole-pipeline
tests in tests/test_rules.py run them on made-up articles too.)
"""

from __future__ import annotations

import pytest

from argmap.nlp.attribution import (
    _own_statement_quoted, between_one_speaker, own_voice_author, publisher_author, quote_regions, self_titled_author, signatories,
    statement_blocks, transcript_turns, work_contents,
)
from argmap.nlp.rules.attribution import note_publisher
from argmap.nlp.state import REGISTRY, UNNAMED, ActorInfo

from .kit import (
    EVIDENCE_BY_NAME_PARSED_APART, LEX, ORG, PERSON, SIGNED_LETTER, attribution_ctx, parse, place_actors, units_of,
)

# ---------------------------------------------------------------- between one speaker's sentences
QUOTED_BETWEEN = """
Jo        PROPN NNP  nsubj  1  B-PERSON
welcomed  VERB  VBD  ROOT   1  O lemma=welcome
it        PRON  PRP  dobj   1  O
.         PUNCT .    punct  1  O
\\n        SPACE _SP  dep    3  O
It        PRON  PRP  nsubj  6  O
needs     VERB  VBZ  ROOT   6  O lemma=need
\u201c         PUNCT ``   punct  9  O
more      ADJ   JJR  amod   9  O
money     NOUN  NN   dobj   6  O
\u201d         PUNCT ''   punct  9  O
.         PUNCT .    punct  6  O
\\n        SPACE _SP  dep    11 O
She       PRON  PRP  nsubj  14 O
warned    VERB  VBD  ROOT   14 O lemma=warn
.         PUNCT .    punct  14 O
"""


UNQUOTED_BETWEEN = QUOTED_BETWEEN.replace("\u201c         PUNCT ``   punct  9  O", "much      ADJ   JJ   amod   9  O").replace(
    "\u201d         PUNCT ''   punct  9  O", "now       ADV   RB   advmod 6  O")


def _between(after_speaker: str, spec: str = QUOTED_BETWEEN):
    doc = parse(spec)
    place_actors(doc, (0, 1, "jo"))
    ctx = attribution_ctx(doc)
    units = units_of(ctx, u0=("jo", "welcome", "speech-verb"), u2=(after_speaker, "warn", "speech-verb-pronoun"))
    between_one_speaker(ctx, units)
    return units[1]


def test_between_one_speaker__fires():
    """'Jo welcomed it. It needs “more money”. She warned.': the quoting sentence is Jo's."""
    u = _between("jo")
    assert (u.speaker, u.rule) == ("jo", "between-one-speaker")


def test_between_one_speaker__near_miss():
    """Someone else speaks after it: the quoting sentence is nobody's yet."""
    assert _between("sam").speaker is None


def test_between_one_speaker__near_miss_without_a_quotation():
    """'It needs much more money now.' quotes nobody: it may be the writer's own comment."""
    assert _between("jo", UNQUOTED_BETWEEN).speaker is None


# ---------------------------------------------------------------- a statement after 'X said:'
SAID_THEN_LINES = """
Jo        PROPN NNP  nsubj  1  B-PERSON
said      VERB  VBD  ROOT   1  O lemma=say
:         PUNCT :    punct  1  O
\\n        SPACE _SP  dep    2  O
The       DET   DT   det    5  O
plan      NOUN  NN   nsubj  6  O
fails     VERB  VBZ  ROOT   6  O lemma=fail
.         PUNCT .    punct  6  O
\\n        SPACE _SP  dep    7  O
They      PRON  PRP  nsubj  10 O
ignored   VERB  VBD  ROOT   10 O lemma=ignore
it        PRON  PRP  dobj   10 O
.         PUNCT .    punct  10 O
"""
SAID_THEN_MORE = SAID_THEN_LINES.replace(":         PUNCT :    punct  1  O", "so        ADV   RB   advmod 1  O")


def _block(spec: str = SAID_THEN_LINES, third=("ministers", "ignore", "subject")):
    doc = parse(spec)
    place_actors(doc, (0, 1, "jo"))
    ctx = attribution_ctx(doc)
    units = units_of(ctx, u0=("jo", "say", "speech-verb"), u2=third)
    statement_blocks(ctx, units)
    return units


def test_statement_blocks__fires():
    """'Jo said:' ending a line, then 'The plan fails.' and 'They ignored it.': both are Jo's
    statement, the third-person 'They' included."""
    units = _block()
    assert [(u.speaker, u.rule) for u in units[1:]] == [("jo", "statement-block"), ("jo", "statement-block")]


def test_statement_blocks__near_miss_the_line_goes_on():
    """'Jo said so.': no colon ends the line, so the lines after it are not Jo's statement."""
    units = _block(SAID_THEN_MORE)
    assert units[1].speaker is None and units[2].speaker == "ministers"


def test_statement_blocks__near_miss_someone_else_speaks():
    """A sentence that names its own speaker with a speech verb ends the statement."""
    units = _block(third=("sam", "warn", "speech-verb"))
    assert (units[1].speaker, units[2].speaker) == ("jo", "sam")


# ---------------------------------------------------------------- 'Here is our response:' and a quotation
OUR_RESPONSE_QUOTED = """
Here      ADV   RB   advmod 1  O
is        AUX   VBZ  ROOT   1  O lemma=be
our       PRON  PRP$ poss   3  O
response  NOUN  NN   nsubj  1  O
:         PUNCT :    punct  1  O
\\n        SPACE _SP  dep    4  O
\u201c         PUNCT ``   punct  8  O
We        PRON  PRP  nsubj  8  O
welcome   VERB  VBP  ROOT   8  O
the       DET   DT   det    10 O
plan      NOUN  NN   dobj   8  O
.         PUNCT .    punct  8  O
\u201d         PUNCT ''   punct  8  O
"""


def _our_response(spec: str = OUR_RESPONSE_QUOTED):
    ctx = attribution_ctx(parse(spec))
    units = units_of(ctx, u0=("hearth-trust", "author", "author"))
    _own_statement_quoted(ctx, units, "hearth-trust")
    return units


def test_own_statement_quoted__fires():
    """'Here is our response:' by the page's own organisation, then a quotation nobody is named as
    saying: the quotation is the organisation's statement."""
    units = _our_response()
    assert units[1].quoted and (units[1].speaker, units[1].rule) == ("hearth-trust", "author")


@pytest.mark.parametrize("old,new", [
    ("our       PRON  PRP$ poss   3  O", "their     PRON  PRP$ poss   3  O"),  # someone else's response
    (":         PUNCT :    punct  1  O", ".         PUNCT .    punct  1  O"),  # the line introduces nothing
])
def test_own_statement_quoted__near_miss(old, new):
    """'Here is their response:' (another's words), or a line that does not end with a colon: the
    quotation stays unattributed."""
    units = _our_response(OUR_RESPONSE_QUOTED.replace(old, new))
    assert units[1].speaker is None


# ---------------------------------------------------------------- the publisher's 'we'
WE_WELCOME = """
We       PRON  PRP  nsubj  1 O
welcome  VERB  VBP  ROOT   1 O
the      DET   DT   det    3 O
plan     NOUN  NN   dobj   1 O
.        PUNCT .    punct  1 O
"""
COUNCILS_WELCOME = WE_WELCOME.replace("We       PRON  PRP  nsubj  1 O", "Councils NOUN  NNS  nsubj  1 O lemma=council")


def _publisher(spec: str):
    doc = parse(spec, publisher_key="northfold-trust")
    place_actors(doc)
    doc.user_data[REGISTRY]["northfold-trust"] = ActorInfo("northfold-trust", "Northfold Trust", ORG).record()
    ctx = attribution_ctx(doc)
    return publisher_author(ctx, units_of(ctx), doc._.argmap_meta)


def test_publisher_author__fires():
    """A page on the Trust's own site that speaks as 'we' is the Trust's."""
    assert _publisher(WE_WELCOME) == "northfold-trust"


def test_publisher_author__near_miss():
    """A page on its site that never speaks as 'we' is not its own statement."""
    assert _publisher(COUNCILS_WELCOME) is None


# "Northfold Trust runs a hub. The trust backs the plan."
TRUST_OF_ITSELF = """
Northfold  PROPN NNP  compound 1 B-ORG
Trust      PROPN NNP  nsubj    2 I-ORG
runs       VERB  VBZ  ROOT     2 O lemma=run
a          DET   DT   det      4 O
hub        NOUN  NN   dobj     2 O
.          PUNCT .    punct    2 O
The        DET   DT   det      7 O
trust      NOUN  NN   nsubj    8 O
backs      VERB  VBZ  ROOT     8 O lemma=back
the        DET   DT   det      10 O
plan       NOUN  NN   dobj     8 O
.          PUNCT .    punct    8 O
"""


def _third_person(spec: str):
    doc = parse(spec, publisher_key="northfold-trust")
    place_actors(doc, (0, 2, "northfold-trust", "organisation"))
    ctx = attribution_ctx(doc)
    facts = doc._.argmap_meta
    return publisher_author(ctx, units_of(ctx), facts), facts.get("third_person")


def test_publisher_author__fires_on_a_page_that_writes_of_itself_by_name():
    """On the Trust's own site, 'Northfold Trust runs a hub. The trust backs the plan.': it writes of
    itself in the third person, so the page is its own (and noted as written so)."""
    assert _third_person(TRUST_OF_ITSELF) == ("northfold-trust", True)


def test_publisher_author__near_miss_itself_the_subject_once():
    """'Northfold Trust runs a hub. A council backs the plan.': itself the subject once is a mention, not
    a page about itself."""
    other = TRUST_OF_ITSELF.replace("The        DET   DT   det      7 O", "A          DET   DT   det      7 O") \
        .replace("trust      NOUN  NN   nsubj    8 O", "council    NOUN  NN   nsubj    8 O")
    assert _third_person(other) == (None, None)


# ---------------------------------------------------------------- a named writer's own 'I'
I_RAISED_I_SAW = """
I        PRON  PRP  nsubj  1 O
raised   VERB  VBD  ROOT   1 O lemma=raise
him      PRON  PRP  dobj   1 O lemma=he
.        PUNCT .    punct  1 O
\\n       SPACE _SP  dep    3 O
I        PRON  PRP  nsubj  6 O
saw      VERB  VBD  ROOT   6 O lemma=see
it       PRON  PRP  dobj   6 O
.        PUNCT .    punct  6 O
"""
I_RAISED_SHE_SAW = I_RAISED_I_SAW.replace("I        PRON  PRP  nsubj  6 O", "She      PRON  PRP  nsubj  6 O lemma=she")


def _writer(spec: str, turns: bool = False):
    doc = parse(spec)
    place_actors(doc)
    doc.user_data[REGISTRY]["ada-quill"] = ActorInfo("ada-quill", "Ada Quill", PERSON).record()
    ctx = attribution_ctx(doc)
    units = units_of(ctx, u0=("ada-quill", "turn", "transcript-turn")) if turns else units_of(ctx)
    facts = {"author_key": "ada-quill"}
    return own_voice_author(ctx, units, facts), facts.get("genre")


def test_own_voice_author__a_named_writer_speaking_as_i_fires():
    """A byline's writer whose page says 'I' twice outside quotations writes in their own voice."""
    assert _writer(I_RAISED_I_SAW) == ("ada-quill", "opinion")


def test_own_voice_author__near_miss_one_i_or_a_transcript():
    """One 'I' sentence is not enough; nor are the turns of a transcript."""
    assert _writer(I_RAISED_SHE_SAW) == (None, None)
    assert _writer(I_RAISED_I_SAW, turns=True) == (None, None)


def _opening(name_words: int, i_lines: bool = True) -> str | None:
    """opening_writer on 'Ada Quill MP' (or a one-word name) over two 'I' sentences (or 'I', 'She')."""
    from argmap.nlp.attribution import opening_writer

    body = I_RAISED_I_SAW if i_lines else I_RAISED_SHE_SAW
    head = "Ada      PROPN NNP  compound 1 B-PERSON\nQuill    PROPN NNP  compound 2 I-PERSON\n" if name_words == 2 else \
        "Quill    PROPN NNP  compound 1 B-PERSON\nTiles    PROPN NNP  compound 2 O\n"
    spec = head + "MP       PROPN NNP  ROOT     2 O\n\\n       SPACE _SP  dep      2 O\n" + _shifted(body, 4)
    doc = parse(spec)
    name = "Ada Quill" if name_words == 2 else "Quill"
    place_actors(doc, (0, 2 if name_words == 2 else 1, name.lower().replace(" ", "-"), PERSON))
    ctx = attribution_ctx(doc)
    return opening_writer(ctx, units_of(ctx))


def _shifted(spec: str, by: int) -> str:
    """A hand-built Doc's lines with their head indices moved on by ``by`` tokens."""
    out = []
    for line in spec.strip("\n").splitlines():
        parts = line.split()
        parts[4] = str(int(parts[4]) + by)
        out.append(" ".join(parts))
    return "\n".join(out) + "\n"


def test_opening_writer__fires_on_a_full_name_opening_a_page_in_the_first_person():
    """'Ada Quill MP' as the first words of a page that then says 'I' twice: she writes it."""
    assert _opening(2) == "ada-quill"


def test_opening_writer__near_miss_a_lone_word_or_a_page_not_in_the_first_person():
    """'Quill Tiles MP' with only 'Quill' a name (one word, as a menu's stray 'Back'), or a page saying
    'I' once: no writer."""
    assert _opening(1) is None
    assert _opening(2, i_lines=False) is None


# ---------------------------------------------------------------- 'Statement from X'
STATEMENT_FROM = """
Statement  NOUN  NN   ROOT     0 O
from       ADP   IN   prep     0 O
Northfold  PROPN NNP  compound 3 B-ORG
Trust      PROPN NNP  pobj     1 I-ORG
"""
STATEMENT_ABOUT = STATEMENT_FROM.replace("from       ADP", "about      ADP")


def _titled(spec: str):
    doc = parse(spec)
    place_actors(doc, (2, 4, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    return self_titled_author(ctx, units_of(ctx))


def test_self_titled_author__fires_on_a_statement_from():
    """'Statement from Northfold Trust': the Trust's own document."""
    assert _titled(STATEMENT_FROM) == "northfold-trust"


def test_self_titled_author__near_miss_a_statement_about():
    """'Statement about Northfold Trust' is about the Trust, not by it."""
    assert _titled(STATEMENT_ABOUT) is None


TRUSTS_RESPONSE = """
Northfold  PROPN NNP  compound 1 B-ORG
Trust      PROPN NNP  poss     3 I-ORG
's         PART  POS  case     1 O
response   NOUN  NN   ROOT     3 O
to         ADP   IN   prep     3 O
the        DET   DT   det      6 O
review     NOUN  NN   pobj     4 O
"""
VIEWS_ON_TRUSTS_RESPONSE = """
Views      NOUN  NNS  ROOT     0 O lemma=view
on         ADP   IN   prep     0 O
Northfold  PROPN NNP  compound 3 B-ORG
Trust      PROPN NNP  poss     5 I-ORG
's         PART  POS  case     3 O
response   NOUN  NN   pobj     1 O
to         ADP   IN   prep     5 O
the        DET   DT   det      8 O
review     NOUN  NN   pobj     6 O
"""


def test_self_titled_author__fires_on_the_possessor_of_the_titles_document():
    """'Northfold Trust's response to the review': the Trust's own response, though a possessive
    elsewhere marks someone discussed."""
    doc = parse(TRUSTS_RESPONSE)
    place_actors(doc, (0, 2, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) == "northfold-trust"


def test_self_titled_author__near_miss_a_response_the_line_talks_about():
    """'Views on Northfold Trust's response to the review': the response is what the line is about."""
    doc = parse(VIEWS_ON_TRUSTS_RESPONSE)
    place_actors(doc, (2, 4, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) is None


# 'Ada Quill briefing for Northfold Trust': a person's own document, written for an organisation
QUILL_BRIEFING = """
Ada        PROPN NNP  compound 2 B-PERSON
Quill      PROPN NNP  compound 2 I-PERSON
briefing   NOUN  NN   ROOT     2 O
for        ADP   IN   prep     2 O
Northfold  PROPN NNP  compound 5 B-ORG
Trust      PROPN NNP  pobj     3 I-ORG
"""


def test_self_titled_author__fires_on_the_person_whose_name_the_document_word_follows():
    """'Ada Quill briefing for Northfold Trust', on the Trust's site: the briefing is Ada Quill's."""
    doc = parse(QUILL_BRIEFING, publisher_key="northfold-trust")
    place_actors(doc, (0, 2, "ada-quill", PERSON), (4, 6, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) == "ada-quill"


def test_self_titled_author__near_miss_a_person_not_right_before_the_document_word():
    """'Ada Quill on briefing for Northfold Trust': the name does not stand right before the
    document word, so the briefing named with the Trust's site is the Trust's."""
    spec = QUILL_BRIEFING.replace("briefing   NOUN  NN   ROOT     2 O", "on         ADP   IN   prep     1 O\nbriefing   NOUN  NN   pobj     2 O")
    spec = spec.replace("Quill      PROPN NNP  compound 2 I-PERSON", "Quill      PROPN NNP  ROOT     1 I-PERSON")
    spec = spec.replace("Ada        PROPN NNP  compound 2 B-PERSON", "Ada        PROPN NNP  compound 1 B-PERSON")
    spec = spec.replace("for        ADP   IN   prep     2 O", "for        ADP   IN   prep     3 O")
    spec = spec.replace("Northfold  PROPN NNP  compound 5 B-ORG", "Northfold  PROPN NNP  compound 6 B-ORG")
    spec = spec.replace("Trust      PROPN NNP  pobj     3 I-ORG", "Trust      PROPN NNP  pobj     4 I-ORG")
    doc = parse(spec, publisher_key="northfold-trust")
    place_actors(doc, (0, 2, "ada-quill", PERSON), (5, 7, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) == "northfold-trust"


# 'Hearth report on costs – Trust response': a title naming what is answered, a dash, then the
# organisation whose response the page is
REPORT_DASH_RESPONSE = """
Hearth     PROPN NNP  compound 1 B-ORG
report     NOUN  NN   ROOT     1 O
on         ADP   IN   prep     1 O
costs      NOUN  NNS  pobj     2 O lemma=cost
–          PUNCT :    punct    1 O
Trust      PROPN NNP  compound 6 B-ORG
response   NOUN  NN   appos    1 O
"""


def test_self_titled_author__fires_on_the_organisation_after_the_titles_dash():
    """'Hearth report on costs – Trust response': the response after the dash is the Trust's, not
    the Hearth body's whose report comes first."""
    doc = parse(REPORT_DASH_RESPONSE)
    place_actors(doc, (0, 1, "hearth", ORG), (5, 6, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) == "northfold-trust"


def test_self_titled_author__near_miss_no_organisation_after_the_dash():
    """'Hearth report on costs – a response': nobody named after the dash; the first named before it."""
    doc = parse(REPORT_DASH_RESPONSE.replace("Trust      PROPN NNP  compound 6 B-ORG", "a          DET   DT   det      6 O"))
    place_actors(doc, (0, 1, "hearth", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) == "hearth"


# 'The Northfold Trust published its response to the review.' as a page's first line: a report in the
# past tense, not a title
TRUST_PUBLISHED_RESPONSE = """
The        DET   DT   det      2 B-ORG
Northfold  PROPN NNP  compound 2 I-ORG
Trust      PROPN NNP  nsubj    3 I-ORG
published  VERB  VBD  ROOT     3 O lemma=publish
its        PRON  PRP$ poss     5 O
response   NOUN  NN   dobj     3 O
to         ADP   IN   prep     5 O
the        DET   DT   det      8 O
review     NOUN  NN   pobj     6 O
.          PUNCT .    punct    3 O
"""


def test_self_titled_author__near_miss_a_first_line_that_reports_in_the_past_tense():
    """'The Northfold Trust published its response to the review.': a report of what happened, no
    title; the same line in the present tense ('publishes') reads as a title ('X responds to Y')."""
    doc = parse(TRUST_PUBLISHED_RESPONSE)
    place_actors(doc, (0, 3, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) is None
    present = TRUST_PUBLISHED_RESPONSE.replace("published  VERB  VBD  ROOT     3 O lemma=publish",
                                               "publishes  VERB  VBZ  ROOT     3 O lemma=publish")
    doc = parse(present)
    place_actors(doc, (0, 3, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) == "northfold-trust"


# ---------------------------------------------------------------- a panel that speaks through its work
PANEL_RESPONSE = """
Hearth     PROPN NNP  compound 1 O
Review     PROPN NNP  compound 2 O
response   NOUN  NN   ROOT     2 O
"""


def _titled_by(key: str):
    doc = parse(PANEL_RESPONSE)
    place_actors(doc, (0, 2, key))
    ctx = attribution_ctx(doc)
    facts: dict = {}
    return own_voice_author(ctx, units_of(ctx), facts), facts.get("author_key")


def test_own_voice_author__an_organisation_named_in_the_title_fires():
    """'BASW response' with no byline: BASW's own page."""
    assert _titled_by("basw") == ("basw", "basw")


def test_own_voice_author__near_miss_a_panel_that_speaks_through_its_work():
    """A review's panel (a taxonomy actor with a ``work``) speaks only through its review: it
    writes no page, even when a title names it before a document word."""
    assert _titled_by("hearth-panel") == (None, None)


# ---------------------------------------------------------------- a title naming two organisations
TWO_NAMED_VIEW = """
Oak        PROPN NNP  compound 1 B-ORG
Council    PROPN NNP  compound 5 I-ORG
-          PUNCT HYPH punct    5 O
Northfold  PROPN NNP  compound 4 B-ORG
Trust      PROPN NNP  compound 5 I-ORG
view       NOUN  NN   ROOT     5 O
"""


def _two_named(**facts):
    return _titled_two(TWO_NAMED_VIEW, (0, 2), (3, 5), **facts)


def _titled_two(spec: str, oak: tuple[int, int], trust: tuple[int, int], **facts):
    """The author ``self_titled_author`` finds in a title naming Oak Council and Northfold Trust."""
    doc = parse(spec, **facts)
    place_actors(doc, (*oak, "oak-council", ORG), (*trust, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    return self_titled_author(ctx, units_of(ctx))


def test_self_titled_author__fires_on_the_publisher_named_second():
    """'Oak Council - Northfold Trust view' on the Trust's own site is the Trust's view."""
    assert _two_named(publisher_key="northfold-trust") == "northfold-trust"


def test_self_titled_author__near_miss_the_publisher_not_named():
    """On a site of neither, the first organisation named before the document word stays."""
    assert _two_named(publisher_key="elm-society") == "oak-council"


# ---------------------------------------------------------------- what a published work includes
REPORT_INCLUDES = """
Northfold  PROPN NNP  compound 1 B-ORG
Trust      PROPN NNP  nsubj    2 I-ORG
published  VERB  VBD  ROOT     2 O lemma=publish
its        PRON  PRP$ poss     4 O
report     NOUN  NN   dobj     2 O
.          PUNCT .    punct    2 O
\\n         SPACE _SP  dep      5 O
The        DET   DT   det      8 O
report     NOUN  NN   nsubj    9 O
includes   VERB  VBZ  ROOT     9 O lemma=include
family     NOUN  NN   compound 11 O
help       NOUN  NN   dobj     9 O
.          PUNCT .    punct    9 O
"""
REPORT_MENTIONS = REPORT_INCLUDES.replace("includes   VERB  VBZ  ROOT     9 O lemma=include",
                                          "mentions   VERB  VBZ  ROOT     9 O lemma=mention")


def _contents(spec: str):
    return _all_contents(spec)[1]


def test_work_contents__fires():
    """The Trust published its report; 'the report includes family help' is the Trust's proposal."""
    u = _contents(REPORT_INCLUDES)
    assert (u.speaker, u.rule) == ("northfold-trust", "work-contents")


def test_work_contents__near_miss():
    """'The report mentions family help' reports what is in it; nobody puts it forward."""
    assert _contents(REPORT_MENTIONS).speaker is None


REPORT_FOCUS = REPORT_INCLUDES.split("\\n")[0] + """\\n         SPACE _SP  dep      5 O
The        DET   DT   det      8 O
report     NOUN  NN   nsubjpass 10 O
is         AUX   VBZ  auxpass  10 O lemma=be
backed     VERB  VBN  ROOT     10 O lemma=back
by         ADP   IN   agent    10 O
money      NOUN  NN   pobj     11 O
and        CCONJ CC   cc       10 O
has        VERB  VBZ  conj     10 O lemma=have
a          DET   DT   det      16 O
focus      NOUN  NN   dobj     14 O
on         ADP   IN   prep     16 O
family     NOUN  NN   compound 19 O
help       NOUN  NN   pobj     17 O
.          PUNCT .    punct    10 O
"""
REPORT_SECTION = REPORT_FOCUS.replace("focus      NOUN  NN   dobj", "section    NOUN  NN   dobj")


def test_work_contents__fires_on_a_focus_it_has():
    """'The report is backed by money and has a focus on family help': the Trust puts it forward."""
    u = _contents(REPORT_FOCUS)
    assert (u.speaker, u.rule, u.cue) == ("northfold-trust", "work-contents", "the report has")


def test_work_contents__near_miss_a_section_it_has():
    """'... and has a section on family help' says what is in it, not what it stresses."""
    assert _contents(REPORT_SECTION).speaker is None


REPORT_INCLUDES_MORE = REPORT_INCLUDES + """\\n         SPACE _SP  dep      12 O
This       PRON  DT   nsubj    15 O lemma=this
includes   VERB  VBZ  ROOT     15 O lemma=include
care       NOUN  NN   compound 17 O
leavers    NOUN  NNS  dobj     15 O lemma=leaver
.          PUNCT .    punct    15 O
"""
REPORT_MENTIONS_MORE = REPORT_INCLUDES_MORE.replace("includes   VERB  VBZ  ROOT     9 O lemma=include",
                                                    "mentions   VERB  VBZ  ROOT     9 O lemma=mention")


def _all_contents(spec: str):
    doc = parse(spec)
    place_actors(doc, (0, 2, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    note_publisher(ctx, ctx.sents[0])
    work_contents(ctx, units)
    return units


def test_work_contents__this_includes_goes_on_with_the_contents():
    """'The report includes family help. This includes care leavers.': both are the Trust's."""
    units = _all_contents(REPORT_INCLUDES_MORE)
    assert [(u.speaker, u.rule) for u in units[1:]] == [("northfold-trust", "work-contents")] * 2


def test_work_contents__near_miss_this_after_a_mere_mention():
    """After 'The report mentions family help.', 'This includes care leavers.' is nobody's."""
    assert _all_contents(REPORT_MENTIONS_MORE)[2].speaker is None


STRATEGY_UNLIKE_REVIEW = REPORT_INCLUDES.split("\\n")[0] + """\\n         SPACE _SP  dep      5 O
The        DET   DT   det      8 O
strategy   NOUN  NN   nsubj    16 O
,          PUNCT ,    punct    8 O
unlike     ADP   IN   prep     8 O
Jo         PROPN NNP  compound 12 B-PERSON
Doe        PROPN NNP  poss     14 I-PERSON
's         PART  POS  case     12 O
review     NOUN  NN   pobj     10 O
,          PUNCT ,    punct    8 O
includes   VERB  VBZ  ROOT     16 O lemma=include
family     NOUN  NN   compound 18 O
help       NOUN  NN   dobj     16 O
.          PUNCT .    punct    16 O
"""


def _strategy(*actors):
    doc = parse(STRATEGY_UNLIKE_REVIEW)
    place_actors(doc, *actors)
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    for sent in ctx.sents:
        note_publisher(ctx, sent)
    work_contents(ctx, units)
    return ctx, units[1]


def test_note_publisher__the_named_owner_of_a_work():
    """'Jo Doe's review' was put forward by Jo Doe; 'its report' names no owner of its own."""
    ctx, _ = _strategy((0, 2, "northfold-trust", ORG), (11, 13, "jo-doe", "person"))
    assert ctx.publishers == {"report": "northfold-trust", "review": "jo-doe"}


def test_work_contents__the_owner_of_another_work_the_sentence_names_is_not_it():
    """'The strategy, unlike Jo Doe's review, includes family help', after the Trust published its
    report: of the two who put work forward, Jo Doe's work is named as another thing."""
    _, u = _strategy((0, 2, "northfold-trust", ORG), (11, 13, "jo-doe", "person"))
    assert (u.speaker, u.rule) == ("northfold-trust", "work-contents")


def test_work_contents__near_miss_only_the_other_works_owner():
    """With no Trust in the article, Jo Doe (whose review the sentence sets apart) is not the owner."""
    _, u = _strategy((11, 13, "jo-doe", "person"))
    assert u.speaker is None


# ---------------------------------------------------------------- a letter's signatories
UNSIGNED_LETTER = SIGNED_LETTER.replace("Yours      PRON  PRP$ ROOT     4 O", "Best       ADJ   JJS  ROOT     4 O") \
    .replace("sincerely  ADV   RB   advmod   4 O", "wishes     NOUN  NNS  npadvmod 4 O")


def _letter(spec: str):
    doc = parse(spec)
    place_actors(doc, (8, 10, "hearth-alliance", "organisation"), (11, 13, "rosa-pell", "person"))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    signatories(ctx, units)
    return units[0]


def test_signatories__fires():
    """'We agree.' signed 'Yours sincerely, Hearth Alliance, Rosa Pell': the first signs it, both hold it."""
    u = _letter(SIGNED_LETTER)
    assert (u.speaker, u.rule, u.co_speakers) == ("hearth-alliance", "signatory", ("rosa-pell",))


def test_signatories__near_miss():
    """No sign-off: the names below are not signatories and 'We agree.' stays nobody's."""
    u = _letter(UNSIGNED_LETTER)
    assert (u.speaker, u.co_speakers) == (None, ())


# ---------------------------------------------------------------- a quotation across paragraphs
def test_quote_regions__an_open_quotation_closes_in_the_next_paragraph():
    text = "Jo said: \u201cWe waited.\n\n\u201cFamilies need help.\n\nWe oppose it.\u201d\n"
    (region,) = quote_regions(text, LEX)
    assert text[region[0]:region[1]].endswith("We oppose it.\u201d")


def test_quote_regions__near_miss_a_paragraph_that_closes_nothing():
    """The paragraph after an open quotation, with no closing mark, is the writer's."""
    text = "Jo said: \u201cWe waited.\n\nWe oppose it.\n"
    assert all("oppose" not in text[a:b] for a, b in quote_regions(text, LEX))


def test_quote_regions__straight_single_quotes_run_over_paragraphs_the_british_way():
    """"Jo said: 'We waited.", then paragraphs opening with a mark and only the last closing: one
    quotation over all three."""
    text = "Jo said: 'We waited.\n\n'Families need help.\n\n'We oppose it.'\n\nThe council replied.\n"
    spans = [text[a:b] for a, b in quote_regions(text, LEX)]
    assert any(q.startswith("'We waited.") and q.endswith("We oppose it.'") for q in spans)
    assert all("council" not in q for q in spans)


@pytest.mark.parametrize("text", [
    "The so-called 'Hearth Model' was praised by councils and charities across the region.\n",  # a scare quote
    "Councils' budgets are stretched and providers' profits keep rising across the country.\n",  # apostrophes
    "Jo said the 'we know best' attitude of ministers had to end before the plan could work.\n",  # lower case
])
def test_quote_regions__near_miss_straight_single_marks_that_quote_no_sentence(text):
    assert all(len(text[a:b].split()) < 5 for a, b in quote_regions(text, LEX))


# ---------------------------------------------------------------- a member's page on a parliamentary site
def _member(url: str, *people: str):
    from argmap.nlp.actors import _member_page
    from argmap.nlp.rules.actors import ActorContext
    from argmap.nlp.state import PERSON

    from .kit import TAXONOMY

    registry = {key: ActorInfo(key, key.replace("-", " ").title(), PERSON) for key in people}
    return _member_page(ActorContext(parse(SIGNED_LETTER), TAXONOMY, LEX), url, registry)


def test_member_page__fires_on_a_page_filed_under_one_member_the_text_names():
    assert _member("https://mirror.example.net/mp/rosa-pell/debate/2025-01-01/x", "rosa-pell", "tom-lane") == "rosa-pell"


def test_member_page__near_miss_two_members_or_none_named():
    assert _member("https://mirror.example.net/mp/rosa-pell/vs/tom-lane/2025", "rosa-pell", "tom-lane") is None
    assert _member("https://mirror.example.net/mp/ann-roe/debate/2025-01-01/x", "rosa-pell") is None
    assert _member("https://mirror.example.net/news/rosa-pell/2025", "rosa-pell") is None  # no member folder


# ---------------------------------------------------------------- a witness's own body in a transcript turn
THE_COALITION_WELCOMES = """
Jane       PROPN NNP compound 1 B-PERSON
Doe        PROPN NNP ROOT     1 I-PERSON
:          PUNCT :   punct    1 O
\\n         SPACE _SP dep      2 O
The        DET   DT  det      5 O
coalition  NOUN  NN  nsubj    6 O
welcomes   VERB  VBZ ROOT     6 O lemma=welcome
the        DET   DT  det      8 O
plan       NOUN  NN  dobj     6 O
.          PUNCT .   punct    6 O
"""
CARERS_COALITION_WELCOMES = THE_COALITION_WELCOMES.replace(
    "The        DET   DT  det      5 O", "Carers     PROPN NNP compound 5 B-ORG").replace(
    "coalition  NOUN  NN  nsubj    6 O", "Coalition  PROPN NNP nsubj    6 I-ORG")


def _turn(spec: str):
    """The second sentence's unit after the transcript pass: the coalition said it (speech verb 'welcomes')."""
    doc = parse(spec)
    place_actors(doc, (0, 2, "jane-doe", PERSON), (4, 6, "carers-coalition", ORG))
    ctx = attribution_ctx(doc)
    units = units_of(ctx, u1=("carers-coalition", "welcome", "speech-verb"))
    units[1].cue_token = 6
    transcript_turns(ctx, units)
    return units[1]


def test_transcript_turns__fires_on_the_body_the_witness_stands_for():
    """'Jane Doe:' then 'The coalition welcomes the plan': the organisation named only by a common
    noun is the witness's own, so the witness says it."""
    u = _turn(THE_COALITION_WELCOMES)
    assert (u.speaker, u.rule) == ("jane-doe", "transcript-turn")


def test_transcript_turns__near_miss_a_body_named_in_full():
    """'The Carers Coalition welcomes the plan' names the organisation: it keeps the sentence."""
    u = _turn(CARERS_COALITION_WELCOMES)
    assert (u.speaker, u.rule) == ("carers-coalition", "speech-verb")


# ---------------------------------------------------------------- a quotation read out in a turn
TURN_READS_OUT = """
Jane       PROPN NNP compound 1 B-PERSON
Doe        PROPN NNP ROOT     1 I-PERSON
:          PUNCT :   punct    1 O
\\n         SPACE _SP dep      2 O
I          PRON  PRP nsubjpass 6 O
was        AUX   VBD auxpass  6 O lemma=be
moved      VERB  VBN ROOT     6 O lemma=move
by         ADP   IN  agent    6 O
Hearth     PROPN NNP compound 9 B-ORG
Trust      PROPN NNP pobj     7 I-ORG
,          PUNCT ,   punct    9 O
which      PRON  WDT nsubj    12 O
wrote      VERB  VBD relcl    9 O lemma=write
:          PUNCT :   punct    6 O
\\n         SPACE _SP dep      13 O
“          PUNCT `` punct    17 O
We         PRON  PRP nsubj    17 O
back       VERB  VBP ROOT     17 O lemma=back
the        DET   DT  det      19 O
plan       NOUN  NN  dobj     17 O
.          PUNCT .   punct    17 O
”          PUNCT '' punct    17 O
"""
TURN_READS_OUT_OWN = TURN_READS_OUT.replace("wrote      VERB  VBD relcl    9 O lemma=write",
                                            "helped     VERB  VBD relcl    9 O lemma=help")


def _read_out_units(spec: str):
    doc = parse(spec)
    place_actors(doc, (0, 2, "jane-doe", PERSON), (8, 10, "hearth-trust", ORG))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    transcript_turns(ctx, units)
    return units


def test_transcript_turns__fires_on_a_quotation_a_turn_reads_out():
    """'Jane Doe:' then 'I was moved by the Hearth Trust, which wrote:' and a quotation: the Trust's."""
    u = _read_out_units(TURN_READS_OUT)[-1]
    assert (u.quoted, u.speaker, u.rule) == (True, "hearth-trust", "quote")


def test_transcript_turns__near_miss_a_quotation_after_no_clause_of_saying():
    """'... by the Hearth Trust, which helped:' says nothing of who wrote the quotation: the member's turn."""
    u = _read_out_units(TURN_READS_OUT_OWN)[-1]
    assert (u.speaker, u.rule) == ("jane-doe", "transcript-turn")


# ---------------------------------------------------------------- who writes a page with no front matter
IS_A_CHARITY = """
Halvergate  PROPN NNP  nsubj  1 B-ORG
is          AUX   VBZ  ROOT   1 O lemma=be
a           DET   DT   det    3 O
charity     NOUN  NN   attr   1 O
.           PUNCT .    punct  1 O
"""
IS_A_PROBLEM = IS_A_CHARITY.replace("charity     NOUN  NN   attr   1 O", "problem     NOUN  NN   attr   1 O")
THE_NATIONAL_CHARITY = """
Halvergate  PROPN NNP  nsubj  5 B-ORG
,           PUNCT ,    punct  0 O
the         DET   DT   det    3 O
charity     NOUN  NN   appos  0 O
,           PUNCT ,    punct  0 O
responds    VERB  VBZ  ROOT   5 O lemma=respond
.           PUNCT .    punct  5 O
"""


def _described(spec: str) -> bool:
    from argmap.nlp.attribution import self_described

    doc = parse(spec)
    place_actors(doc, (0, 1, "halvergate", ORG))
    ctx = attribution_ctx(doc)
    return self_described(ctx, units_of(ctx), "halvergate")


def test_self_described__fires_on_what_kind_of_body_it_is():
    """'Halvergate is a charity', 'Halvergate, the charity, responds': the page says what it is."""
    assert _described(IS_A_CHARITY)
    assert _described(THE_NATIONAL_CHARITY)


def test_self_described__near_miss_not_a_kind_of_body():
    """'Halvergate is a problem' says nothing of what kind of organisation it is."""
    assert not _described(IS_A_PROBLEM)


TWO_PRESENT = """
Halvergate  PROPN NNP  nsubj  1 B-ORG
welcomes    VERB  VBZ  ROOT   1 O lemma=welcome
it          PRON  PRP  dobj   1 O
.           PUNCT .    punct  1 O
Halvergate  PROPN NNP  nsubj  5 B-ORG
believes    VERB  VBZ  ROOT   5 O lemma=believe
it          PRON  PRP  dobj   5 O
.           PUNCT .    punct  5 O
"""
PRESENT_THEN_SAID = TWO_PRESENT.replace("believes    VERB  VBZ  ROOT   5 O lemma=believe",
                                        "said        VERB  VBD  ROOT   5 O lemma=say")


def _speaking(spec: str):
    from argmap.nlp.attribution import speaking_organisation

    doc = parse(spec)
    place_actors(doc, (0, 1, "halvergate", ORG), (4, 5, "halvergate", ORG))
    ctx = attribution_ctx(doc)
    units = units_of(ctx, u0=("halvergate", "welcome", "speech-verb"), u1=("halvergate", "believe", "speech-verb"))
    units[0].cue_token, units[1].cue_token = 1, 5
    return speaking_organisation(ctx, units)


def test_speaking_organisation__fires():
    """'Halvergate welcomes it. Halvergate believes it.': its own statement in the third person."""
    assert _speaking(TWO_PRESENT) == "halvergate"


def test_speaking_organisation__near_miss_a_report_of_what_it_said():
    """'Halvergate said it': a report of what it said, not its own page."""
    assert _speaking(PRESENT_THEN_SAID) is None


# ---------------------------------------------------------------- the writer the opening line announces
ANNOUNCED = """
Jane      PROPN NNP  compound 1 B-PERSON
Roe       PROPN NNP  nsubj    2 I-PERSON
responds  VERB  VBZ  ROOT     2 O lemma=respond
\\n        SPACE _SP  dep      2 O
I         PRON  PRP  nsubj    5 O
welcome   VERB  VBP  ROOT     5 O
it        PRON  PRP  dobj     5 O
.         PUNCT .    punct    5 O
I         PRON  PRP  nsubj    9 O
fear      VERB  VBP  ROOT     9 O
delay     NOUN  NN   dobj     9 O
.         PUNCT .    punct    9 O
"""
REPORTED = ANNOUNCED.replace("responds  VERB  VBZ  ROOT     2 O lemma=respond",
                             "responded VERB  VBD  ROOT     2 O lemma=respond")
ONE_I_SENTENCE = ANNOUNCED.replace("I         PRON  PRP  nsubj    9 O", "We        PRON  PRP  nsubj    9 O")


def _announced(spec: str):
    from argmap.nlp.attribution import announced_writer

    doc = parse(spec)
    place_actors(doc, (0, 2, "jane-roe", PERSON))
    ctx = attribution_ctx(doc)
    units = units_of(ctx, u0=("jane-roe", "respond", "speech-verb"))
    units[0].cue_token = 2
    return announced_writer(ctx, units)


def test_announced_writer__fires():
    """'Jane Roe responds', then a body that speaks as 'I': she writes the page."""
    assert _announced(ANNOUNCED) == "jane-roe"


def test_announced_writer__near_miss_a_past_report():
    """'Jane Roe responded': a report about her, not her page announcing itself."""
    assert _announced(REPORTED) is None


def test_announced_writer__near_miss_one_sentence_as_i():
    """One 'I' sentence is too little to call the page hers."""
    assert _announced(ONE_I_SENTENCE) is None


TALKED_TO = """
Jane      PROPN NNP  compound 1 B-PERSON
Roe       PROPN NNP  nsubj    2 I-PERSON
spoke     VERB  VBD  ROOT     2 O lemma=speak
to        ADP   IN   prep     2 O
us        PRON  PRP  pobj     3 O
.         PUNCT .    punct    2 O
\\n        SPACE _SP  dep      5 O
I         PRON  PRP  nsubj    8 O
welcome   VERB  VBP  ROOT     8 O
it        PRON  PRP  dobj     8 O
.         PUNCT .    punct    8 O
We        PRON  PRP  nsubj    12 O
fear      VERB  VBP  ROOT     12 O
delay     NOUN  NN   dobj     12 O
.         PUNCT .    punct    12 O
"""


def _talking(spec: str):
    from argmap.nlp.attribution import talking_writer

    doc = parse(spec)
    place_actors(doc, (0, 2, "jane-roe", PERSON))
    ctx = attribution_ctx(doc)
    return talking_writer(ctx, units_of(ctx))


def test_talking_writer__fires():
    """'Jane Roe spoke to us', then a body that speaks as 'I' and 'we': her words make the page."""
    assert _talking(TALKED_TO) == "jane-roe"


def test_talking_writer__near_miss_no_first_person_singular_or_no_talking_to():
    """A body only in 'we' is an organisation's; 'Jane Roe spoke' to nobody names no interview."""
    assert _talking(TALKED_TO.replace("I         PRON  PRP  nsubj    8 O", "We        PRON  PRP  nsubj    8 O")) is None
    assert _talking(TALKED_TO.replace("to        ADP   IN   prep     2 O", "today     NOUN  NN   npadvmod 2 O")) is None


PULL_QUOTE = """
We         PRON  PRP  nsubj    1 O
back       VERB  VBP  ROOT     1 O lemma=back
it         PRON  PRP  dobj     1 O
.          PUNCT .    punct    1 O
\\n         SPACE _SP  dep      3 O
Health     PROPN NNP  compound 8 O
Secretary  PROPN NNP  compound 8 O
Jane       PROPN NNP  compound 8 B-PERSON
Roe        PROPN NNP  ROOT     8 I-PERSON
"""


def _pull_quoted(spec: str, key: str = "jane-roe", kind: str = PERSON):
    from argmap.nlp.attribution import captioned_statements

    doc = parse(spec)
    place_actors(doc, (7, 9, key, kind))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    captioned_statements(ctx, units)
    return units[0].speaker


def test_captioned_statements__fires():
    """'We back it.' over the line 'Health Secretary Jane Roe': a pull quote and its caption."""
    assert _pull_quoted(PULL_QUOTE) == "jane-roe"


def test_captioned_statements__near_miss_no_first_person_or_an_organisation_below():
    """'They back it.' is no one's own statement; a line naming an organisation is no caption of a person."""
    assert _pull_quoted(PULL_QUOTE.replace("We         PRON", "They       PRON")) is None
    assert _pull_quoted(PULL_QUOTE, "roe-trust", ORG) is None


# ---------------------------------------------------------------- 'Written evidence submitted by X'
EVIDENCE_SUBMITTED_BY = """
Written    VERB  VBN  amod     1 O lemma=write
evidence   NOUN  NN   ROOT     1 O
submitted  VERB  VBN  acl      1 O lemma=submit
by         ADP   IN   agent    2 O
Northfold  PROPN NNP  compound 5 B-ORG
Trust      PROPN NNP  pobj     3 I-ORG
"""


def test_self_titled_author__fires_on_evidence_submitted_by():
    """'Written evidence submitted by Northfold Trust' (on Parliament's site): the Trust's evidence."""
    doc = parse(EVIDENCE_SUBMITTED_BY)
    place_actors(doc, (4, 6, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) == "northfold-trust"


def test_self_titled_author__near_miss_evidence_submitted_about():
    """'Written evidence submitted about Northfold Trust' is about the Trust, not by it."""
    spec = EVIDENCE_SUBMITTED_BY.replace("by         ADP   IN   agent", "about      ADP   IN   prep ")
    doc = parse(spec)
    place_actors(doc, (4, 6, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) is None


def test_self_titled_author__evidence_by_a_name_the_parser_took_apart():
    """'Written evidence submitted by Just for Kids Law', parsed with nothing under 'by': the
    organisation named right after 'by' wrote it; one named later in the line did not."""
    doc = parse(EVIDENCE_BY_NAME_PARSED_APART)
    place_actors(doc, (4, 8, "just-for-kids-law", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) == "just-for-kids-law"
    doc = parse(EVIDENCE_BY_NAME_PARSED_APART)
    place_actors(doc, (6, 8, "kids-law", ORG))
    ctx = attribution_ctx(doc)
    assert self_titled_author(ctx, units_of(ctx)) is None


# ---------------------------------------------------------------- the publisher after another body's document
OTHERS_RESPONSE_THEN_OWN = """
Oak        PROPN NNP  compound 1 B-ORG
Council    PROPN NNP  poss     3 I-ORG
's         PART  POS  case     1 O
response   NOUN  NN   ROOT     3 O
:          PUNCT :    punct    3 O
Northfold  PROPN NNP  compound 6 B-ORG
Trust      PROPN NNP  compound 7 I-ORG
response   NOUN  NN   appos    3 O
"""


def _others_response(**facts):
    return _titled_two(OTHERS_RESPONSE_THEN_OWN, (0, 2), (5, 7), **facts)


def test_self_titled_author__fires_on_the_publisher_after_another_bodys_document():
    """'Oak Council's response: Northfold Trust response' on the Trust's site is the Trust's."""
    assert _others_response(publisher_key="northfold-trust") == "northfold-trust"


def test_self_titled_author__near_miss_the_publisher_not_in_the_title():
    """On a site of neither, the publisher is no author; the title's own document, the one after the
    colon, is still the Trust's (since stop 38; the Council's response is what it answers)."""
    assert _others_response(publisher_key="elm-society") == "northfold-trust"


# ---------------------------------------------------------------- a letterhead, and a letter's recipient
# 'Hearth Alliance' alone on the first line, then two 'we' sentences; with a greeting line
# ('Dear Jo,') below the name, the name is the recipient's address
HEADED_WE = """
Hearth     PROPN NNP  compound 1 O
Alliance   PROPN NNP  ROOT     1 O
\\n        SPACE _SP  dep      1 O
We         PRON  PRP  nsubj    4 O
welcome    VERB  VBP  ROOT     4 O lemma=welcome
it         PRON  PRP  dobj     4 O
.          PUNCT .    punct    4 O
We         PRON  PRP  nsubj    8 O
hope       VERB  VBP  ROOT     8 O lemma=hope
so         ADV   RB   advmod   8 O
.          PUNCT .    punct    8 O
"""
GREETED_WE = """
Hearth     PROPN NNP  compound 1 O
Alliance   PROPN NNP  ROOT     1 O
\\n        SPACE _SP  dep      1 O
Dear       ADJ   JJ   amod     4 O
Jo         PROPN NNP  ROOT     4 O
,          PUNCT ,    punct    4 O
\\n        SPACE _SP  dep      4 O
We         PRON  PRP  nsubj    8 O
welcome    VERB  VBP  ROOT     8 O lemma=welcome
it         PRON  PRP  dobj     8 O
.          PUNCT .    punct    8 O
We         PRON  PRP  nsubj    12 O
hope       VERB  VBP  ROOT     12 O lemma=hope
so         ADV   RB   advmod   12 O
.          PUNCT .    punct    12 O
"""


def _headed(spec: str):
    from argmap.nlp.attribution import _greeting, organisation_author

    doc = parse(spec)
    place_actors(doc, (0, 2, "hearth-alliance", ORG))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    return _greeting(ctx, units), organisation_author(ctx, units)


def test_a_letterhead_names_the_writer_of_a_we_page():
    """'Hearth Alliance' alone heading a page that speaks as 'we', naming no one: its page."""
    assert _headed(HEADED_WE) == (-1, "hearth-alliance")


def test_a_name_above_a_greeting_is_the_recipient_not_a_letterhead():
    """'Hearth Alliance' / 'Dear Jo,' / 'We ...': the name is where the letter goes (without the
    greeting, the same page is the Alliance's: the test above)."""
    greeting, writer = _headed(GREETED_WE)
    assert greeting >= 1 and writer is None


# ---------------------------------------------------------------- a question-and-answer page with labelled lines
# "Care Weekly (CW): Will it work?" / "Jane Doe (JD): The plan is good." / "It helps." / "CW: Why?" /
# "JD: It is late."
LABELLED_QA = """
Care       PROPN NNP compound 1  B-ORG
Weekly     PROPN NNP ROOT     1  I-ORG
(          PUNCT -LRB- punct  1  O
CW         PROPN NNP appos    1  O
)          PUNCT -RRB- punct  1  O
:          PUNCT :   punct    1  O
Will       AUX   MD  aux      8  O
it         PRON  PRP nsubj    8  O
work       VERB  VB  ROOT     8  O
?          PUNCT .   punct    8  O
\\n         SPACE _SP dep      8  O
Jane       PROPN NNP compound 12 B-PERSON
Doe        PROPN NNP ROOT     12 I-PERSON
(          PUNCT -LRB- punct  12 O
JD         PROPN NNP appos    12 O
)          PUNCT -RRB- punct  12 O
:          PUNCT :   punct    12 O
The        DET   DT  det      18 O
plan       NOUN  NN  nsubj    19 O
is         AUX   VBZ ROOT     19 O lemma=be
good       ADJ   JJ  acomp    19 O
.          PUNCT .   punct    19 O
\\n         SPACE _SP dep      22 O
It         PRON  PRP nsubj    24 O
helps      VERB  VBZ ROOT     24 O lemma=help
.          PUNCT .   punct    24 O
\\n         SPACE _SP dep      24 O
CW         PROPN NNP ROOT     27 O
:          PUNCT :   punct    27 O
Why        ADV   WRB advmod   27 O
?          PUNCT .   punct    27 O
\\n         SPACE _SP dep      27 O
JD         PROPN NNP ROOT     32 O
:          PUNCT :   punct    32 O
It         PRON  PRP nsubj    35 O
is         AUX   VBZ ROOT     35 O lemma=be
late       ADJ   JJ  acomp    35 O
.          PUNCT .   punct    35 O
"""


def _labelled(spec: str = LABELLED_QA):
    doc = parse(spec)
    place_actors(doc, (0, 2, "care-weekly", ORG), (11, 13, "jane-doe", PERSON))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    transcript_turns(ctx, units)
    return [(ctx.sents[u.sent].text.strip()[:12], u.speaker) for u in units]


def test_transcript_turns__a_labelled_line_opens_a_turn_and_its_initials_go_on():
    """'Jane Doe (JD): The plan is good.' and the paragraph after it are hers, and so is a later line
    labelled with her initials; the interviewer's labelled question is nobody's."""
    found = dict(_labelled())
    assert found["Jane Doe (JD"] == "jane-doe" and found["It helps."] == "jane-doe"
    assert found["Care Weekly "] is None and found["CW: Why?"] is None  # the interviewer's questions
    assert found["It is late."] == "jane-doe"  # after 'JD:', her turn again


def test_transcript_turns__near_miss_a_label_that_names_no_actor():
    """When 'Jane Doe' is no actor, her label opens no turn: no line gets a speaker."""
    doc = parse(LABELLED_QA)
    place_actors(doc, (0, 2, "care-weekly", ORG))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    transcript_turns(ctx, units)
    assert all(u.speaker is None for u in units)


def test_transcript_turns__near_miss_one_labelled_line_is_no_interview():
    """With the interviewer's name no actor, one line alone is labelled with an actor ('Jane Doe (JD):
    ...', as a headline 'BASW: ...' would be): no question-and-answer layout, no turn."""
    doc = parse(LABELLED_QA)
    place_actors(doc, (11, 13, "jane-doe", PERSON))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    transcript_turns(ctx, units)
    assert all(u.speaker is None for u in units)


def test_publisher_author__near_miss_the_we_of_an_interviewees_turn():
    """'We help.' in the interviewee's turn is hers, not the publisher's: a Q&A page whose only 'we'
    is in someone's turn is not the publisher's own statement; before the turns are read it would be."""
    spec = LABELLED_QA.replace("It         PRON  PRP nsubj    24 O", "We         PRON  PRP nsubj    24 O")
    doc = parse(spec)
    place_actors(doc, (0, 2, "care-weekly", ORG), (11, 13, "jane-doe", PERSON))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    facts = {"publisher_key": "care-weekly"}
    assert publisher_author(ctx, units, facts) == "care-weekly"
    transcript_turns(ctx, units)
    assert publisher_author(ctx, units, facts) is None


# ---------------------------------------------------------------- a writer's captioned picture
CAPTIONED = """
Jane      PROPN NNP  compound 1 B-PERSON
Roe       PROPN NNP  ROOT     1 I-PERSON
\u00a9         PROPN NNP  appos    1 O
Studio    PROPN NNP  compound 4 B-ORG
One       PROPN NNP  appos    1 I-ORG
\\n        SPACE _SP  dep      4 O
I         PRON  PRP  nsubj    7 O
welcome   VERB  VBP  ROOT     7 O
it        PRON  PRP  dobj     7 O
.         PUNCT .    punct    7 O
I         PRON  PRP  nsubj    11 O
fear      VERB  VBP  ROOT     11 O
delay     NOUN  NN   dobj     11 O
.         PUNCT .    punct    11 O
"""
TWO_PICTURED = CAPTIONED.replace("\u00a9         PROPN NNP  appos    1 O", "Tom       PROPN NNP  appos    1 B-PERSON")
ONE_I_UNDER_PICTURE = CAPTIONED.replace("I         PRON  PRP  nsubj    11 O", "We        PRON  PRP  nsubj    11 O")


def _captioned(spec: str, *extra):
    from argmap.nlp.attribution import captioned_writer

    doc = parse(spec)
    place_actors(doc, (0, 2, "jane-roe", PERSON), *extra)
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    assert units[0].heading
    return captioned_writer(ctx, units)


def test_captioned_writer__fires():
    """'Jane Roe \u00a9 Studio One' over a body that speaks as 'I': her picture heads her piece."""
    assert _captioned(CAPTIONED) == "jane-roe"


def test_captioned_writer__near_miss_a_caption_naming_two():
    """A caption naming two people ('Jane Roe, Tom ...') says nothing of who writes."""
    assert _captioned(TWO_PICTURED, (2, 3, "tom", PERSON)) is None


def test_captioned_writer__near_miss_one_sentence_as_i():
    """One 'I' sentence under a captioned picture is too little to call the page hers."""
    assert _captioned(ONE_I_UNDER_PICTURE) is None


# 'Ministry's response to the review: Northfold Trust response': the title of the Trust's own page
RESPONSE_TO_A_RESPONSE = """
Ministry   PROPN NNP  poss     2 B-ORG
's         PART  POS  case     0 O
response   NOUN  NN   ROOT     2 O
to         ADP   IN   prep     2 O
the        DET   DT   det      5 O
review     NOUN  NN   pobj     3 O
:          PUNCT :    punct    2 O
Northfold  PROPN NNP  compound 8 B-ORG
Trust      PROPN NNP  compound 9 I-ORG
response   NOUN  NN   appos    2 O
"""
VIEWS_AFTER_A_RESPONSE = RESPONSE_TO_A_RESPONSE.replace("response   NOUN  NN   appos    2 O",
                                                        "views      NOUN  NNS  appos    2 O lemma=view")


def _two_responses(spec: str):
    doc = parse(spec)
    place_actors(doc, (0, 1, "ministry", ORG), (7, 9, "northfold-trust", ORG))
    ctx = attribution_ctx(doc)
    return self_titled_author(ctx, units_of(ctx))


def test_self_titled_author__fires_on_the_document_after_the_colon():
    """'Ministry's response to the review: Northfold Trust response': the part after the colon names
    the page's own document, the Trust's; the Ministry's is what it responds to."""
    assert _two_responses(RESPONSE_TO_A_RESPONSE) == "northfold-trust"


def test_self_titled_author__near_miss_no_document_after_the_colon():
    """'Ministry's response to the review: Northfold Trust views' has no document word after the
    colon: the title's document is the Ministry's response, as before."""
    assert _two_responses(VIEWS_AFTER_A_RESPONSE) == "ministry"


# ---------------------------------------------------------------- the writers of a letter
WRITTEN_THEN_URGES = """
Mina      PROPN NNP  compound 1 B-PERSON
Ruel      PROPN NNP  nsubj    6 I-PERSON
and       CCONJ CC   cc       1 O
Jo        PROPN NNP  compound 4 B-PERSON
Bell      PROPN NNP  conj     1 I-PERSON
have      AUX   VBP  aux      6 O
written   VERB  VBN  ROOT     6 O lemma=write
to        ADP   IN   prep     6 O
ministers NOUN  NNS  pobj     7 O lemma=minister
.         PUNCT .    punct    6 O
The       DET   DT   det      11 O
letter    NOUN  NN   nsubj    12 O
urges     VERB  VBZ  ROOT     12 O lemma=urge
them      PRON  PRP  dobj     12 O
to        PART  TO   aux      15 O
act       VERB  VB   xcomp    12 O
.         PUNCT .    punct    12 O
"""


def _letter_units(spec: str):
    from argmap.nlp.attribution import letter_writers

    doc = parse(spec)
    place_actors(doc, (0, 2, "mina-ruel", PERSON), (3, 5, "jo-bell", PERSON))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    letter_writers(ctx, units)
    return units


def test_letter_writers__fires():
    """'Mina Ruel and Jo Bell have written to ministers. The letter urges them to act.': the first
    writer says the letter's sentence, the other with her."""
    units = _letter_units(WRITTEN_THEN_URGES)
    assert (units[1].speaker, units[1].rule, units[1].co_speakers) == ("mina-ruel", "letter-writers", ("jo-bell",))


def test_letter_writers__near_miss_writing_to_no_one_about_no_letter():
    """'Mina Ruel and Jo Bell have written on ministers': nobody written to and no letter in that
    sentence, so nobody is the letter's writer; its words stay nobody's."""
    spec = WRITTEN_THEN_URGES.replace("to        ADP   IN   prep     6 O", "on        ADP   IN   prep     6 O")
    assert _letter_units(spec)[1].speaker is None


# ---------------------------------------------------------------- the actor of an 'as' clause
AS_THE_LGA_SUGGESTS = """
BASW      PROPN NNP  nsubj    1 B-ORG
said      VERB  VBD  ROOT     1 O lemma=say
ministers NOUN  NNS  nsubj    10 O lemma=minister
must      AUX   MD   aux      10 O
,         PUNCT ,    punct    10 O
as        SCONJ IN   mark     8 O
the       DET   DT   det      7 O
LGA       PROPN NNP  nsubj    8 B-ORG
suggests  VERB  VBZ  advcl    10 O lemma=suggest
,         PUNCT ,    punct    10 O
act       VERB  VB   ccomp    1 O
.         PUNCT .    punct    1 O
"""


def _agreeing(spec: str):
    from argmap.nlp.attribution import agreeing_others

    doc = parse(spec)
    place_actors(doc, (0, 1, "basw", ORG), (7, 8, "lga", ORG))
    ctx = attribution_ctx(doc)
    units = units_of(ctx, u0=("basw", "say", "speech-verb"))
    units[0].cue_token = 1
    agreeing_others(ctx, units)
    return units[0].co_speakers


def test_agreeing_others__fires():
    """'BASW said ministers must, as the LGA suggests, act': the LGA holds it with BASW."""
    assert _agreeing(AS_THE_LGA_SUGGESTS) == ("lga",)


def test_agreeing_others__near_miss_not_set_off():
    """'... must as the LGA suggests act' (no comma): the clause describes, it is no one agreeing."""
    spec = AS_THE_LGA_SUGGESTS.replace(",         PUNCT ,    punct    10 O\nas",
                                       "so        ADV   RB   advmod   10 O\nas")
    assert _agreeing(spec) == ()


WRITTEN_QUESTION = """
Question   NOUN  NN   ROOT     0 O
to         ADP   IN   prep     0 O
the        DET   DT   det      3 O
Ministry   PROPN NNP  pobj     1 B-ORG
:          PUNCT :    punct    0 O
\\n         SPACE _SP  dep      4 O
To         PART  TO   aux      7 O
ask        VERB  VB   ROOT     7 O
ministers  NOUN  NNS  dobj     7 O
what       PRON  WP   dobj     11 O
they       PRON  PRP  nsubj    11 O
plan       VERB  VBP  ccomp    7 O
.          PUNCT .    punct    7 O
\\n         SPACE _SP  dep      12 O
We         PRON  PRP  nsubj    15 O
plan       VERB  VBP  ROOT     15 O
homes      NOUN  NNS  dobj     15 O
.          PUNCT .    punct    15 O
"""


def _answered(spec: str):
    from argmap.nlp.attribution import answering_body

    doc = parse(spec)
    place_actors(doc, (3, 4, "ministry", ORG))
    ctx = attribution_ctx(doc)
    units = units_of(ctx)
    return answering_body(ctx, units), [u.speaker for u in units]


def test_answering_body__fires():
    """'Question to the Ministry:', 'To ask ministers what they plan.', then 'We plan homes.': the
    Ministry answers, and the question is nobody's the page names."""
    body, speakers = _answered(WRITTEN_QUESTION)
    assert body == "ministry"
    assert speakers[1] == UNNAMED


def test_answering_body__near_miss_no_question_heading_or_no_formula():
    """'Letter to the Ministry:' puts no question; a page without 'To ask ...' holds no written question."""
    assert _answered(WRITTEN_QUESTION.replace("Question   NOUN", "Letter     NOUN"))[0] is None
    body, speakers = _answered(WRITTEN_QUESTION.replace("To         PART  TO   aux", "Then       ADV   RB   advmod"))
    assert body is None and speakers[1] is None
