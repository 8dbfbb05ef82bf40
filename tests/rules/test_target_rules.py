"""The target rules, one by one, on hand-built Docs: where each fires and a near miss where it must not.

Tables: targets.steps, targets.lead, targets.candidates.
"""

from __future__ import annotations

import pytest

from argmap.model import Stance
from argmap.nlp import cues as K
from argmap.nlp.cues import Cue
from argmap.nlp.rules.targets import (
    CANDIDATES, DROP, KEEP, LEAD, STEPS, call_for_change, candidate, content, described_thing, diagnosis, discovery, earlier_candidate, grounds, harm_subject,
    headline_policy, lead_document_step, matches, noun_chunks, proposals, opening_lead, passive_subject_step, pointed_scope,
    pressed_for, pronoun_antecedent, purpose, recommended_thing, reference, restrained_step, set_aside_step,
    stance_object, title_lead,
    topic_lead, topic_words,
)

from .kit import LEX, TAXONOMY, parse, target_ctx, work

SUPPORT, OBJECT, NEUTRAL = Stance.SUPPORT, Stance.OBJECT, Stance.NEUTRAL
WORD = Cue(K.WORD, +1, "backed", "word")
OBJECTION = Cue(K.PHRASE, -1, "says nothing about", "phrase")


def steps(spec: str, sent: int, stance: Stance, *cues: Cue, title: str | None = None, candidates=()):
    """(the context, the draft being linked) for sentence ``sent`` of a hand-built Doc."""
    ctx = target_ctx(parse(spec, title=title))
    for cand in candidates:
        ctx.add_candidate(cand)
    return ctx, work(ctx, sent, stance, *cues)


def linked(spec: str, sent: int, stance: Stance, *cues: Cue, **kw):
    """Which step decides, what it decides, and the claim's targets and grounds after the steps."""
    ctx, w = steps(spec, sent, stance, *cues, **kw)
    name, verdict = STEPS.first_named(ctx, w)
    return name, verdict, w.draft.targets, w.draft.themes


# ---------------------------------------------------------------- targets.steps
MORE_EFFORT = """
More     ADJ   JJR amod      1 O
effort   NOUN  NN  nsubjpass 4 O
should   AUX   MD  aux       4 O
be       AUX   VB  auxpass   4 O
made     VERB  VBN ROOT      4 O lemma=make
in       ADP   IN  prep      4 O
keeping  VERB  VBG pcomp     5 O lemma=keep
siblings NOUN  NNS dobj      6 O lemma=sibling
together ADV   RB  advmod    6 O
.        PUNCT .   punct     4 O
"""
MORE_EFFORT_NAMED = """
More     ADJ   JJR amod      1 O
effort   NOUN  NN  nsubjpass 4 O
should   AUX   MD  aux       4 O
be       AUX   VB  auxpass   4 O
made     VERB  VBN ROOT      4 O lemma=make
in       ADP   IN  prep      4 O
family   NOUN  NN  compound  7 O
help     NOUN  NN  pobj      5 O
.        PUNCT .   punct     4 O
"""
RECOMMENDS = Cue(K.RECOMMENDATION, +1, "should (what it asks for)", "recommendation")


def test_targets_steps__recommended_thing__fires():
    ctx, w = steps(MORE_EFFORT, 0, SUPPORT, RECOMMENDS)
    assert recommended_thing(ctx, w) == KEEP
    assert w.draft.targets == ["candidate-keeping-siblings"]
    assert linked(MORE_EFFORT, 0, SUPPORT, RECOMMENDS) == \
        ("recommended-thing", KEEP, ["candidate-keeping-siblings"], [])


def test_targets_steps__recommended_thing__near_miss():
    """A recommendation that names its proposal is about that proposal."""
    ctx, w = steps(MORE_EFFORT_NAMED, 0, SUPPORT, RECOMMENDS)
    assert recommended_thing(ctx, w) is None
    assert linked(MORE_EFFORT_NAMED, 0, SUPPORT, RECOMMENDS)[:3] == ("grounds", KEEP, ["family-help"])


# "Kinship allowance for" (a headline), two paragraphs naming nothing, then "The scheme should be extended."
SCHEME_EXTENDED = """
Kinship    NOUN  NN  compound 1 O
allowance  NOUN  NN  ROOT     1 O
for        ADP   IN  prep     1 O
\\n\\n       SPACE _SP dep      2 O
Parents    NOUN  NNS nsubj    5 O lemma=parent
waited     VERB  VBD ROOT     5 O lemma=wait
.          PUNCT .   punct    5 O
\\n\\n       SPACE _SP dep      5 O
Councils   NOUN  NNS nsubj    9 O lemma=council
met        VERB  VBD ROOT     9 O lemma=meet
.          PUNCT .   punct    9 O
\\n\\n       SPACE _SP dep      9 O
The        DET   DT  det      13 O
scheme     NOUN  NN  nsubjpass 16 O
should     AUX   MD  aux      16 O
be         AUX   VB  auxpass  16 O
extended   VERB  VBN ROOT     16 O lemma=extend
.          PUNCT .   punct    16 O
"""


def test_targets_steps__recommended_thing__fires_on_the_articles_lead_when_it_points_back_to_nothing_near():
    """'The scheme should be extended', with no scheme named nearby, in an article headlined on the
    kinship allowance: that allowance."""
    ctx, w = steps(SCHEME_EXTENDED, 3, SUPPORT, RECOMMENDS)
    assert recommended_thing(ctx, w) == KEEP
    assert w.draft.targets == ["kinship-allowance"]


def test_targets_steps__recommended_thing__near_miss_no_lead_to_point_back_to():
    """The same under a headline that names no proposal: nothing to point back to, so dropped."""
    spec = SCHEME_EXTENDED.replace("Kinship    NOUN  NN  compound 1 O", "Rainy      ADJ   JJ  amod     1 O") \
        .replace("allowance  NOUN  NN  ROOT     1 O", "weather    NOUN  NN  ROOT     1 O")
    ctx, w = steps(spec, 3, SUPPORT, RECOMMENDS)
    assert recommended_thing(ctx, w) == DROP


# "Every family help case stays with a social worker."
FAMILY_HELP_CASE = """
Every      DET   DT  det      3 O
family     NOUN  NN  compound 2 O
help       NOUN  NN  compound 3 O
case       NOUN  NN  nsubj    4 O
stays      VERB  VBZ ROOT     4 O lemma=stay
with       ADP   IN  prep     4 O
a          DET   DT  det      8 O
social     ADJ   JJ  amod     8 O
worker     NOUN  NN  pobj     5 O
.          PUNCT .   punct    4 O
"""


def test_targets_matches__a_name_that_only_modifies_a_casework_noun_names_no_proposal():
    """'every family help case': one piece of casework, not the family help policy; 'every family
    help team' still names it."""
    ctx = target_ctx(parse(FAMILY_HELP_CASE))
    assert [m.id for m in matches(ctx, ctx.sents[0])] == []
    team = FAMILY_HELP_CASE.replace("case       NOUN  NN  nsubj", "team       NOUN  NN  nsubj")
    ctx = target_ctx(parse(team))
    assert [m.id for m in matches(ctx, ctx.sents[0])] == ["family-help"]


PAY_CAP = """
Agency    NOUN  NN  nmod     2 O
social    ADJ   JJ  amod     2 O
workers   NOUN  NNS nsubj    3 O lemma=worker
face      VERB  VBP ROOT     3 O
pay       NOUN  NN  compound 5 O
cap       NOUN  NN  dobj     3 O
\\n       SPACE _SP dep      5 O
Unions    NOUN  NNS nsubj    8 O lemma=union
welcomed  VERB  VBD ROOT     8 O lemma=welcome
the       DET   DT  det      10 O
cap       NOUN  NN  dobj     8 O
.         PUNCT .   punct    8 O
"""
PAY_RISE = """
Agency    NOUN  NN  nmod     2 O
social    ADJ   JJ  amod     2 O
workers   NOUN  NNS nsubj    3 O lemma=worker
face      VERB  VBP ROOT     3 O
pay       NOUN  NN  compound 5 O
cap       NOUN  NN  dobj     3 O
\\n       SPACE _SP dep      5 O
Unions    NOUN  NNS nsubj    8 O lemma=union
welcomed  VERB  VBD ROOT     8 O lemma=welcome
the       DET   DT  det      11 O
pay       NOUN  NN  compound 11 O
rise      NOUN  NN  dobj     8 O
.         PUNCT .   punct    8 O
"""
HEADLINE = "Agency social workers face pay cap"


def test_targets_steps__headline_policy__fires():
    ctx, w = steps(PAY_CAP, 1, SUPPORT, WORD, title=HEADLINE)
    assert headline_policy(ctx, w) == KEEP and w.draft.targets == ["candidate-pay-cap"]
    assert linked(PAY_CAP, 1, SUPPORT, WORD, title=HEADLINE)[:3] == ("headline-policy", KEEP, ["candidate-pay-cap"])


def test_targets_steps__headline_policy__near_miss():
    ctx, w = steps(PAY_RISE, 1, SUPPORT, WORD, title=HEADLINE)
    assert headline_policy(ctx, w) is None
    assert linked(PAY_RISE, 1, SUPPORT, WORD, title=HEADLINE)[0] != "headline-policy"


def test_targets_steps__headline_policy__near_miss_a_plural_is_not_the_headlines_one_policy():
    """'Unions welcomed the caps' does not point back to the one 'pay cap' of the headline."""
    spec = PAY_CAP.replace("cap       NOUN  NN  dobj     8 O", "caps      NOUN  NNS dobj     8 O lemma=cap")
    ctx, w = steps(spec, 1, SUPPORT, WORD, title=HEADLINE)
    assert headline_policy(ctx, w) is None


HUB = """
She       PRON  PRP nsubj    1 O
backed    VERB  VBD ROOT     1 O lemma=back
the       DET   DT  det      3 O
hub       NOUN  NN  dobj     1 O
,         PUNCT ,   punct    3 O
which     PRON  WDT nsubj    7 O
will      AUX   MD  aux      7 O
run       VERB  VB  relcl    3 O
family    NOUN  NN  compound 9 O
help      NOUN  NN  dobj     7 O
with      ADP   IN  prep     7 O
relatives NOUN  NNS pobj     10 O lemma=relative
together  ADV   RB  advmod   7 O
in        ADP   IN  prep     7 O
court     NOUN  NN  pobj     13 O
.         PUNCT .   punct    1 O
"""


def test_targets_steps__described_thing__fires():
    """'She backed the hub, which will run family help with relatives together in court': family help
    only describes the hub; the sentence's words are those of family group conferences."""
    ctx, w = steps(HUB, 0, SUPPORT, WORD)
    assert w.own == ["family-help"]
    assert described_thing(ctx, w) == KEEP and w.draft.targets == ["family-group-conferences"]
    assert linked(HUB, 0, SUPPORT, WORD)[:3] == ("described-thing", KEEP, ["family-group-conferences"])


def test_targets_steps__described_thing__near_miss_named_in_the_main_clause():
    """'She backed family help, which will bring relatives together in court': family help is backed."""
    spec = HUB.replace("the       DET   DT  det      3 O\nhub       NOUN  NN  dobj     1 O",
                       "family    NOUN  NN  compound 3 O\nhelp      NOUN  NN  dobj     1 O")
    spec = spec.replace("family    NOUN  NN  compound 9 O\nhelp      NOUN  NN  dobj     7 O",
                        "more      ADJ   JJR amod     9 O\nsupport   NOUN  NN  dobj     7 O")
    ctx, w = steps(spec, 0, SUPPORT, WORD)
    assert w.own == ["family-help"] and described_thing(ctx, w) is None


def test_targets_steps__described_thing__near_miss_no_other_topic():
    """Without the words of another proposal the name in the description stays the target."""
    spec = HUB.replace("relatives NOUN  NNS pobj     10 O lemma=relative", "staff     NOUN  NN  pobj     10 O")
    ctx, w = steps(spec, 0, SUPPORT, WORD)
    assert described_thing(ctx, w) is None


WELCOMED_THE = """
Unions    NOUN  NNS nsubj    1 O lemma=union
welcomed  VERB  VBD ROOT     1 O lemma=welcome
the       DET   DT  det      3 O
{noun}
.         PUNCT .   punct    1 O
"""
FRAMEWORK = WELCOMED_THE.format(noun="framework NOUN  NN  dobj     1 O")


def test_targets_steps__headline_policy__fires_for_a_proposal_the_headline_names():
    """'Social workers get career framework' over 'Unions welcomed the framework.': the taxonomy's
    career framework, though the body never names it."""
    ctx, w = steps(FRAMEWORK, 0, SUPPORT, WORD, title="Social workers get career framework")
    assert headline_policy(ctx, w) == KEEP and w.draft.targets == ["career-framework"]
    assert w.draft.target_cues[-1] == "points back to the headline"


@pytest.mark.parametrize("title,noun", [
    ("Social workers get career framework", "plan      NOUN  NN  dobj     1 O"),  # another noun
    ("Social workers get career framework", "frameworks NOUN NNS dobj     1 O lemma=framework"),  # a plural
    ("Ministers defend the reforms", "reforms   NOUN  NNS dobj     1 O lemma=reform"),  # the umbrella
])
def test_targets_steps__headline_policy__near_miss_the_headline_names_no_such_proposal(title, noun):
    ctx, w = steps(WELCOMED_THE.format(noun=noun), 0, SUPPORT, WORD, title=title)
    assert headline_policy(ctx, w) is None


def test_headline_policies__a_scheme_the_taxonomy_names_is_no_new_policy():
    """'Family help support scheme praised': the scheme is family help, not a new 'support scheme';
    'New support scheme praised' names one the taxonomy does not know."""
    from argmap.nlp.rules.targets import lead_candidates

    ctx = target_ctx(parse(PAY_CAP, title="Family help support scheme praised"))
    assert "scheme" not in lead_candidates(ctx)
    ctx = target_ctx(parse(PAY_CAP, title="New support scheme praised"))
    assert lead_candidates(ctx)["scheme"][1] == "support scheme"


GUIDANCE_REFORMS = """
Ministers  NOUN  NNS nsubj    1 O lemma=minister
publish    VERB  VBP ROOT     1 O
practice   NOUN  NN  compound 3 O
guidance   NOUN  NN  dobj     1 O
\\n        SPACE _SP dep      3 O
Unions     NOUN  NNS nsubj    6 O lemma=union
welcomed   VERB  VBD ROOT     6 O lemma=welcome
the        DET   DT  det      8 O
reforms    NOUN  NNS dobj     6 O lemma=reform
.          PUNCT .   punct    6 O
"""
RULES_REFORMS = GUIDANCE_REFORMS.replace("practice   NOUN  NN  compound 3 O", "new        ADJ   JJ  amod     3 O").replace(
    "guidance   NOUN  NN  dobj     1 O", "rules      NOUN  NNS dobj     1 O lemma=rule")


def test_targets_steps__lead_document__fires():
    """'the reforms' in an article whose opening names one policy document: that document."""
    ctx, w = steps(GUIDANCE_REFORMS, 1, SUPPORT, WORD)
    assert w.draft.targets == ["care-reform"]
    assert lead_document_step(ctx, w) is None and w.draft.targets == ["practice-guidance"]
    assert linked(GUIDANCE_REFORMS, 1, SUPPORT, WORD)[2] == ["practice-guidance"]


def test_targets_steps__lead_document__near_miss():
    """No document in the opening: the reforms are the reform as a whole."""
    ctx, w = steps(RULES_REFORMS, 1, SUPPORT, WORD)
    assert lead_document_step(ctx, w) is None and w.draft.targets == ["care-reform"]
    assert linked(RULES_REFORMS, 1, SUPPORT, WORD)[2] == ["care-reform"]


def test_lead_document__several_named_the_first_alone_in_its_sentence():
    """An opening that names two documents: the one named first, when its sentence names no other."""
    from argmap.nlp.rules.targets import lead_document

    ctx, _ = steps(GUIDANCE_REFORMS, 1, SUPPORT, WORD)
    ctx._lead_paras = [0]
    ctx.units[1].sent = 9  # a claim after the opening
    ctx._opening_documents = [(2, "practice-guidance"), (4, "courts-bill"), (4, "practice-guidance")]
    assert lead_document(ctx, 1) == "practice-guidance"
    ctx._opening_documents = [(2, "practice-guidance"), (2, "courts-bill")]
    assert lead_document(ctx, 1) is None  # two in the first sentence: no telling


REGISTER_TO_DRIVE_REFORMS = """
Jo        PROPN NNP nsubj 1 B-PERSON
called    VERB  VBD ROOT  1 O lemma=call
for       ADP   IN  prep  1 O
a         DET   DT  det   5 O
national  ADJ   JJ  amod  5 O
register  NOUN  NN  pobj  2 O
to        PART  TO  aux   7 O
drive     VERB  VB  acl   5 O
the       DET   DT  det   9 O
reforms   NOUN  NNS dobj  7 O lemma=reform
.         PUNCT .   punct 1 O
"""
REGISTER_AND_REFORMS = """
Jo        PROPN NNP nsubj 1 B-PERSON
called    VERB  VBD ROOT  1 O lemma=call
for       ADP   IN  prep  1 O
a         DET   DT  det   5 O
national  ADJ   JJ  amod  5 O
register  NOUN  NN  pobj  2 O
and       CCONJ CC  cc    5 O
the       DET   DT  det   8 O
reforms   NOUN  NNS conj  5 O lemma=reform
.         PUNCT .   punct 1 O
"""
CALLED_FOR = Cue(K.PHRASE, +1, "called for", "phrase")


def test_targets_steps__purpose__fires():
    """'a national register to drive the reforms': the register is asked for, the reforms are its purpose."""
    ctx, w = steps(REGISTER_TO_DRIVE_REFORMS, 0, SUPPORT, CALLED_FOR)
    assert w.own == ["care-reform"]
    assert purpose(ctx, w) == KEEP
    assert linked(REGISTER_TO_DRIVE_REFORMS, 0, SUPPORT, CALLED_FOR)[:3] == (
        "purpose", KEEP, ["candidate-national-register"])


def test_targets_steps__purpose__near_miss():
    """'a national register and the reforms': the reforms are asked for too."""
    ctx, w = steps(REGISTER_AND_REFORMS, 0, SUPPORT, CALLED_FOR)
    assert purpose(ctx, w) is None
    assert linked(REGISTER_AND_REFORMS, 0, SUPPORT, CALLED_FOR)[0] != "purpose"


LOCAL_RATHER_THAN_HELP = """
Jo        PROPN NNP nsubj   1 B-PERSON
backed    VERB  VBD ROOT    1 O lemma=back
local     ADJ   JJ  amod    3 O
teams     NOUN  NNS dobj    1 O lemma=team
rather    ADV   RB  advmod  5 O
than      ADP   IN  prep    3 O
family    NOUN  NN  compound 7 O
help      NOUN  NN  pobj    5 O
.         PUNCT .   punct   1 O
"""
HELP_RATHER_THAN_LOCAL = """
Jo        PROPN NNP nsubj   1 B-PERSON
backed    VERB  VBD ROOT    1 O lemma=back
family    NOUN  NN  compound 3 O
help      NOUN  NN  dobj    1 O
rather    ADV   RB  advmod  5 O
than      ADP   IN  prep    3 O
local     ADJ   JJ  amod    7 O
teams     NOUN  NNS pobj    5 O lemma=team
.         PUNCT .   punct   1 O
"""


def test_targets_steps__set_aside__fires():
    """'backed local teams rather than family help': family help is set aside, an objection."""
    ctx, w = steps(LOCAL_RATHER_THAN_HELP, 0, SUPPORT, WORD)
    assert set_aside_step(ctx, w) is None and w.draft.stance == OBJECT
    ctx, w = steps(LOCAL_RATHER_THAN_HELP, 0, SUPPORT, WORD)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (OBJECT, ["family-help"])


def test_targets_steps__set_aside__near_miss():
    """'backed family help rather than local teams': family help is what is backed."""
    ctx, w = steps(HELP_RATHER_THAN_LOCAL, 0, SUPPORT, WORD)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (SUPPORT, ["family-help"])


# 'Jo wants to open homes rather than paying for family help': the parser joins the alternative as
# a verb coordinated with the first ('than' its coordinator)
OPEN_RATHER_THAN_PAYING = """
Jo        PROPN NNP nsubj   1 B-PERSON
wants     VERB  VBZ ROOT    1 O lemma=want
to        PART  TO  aux     3 O
open      VERB  VB  xcomp   1 O lemma=open
homes     NOUN  NNS dobj    3 O lemma=home
rather    ADV   RB  advmod  6 O
than      ADP   IN  cc      3 O
paying    VERB  VBG conj    3 O lemma=pay
for       ADP   IN  prep    7 O
family    NOUN  NN  compound 10 O
help      NOUN  NN  pobj    8 O
.         PUNCT .   punct   1 O
"""


def test_targets_steps__set_aside__fires_on_a_coordinated_alternative():
    """'wants to open homes rather than paying for family help': family help is set aside."""
    ctx, w = steps(OPEN_RATHER_THAN_PAYING, 0, SUPPORT, WORD)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (OBJECT, ["family-help"])


def test_targets_steps__set_aside__near_miss_a_coordinated_verb_without_rather():
    """'wants to open homes and paying for family help' (plain 'and'), or 'than' without 'rather':
    nothing is set aside."""
    without_rather = OPEN_RATHER_THAN_PAYING.replace("rather    ADV   RB  advmod  6 O", "now       ADV   RB  advmod  3 O")
    for cc in ("and       CCONJ CC  cc      3 O", "than      ADP   IN  cc      3 O"):
        spec = without_rather.replace("than      ADP   IN  cc      3 O", cc)
        ctx, w = steps(spec, 0, SUPPORT, WORD)
        STEPS.first(ctx, w)
        assert (w.draft.stance, w.draft.targets) == (SUPPORT, ["family-help"])


REGULATION_OF_HELP = """
Councils    NOUN  NNS nsubj    1 O lemma=council
called      VERB  VBD ROOT     1 O lemma=call
for         ADP   IN  prep     1 O
greater     ADJ   JJR amod     4 O lemma=great
regulation  NOUN  NN  pobj     2 O
of          ADP   IN  prep     4 O
family      NOUN  NN  compound 7 O
help        NOUN  NN  pobj     5 O
.           PUNCT .   punct    1 O
"""
CALLED_FOR = Cue(K.PHRASE, +1, "called for", "phrase")


def test_targets_steps__restrained__fires():
    """'called for greater regulation of family help': family help is what is to be held back, an objection."""
    ctx, w = steps(REGULATION_OF_HELP, 0, SUPPORT, CALLED_FOR)
    assert restrained_step(ctx, w) is None and w.draft.stance == OBJECT
    ctx, w = steps(REGULATION_OF_HELP, 0, SUPPORT, CALLED_FOR)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (OBJECT, ["family-help"])


def test_targets_steps__restrained__near_miss():
    """'called for greater funding of family help': more of it, which backs it."""
    spec = REGULATION_OF_HELP.replace("regulation  NOUN", "funding     NOUN")
    ctx, w = steps(spec, 0, SUPPORT, CALLED_FOR)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (SUPPORT, ["family-help"])


def test_targets_steps__restrained__fires_on_a_name_that_modifies_what_is_held_back():
    """'called for greater regulation of family help services' (as 'curbs on for-profit
    providers'): the name modifies the noun held back; still an objection."""
    spec = REGULATION_OF_HELP.replace("help        NOUN  NN  pobj     5 O", "help        NOUN  NN  compound 8 O") \
        .replace(".           PUNCT .   punct    1 O", "services    NOUN  NNS pobj     5 O lemma=service\n"
                 ".           PUNCT .   punct    1 O")
    ctx, w = steps(spec, 0, SUPPORT, CALLED_FOR)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (OBJECT, ["family-help"])


URGED_TO_REGULATE = """
Councils   NOUN  NNS nsubj    1 O lemma=council
urged      VERB  VBD ROOT     1 O lemma=urge
ministers  NOUN  NNS dobj     1 O lemma=minister
to         PART  TO  aux      4 O
regulate   VERB  VB  xcomp    1 O
family     NOUN  NN  compound 6 O
help       NOUN  NN  dobj     4 O
.          PUNCT .   punct    1 O
"""
URGED = Cue(K.WORD, +1, "urged", "urged")


def test_targets_steps__restrained__fires_on_a_verb_that_holds_back():
    """'urged ministers to regulate family help' (as 'to tackle X', 'to ban X'): what the verb
    holds back is objected to."""
    ctx, w = steps(URGED_TO_REGULATE, 0, SUPPORT, URGED)
    assert restrained_step(ctx, w) is None and w.draft.stance == OBJECT
    ctx, w = steps(URGED_TO_REGULATE, 0, SUPPORT, URGED)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (OBJECT, ["family-help"])


def test_targets_steps__restrained__near_miss_a_proposal_that_is_the_remedy():
    """'urged ministers to end spot purchasing', where the proposal is 'ending spot purchasing': acting
    on its name carries the proposal out, so it is backed; 'to expand family help' holds nothing back."""
    spec = URGED_TO_REGULATE.replace("regulate   VERB  VB  xcomp    1 O", "end        VERB  VB  xcomp    1 O") \
        .replace("family     NOUN  NN  compound 6 O", "spot       NOUN  NN  compound 6 O") \
        .replace("help       NOUN  NN  dobj     4 O", "purchasing NOUN  NN  dobj     4 O")
    ctx, w = steps(spec, 0, SUPPORT, URGED)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (SUPPORT, ["end-spot-purchasing"])
    spec = URGED_TO_REGULATE.replace("regulate   VERB  VB  xcomp    1 O", "expand     VERB  VB  xcomp    1 O")
    ctx, w = steps(spec, 0, SUPPORT, URGED)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (SUPPORT, ["family-help"])


INTERVENTIONS_TO_ADDRESS = """
Councils       NOUN  NNS nsubj    1 O lemma=council
called         VERB  VBD ROOT     1 O lemma=call
for            ADP   IN  prep     1 O
interventions  NOUN  NNS pobj     2 O lemma=intervention
to             PART  TO  aux      5 O
address        VERB  VB  relcl    3 O
failing        VERB  VBG amod     8 O lemma=fail
family         NOUN  NN  compound 8 O
help           NOUN  NN  dobj     5 O
.              PUNCT .   punct    1 O
"""


def test_targets_steps__restrained__fires_on_interventions_to_address():
    """'called for interventions to address failing family help': what the interventions are to fix
    is held back, an objection."""
    ctx, w = steps(INTERVENTIONS_TO_ADDRESS, 0, SUPPORT, CALLED_FOR)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (OBJECT, ["family-help"])


def test_targets_steps__restrained__near_miss_funding_to_expand():
    """'called for funding to expand family help': a verb that grows it, not one that fixes it."""
    spec = INTERVENTIONS_TO_ADDRESS.replace("interventions  NOUN  NNS pobj     2 O lemma=intervention",
                                            "funding        NOUN  NN  pobj     2 O")
    spec = spec.replace("address        VERB  VB  relcl    3 O", "expand         VERB  VB  relcl    3 O")
    ctx, w = steps(spec, 0, SUPPORT, CALLED_FOR)
    STEPS.first(ctx, w)
    assert (w.draft.stance, w.draft.targets) == (SUPPORT, ["family-help"])


CALLED_ON = """
The        DET   DT  det   1 O
charity    NOUN  NN  nsubj 2 O
called     VERB  VBD ROOT  2 O lemma=call
on         ADP   IN  prep  2 O
ministers  NOUN  NNS pobj  3 O lemma=minister
to         PART  TO  aux   6 O
create     VERB  VB  xcomp 2 O
a          DET   DT  det   9 O
national   ADJ   JJ  amod  9 O
database   NOUN  NN  dobj  6 O
.          PUNCT .   punct 2 O
"""
CALLED_ON_TO_PUBLISH = CALLED_ON.replace("create     VERB", "publish    VERB")
URGED = Cue(K.URGED, +1, "called ... to create (pressed for)", "urged")


def test_targets_steps__pressed_for__fires():
    ctx, w = steps(CALLED_ON, 0, SUPPORT, URGED)
    assert pressed_for(ctx, w) == KEEP
    assert linked(CALLED_ON, 0, SUPPORT, URGED)[:3] == ("pressed-for", KEEP, ["candidate-national-database"])


def test_targets_steps__pressed_for__near_miss():
    """Pressed to publish something: the stance stage finds nothing pressed for, so no claim about it."""
    ctx, w = steps(CALLED_ON_TO_PUBLISH, 0, NEUTRAL)
    assert pressed_for(ctx, w) is None
    assert linked(CALLED_ON_TO_PUBLISH, 0, NEUTRAL)[:2] == ("grounds", DROP)


WAS_WELCOMED = """
The       DET   DT  det       2 O
new       ADJ   JJ  amod      2 O
offer     NOUN  NN  nsubjpass 7 O
to        PART  TO  aux       4 O
share     VERB  VB  acl       2 O
records   NOUN  NNS dobj      4 O lemma=record
was       AUX   VBD auxpass   7 O lemma=be
welcomed  VERB  VBN ROOT      7 O lemma=welcome
by        ADP   IN  agent     7 O
the       DET   DT  det       10 O
charity   NOUN  NN  pobj      8 O
.         PUNCT .   punct     7 O
"""
WELCOMED_ACTIVE = """
The       DET   DT  det   1 O
charity   NOUN  NN  nsubj 2 O
welcomed  VERB  VBD ROOT  2 O lemma=welcome
the       DET   DT  det   5 O
new       ADJ   JJ  amod  5 O
offer     NOUN  NN  dobj  2 O
to        PART  TO  aux   7 O
share     VERB  VB  relcl 5 O
records   NOUN  NNS dobj  7 O lemma=record
.         PUNCT .   punct 2 O
"""


def test_targets_steps__passive_subject__fires():
    ctx, w = steps(WAS_WELCOMED, 0, SUPPORT, WORD)
    assert passive_subject_step(ctx, w) == KEEP
    assert linked(WAS_WELCOMED, 0, SUPPORT, WORD)[:3] == ("passive-subject", KEEP, ["candidate-new-offer"])


def test_targets_steps__passive_subject__near_miss():
    """In the active voice the subject is who welcomes, not what is welcomed."""
    ctx, w = steps(WELCOMED_ACTIVE, 0, SUPPORT, WORD)
    assert passive_subject_step(ctx, w) is None
    assert linked(WELCOMED_ACTIVE, 0, SUPPORT, WORD)[0] != "passive-subject"


BUT_IT_SAYS = """
The        DET   DT  det       1 O
bill       NOUN  NN  nsubjpass 3 O
was        AUX   VBD auxpass   3 O lemma=be
published  VERB  VBN ROOT      3 O lemma=publish
today      NOUN  NN  npadvmod  3 B-DATE
.          PUNCT .   punct     3 O
But        CCONJ CC  cc        8 O
it         PRON  PRP nsubj     8 O
says       VERB  VBZ ROOT      8 O lemma=say
nothing    PRON  NN  dobj      8 O
about      ADP   IN  prep      9 O
care       NOUN  NN  compound  12 O
leavers    NOUN  NNS pobj      10 O lemma=leaver
.          PUNCT .   punct     8 O
"""
BUT_SHE_SAYS = BUT_IT_SAYS.replace("it         PRON  PRP nsubj", "she        PRON  PRP nsubj")


@pytest.mark.parametrize("pronoun", ["it", "this"])
def test_targets_steps__pronoun_antecedent__fires(pronoun):
    """'it' (or 'this') is the bill: the objection is to the bill, on behalf of care leavers."""
    spec = BUT_IT_SAYS.replace("it         PRON  PRP nsubj", f"{pronoun:<10} PRON  PRP nsubj")
    ctx, w = steps(spec, 1, OBJECT, OBJECTION)
    assert w.own == ["care-leaver-support"]
    assert pronoun_antecedent(ctx, w) is None  # it passes, having changed the targets
    assert w.draft.targets == ["courts-bill"]
    assert linked(spec, 1, OBJECT, OBJECTION)[:3] == ("grounds", KEEP, ["courts-bill"])


def test_targets_steps__pronoun_antecedent__near_miss():
    ctx, w = steps(BUT_SHE_SAYS, 1, OBJECT, OBJECTION)
    assert pronoun_antecedent(ctx, w) is None and w.draft.targets == ["care-leaver-support"]
    assert linked(BUT_SHE_SAYS, 1, OBJECT, OBJECTION)[:3] == ("grounds", KEEP, ["care-leaver-support"])


GUARDIAN = """
They         PRON  PRP nsubj 1 O
proposed     VERB  VBD ROOT  1 O lemma=propose
an           DET   DT  det   4 O
independent  ADJ   JJ  amod  4 O
guardian     NOUN  NN  dobj  1 O
.            PUNCT .   punct 1 O
A            DET   DT  det   7 O
guardian     NOUN  NN  nsubj 9 O
would        AUX   MD  aux   9 O
be           AUX   VB  ROOT  9 O
worth        ADJ   JJ  acomp 9 O
having       VERB  VBG xcomp 10 O lemma=have
.            PUNCT .   punct 9 O
"""
MENTOR = GUARDIAN.replace("guardian     NOUN  NN  nsubj 9 O", "mentor       NOUN  NN  nsubj 9 O")
WORTH_HAVING = Cue(K.PHRASE, +1, "worth having", "phrase")
GUARDIAN_CANDIDATE = ("candidate-independent-guardian", "independent guardian")


def test_targets_steps__earlier_candidate__fires():
    ctx, w = steps(GUARDIAN, 1, SUPPORT, WORTH_HAVING, candidates=[GUARDIAN_CANDIDATE])
    assert earlier_candidate(ctx, w) == KEEP
    assert linked(GUARDIAN, 1, SUPPORT, WORTH_HAVING, candidates=[GUARDIAN_CANDIDATE])[:3] == \
        ("earlier-candidate", KEEP, ["candidate-independent-guardian"])


def test_targets_steps__earlier_candidate__near_miss():
    ctx, w = steps(MENTOR, 1, SUPPORT, WORTH_HAVING, candidates=[GUARDIAN_CANDIDATE])
    assert earlier_candidate(ctx, w) is None
    assert linked(MENTOR, 1, SUPPORT, WORTH_HAVING, candidates=[GUARDIAN_CANDIDATE])[2] != \
        ["candidate-independent-guardian"]


THE_TEAMS = """
Councils    NOUN  NNS nsubj    2 O lemma=council
will        AUX   MD  aux      2 O
set         VERB  VB  ROOT     2 O
up          ADP   RP  prt      2 O
child       NOUN  NN  compound 5 O
protection  NOUN  NN  compound 6 O
teams       NOUN  NNS dobj     2 O lemma=team
.           PUNCT .   punct    2 O
The         DET   DT  det      9 O
teams       NOUN  NNS nsubj    11 O lemma=team
will        AUX   MD  aux      11 O
need        VERB  VB  ROOT     11 O
more        ADJ   JJR amod     14 O
police      NOUN  NN  compound 14 O
officers    NOUN  NNS dobj     11 O lemma=officer
.           PUNCT .   punct    11 O
"""
FAMILY_HELP_NEEDS = THE_TEAMS.replace("The         DET   DT  det      9 O", "Family      NOUN  NN  compound 9 O") \
    .replace("teams       NOUN  NNS nsubj    11 O lemma=team", "help        NOUN  NN  nsubj    11 O")
NEEDS_MORE = Cue(K.PHRASE, -1, "need more", "phrase")


def test_targets_steps__reference__fires():
    ctx, w = steps(THE_TEAMS, 1, OBJECT, NEEDS_MORE)
    assert w.own == [] and reference(ctx, w) is None  # it passes, having set the targets
    assert w.draft.targets == ["child-protection-teams"] and "context: points back: teams" in w.draft.target_cues
    assert linked(THE_TEAMS, 1, OBJECT, NEEDS_MORE)[:3] == ("grounds", KEEP, ["child-protection-teams"])


def test_targets_steps__reference__near_miss():
    """A claim that names its own proposal points back to nothing."""
    ctx, w = steps(FAMILY_HELP_NEEDS, 1, OBJECT, NEEDS_MORE)
    assert reference(ctx, w) is None and w.draft.targets == ["family-help"]
    assert linked(FAMILY_HELP_NEEDS, 1, OBJECT, NEEDS_MORE)[:3] == ("grounds", KEEP, ["family-help"])


SUCH_GUIDANCE = """
The       DET   DT  det      1 O
reforms   NOUN  NNS nsubj    2 O lemma=reform
began     VERB  VBD ROOT     2 O lemma=begin
.         PUNCT .   punct    2 O
Such      ADJ   JJ  amod     6 O
practice  NOUN  NN  compound 6 O
guidance  NOUN  NN  nsubj    7 O
works     VERB  VBZ ROOT     7 O lemma=work
.         PUNCT .   punct    7 O
"""


def test_targets_steps__reference__near_miss_a_document_is_not_replaced_by_the_general_reform():
    """'The reforms began. Such practice guidance works.': the guidance named stays the target,
    though pointed at, when the context names only the general reform."""
    ctx, w = steps(SUCH_GUIDANCE, 1, SUPPORT, Cue(K.WORD, +1, "works", "word"))
    assert w.own == ["practice-guidance"]
    assert reference(ctx, w) is None and w.draft.targets == ["practice-guidance"]


SUCH_A_MODEL = """
Family      NOUN  NN  compound 1 O
help        NOUN  NN  nsubj    2 O
opened      VERB  VBD ROOT     2 O lemma=open
.           PUNCT .   punct    2 O
Such        DET   PDT predet   6 O
a           DET   DT  det      6 O
model       NOUN  NN  nsubj    7 O
works       VERB  VBZ ROOT     7 O lemma=work
but         CCONJ CC  cc       7 O
child       NOUN  NN  compound 10 O
protection  NOUN  NN  compound 11 O
teams       NOUN  NNS nsubj    12 O lemma=team
need        VERB  VBP conj     7 O
money       NOUN  NN  dobj     12 O
.           PUNCT .   punct    7 O
"""
A_MODEL = SUCH_A_MODEL.replace("Such        DET   PDT predet   6 O", "Yes         INTJ  UH  intj     7 O")
WORKS = Cue(K.WORD, +1, "works", "word")


def test_targets_steps__reference__demonstrative_points_back():
    """'Such a model works, but child protection teams need money': 'such a model' is what was
    named before the clause, not the teams named after it."""
    ctx, w = steps(SUCH_A_MODEL, 1, SUPPORT, WORKS)
    w = work(ctx, 1, SUPPORT, WORKS, span=ctx.doc[4:8])
    assert reference(ctx, w) is None and w.draft.targets == ["family-help"]


def test_targets_steps__reference__near_miss_with_no_demonstrative():
    """With no pointer, the rest of the sentence is the nearest place a proposal is named."""
    ctx, _ = steps(A_MODEL, 1, SUPPORT, WORKS)
    w = work(ctx, 1, SUPPORT, WORKS, span=ctx.doc[4:8])
    assert reference(ctx, w) is None and w.draft.targets == ["child-protection-teams"]


THE_SYSTEM_FAILED = """
Family    NOUN  NN  compound 1 O
help      NOUN  NN  nsubj    2 O
opened    VERB  VBD ROOT     2 O lemma=open
.         PUNCT .   punct    2 O
The       DET   DT  det      5 O
system    NOUN  NN  nsubj    7 O
has       AUX   VBZ aux      7 O lemma=have
failed    VERB  VBN ROOT     7 O lemma=fail
children  NOUN  NNS dobj     7 O lemma=child
.         PUNCT .   punct    7 O
"""
THE_HELPERS_FAILED = THE_SYSTEM_FAILED.replace("system    NOUN  NN  nsubj    7 O", "helpers   NOUN  NNS nsubj    7 O lemma=helper")
FAILED = Cue(K.WORD, -1, "failed", "word")


def test_targets_steps__diagnosis__fires():
    """'Family help opened. The system has failed children.': a diagnosis of the present system, not
    an objection to the family help named before; with no ground named, no claim."""
    ctx, w = steps(THE_SYSTEM_FAILED, 1, OBJECT, FAILED)
    assert diagnosis(ctx, w) == DROP and w.draft.targets == []
    assert linked(THE_SYSTEM_FAILED, 1, OBJECT, FAILED)[:3] == ("diagnosis", DROP, [])


SAID_THE_SYSTEM_FAILED = """
Family    NOUN  NN  compound 1 O
help      NOUN  NN  nsubj    2 O
opened    VERB  VBD ROOT     2 O lemma=open
.         PUNCT .   punct    2 O
Bell      PROPN NNP nsubj    5 O
said      VERB  VBD ROOT     5 O lemma=say
the       DET   DT  det      7 O
system    NOUN  NN  nsubj    9 O
had       AUX   VBD aux      9 O lemma=have
failed    VERB  VBN ccomp    5 O lemma=fail
children  NOUN  NNS dobj     9 O lemma=child
.         PUNCT .   punct    5 O
"""


def test_targets_steps__diagnosis__fires_in_what_was_said():
    """'Bell said the system had failed children': the subject of what was said is the system."""
    ctx, w = steps(SAID_THE_SYSTEM_FAILED, 1, OBJECT, FAILED)
    assert diagnosis(ctx, w) == DROP


def test_targets_steps__diagnosis__near_miss():
    """'The helpers have failed children': no system as subject, so the step passes (and the claim
    points back to what was named nearby)."""
    ctx, w = steps(THE_HELPERS_FAILED, 1, OBJECT, FAILED)
    assert diagnosis(ctx, w) is None
    assert linked(THE_HELPERS_FAILED, 1, OBJECT, FAILED)[2] == ["family-help"]


GUIDANCE_RESPONDING = """
The       DET   DT  det      1 O
DfE       PROPN NNP nsubj    2 O
published VERB  VBD ROOT     2 O lemma=publish
practice  NOUN  NN  compound 4 O
guidance  NOUN  NN  dobj     2 O
,         PUNCT ,   punct    2 O
responding VERB VBG advcl    2 O lemma=respond
to        ADP   IN  prep     6 O
the       DET   DT  det      10 O
Hearth    PROPN NNP compound 10 O
Review    PROPN NNP pobj     7 O
.         PUNCT .   punct    2 O
"""
RESPONDED_WITH_GUIDANCE = """
The       DET   DT  det      1 O
DfE       PROPN NNP nsubj    2 O
responded VERB  VBD ROOT     2 O lemma=respond
to        ADP   IN  prep     2 O
the       DET   DT  det      6 O
Hearth    PROPN NNP compound 6 O
Review    PROPN NNP pobj     3 O
with      ADP   IN  prep     2 O
practice  NOUN  NN  compound 9 O
guidance  NOUN  NN  pobj     7 O
.         PUNCT .   punct    2 O
"""


def test_targets_proposals__what_a_participle_answers_is_set_aside():
    """'The DfE published practice guidance, responding to the Hearth Review': the review is what is
    answered; the claim is about the guidance. A near miss: 'The DfE responded to the Hearth Review
    with practice guidance' (a finite verb of answering) is about both."""
    ctx = target_ctx(parse(GUIDANCE_RESPONDING))
    assert proposals(ctx, ctx.doc[:]) == ["practice-guidance"]
    ctx = target_ctx(parse(RESPONDED_WITH_GUIDANCE))
    assert sorted(proposals(ctx, ctx.doc[:])) == ["hearth-review", "practice-guidance"]


SYSTEM_NEEDS_CHANGE = """
Family    NOUN  NN  compound 1 O
help      NOUN  NN  nsubj    2 O
opened    VERB  VBD ROOT     2 O lemma=open
.         PUNCT .   punct    2 O
The       DET   DT  det      5 O
system    NOUN  NN  nsubj    6 O
needs     VERB  VBZ ROOT     6 O lemma=need
urgent    ADJ   JJ  amod     8 O
change    NOUN  NN  dobj     6 O
.         PUNCT .   punct    6 O
"""
SYSTEM_NEEDS_THE_CHANGE = SYSTEM_NEEDS_CHANGE.replace("urgent    ADJ   JJ  amod     8 O", "the       DET   DT  det      8 O")
HELPERS_NEED_CHANGE = SYSTEM_NEEDS_CHANGE.replace("system    NOUN  NN  nsubj    6 O", "helpers   NOUN  NNS nsubj    6 O lemma=helper")
NEEDS_CHANGE = Cue(K.NEED, +1, "needs ... change (asks for reform)", "need")


def test_targets_steps__call_for_change__fires():
    """'Family help opened. The system needs urgent change.': a call for change to the present
    system asks for the reform as a whole (the taxonomy's general proposal), not for the family help
    named before."""
    ctx, w = steps(SYSTEM_NEEDS_CHANGE, 1, SUPPORT, NEEDS_CHANGE)
    assert call_for_change(ctx, w) == KEEP and w.draft.targets == ["care-reform"]
    assert linked(SYSTEM_NEEDS_CHANGE, 1, SUPPORT, NEEDS_CHANGE)[:3] == ("call-for-change", KEEP, ["care-reform"])


def test_targets_steps__call_for_change__near_miss():
    """'The system needs the change' points to a particular change, and 'the helpers need urgent
    change' is not said of the present system: the step passes (what was named nearby is taken)."""
    for spec in (SYSTEM_NEEDS_THE_CHANGE, HELPERS_NEED_CHANGE):
        ctx, w = steps(spec, 1, SUPPORT, NEEDS_CHANGE)
        assert call_for_change(ctx, w) is None
        assert linked(spec, 1, SUPPORT, NEEDS_CHANGE)[2] == ["family-help"]


I_MOVED = """
Family    NOUN  NN  compound 1 O
help      NOUN  NN  nsubj    2 O
opened    VERB  VBD ROOT     2 O lemma=open
.         PUNCT .   punct    2 O
I         PRON  PRP nsubj    5 O
moved     VERB  VBD ROOT     5 O lemma=move
twenty    NUM   CD  nummod   7 O
times     NOUN  NNS npadvmod 5 O lemma=time
.         PUNCT .   punct    5 O
"""
I_MOVE = I_MOVED.replace("moved     VERB  VBD ROOT     5 O lemma=move", "move      VERB  VBP ROOT     5 O")
I_OPPOSED = I_MOVED.replace("moved     VERB  VBD ROOT     5 O lemma=move",
                            "opposed   VERB  VBD ROOT     5 O lemma=oppose")
HARD = Cue(K.WORD, -1, "moved twenty times", "word")


def test_targets_steps__diagnosis__fires_on_the_speakers_own_story():
    """'Family help opened. I moved twenty times.': what happened to the speaker is a story of the
    problem, not an objection to the family help named before."""
    ctx, w = steps(I_MOVED, 1, OBJECT, HARD)
    assert diagnosis(ctx, w) == DROP
    assert linked(I_MOVED, 1, OBJECT, HARD)[:3] == ("diagnosis", DROP, [])


def test_targets_steps__diagnosis__near_miss_the_speaker_now_or_a_view():
    """'I move twenty times' (the present) is no past story, and 'I opposed ...' (a stance verb) is a
    view: the step passes."""
    for spec in (I_MOVE, I_OPPOSED):
        ctx, w = steps(spec, 1, OBJECT, HARD)
        assert diagnosis(ctx, w) is None


REFORMS_IN_THIS_AREA = """
Family   NOUN  NN  compound 1 O
help     NOUN  NN  nsubj    2 O
opened   VERB  VBD ROOT     2 O lemma=open
.        PUNCT .   punct    2 O
The      DET   DT  det      5 O
reforms  NOUN  NNS nsubj    9 O lemma=reform
in       ADP   IN  prep     5 O
this     DET   DT  det      8 O
area     NOUN  NN  pobj     6 O
need     VERB  VBP ROOT     9 O
money    NOUN  NN  dobj     9 O
.        PUNCT .   punct    9 O
"""
REFORMS_IN_EACH_AREA = REFORMS_IN_THIS_AREA.replace("this     DET   DT  det      8 O", "each     DET   DT  det      8 O")
NEED_MONEY = Cue(K.PHRASE, -1, "need money", "phrase")


def test_targets_steps__reference__a_scope_that_points_back():
    """'Family help opened. The reforms in this area need money': 'in this area' makes the general
    word a reference to what was named before."""
    ctx, w = steps(REFORMS_IN_THIS_AREA, 1, OBJECT, NEED_MONEY)
    assert w.own == [ctx.taxonomy.general_proposal]
    assert pointed_scope(ctx, w.span, matches(ctx, w.span)[0])
    assert reference(ctx, w) is None and w.draft.targets == ["family-help"]


def test_targets_steps__reference__near_miss_a_scope_that_points_nowhere():
    """'The reforms in each area need money': no pointer, so the general reform it names."""
    ctx, w = steps(REFORMS_IN_EACH_AREA, 1, OBJECT, NEED_MONEY)
    assert not pointed_scope(ctx, w.span, matches(ctx, w.span)[0])
    assert reference(ctx, w) is None and w.draft.targets == [ctx.taxonomy.general_proposal]


WITHOUT_FUNDING_NAMED = """
Without  ADP   IN  prep     5 O
funding  NOUN  NN  pobj     0 O
family   NOUN  NN  compound 3 O
help     NOUN  NN  nsubj    5 O
will     AUX   MD  aux      5 O
fail     VERB  VB  ROOT     5 O
.        PUNCT .   punct    5 O
"""
WITHOUT_FUNDING = """
Without  ADP   IN  prep     5 O
funding  NOUN  NN  pobj     0 O
the      DET   DT  det      3 O
teams    NOUN  NNS nsubj    5 O lemma=team
will     AUX   MD  aux      5 O
fail     VERB  VB  ROOT     5 O
.        PUNCT .   punct    5 O
"""
FAIL = Cue(K.WORD, -1, "fail", "word")


def test_targets_steps__grounds__fires():
    ctx, w = steps(WITHOUT_FUNDING_NAMED, 0, OBJECT, FAIL)
    assert grounds(ctx, w) == KEEP and w.draft.themes == ["funding"]
    assert linked(WITHOUT_FUNDING_NAMED, 0, OBJECT, FAIL) == ("grounds", KEEP, ["family-help"], ["funding"])


def test_targets_steps__grounds__near_miss():
    """No proposal: the grounds are noted but do not decide (a later step looks for what it is about)."""
    ctx, w = steps(WITHOUT_FUNDING, 0, OBJECT, FAIL)
    assert grounds(ctx, w) is None and w.draft.themes == ["funding"]
    assert linked(WITHOUT_FUNDING, 0, OBJECT, FAIL)[0] != "grounds"


DUTY_TO_BRING = """
The        DET   DT  det    1 O
duty       NOUN  NN  nsubj  8 O
to         PART  TO  aux    3 O
bring      VERB  VB  acl    1 O
relatives  NOUN  NNS dobj   3 O lemma=relative
together   ADV   RB  advmod 3 O
before     ADP   IN  prep   3 O
court      NOUN  NN  pobj   6 O
is         AUX   VBZ ROOT   8 O lemma=be
right      ADJ   JJ  acomp  8 O
.          PUNCT .   punct  8 O
"""
DUTY_TO_BRING_SHORT = """
The        DET   DT  det    1 O
duty       NOUN  NN  nsubj  6 O
to         PART  TO  aux    3 O
bring      VERB  VB  acl    1 O
relatives  NOUN  NNS dobj   3 O lemma=relative
together   ADV   RB  advmod 3 O
is         AUX   VBZ ROOT   6 O lemma=be
right      ADJ   JJ  acomp  6 O
.          PUNCT .   punct  6 O
"""
IS_RIGHT = Cue(K.PHRASE, +1, "is right", "phrase")


def test_targets_steps__topic_words__fires():
    ctx, w = steps(DUTY_TO_BRING, 0, SUPPORT, IS_RIGHT)
    assert topic_words(ctx, w) == KEEP
    assert linked(DUTY_TO_BRING, 0, SUPPORT, IS_RIGHT)[:3] == ("topic-words", KEEP, ["family-group-conferences"])


def test_targets_steps__topic_words__near_miss():
    """Two of the proposal's topic words are not enough to name it."""
    ctx, w = steps(DUTY_TO_BRING_SHORT, 0, SUPPORT, IS_RIGHT)
    assert topic_words(ctx, w) is None
    assert linked(DUTY_TO_BRING_SHORT, 0, SUPPORT, IS_RIGHT)[0] != "topic-words"


LEAVERS_THEN_DUTY = """
They       PRON  PRP nsubj  1 O
help       VERB  VBP ROOT   1 O lemma=help
care       NOUN  NN  compound 3 O
leavers    NOUN  NNS dobj   1 O lemma=leaver
.          PUNCT .   punct  1 O
\\n        SPACE _SP dep    4 O
"""


def _after_leavers(spec: str):
    """'They help care leavers.' then the sentence ``spec`` (its head numbers shifted past the first)."""
    rows = []
    for line in spec.strip().splitlines():
        parts = line.split()
        parts[4] = str(int(parts[4]) + 6)
        rows.append(" ".join(parts))
    return LEAVERS_THEN_DUTY + "\n".join(rows) + "\n"


def test_targets_steps__topic_words__fires_before_what_was_named_nearby():
    """'They help care leavers. The duty to bring relatives together before court is right.': the
    words of family group conferences say what the second is about, not the care leavers before it."""
    assert linked(_after_leavers(DUTY_TO_BRING), 1, SUPPORT, IS_RIGHT)[2] == ["family-group-conferences"]


def test_targets_steps__topic_words__near_miss_too_few_take_what_was_named():
    """With two topic words only, the care leavers named before are what it is about."""
    assert linked(_after_leavers(DUTY_TO_BRING_SHORT), 1, SUPPORT, IS_RIGHT)[2] == ["care-leaver-support"]


def test_targets_steps__topic_words__near_miss_a_neutral_sentence():
    """A neutral sentence in the words of a proposal is no claim about it: left to the later steps."""
    assert linked(DUTY_TO_BRING, 0, NEUTRAL)[0] != "topic-words"


BACKED_STANDARD = """
Unions    NOUN  NNS nsubj    1 O lemma=union
backed    VERB  VBD ROOT     1 O lemma=back
a         DET   DT  det      5 O
national  ADJ   JJ  amod     5 O
staffing  NOUN  NN  compound 5 O
standard  NOUN  NN  dobj     1 O
.         PUNCT .   punct    1 O
"""
BACKED_IT = """
Unions  NOUN  NNS nsubj 1 O lemma=union
backed  VERB  VBD ROOT  1 O lemma=back
it      PRON  PRP dobj  1 O
.       PUNCT .   punct 1 O
"""


def test_targets_steps__discovery__fires():
    ctx, w = steps(BACKED_STANDARD, 0, SUPPORT, WORD)
    assert discovery(ctx, w) == KEEP and ctx.candidates == {"candidate-national-staffing-standard":
                                                           "national staffing standard"}
    assert linked(BACKED_STANDARD, 0, SUPPORT, WORD)[:3] == \
        ("discovery", KEEP, ["candidate-national-staffing-standard"])


def test_targets_steps__discovery__near_miss():
    """'backed it' with nothing named nearby: no candidate, no ground, no claim."""
    ctx, w = steps(BACKED_IT, 0, SUPPORT, WORD)
    assert discovery(ctx, w) is None and ctx.candidates == {}
    assert linked(BACKED_IT, 0, SUPPORT, WORD)[:2] == ("grounds-only", DROP)


FEAR_WORKFORCE = """
Unions     NOUN  NNS nsubj    1 O lemma=union
fear       VERB  VBP ROOT     1 O
a          DET   DT  det      5 O
two-tier   ADJ   JJ  amod     5 O
staffing   NOUN  NN  compound 5 O
workforce  NOUN  NN  dobj     1 O
.          PUNCT .   punct    1 O
"""


def test_targets_steps__discovery__near_miss_an_objection_names_a_harm():
    """'Unions fear a two-tier staffing workforce': what an objection names is the harm it fears, no
    new proposal; with no ground either, no claim (the same words backed would be a candidate)."""
    fear = Cue(K.WORD, -1, "fear", "word")
    ctx, w = steps(FEAR_WORKFORCE, 0, OBJECT, fear)
    assert discovery(ctx, w) is None and ctx.candidates == {}
    ctx, w = steps(FEAR_WORKFORCE.replace("fear       VERB  VBP ROOT     1 O", "back       VERB  VBP ROOT     1 O"),
                   0, SUPPORT, WORD)
    assert discovery(ctx, w) == KEEP and list(ctx.candidates.values()) == ["two-tier staffing workforce"]


# ---------------------------------------------------------------- targets.lead
def opening(spec: str, title: str):
    ctx = target_ctx(parse(spec, title=title))
    return ctx, ctx.sents[:2]


TITLE_NAMES_ONE = """
Councils  NOUN  NNS ROOT     0 O lemma=council
to        PART  TO  aux      2 O
run       VERB  VB  acl      0 O
family    NOUN  NN  compound 4 O
help      NOUN  NN  compound 5 O
teams     NOUN  NNS dobj     2 O lemma=team
\\n       SPACE _SP dep      5 O
The       DET   DT  det      8 O
teams     NOUN  NNS nsubj    9 O lemma=team
start     VERB  VBP ROOT     9 O
in        ADP   IN  prep     9 O
April     PROPN NNP pobj     10 B-DATE
.         PUNCT .   punct    9 O
"""
TITLE_NAMES_TWO = """
Councils    NOUN  NNS ROOT     0 O lemma=council
to          PART  TO  aux      2 O
run         VERB  VB  acl      0 O
family      NOUN  NN  compound 4 O
help        NOUN  NN  dobj     2 O
and         CCONJ CC  cc       4 O
child       NOUN  NN  compound 7 O
protection  NOUN  NN  compound 8 O
teams       NOUN  NNS conj     4 O lemma=team
\\n         SPACE _SP dep      8 O
The         DET   DT  det      11 O
teams       NOUN  NNS nsubj    12 O lemma=team
start       VERB  VBP ROOT     12 O
in          ADP   IN  prep     12 O
April       PROPN NNP pobj     13 B-DATE
.           PUNCT .   punct    12 O
"""


def test_targets_lead__title__fires():
    ctx, first = opening(TITLE_NAMES_ONE, "Councils to run family help teams")
    assert title_lead(ctx, first)[0] == ["family-help"]
    assert LEAD.first_named(ctx, first)[0] == "title"


def test_targets_lead__title__near_miss():
    """A title naming two proposals does not say which one the article is about."""
    ctx, first = opening(TITLE_NAMES_TWO, "Councils to run family help and child protection teams")
    assert title_lead(ctx, first) is None
    assert LEAD.first(ctx, first) is None


CAREER_FRAMEWORK = """
Pay        NOUN  NN  compound 1 O
rises      NOUN  NNS ROOT     1 O lemma=rise
for        ADP   IN  prep     1 O
social     ADJ   JJ  amod     4 O
workers    NOUN  NNS pobj     2 O lemma=worker
\\n        SPACE _SP dep      4 O
Ministers  NOUN  NNS nsubj    7 O lemma=minister
announced  VERB  VBD ROOT     7 O lemma=announce
a          DET   DT  det      11 O
new        ADJ   JJ  amod     11 O
career     NOUN  NN  compound 11 O
framework  NOUN  NN  dobj     7 O
on         ADP   IN  prep     7 O
Monday     PROPN NNP pobj     12 B-DATE
.          PUNCT .   punct    7 O
"""
CAREER_FRAMEWORK_AND_HELP = """
Pay        NOUN  NN  compound 1 O
rises      NOUN  NNS ROOT     1 O lemma=rise
for        ADP   IN  prep     1 O
social     ADJ   JJ  amod     4 O
workers    NOUN  NNS pobj     2 O lemma=worker
\\n        SPACE _SP dep      4 O
Ministers  NOUN  NNS nsubj    7 O lemma=minister
announced  VERB  VBD ROOT     7 O lemma=announce
a          DET   DT  det      11 O
new        ADJ   JJ  amod     11 O
career     NOUN  NN  compound 11 O
framework  NOUN  NN  dobj     7 O
and        CCONJ CC  cc       11 O
family     NOUN  NN  compound 14 O
help       NOUN  NN  conj     11 O
on         ADP   IN  prep     7 O
Monday     PROPN NNP pobj     15 B-DATE
.          PUNCT .   punct    7 O
"""


def test_targets_lead__opening__fires():
    ctx, first = opening(CAREER_FRAMEWORK, "Pay rises for social workers")
    assert opening_lead(ctx, first)[0] == ["career-framework"]
    assert LEAD.first_named(ctx, first)[0] == "opening"


def test_targets_lead__opening__near_miss():
    ctx, first = opening(CAREER_FRAMEWORK_AND_HELP, "Pay rises for social workers")
    assert opening_lead(ctx, first) is None
    assert LEAD.first(ctx, first) is None


GRANDPARENTS = """
Grandparents   NOUN  NNS ROOT  0 O lemma=grandparent
raising        VERB  VBG acl   0 O lemma=raise
grandchildren  NOUN  NNS dobj  1 O lemma=grandchild
\\n            SPACE _SP dep   2 O
Relatives      NOUN  NNS nsubj 9 O lemma=relative
who            PRON  WP  nsubj 6 O
take           VERB  VBP relcl 4 O
in             ADP   RP  prt   6 O
children       NOUN  NNS dobj  6 O lemma=child
want           VERB  VBP ROOT  9 O
an             DET   DT  det   11 O
allowance      NOUN  NN  dobj  9 O
.              PUNCT .   punct 9 O
"""
GRANDPARENTS_NAMED = """
Grandparents   NOUN  NNS ROOT     0 O lemma=grandparent
raising        VERB  VBG acl      0 O lemma=raise
grandchildren  NOUN  NNS dobj     1 O lemma=grandchild
\\n            SPACE _SP dep      2 O
Relatives      NOUN  NNS nsubj    9 O lemma=relative
who            PRON  WP  nsubj    6 O
take           VERB  VBP relcl    4 O
in             ADP   RP  prt      6 O
children       NOUN  NNS dobj     6 O lemma=child
want           VERB  VBP ROOT     9 O
family         NOUN  NN  compound 11 O
help           NOUN  NN  dobj     9 O
.              PUNCT .   punct    9 O
"""


def test_targets_lead__topic__fires():
    ctx, first = opening(GRANDPARENTS, "Grandparents raising grandchildren")
    assert topic_lead(ctx, first)[0] == ["kinship-allowance"]
    assert LEAD.first_named(ctx, first)[0] == "topic"


def test_targets_lead__topic__near_miss():
    """An opening that names a proposal is about that one (the opening rule), not a topic guessed from words."""
    ctx, first = opening(GRANDPARENTS_NAMED, "Grandparents raising grandchildren")
    assert topic_lead(ctx, first) is None
    assert LEAD.first_named(ctx, first)[0] == "opening"


# ---------------------------------------------------------------- targets.candidates
def chunk_candidate(spec: str, root: int):
    """(context, span, chunks, the noun chunk headed by token ``root``)."""
    ctx = target_ctx(parse(spec))
    span = ctx.doc[:]
    chunks = noun_chunks(ctx, span)
    return ctx, span, chunks, next(c for c in chunks if c.root.i == root)


SWAMP = """
A          DET   DT  det      3 O
mandatory  ADJ   JJ  amod     3 O
reporting  NOUN  NN  compound 3 O
duty       NOUN  NN  nsubj    5 O
could      AUX   MD  aux      5 O
swamp      VERB  VB  ROOT     5 O
social     ADJ   JJ  amod     8 O
work       NOUN  NN  compound 8 O
teams      NOUN  NNS dobj     5 O lemma=team
.          PUNCT .   punct    5 O
"""
HELP = SWAMP.replace("swamp      VERB", "help       VERB")


def test_targets_candidates__harm_subject__fires():
    """What swamps the teams is the proposal objected to, not the teams."""
    ctx, span, chunks, teams = chunk_candidate(SWAMP, 8)
    expected = ("candidate-mandatory-reporting-duty", "mandatory reporting duty")
    assert harm_subject(ctx, span, chunks, teams) == expected
    assert CANDIDATES.first_named(ctx, span, chunks, teams) == ("harm-subject", expected)
    assert candidate(ctx, span) == expected


def test_targets_candidates__harm_subject__near_miss():
    ctx, span, chunks, teams = chunk_candidate(HELP, 8)
    assert harm_subject(ctx, span, chunks, teams) is None
    assert candidate(ctx, span) is None


DISCUSSED_STANDARD = BACKED_STANDARD.replace("backed    VERB  VBD ROOT     1 O lemma=back",
                                             "discussed VERB  VBD ROOT     1 O lemma=discuss")


def test_targets_candidates__stance_object__fires():
    ctx, span, chunks, standard = chunk_candidate(BACKED_STANDARD, 5)
    expected = ("candidate-national-staffing-standard", "national staffing standard")
    assert stance_object(ctx, span, chunks, standard) == expected
    assert CANDIDATES.first_named(ctx, span, chunks, standard) == ("stance-object", expected)
    assert candidate(ctx, span) == expected


def test_targets_candidates__stance_object__near_miss():
    ctx, span, chunks, standard = chunk_candidate(DISCUSSED_STANDARD, 5)
    assert stance_object(ctx, span, chunks, standard) is None
    assert candidate(ctx, span) is None


BACKED_PEOPLE = """
Unions  NOUN  NNS nsubj    1 O lemma=union
backed  VERB  VBD ROOT     1 O lemma=back
young   ADJ   JJ  amod     3 O
people  NOUN  NNS dobj     1 O lemma=person
.       PUNCT .   punct    1 O
"""
BACKED_CAP = """
Unions    NOUN  NNS nsubj    1 O lemma=union
backed    VERB  VBD ROOT     1 O lemma=back
a         DET   DT  det      4 O
caseload  NOUN  NN  compound 4 O
cap       NOUN  NN  dobj     1 O
.         PUNCT .   punct    1 O
"""


def test_candidates_name_policies_not_people():
    """A candidate proposal is made from a noun phrase that can name a policy ('a caseload cap'),
    never from people or things in general ('young people')."""
    from argmap.nlp.rules.targets import label, noun_chunks

    cap = target_ctx(parse(BACKED_CAP))
    assert [label(cap, c) for c in noun_chunks(cap, cap.doc[:])] == [None, ("candidate-caseload-cap", "caseload cap")]
    people = target_ctx(parse(BACKED_PEOPLE))
    assert [label(people, c) for c in noun_chunks(people, people.doc[:])] == [None, None]

WARNED_OF_CRISIS = """
Unions       NOUN  NNS nsubj    1 O lemma=union
warned       VERB  VBD ROOT     1 O lemma=warn
of           ADP   IN  prep     1 O
a            DET   DT  det      6 O
residential  ADJ   JJ  amod     6 O
sector       NOUN  NN  compound 6 O
crisis       NOUN  NN  pobj     2 O
.            PUNCT .   punct    1 O
"""


def test_candidates_name_policies_not_problems():
    """'a residential sector crisis' names a problem (a head word of nouns.not_a_policy), not a
    proposal; the same phrase headed by a policy word is one."""
    from argmap.nlp.rules.targets import label, noun_chunks

    crisis = target_ctx(parse(WARNED_OF_CRISIS))
    assert [label(crisis, c) for c in noun_chunks(crisis, crisis.doc[:])] == [None, None]
    standard = target_ctx(parse(WARNED_OF_CRISIS.replace("crisis       NOUN", "standard     NOUN")))
    assert [label(standard, c) for c in noun_chunks(standard, standard.doc[:])][-1] == \
        ("candidate-residential-sector-standard", "residential sector standard")


@pytest.mark.parametrize("head", ["approach", "recommendation", "flexibility", "importance", "independence", "decision"])
def test_candidates_name_policies_not_general_words(head):
    """'a residential sector approach', '... recommendation', '... importance': a word that names a way,
    a piece of advice or a quality in general ends no policy's name."""
    from argmap.nlp.rules.targets import label, noun_chunks

    spec = WARNED_OF_CRISIS.replace("crisis       NOUN", f"{head:<12} NOUN")
    ctx = target_ctx(parse(spec))
    assert [label(ctx, c) for c in noun_chunks(ctx, ctx.doc[:])] == [None, None]


BACKED_MORE_USE = """
Unions   NOUN  NNS nsubj    1 O lemma=union
backed   VERB  VBD ROOT     1 O lemma=back
an       DET   DT  det      3 O
increase NOUN  NN  dobj     1 O
in       ADP   IN  prep     3 O
the      DET   DT  det      6 O
use      NOUN  NN  pobj     4 O
of       ADP   IN  prep     6 O
kinship  NOUN  NN  compound 10 O
network  NOUN  NN  compound 10 O
plans    NOUN  NNS pobj     7 O lemma=plan
.        PUNCT .   punct    1 O
"""
BACKED_PAY_INCREASE = """
Unions   NOUN  NNS nsubj    1 O lemma=union
backed   VERB  VBD ROOT     1 O lemma=back
a        DET   DT  det      4 O
pay      NOUN  NN  compound 4 O
increase NOUN  NN  dobj     1 O
.        PUNCT .   punct    1 O
"""


def test_a_candidate_of_an_amount_is_named_by_what_it_is_an_amount_of():
    """'an increase in the use of kinship network plans' names kinship network plans; 'a pay
    increase', with nothing it is an amount of, keeps its own words."""
    from argmap.nlp.rules.targets import label

    more = target_ctx(parse(BACKED_MORE_USE))
    assert label(more, more.doc[2:4]) == ("candidate-kinship-network-plans", "kinship network plans")
    pay = target_ctx(parse(BACKED_PAY_INCREASE))
    assert label(pay, pay.doc[2:5]) == ("candidate-pay-increase", "pay increase")


def test_a_candidate_of_a_carrying_out_is_named_by_what_is_carried_out():
    """'the implementation of kinship network plans' names kinship network plans."""
    from argmap.nlp.rules.targets import label

    spec = BACKED_MORE_USE.replace("an       DET   DT  det      3 O", "the      DET   DT  det      3 O") \
        .replace("increase NOUN  NN  dobj     1 O", "implementation NOUN NN dobj 1 O") \
        .replace("in       ADP   IN  prep     3 O", "of       ADP   IN  prep     3 O")
    done = target_ctx(parse(spec))
    assert label(done, done.doc[2:4]) == ("candidate-kinship-network-plans", "kinship network plans")


BACKED_A_FRACTION = """
Unions    NOUN  NNS nsubj    1 O lemma=union
backed    VERB  VBD ROOT     1 O lemma=back
a         DET   DT  det      3 O
fraction  NOUN  NN  dobj     1 O
of        ADP   IN  prep     3 O
this      DET   DT  det      6 O
number    NOUN  NN  pobj     4 O
.         PUNCT .   punct    1 O
"""


def test_candidates_are_not_quantities():
    """'a fraction of this number': a quantity names no policy, so no candidate is made of it (a
    share of something named, 'a fraction of the cap', is still no proposal of its own)."""
    from argmap.nlp.rules.targets import label, noun_chunks

    ctx = target_ctx(parse(BACKED_A_FRACTION))
    assert [label(ctx, c) for c in noun_chunks(ctx, ctx.doc[:])] == [None, None, None]
    cap = BACKED_A_FRACTION.replace("fraction  NOUN", "review    NOUN")
    ctx = target_ctx(parse(cap))
    assert [label(ctx, c) for c in noun_chunks(ctx, ctx.doc[:])][1] == ("candidate-review-number", "review number")


IN_RESPONSE = """
They      PRON  PRP nsubj    1 O
praised   VERB  VBD ROOT     1 O lemma=praise
the       DET   DT  det      4 O
practice  NOUN  NN  compound 4 O
guidance  NOUN  NN  dobj     1 O
in        ADP   IN  prep     4 O
response  NOUN  NN  pobj     5 O
to        ADP   IN  prep     6 O
the       DET   DT  det      9 O
bill      NOUN  NN  pobj     7 O
.         PUNCT .   punct    1 O
"""


def test_proposals__what_a_response_answers_is_not_what_the_claim_is_about():
    """'the practice guidance in response to the bill': the guidance, not the bill it answers."""
    from argmap.nlp.rules.targets import proposals

    ctx = target_ctx(parse(IN_RESPONSE))
    assert proposals(ctx, ctx.sents[0]) == ["practice-guidance"]


def test_proposals__near_miss_a_response_to_the_one_proposal_named():
    """'They praised the response to the bill': with nothing else named, the bill is what is meant."""
    from argmap.nlp.rules.targets import proposals

    spec = IN_RESPONSE.replace("practice  NOUN  NN  compound 4 O", "new       ADJ   JJ  amod     4 O") \
        .replace("guidance  NOUN  NN  dobj     1 O", "approach  NOUN  NN  dobj     1 O")
    ctx = target_ctx(parse(spec))
    assert proposals(ctx, ctx.sents[0]) == ["courts-bill"]


FRAMEWORK_RECOMMENDS = """
The        DET   DT  det      2 O
National   PROPN NNP compound 2 O
Framework  PROPN NNP nsubj    3 O
recommends VERB  VBZ ROOT     3 O lemma=recommend
family     NOUN  NN  compound 5 O
help       NOUN  NN  dobj     3 O
.          PUNCT .   punct    3 O
"""


def test_link__a_proposal_named_only_as_the_speakers_own_subject_is_not_the_target():
    """'The National Framework recommends family help', said by the body it names: about family help."""
    from argmap.nlp.cues import Draft
    from argmap.nlp.rules.targets import link

    ctx = target_ctx(parse(FRAMEWORK_RECOMMENDS), u0=("framework-board", "recommend", "speech-verb"))
    ctx.units[0].cue_token = 3
    draft = Draft(0, 0, 7, "framework-board", SUPPORT, [WORD])
    assert link(ctx, draft) and draft.targets == ["family-help"]
    other = Draft(0, 0, 7, "someone-else", SUPPORT, [WORD])  # said of the Framework by another
    assert link(ctx, other) and set(other.targets) == {"national-framework", "family-help"}


FAMILY_HELP_THESE_TEAMS = """
Family   NOUN  NN  compound 1 O
help     NOUN  NN  nsubj    2 O
started  VERB  VBD ROOT     2 O lemma=start
.        PUNCT .   punct    2 O
These    DET   DT  det      5 O
teams    NOUN  NNS nsubj    6 O lemma=team
struggle VERB  VBP ROOT     6 O
.        PUNCT .   punct    6 O
"""
STRUGGLE = Cue(K.WORD, -1, "struggle", "word")


def test_targets_steps__reference__a_demonstrative_with_another_of_the_proposals_names():
    """'Family help started. These teams struggle.': 'teams' ends another name of family help
    ('family help teams'), so 'these teams' points back to it."""
    ctx, w = steps(FAMILY_HELP_THESE_TEAMS, 1, OBJECT, STRUGGLE)
    assert reference(ctx, w) is None and w.draft.targets == ["family-help"]
    assert any("points back: teams" in c for c in w.draft.target_cues)


def test_targets_steps__reference__near_miss_no_demonstrative_for_another_name():
    """'Family help started. Teams struggle.': a bare noun is no pointer to another of its names."""
    spec = FAMILY_HELP_THESE_TEAMS.replace("These    DET   DT  det      5 O", "Many     ADJ   JJ  amod     5 O")
    ctx, w = steps(spec, 1, OBJECT, STRUGGLE)
    reference(ctx, w)
    assert not any("points back: teams" in c for c in w.draft.target_cues)


FURNITURE_FIRST = """
Share      VERB  VB  ROOT     0 O
now        ADV   RB  advmod   0 O
.          PUNCT .   punct    0 O
\\n         SPACE _SP dep      2 O
\\n         SPACE _SP ROOT     4 O
Ministers  NOUN  NNS nsubj    6 O lemma=minister
published  VERB  VBD ROOT     6 O lemma=publish
the        DET   DT  det      9 O
practice   NOUN  NN  compound 9 O
guidance   NOUN  NN  dobj     6 O
for        ADP   IN  prep     9 O
every      DET   DT  det      12 O
council    NOUN  NN  pobj     10 O
today      NOUN  NN  npadvmod 6 O
.          PUNCT .   punct    6 O
"""


def test_lead_paragraphs__page_furniture_is_no_opening():
    """'Share now.' is no paragraph of the opening; the first prose paragraph is."""
    from argmap.nlp.rules.targets import _lead_paragraphs

    ctx = target_ctx(parse(FURNITURE_FIRST))
    furniture, prose = ctx.units[0], ctx.units[-1]
    assert furniture.para != prose.para and not furniture.heading
    assert _lead_paragraphs(ctx) == [prose.para]


TEAMS_FOR_LEAVERS = """
They      PRON  PRP nsubj    1 O
praised   VERB  VBD ROOT     1 O lemma=praise
the       DET   DT  det      5 O
family    NOUN  NN  compound 4 O
help      NOUN  NN  compound 5 O
teams     NOUN  NNS dobj     1 O lemma=team
for       ADP   IN  prep     5 O
care      NOUN  NN  compound 8 O
leavers   NOUN  NNS pobj     6 O lemma=leaver
.         PUNCT .   punct    1 O
"""


def test_proposals__what_a_named_plan_serves_is_not_what_the_claim_is_about():
    """'the family help teams for care leavers': the teams are praised, care leavers are whom they serve."""
    from argmap.nlp.rules.targets import proposals

    ctx = target_ctx(parse(TEAMS_FOR_LEAVERS))
    assert proposals(ctx, ctx.sents[0]) == ["family-help"]


def test_proposals__near_miss_a_plan_and_another_named_together():
    """'the family help teams and care leavers': both are praised."""
    from argmap.nlp.rules.targets import proposals

    spec = TEAMS_FOR_LEAVERS.replace("for       ADP   IN  prep     5 O", "and       CCONJ CC  cc       5 O") \
        .replace("leavers   NOUN  NNS pobj     6 O lemma=leaver", "leavers   NOUN  NNS conj     5 O lemma=leaver")
    ctx = target_ctx(parse(spec))
    assert proposals(ctx, ctx.sents[0]) == ["family-help", "care-leaver-support"]


TEAMS_ON_LEAVERS = """
They      PRON  PRP nsubj    1 O
praised   VERB  VBD ROOT     1 O lemma=praise
the       DET   DT  det      5 O
family    NOUN  NN  compound 4 O
help      NOUN  NN  compound 5 O
teams     NOUN  NNS dobj     1 O lemma=team
on        ADP   IN  prep     5 O
the       DET   DT  det      10 O
largest   ADJ   JJS amod     10 O
care      NOUN  NN  compound 10 O
leavers   NOUN  NNS pobj     6 O lemma=leaver
.         PUNCT .   punct    1 O
"""


def test_proposals__what_a_named_plan_acts_on_is_not_what_the_claim_is_about():
    """'the family help teams on the largest care leavers' (as 'a windfall tax on for-profit
    providers'): the teams are praised, care leavers are what they act on."""
    from argmap.nlp.rules.targets import acted_on, matches, proposals

    ctx = target_ctx(parse(TEAMS_ON_LEAVERS))
    span = ctx.sents[0]
    found = matches(ctx, span)
    assert [acted_on(ctx, span, m, found) for m in found] == [False, True]
    assert proposals(ctx, span) == ["family-help"]


def test_proposals__near_miss_a_name_after_on_that_no_named_plan_heads():
    """'They praised work on the largest care leavers': nothing named acts on them; they are meant."""
    from argmap.nlp.rules.targets import proposals

    spec = TEAMS_ON_LEAVERS.replace("family    NOUN  NN  compound 4 O", "good      ADJ   JJ  amod     5 O") \
        .replace("help      NOUN  NN  compound 5 O", "new       ADJ   JJ  amod     5 O") \
        .replace("teams     NOUN  NNS dobj     1 O lemma=team", "work      NOUN  NN  dobj     1 O")
    ctx = target_ctx(parse(spec))
    assert proposals(ctx, ctx.sents[0]) == ["care-leaver-support"]


DOCUMENT_HOLDS = """
They      PRON  PRP nsubj    1 O
praised   VERB  VBD ROOT     1 O lemma=praise
the       DET   DT  det      4 O
Hearth    PROPN NNP compound 4 O
Review    PROPN NNP dobj     1 O
,         PUNCT ,   punct    4 O
which     PRON  WDT nsubj    7 O
backs     VERB  VBZ relcl    4 O lemma=back
family    NOUN  NN  compound 9 O
help      NOUN  NN  dobj     7 O
.         PUNCT .   punct    1 O
"""


def test_proposals__a_document_and_what_its_relative_clause_says_it_holds():
    """'the Hearth Review, which backs family help': both the document and what it holds."""
    from argmap.nlp.rules.targets import proposals

    ctx = target_ctx(parse(DOCUMENT_HOLDS))
    assert proposals(ctx, ctx.sents[0]) == ["hearth-review", "family-help"]


def test_proposals__near_miss_reforms_of_one_thing():
    """'the reforms suggested for family help' (no comma, no relative pronoun): reforms of family
    help, so family help alone."""
    from argmap.nlp.rules.targets import proposals

    spec = """
They      PRON  PRP nsubj    1 O
praised   VERB  VBD ROOT     1 O lemma=praise
the       DET   DT  det      3 O
reforms   NOUN  NNS dobj     1 O lemma=reform
suggested VERB  VBN acl      3 O lemma=suggest
for       ADP   IN  prep     4 O
family    NOUN  NN  compound 7 O
help      NOUN  NN  pobj     5 O
.         PUNCT .   punct    1 O
"""
    ctx = target_ctx(parse(spec))
    assert proposals(ctx, ctx.sents[0]) == ["family-help"]


def _general_reform_ctx(spec: str):
    """A target context whose taxonomy's general proposal is named by the one word 'reform'."""
    from argmap.nlp.rules.targets import TargetContext
    from argmap.taxonomy import taxonomy_from_dict

    from .kit import LEX

    taxonomy = taxonomy_from_dict({
        "meta": {"name": "reform tests", "general_proposal": "care-reform"},
        "proposal": [{"id": "care-reform", "label": "Children's care reform (overall)", "aliases": ["reform"]}],
    })
    doc = parse(spec)
    return TargetContext(doc, taxonomy, LEX, set(), list(doc.sents), [])


REFORM_FOSTERING = """
They      PRON  PRP nsubj    1 O
pledged   VERB  VBD ROOT     1 O lemma=pledge
to        PART  TO  aux      3 O
reform    VERB  VB  xcomp    1 O
foster    NOUN  NN  compound 5 O
care      NOUN  NN  dobj     3 O
.         PUNCT .   punct    1 O
"""


def test_reform_of_something_else__the_general_reforms_name_as_a_verb_on_one_thing():
    """'pledged to reform foster care' is a reform of foster care, not the reform of children's care."""
    from argmap.nlp.rules.targets import reform_of_something_else

    ctx = _general_reform_ctx(REFORM_FOSTERING)
    assert reform_of_something_else(ctx, "care-reform", ctx.doc[3:4])
    from argmap.nlp.rules.targets import matches
    assert matches(ctx, ctx.doc[:]) == ()


@pytest.mark.parametrize("obj", ["children's care", "the system", "it"])
def test_reform_of_something_else__near_miss_the_whole_domain(obj):
    """'to reform children's care' (every word of the domain), 'to reform the system' (the present
    arrangements), 'to reform it': the general reform."""
    from argmap.nlp.rules.targets import reform_of_something_else

    rows = {"children's care": ["children   NOUN  NNS poss     6 O lemma=child", "'s         PART  POS case     4 O",
                                "care       NOUN  NN  dobj     3 O"],
            "the system": ["the        DET   DT  det      5 O", "system     NOUN  NN  dobj     3 O"],
            "it": ["it         PRON  PRP dobj     3 O"]}[obj]
    head = "\n".join(REFORM_FOSTERING.strip().splitlines()[:4])
    spec = head + "\n" + "\n".join(rows) + f"\n.          PUNCT .   punct    1 O\n"
    ctx = _general_reform_ctx(spec)
    assert not reform_of_something_else(ctx, "care-reform", ctx.doc[3:4])
    from argmap.nlp.rules.targets import matches
    assert [m.id for m in matches(ctx, ctx.doc[:])] == ["care-reform"]


AGREE_WITH_BILL = """
We        PRON  PRP nsubj    1 O
agree     VERB  VBP ROOT     1 O lemma=agree
with      ADP   IN  prep     1 O
the       DET   DT  det      4 O
bill      NOUN  NN  pobj     2 O
that      SCONJ IN  mark     9 O
the       DET   DT  det      7 O
practice  NOUN  NN  compound 8 O
guidance  NOUN  NN  nsubj    9 O
fails     VERB  VBZ ccomp    1 O lemma=fail
.         PUNCT .   punct    1 O
"""


def test_proposals__who_the_speaker_agrees_with_is_not_what_the_claim_is_about():
    """'We agree with the bill that the practice guidance fails': about the guidance; the bill agrees."""
    from argmap.nlp.rules.targets import proposals

    ctx = target_ctx(parse(AGREE_WITH_BILL))
    assert proposals(ctx, ctx.sents[0]) == ["practice-guidance"]


def test_proposals__near_miss_dealing_with_a_proposal():
    """'We dealt with the bill ...': the bill is discussed."""
    from argmap.nlp.rules.targets import proposals

    spec = AGREE_WITH_BILL.replace("agree     VERB  VBP ROOT     1 O lemma=agree", "dealt     VERB  VBD ROOT     1 O lemma=deal")
    ctx = target_ctx(parse(spec))
    assert "courts-bill" in proposals(ctx, ctx.sents[0])


# ---------------------------------------------------------------- targets.steps: introduced-thing
BILL_PASSED = """
The        DET   DT  det      1 O
bill       NOUN  NN  nsubj    2 O
passed     VERB  VBD ROOT     2 O lemma=pass
.          PUNCT .   punct    2 O
\\n        SPACE _SP dep      3 O
"""
BILL_THEN_DUTIES = BILL_PASSED + """They       PRON  PRP nsubj    7 O
will       AUX   MD  aux      7 O
introduce  VERB  VB  ROOT     7 O lemma=introduce
reporting  NOUN  NN  compound 9 O
duties     NOUN  NNS dobj     7 O lemma=duty
.          PUNCT .   punct    7 O
"""
BILL_THEN_THE_DUTIES = BILL_THEN_DUTIES.replace("reporting  NOUN  NN  compound 9 O", "the        DET   DT  det      9 O")
INTRODUCES = Cue(K.GOVERNMENT, +1, "introduce", "publisher")


def test_targets_steps__introduced_thing__fires():
    """'The bill passed. They will introduce reporting duties.': the new duties, not the bill."""
    name, verdict, targets, _ = linked(BILL_THEN_DUTIES, 1, SUPPORT, INTRODUCES)
    assert (name, verdict, targets) == ("introduced-thing", KEEP, ["candidate-reporting-duties"])


def test_targets_steps__introduced_thing__near_miss_a_pointing_phrase():
    """'They will introduce the duties': a pointing phrase, left to what was named nearby (the bill)."""
    name, _, targets, _ = linked(BILL_THEN_THE_DUTIES, 1, SUPPORT, INTRODUCES)
    assert name != "introduced-thing" and targets == ["courts-bill"]


BILL_THEN_THE_NEW_THING = BILL_PASSED + """They       PRON  PRP nsubj    7 O
will       AUX   MD  aux      7 O
introduce  VERB  VB  ROOT     7 O lemma=introduce
the        DET   DT  det      10 O
reporting  NOUN  NN  compound 10 O
duties     NOUN  NNS dobj     7 O lemma=duty
.          PUNCT .   punct    7 O
"""
DUTIES_THEN_THE_DUTIES_AGAIN = BILL_THEN_THE_NEW_THING.replace("bill       NOUN  NN  nsubj    2 O",
                                                              "duties     NOUN  NNS nsubj    2 O lemma=duty")


def test_targets_steps__introduced_thing__fires_on_the_with_a_new_noun():
    """'They will introduce the reporting duties', duties new to the page: 'the' points to nothing
    before it; the duties are the new thing."""
    name, verdict, targets, _ = linked(BILL_THEN_THE_NEW_THING, 1, SUPPORT, INTRODUCES)
    assert (name, verdict, targets) == ("introduced-thing", KEEP, ["candidate-reporting-duties"])


def test_targets_steps__introduced_thing__near_miss_the_with_a_noun_used_before():
    """'The duties passed. They will introduce the reporting duties': 'the duties' points back."""
    assert "duties     NOUN  NNS nsubj" in DUTIES_THEN_THE_DUTIES_AGAIN
    name, _, _, _ = linked(DUTIES_THEN_THE_DUTIES_AGAIN, 1, SUPPORT, INTRODUCES)
    assert name != "introduced-thing"


def test_targets_steps__introduced_thing__near_miss_a_neutral_claim():
    """A neutral sentence is no claim about the duties: nothing is made a candidate for it."""
    name, _, _, _ = linked(BILL_THEN_DUTIES, 1, NEUTRAL)
    assert name != "introduced-thing"


BILL_THEN_PLEDGE = BILL_PASSED + """They       PRON  PRP nsubj    6 O
pledged    VERB  VBD ROOT     6 O lemma=pledge
to         PART  TO  aux      8 O
cut        VERB  VB  xcomp    6 O lemma=cut
sewage     NOUN  NN  compound 10 O
spills     NOUN  NNS dobj     8 O lemma=spill
.          PUNCT .   punct    6 O
"""
BILL_THEN_TRIED = BILL_THEN_PLEDGE.replace("pledged    VERB  VBD ROOT     6 O lemma=pledge",
                                          "tried      VERB  VBD ROOT     6 O lemma=try")
BILL_THEN_COMMITTED = BILL_PASSED + """They       PRON  PRP nsubj    6 O
committed  VERB  VBD ROOT     6 O lemma=commit
to         ADP   IN  prep     6 O
setting    VERB  VBG pcomp    7 O lemma=set
up         ADP   RP  prt      8 O
regional   ADJ   JJ  amod     11 O
boards     NOUN  NNS dobj     8 O lemma=board
.          PUNCT .   punct    6 O
"""
COMMITS = Cue(K.WORD, +1, "committed", "word")


def test_targets_steps__introduced_thing__fires_on_what_is_promised():
    """'They pledged to cut sewage spills': the verb promised puts its object forward."""
    name, verdict, targets, _ = linked(BILL_THEN_PLEDGE, 1, SUPPORT, INTRODUCES)
    assert (name, verdict, targets) == ("introduced-thing", KEEP, ["candidate-sewage-spills"])


def test_targets_steps__introduced_thing__fires_on_a_promised_gerund():
    """'They committed to setting up regional boards': the gerund after 'committed to' too."""
    name, verdict, targets, _ = linked(BILL_THEN_COMMITTED, 1, SUPPORT, COMMITS)
    assert (name, verdict, targets) == ("introduced-thing", KEEP, ["candidate-regional-boards"])


def test_targets_steps__introduced_thing__near_miss_a_verb_only_tried():
    """'They tried to cut sewage spills': trying is no promise, so nothing is put forward."""
    name, _, targets, _ = linked(BILL_THEN_TRIED, 1, SUPPORT, INTRODUCES)
    assert name != "introduced-thing" and targets != ["candidate-sewage-spills"]


BILL_THEN_NAMED = BILL_PASSED + """They       PRON  PRP nsubj    6 O
committed  VERB  VBD ROOT     6 O lemma=commit
to         ADP   IN  prep     6 O
cutting    VERB  VBG pcomp    7 O lemma=cut
what       PRON  WP  dobj     11 O
they       PRON  PRP nsubj    11 O
described  VERB  VBD ccomp    8 O lemma=describe
as         ADP   IN  prep     11 O
a          DET   DT  det      14 O
tangle     NOUN  NN  pobj     12 O
of         ADP   IN  prep     14 O
reporting  NOUN  NN  compound 17 O
rules      NOUN  NNS pobj     15 O lemma=rule
.          PUNCT .   punct    6 O
"""
BILL_THEN_NAMED_TRIED = BILL_THEN_NAMED.replace("committed  VERB  VBD ROOT     6 O lemma=commit",
                                                "tried      VERB  VBD ROOT     6 O lemma=try")


def test_targets_steps__introduced_thing__fires_on_what_the_speaker_names():
    """'They committed to cutting what they described as a tangle of reporting rules': the thing
    named after 'as' stands for the 'what' that is cut (with its 'of' complement: a tangle of what)."""
    name, verdict, targets, _ = linked(BILL_THEN_NAMED, 1, SUPPORT, COMMITS)
    assert (name, verdict, targets) == ("introduced-thing", KEEP, ["candidate-tangle-reporting-rules"])


def test_targets_steps__introduced_thing__near_miss_what_is_only_tried():
    """'They tried to cut what they described as ...': no promise, nothing put forward."""
    name, _, targets, _ = linked(BILL_THEN_NAMED_TRIED, 1, SUPPORT, COMMITS)
    assert name != "introduced-thing" and targets != ["candidate-tangle-reporting-rules"]


POUND_PACKAGE = """
a        DET   DT  det      2 O
£        SYM   $   nmod     2 O
package  NOUN  NN  ROOT     2 O
"""


def test_a_candidate_label_has_no_currency_sign():
    """'a £ package': the label's words are 'package', not '£ package'."""
    doc = parse(POUND_PACKAGE)
    assert [t.text for t in content(doc[0:3])] == ["package"]


REVIEW_SAID_THESE = """
The      DET   DT  det      1 O
review   NOUN  NN  nsubj    2 O
backed   VERB  VBD ROOT     2 O lemma=back
family   NOUN  NN  compound 4 O
help     NOUN  NN  compound 5 O
teams    NOUN  NNS dobj     2 O lemma=team
.        PUNCT .   punct    2 O
The      DET   DT  det      8 O
review   NOUN  NN  nsubj    9 O
said     VERB  VBD ROOT     9 O lemma=say
these    PRON  DT  nsubj    11 O
were     AUX   VBD ccomp    9 O lemma=be
welcome  ADJ   JJ  acomp    11 O
.        PUNCT .   punct    9 O
"""


def _review_said(cue_token):
    ctx = target_ctx(parse(REVIEW_SAID_THESE), u1=("jo-bell", "say", "speech-verb"))
    ctx.units[1].cue_token = cue_token
    w = work(ctx, 1, SUPPORT, WORD)
    reference(ctx, w)
    return w.draft.targets


def test_targets_steps__reference__fires_past_the_subject_that_speaks():
    """'The review said these were welcome', the review's speech giving the claim its speaker: 'the
    review' names who speaks, and 'these' points to the teams named before."""
    assert _review_said(9) == ["family-help"]


def test_targets_steps__reference__near_miss_the_review_when_it_is_not_the_speaker():
    """Without a speech verb that gives the speaker, 'the review' is the debate's one review."""
    assert _review_said(None) == ["hearth-review"]


# ---------------------------------------------------------------- grounds inside a proposal's name
OPPOSE_MARKETISATION = """
They           PRON  PRP nsubj 1 O
oppose         VERB  VBP ROOT  1 O lemma=oppose
marketisation  NOUN  NN  dobj  1 O
.              PUNCT .   punct 1 O
"""
OPPOSE_RUN_FOR_PROFIT = """
They    PRON  PRP nsubj 1 O
oppose  VERB  VBP ROOT  1 O lemma=oppose
care    NOUN  NN  dobj  1 O
run     VERB  VBN acl   2 O
for     ADP   IN  prep  3 O
profit  NOUN  NN  pobj  4 O
.       PUNCT .   punct 1 O
"""


def _grounds_named(spec: str) -> tuple[list[str], list[str]]:
    """The proposals and grounds of the sentence, under a taxonomy whose one word 'marketisation'
    is both a proposal's name and a ground, and whose ground word 'profit' ends a longer name."""
    from argmap.nlp.rules.targets import proposals, themes

    ctx = _context_under(spec, {
        "meta": {"name": "ground words", "general_proposal": "care-reform"},
        "proposal": [{"id": "care-reform", "label": "care reform"},
                     {"id": "market-care", "label": "market care", "aliases": ["marketisation", "care run for profit"]}],
        "theme": [{"id": "profit", "label": "profit", "terms": ["marketisation", "profit"]}],
    })
    span = ctx.sents[0]
    return proposals(ctx, span), themes(ctx, span)


def _context_under(spec: str, taxonomy: dict):
    """The target context of a hand-built Doc under a small taxonomy of its own."""
    from argmap.nlp.rules.targets import TargetContext
    from argmap.taxonomy import taxonomy_from_dict

    from .kit import LEX, attribution_ctx, units_of
    doc = parse(spec)
    actx = attribution_ctx(doc)
    return TargetContext(doc, taxonomy_from_dict(taxonomy), LEX, set(actx.state.mention_at), actx.sents, units_of(actx))


def test_themes__a_proposal_named_by_the_ground_word_alone_is_both():
    """'They oppose marketisation': the word names the proposal and raises the ground."""
    assert _grounds_named(OPPOSE_MARKETISATION) == (["market-care"], ["profit"])


def test_themes__near_miss_a_ground_word_inside_a_longer_name():
    """'They oppose care run for profit': 'profit' is part of the proposal's name, no ground."""
    assert _grounds_named(OPPOSE_RUN_FOR_PROFIT) == (["market-care"], [])


FINANCIAL_PROFIT = """
They       PRON  PRP nsubj    1 O
oppose     VERB  VBP ROOT     1 O lemma=oppose
financial  ADJ   JJ  amod     3 O
interests  NOUN  NNS dobj     1 O lemma=interest
and        CCONJ CC  cc       3 O
profit     NOUN  NN  conj     3 O
.          PUNCT .   punct    1 O
"""
FINANCIAL_STAFF = FINANCIAL_PROFIT.replace("profit     NOUN", "staffing   NOUN")


def _grounds_absorbed(spec: str) -> list[str]:
    """The grounds of the sentence, under a taxonomy whose profit ground absorbs the money word
    'financial' of its funding ground."""
    from argmap.nlp.rules.targets import themes

    ctx = _context_under(spec, {
        "meta": {"name": "absorbed words", "general_proposal": "care-reform"},
        "proposal": [{"id": "care-reform", "label": "care reform"}],
        "theme": [{"id": "funding", "label": "funding", "terms": ["financial", "money"]},
                  {"id": "profit", "label": "profit", "terms": ["profit"], "absorbs": ["financial"]},
                  {"id": "staff", "label": "staff", "terms": ["staffing"]}],
    })
    return themes(ctx, ctx.sents[0])


def test_themes__a_ground_raised_only_by_words_another_absorbs_gives_way():
    """'They oppose financial interests and profit': the money word is about profit; no funding ground."""
    assert _grounds_absorbed(FINANCIAL_PROFIT) == ["profit"]


def test_themes__near_miss_a_ground_that_absorbs_nothing_here():
    """'They oppose financial interests and staffing': staffing absorbs no money word; both grounds."""
    assert _grounds_absorbed(FINANCIAL_STAFF) == ["funding", "staff"]


# ---------------------------------------------------------------- an actor that is also a proposal
WE_WELCOME_FRAMEWORK = """
We         PRON  PRP nsubj    1 O
welcome    VERB  VBP ROOT     1 O
the        DET   DT  det      4 O
National   PROPN NNP compound 4 O
Framework  PROPN NNP dobj     1 O
.          PUNCT .   punct    1 O
"""


def _framework_claim(speaker: str):
    from argmap.nlp.cues import Draft
    from argmap.nlp.rules.targets import link

    ctx = target_ctx(parse(WE_WELCOME_FRAMEWORK), u0=(speaker, "author", "author"))
    draft = Draft(0, 0, 6, speaker, SUPPORT, [WORD])
    return link(ctx, draft), draft.targets


def test_link__an_actor_is_not_the_target_of_its_own_claim():
    """'We welcome the National Framework' said by a body with the Framework's own id (a commission
    and its report are one entry of the taxonomy under both kinds): not a claim about itself."""
    assert "national-framework" not in _framework_claim("national-framework")[1]


def test_link__near_miss_another_actor_welcoming_it():
    assert _framework_claim("lga") == (True, ["national-framework"])


FRAMEWORK_THEN_IT = """
The        DET   DT  det       2 O
National   PROPN NNP compound  2 O
Framework  PROPN NNP nsubjpass 4 O
was        AUX   VBD auxpass   4 O lemma=be
published  VERB  VBN ROOT      4 O lemma=publish
.          PUNCT .   punct     4 O
\\n         SPACE _SP dep       5 O
It         PRON  PRP nsubj     8 O
is         AUX   VBZ ROOT      8 O lemma=be
excellent  ADJ   JJ  acomp     8 O
.          PUNCT .   punct     8 O
"""


@pytest.mark.parametrize("speaker, targets", [("national-framework", []), ("lga", ["national-framework"])])
def test_link__nor_by_way_of_the_sentence_before(speaker, targets):
    """'The National Framework was published. It is excellent.': 'it' is the Framework, which the
    Framework's own body does not claim anything about (another actor does)."""
    from argmap.nlp.cues import Draft
    from argmap.nlp.rules.targets import link

    ctx = target_ctx(parse(FRAMEWORK_THEN_IT), u1=(speaker, "author", "author"))
    draft = Draft(1, 7, 11, speaker, SUPPORT, [WORD])
    link(ctx, draft)
    assert draft.targets == targets


NATIONAL_STRATEGY = """
The            DET   DT   det       4   B-ORG
National       PROPN NNP  compound  2   I-ORG
Family         PROPN NNP  compound  4   I-ORG
Help           PROPN NNP  compound  4   I-ORG
Strategy       PROPN NNP  nsubjpass 6   I-ORG
was            AUX   VBD  auxpass   6   O lemma=be
launched       VERB  VBN  ROOT      6   O lemma=launch
.              PUNCT .    punct     6   O
The            DET   DT   det       9   O
strategy       NOUN  NN   nsubj     10  O
is             AUX   VBZ  ROOT      10  O lemma=be
welcome        ADJ   JJ   acomp     10  O
.              PUNCT .    punct     10  O
"""


def test_named_documents__a_document_named_after_one_proposal_is_that_proposals():
    """'The National Family Help Strategy ... The strategy is welcome': the name holds family help's
    name before its document word, so 'the strategy' points back to family help."""
    from argmap.nlp.rules.targets import head_anaphor, named_documents

    ctx = target_ctx(parse(NATIONAL_STRATEGY))
    assert [(head, target) for _, head, target in named_documents(ctx)] == [("strategy", "family-help")]
    assert head_anaphor(ctx, ctx.sents[1])[0] == ["family-help"]


def test_named_documents__near_miss_a_name_holding_no_proposal_is_a_candidate():
    """'The National Family Court Strategy' names nothing the taxonomy knows: a candidate of its own."""
    from argmap.nlp.rules.targets import named_documents

    ctx = target_ctx(parse(NATIONAL_STRATEGY.replace("Help           PROPN", "Court          PROPN")))
    assert [(head, target) for _, head, target in named_documents(ctx)] == [
        ("strategy", ("candidate-national-family-court-strategy", "National Family Court Strategy"))]


# ---------------------------------------------------------------- what a claim backs putting an end to
RESTORE_AND_END = """
We           PRON  PRP nsubj    1  O
want         VERB  VBP ROOT     1  O lemma=want
to           PART  TO  aux      3  O
restore      VERB  VB  xcomp    1  O lemma=restore
family       NOUN  NN  compound 5  O
help         NOUN  NN  dobj     3  O
and          CCONJ CC  cc       3  O
to           PART  TO  aux      8  O
end          VERB  VB  conj     3  O lemma=end
family       NOUN  NN  compound 11 O
group        NOUN  NN  compound 11 O
conferences  NOUN  NNS dobj     8  O lemma=conference
.            PUNCT .   punct    1  O
"""


def _ended(spec: str, taxonomy=None):
    from argmap.nlp.cues import Draft
    from argmap.nlp.rules.targets import TargetContext, ended_targets

    ctx = target_ctx(parse(spec))
    if taxonomy is not None:
        ctx = TargetContext(ctx.doc, taxonomy, ctx.lex, ctx.skip, ctx.sents, ctx.units)
    d = Draft(0, 0, len(ctx.doc), "someone", SUPPORT, [WORD], "x", ["family-help", "family-group-conferences"])
    return [(x.stance, x.targets) for x in ended_targets(ctx, [d])]


def test_ended_targets__backing_an_end_to_a_proposal_objects_to_it():
    """'We want to restore family help and to end family group conferences': support for family
    help, objection to the conferences."""
    assert _ended(RESTORE_AND_END) == [(SUPPORT, ["family-help"]), (OBJECT, ["family-group-conferences"])]


def test_ended_targets__near_miss_another_verb():
    """'... and to expand family group conferences': nothing is ended."""
    spec = RESTORE_AND_END.replace("end          VERB  VB  conj     3  O lemma=end",
                                   "expand       VERB  VB  conj     3  O lemma=expand")
    assert _ended(spec) == [(SUPPORT, ["family-help", "family-group-conferences"])]


def test_ended_targets__near_miss_a_proposal_that_is_itself_an_ending():
    """When the taxonomy's proposal is the ending ('an end to family group conferences'), backing
    the end backs the proposal."""
    from argmap.taxonomy import taxonomy_from_dict

    tax = taxonomy_from_dict({"proposal": [
        {"id": "family-help", "label": "family help"},
        {"id": "family-group-conferences", "label": "an end to family group conferences",
         "aliases": ["family group conferences"]}]})
    assert _ended(RESTORE_AND_END, tax) == [(SUPPORT, ["family-help", "family-group-conferences"])]


CRACK_DOWN_ON = """
We           PRON  PRP nsubj    2  O
will         AUX   MD  aux      2  O
crack        VERB  VB  ROOT     2  O lemma=crack
down         ADP   RP  prt      2  O
on           ADP   IN  prep     2  O
family       NOUN  NN  compound 7  O
group        NOUN  NN  compound 7  O
conferences  NOUN  NNS pobj     4  O lemma=conference
.            PUNCT .   punct    2  O
"""
END_THE_USE_OF = """
We           PRON  PRP nsubj    2  O
will         AUX   MD  aux      2  O
end          VERB  VB  ROOT     2  O lemma=end
the          DET   DT  det      4  O
use          NOUN  NN  dobj     2  O
of           ADP   IN  prep     4  O
family       NOUN  NN  compound 8  O
group        NOUN  NN  compound 8  O
conferences  NOUN  NNS pobj     5  O lemma=conference
.            PUNCT .   punct    2  O
"""


def _ended_alone(spec: str, stance=SUPPORT):
    from argmap.nlp.cues import Draft
    from argmap.nlp.rules.targets import ended_targets

    ctx = target_ctx(parse(spec))
    d = Draft(0, 0, len(ctx.doc), "someone", stance, [WORD] if stance == SUPPORT else [], "x",
              ["family-group-conferences"])
    return [(x.stance, x.targets) for x in ended_targets(ctx, [d])]


def test_ended_targets__through_a_particle_or_a_word_of_use_and_in_a_claim_with_no_cue():
    """'We will crack down on X', 'We will end the use of X': X is ended, and a claim with no cue
    word that says so objects to X as much as one that backs it."""
    assert _ended_alone(CRACK_DOWN_ON) == [(OBJECT, ["family-group-conferences"])]
    assert _ended_alone(END_THE_USE_OF, NEUTRAL) == [(OBJECT, ["family-group-conferences"])]


def test_ended_targets__near_miss_a_particle_verb_without_its_particle_or_another_noun():
    """'We will crack on X' (no 'down') ends nothing; 'end the lottery of X' ends the lottery, not X."""
    no_particle = CRACK_DOWN_ON.replace("down         ADP   RP  prt      2  O", "now          ADV   RB  advmod   2  O")
    assert _ended_alone(no_particle) == [(SUPPORT, ["family-group-conferences"])]
    lottery = END_THE_USE_OF.replace("use          NOUN  NN  dobj", "lottery      NOUN  NN  dobj")
    assert _ended_alone(lottery, NEUTRAL) == [(NEUTRAL, ["family-group-conferences"])]


END_GERUND = """
We           PRON  PRP nsubj    2  O
will         AUX   MD  aux      2  O
end          VERB  VB  ROOT     2  O lemma=end
outsourcing  VERB  VBG xcomp    2  O lemma=outsource
.            PUNCT .   punct    2  O
"""


def _ended_gerund(spec: str):
    from argmap.nlp.cues import Draft
    from argmap.nlp.rules.targets import TargetContext, ended_targets
    from argmap.taxonomy import taxonomy_from_dict

    tax = taxonomy_from_dict({"proposal": [{"id": "outsourcing", "label": "outsourcing"}]})
    ctx = target_ctx(parse(spec))
    ctx = TargetContext(ctx.doc, tax, ctx.lex, ctx.skip, ctx.sents, ctx.units)
    d = Draft(0, 0, len(ctx.doc), "someone", NEUTRAL, [], "x", ["outsourcing"])
    return [(x.stance, x.targets) for x in ended_targets(ctx, [d])]


def test_ended_targets__a_gerund_hung_on_the_verb_is_what_it_ends():
    """'We will end outsourcing': the parser makes the gerund the verb's complement, not its
    object; it is still what is ended."""
    assert _ended_gerund(END_GERUND) == [(OBJECT, ["outsourcing"])]


def test_ended_targets__near_miss_end_up_doing_something():
    """'We will end up outsourcing': 'end up' ends nothing."""
    spec = END_GERUND.replace("end          VERB  VB  ROOT     2  O lemma=end\n",
                              "end          VERB  VB  ROOT     2  O lemma=end\nup           ADP   RP  prt      2  O\n")
    assert "up " in spec
    assert _ended_gerund(spec) == [(NEUTRAL, ["outsourcing"])]


STAMP_OUT_GERUND = """
We           PRON  PRP nsubj    2  O
will         AUX   MD  aux      2  O
stamp        VERB  VB  ROOT     2  O lemma=stamp
out          ADP   RP  prt      2  O
outsourcing  VERB  VBG xcomp    2  O lemma=outsource
.            PUNCT .   punct    2  O
"""


def test_ended_targets__a_gerund_after_the_particle_of_a_verb_of_ending_is_what_it_ends():
    """'We will stamp out outsourcing': after the verb's own particle of ending, the gerund the
    parser hangs on the verb is what is ended."""
    assert _ended_gerund(STAMP_OUT_GERUND) == [(OBJECT, ["outsourcing"])]


def test_ended_targets__near_miss_a_particle_verb_of_ending_without_its_particle():
    """'We will stamp outsourcing' (no 'out') ends nothing."""
    spec = STAMP_OUT_GERUND.replace("out          ADP   RP  prt      2  O\n", "")
    spec = spec.replace("xcomp    2", "xcomp    2")
    assert "out " not in spec
    assert _ended_gerund(spec) == [(NEUTRAL, ["outsourcing"])]


MUST_BE_ENDED = """
Outsourcing  NOUN  NN  nsubjpass 3 O
must         AUX   MD  aux      3  O
be           AUX   VB  auxpass  3  O
ended        VERB  VBN ROOT     3  O lemma=end
.            PUNCT .   punct    3  O
"""


def test_ended_targets__the_subject_of_a_passive_verb_of_ending_is_what_it_ends():
    """'Outsourcing must be ended', and the gerund 'Outsourcing must be stamped out': the passive's
    subject is what is ended."""
    assert _ended_gerund(MUST_BE_ENDED) == [(OBJECT, ["outsourcing"])]
    stamped = MUST_BE_ENDED.replace("Outsourcing  NOUN  NN  nsubjpass 3 O", "Outsourcing  VERB  VBG csubjpass 3 O lemma=outsource")
    stamped = stamped.replace("ended        VERB  VBN ROOT     3  O lemma=end",
                              "stamped      VERB  VBN ROOT     3  O lemma=stamp\nout          ADP   RP  prt      3  O")
    assert _ended_gerund(stamped) == [(OBJECT, ["outsourcing"])]


def test_ended_targets__near_miss_the_subject_of_another_passive_verb():
    """'Outsourcing must be extended' ends nothing."""
    spec = MUST_BE_ENDED.replace("ended        VERB  VBN ROOT     3  O lemma=end", "extended     VERB  VBN ROOT     3  O lemma=extend")
    assert _ended_gerund(spec) == [(NEUTRAL, ["outsourcing"])]


AN_END_TO = """
There        PRON  EX  expl     2  O
must         AUX   MD  aux      2  O
be           AUX   VB  ROOT     2  O
an           DET   DT  det      4  O
end          NOUN  NN  attr     2  O lemma=end
to           ADP   IN  prep     4  O
outsourcing  NOUN  NN  pobj     5  O
.            PUNCT .   punct    2  O
"""


def test_ended_targets__what_a_noun_of_ending_is_to_or_on_is_ended():
    """'There must be an end to outsourcing': a noun of ending ends what its 'to' (or 'on') names."""
    assert _ended_gerund(AN_END_TO) == [(OBJECT, ["outsourcing"])]


def test_ended_targets__near_miss_no_end_or_another_noun():
    """'There must be no end to outsourcing' denies the ending; 'an answer to outsourcing' ends nothing."""
    assert _ended_gerund(AN_END_TO.replace("an           DET", "no           DET")) == [(NEUTRAL, ["outsourcing"])]
    assert _ended_gerund(AN_END_TO.replace("end          NOUN  NN  attr     2  O lemma=end",
                                           "answer       NOUN  NN  attr     2  O lemma=answer")) == [(NEUTRAL, ["outsourcing"])]


CRACK_DOWN_ON_GERUND = """
We           PRON  PRP nsubj    2  O
will         AUX   MD  aux      2  O
crack        VERB  VB  ROOT     2  O
down         ADP   RP  prt      2  O
on           ADP   IN  prep     2  O
outsourcing  VERB  VBG pcomp    4  O lemma=outsource
.            PUNCT .   punct    2  O
"""


def test_ended_targets__a_gerund_after_the_particle_verbs_preposition():
    """'We will crack down on outsourcing': the parser hangs the gerund on 'on' as its complement;
    it is still what is ended."""
    assert _ended_gerund(CRACK_DOWN_ON_GERUND) == [(OBJECT, ["outsourcing"])]


def test_ended_targets__near_miss_a_noun_complement_is_no_gerund():
    """A complement of 'on' that is no gerund (a tagging slip on a noun) is not taken for one."""
    spec = CRACK_DOWN_ON_GERUND.replace("VERB  VBG pcomp", "NOUN  NN  pcomp")
    assert _ended_gerund(spec) == [(NEUTRAL, ["outsourcing"])]


def test_ended_targets__a_verb_of_tackling_ends_what_it_tackles():
    """'We will tackle outsourcing': tackling something is trying to put an end to it."""
    spec = END_GERUND.replace("end          VERB  VB  ROOT     2  O lemma=end",
                              "tackle       VERB  VB  ROOT     2  O lemma=tackle").replace(
        "outsourcing  VERB  VBG xcomp", "outsourcing  NOUN  NN  dobj ")
    assert _ended_gerund(spec) == [(OBJECT, ["outsourcing"])]
    assert _ended_gerund(spec.replace("lemma=tackle", "lemma=discuss")) == [(NEUTRAL, ["outsourcing"])]


SHOULD_NOT_BE_DOING = """
Councils     NOUN  NNS nsubj    4  O lemma=council
should       AUX   MD  aux      4  O
not          PART  RB  neg      4  O
be           AUX   VB  aux      4  O
using        VERB  VBG ROOT     4  O lemma=use
outsourcing  NOUN  NN  dobj     4  O
.            PUNCT .   punct    4  O
"""


def test_ended_targets__what_a_verb_under_should_not_acts_on_is_forbidden():
    """'Councils should not be using outsourcing': a verb under a prohibiting modal and 'not'
    forbids what it acts on, an objection to it."""
    assert _ended_gerund(SHOULD_NOT_BE_DOING) == [(OBJECT, ["outsourcing"])]


def test_ended_targets__near_miss_a_plain_negation_or_a_forbidden_ending():
    """'Councils will not be using outsourcing' forecasts, it forbids nothing; 'Councils should not
    end outsourcing' forbids the ending, which keeps outsourcing; nor does 'must not crack down on'."""
    assert _ended_gerund(SHOULD_NOT_BE_DOING.replace("should       AUX", "will         AUX")) == \
        [(NEUTRAL, ["outsourcing"])]
    ending = SHOULD_NOT_BE_DOING.replace("be           AUX   VB  aux      4  O\n", "").replace(
        "using        VERB  VBG ROOT     4  O lemma=use", "end          VERB  VB  ROOT     4  O lemma=end")
    ending = "\n".join(line.replace(" 4  O", " 3  O") for line in ending.splitlines())
    assert "end          VERB" in ending
    assert _ended_gerund(ending) == [(NEUTRAL, ["outsourcing"])]
    crack = CRACK_DOWN_ON_GERUND.replace("will         AUX   MD  aux      2  O",
                                         "must         AUX   MD  aux      3  O\nnot          PART  RB  neg      3  O")
    crack = "\n".join(line.replace(" 2  O", " 3  O").replace("pcomp    4", "pcomp    5") for line in crack.splitlines())
    assert _ended_gerund(crack) == [(NEUTRAL, ["outsourcing"])]


REPLACE_WITH = """
We           PRON  PRP nsubj    1  O
want         VERB  VBP ROOT     1  O lemma=want
to           PART  TO  aux      3  O
replace      VERB  VB  xcomp    1  O lemma=replace
family       NOUN  NN  compound 7  O
group        NOUN  NN  compound 7  O
conferences  NOUN  NNS dobj     3  O lemma=conference
with         ADP   IN  prep     3  O
family       NOUN  NN  compound 10 O
help         NOUN  NN  pobj     8  O
.            PUNCT .   punct    1  O
"""


def test_ended_targets__replacing_one_proposal_with_another_ends_the_first():
    """'We want to replace family group conferences with family help': an objection to the
    conferences, support for family help."""
    assert _ended(REPLACE_WITH) == [(SUPPORT, ["family-help"]), (OBJECT, ["family-group-conferences"])]


def test_ended_targets__near_miss_replacing_with_nothing_named():
    """'Teams replacing family group conferences' (no 'with'): what the teams do, nothing ended."""
    spec = REPLACE_WITH.replace("with         ADP   IN  prep     3  O", "soon         ADV   RB  advmod   3  O")
    assert _ended(spec) == [(SUPPORT, ["family-help", "family-group-conferences"])]


# ---------------------------------------------------------------- a clause's sibling
def _siblings(*drafts):
    from argmap.nlp.cues import Draft
    from argmap.nlp.rules.targets import sibling_targets

    kept = [Draft(unit, 0, 3, speaker, Stance.OBJECT, [], "r", list(targets)) for unit, speaker, targets in drafts]
    sibling_targets(kept)
    return [d.targets for d in kept]


def test_sibling_targets__a_clause_without_a_target_takes_its_siblings():
    """'X backs A but fears it will fail': the second clause, X's too, is about A."""
    assert _siblings((0, "basw", ["family-help"]), (0, "basw", [])) == [["family-help"], ["family-help"]]


def test_sibling_targets__near_miss_another_speakers_clause_or_sentence():
    """Another speaker's claim in the sentence (a plan's owner beside the speaker) is no sibling,
    nor is the same speaker's claim in another sentence."""
    assert _siblings((0, "basw", ["family-help"]), (0, "dfe", [])) == [["family-help"], []]
    assert _siblings((0, "basw", ["family-help"]), (1, "basw", [])) == [["family-help"], []]


# ---------------------------------------------------------------- the one candidate an opening introduces
# "Ministers consult on tutor licensing", then a new line
CONSULT_OPENING = """
Ministers  NOUN  NNS  nsubj    1 O lemma=minister
consult    VERB  VBP  ROOT     1 O
on         ADP   IN   prep     1 O
tutor      NOUN  NN   compound 4 O
licensing  NOUN  NN   pobj     2 O
\\n         SPACE _SP  dep      1 O
"""
CONSULT_THEN_OPPOSE = CONSULT_OPENING + """Unions     NOUN  NNS  nsubj    7 O lemma=union
oppose     VERB  VBP  ROOT     7 O
these      DET   DT   det      9 O
proposals  NOUN  NNS  dobj     7 O lemma=proposal
.          PUNCT .    punct    7 O
"""
DISCUSS_THEN_OPPOSE = CONSULT_THEN_OPPOSE.replace("consult    VERB  VBP  ROOT     1 O",
                                                  "discuss    VERB  VBP  ROOT     1 O")
TWO_INTRODUCED = CONSULT_OPENING + """They       PRON  PRP  nsubj    8 O
also       ADV   RB   advmod   8 O
propose    VERB  VBP  ROOT     8 O
a          DET   DT   det      12 O
national   ADJ   JJ   amod     12 O
exam       NOUN  NN   compound 12 O
reform     NOUN  NN   dobj     8 O
for        ADP   IN   prep     12 O
schools    NOUN  NNS  pobj     13 O lemma=school
.          PUNCT .    punct    8 O
\\n         SPACE _SP  dep      8 O
Unions     NOUN  NNS  nsubj    18 O lemma=union
oppose     VERB  VBP  ROOT     18 O
these      DET   DT   det      20 O
proposals  NOUN  NNS  dobj     18 O lemma=proposal
.          PUNCT .    punct    18 O
"""


def _opening_candidate(spec: str, claim_unit: int):
    from argmap.nlp.rules.targets import opening_candidate

    ctx = target_ctx(parse(spec))
    return opening_candidate(ctx, claim_unit)


def test_opening_candidate__fires():
    """'Ministers consult on tutor licensing' opens the article: 'these proposals' later is that candidate."""
    assert _opening_candidate(CONSULT_THEN_OPPOSE, 1) == ("candidate-tutor-licensing", "tutor licensing")


def test_opening_candidate__near_miss_no_word_of_proposing():
    """'Ministers discuss tutor licensing' puts nothing forward."""
    assert _opening_candidate(DISCUSS_THEN_OPPOSE, 1) is None


def test_opening_candidate__near_miss_two_things_introduced():
    """An opening that puts forward two things leaves 'these proposals' to no one of them (the
    title and the first paragraph, each alone, would give their own)."""
    from argmap.nlp.rules.targets import introduced

    ctx = target_ctx(parse(TWO_INTRODUCED))
    assert [introduced(ctx, s) for s in ctx.sents[:2]] == [("candidate-tutor-licensing", "tutor licensing"),
                                                          ("candidate-national-exam-reform", "national exam reform")]
    assert _opening_candidate(TWO_INTRODUCED, 2) is None


HEARTH_PUBLISHED = """
The       DET   DT   det       2  O
Hearth    PROPN NNP  compound  2  O
Review    PROPN NNP  nsubjpass 4  O
was       AUX   VBD  auxpass   4  O lemma=be
published VERB  VBN  ROOT      4  O lemma=publish
.         PUNCT .    punct     4  O
"""
HEARTH_RESPONDED = HEARTH_PUBLISHED + """Ministers NOUN  NNS  nsubj     7  O lemma=minister
responded VERB  VBD  ROOT      7  O lemma=respond
to        ADP   IN   prep      7  O
the       DET   DT   det       10 O
review    NOUN  NN   pobj      8  O
.         PUNCT .    punct     7  O
"""


def test_head_anaphor__what_is_responded_to_is_not_pointed_at():
    """'The Hearth Review was published. Ministers responded to the review': the review is what they
    respond to, not what their claim backs; 'Ministers welcomed the review' points back to it."""
    from argmap.nlp.rules.targets import head_anaphor, responded_to

    ctx = target_ctx(parse(HEARTH_RESPONDED))
    assert responded_to(ctx, ctx.doc[10]) and head_anaphor(ctx, ctx.sents[1]) is None
    welcomed = HEARTH_RESPONDED.replace("responded VERB  VBD  ROOT      7  O lemma=respond",
                                        "welcomed  VERB  VBD  ROOT      7  O lemma=welcome")
    welcomed = welcomed.replace("to        ADP   IN   prep      7  O", "warmly    ADV   RB   advmod    7  O")
    welcomed = welcomed.replace("review    NOUN  NN   pobj      8  O", "review    NOUN  NN   dobj      7  O")
    ctx = target_ctx(parse(welcomed))
    assert not responded_to(ctx, ctx.doc[10]) and head_anaphor(ctx, ctx.sents[1])[0] == ["hearth-review"]


HEARTH_BARELY_MENTIONS = HEARTH_PUBLISHED + """The       DET   DT   det       7  O
review    NOUN  NN   nsubj     9  O
barely    ADV   RB   advmod    9  O
mentions  VERB  VBZ  ROOT      9  O lemma=mention
family    NOUN  NN   compound  11 O
help      NOUN  NN   dobj      9  O
.         PUNCT .    punct     9  O
"""
LEFT_OUT = Cue(K.PHRASE, -1, "barely mentions", "phrase")


def test_targets_steps__omitted__fires():
    """'The Hearth Review was published. The review barely mentions family help': the objection is
    to the review, which leaves family help out."""
    from argmap.nlp.rules.targets import omitted_step

    ctx, w = steps(HEARTH_BARELY_MENTIONS, 1, OBJECT, LEFT_OUT)
    assert w.own == ["family-help"]
    assert omitted_step(ctx, w) is None and w.draft.targets == ["hearth-review"]
    assert linked(HEARTH_BARELY_MENTIONS, 1, OBJECT, LEFT_OUT)[2] == ["hearth-review"]  # through the whole table


HEARTH_NO_REFERENCE = HEARTH_PUBLISHED + """The       DET   DT   det       7  O
review    NOUN  NN   nsubj     8  O
makes     VERB  VBZ  ROOT      8  O lemma=make
no        DET   DT   det       10 O
reference NOUN  NN   dobj      8  O
to        ADP   IN   prep      10 O
family    NOUN  NN   compound  13 O
help      NOUN  NN   pobj      11 O
.         PUNCT .    punct     8  O
"""
NO_REFERENCE = Cue(K.PHRASE, -1, "no reference to", "phrase")


def test_targets_steps__omitted__fires_on_no_reference_to():
    """'The review makes no reference to family help': a reference not made leaves it out, as a
    mention not made does; 'makes a reference to family help' leaves nothing out."""
    from argmap.nlp.rules.targets import omitted_step

    ctx, w = steps(HEARTH_NO_REFERENCE, 1, OBJECT, NO_REFERENCE)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["hearth-review"]
    made = HEARTH_NO_REFERENCE.replace("no        DET   DT   det       10 O", "a         DET   DT   det       10 O")
    ctx, w = steps(made, 1, OBJECT, NO_REFERENCE)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["family-help"]


HEARTH_OMITS = HEARTH_PUBLISHED + """The       DET   DT   det       7  O
review    NOUN  NN   nsubj     8  O
omits     VERB  VBZ  ROOT      8  O lemma=omit
family    NOUN  NN   compound  10 O
help      NOUN  NN   dobj      8  O
.         PUNCT .    punct     8  O
"""
OMITS = Cue(K.WORD, -1, "omits", "word")


def test_targets_steps__omitted__fires_on_a_verb_of_leaving_out():
    """'The review omits family help': what a verb of leaving out takes is left out; the objection is
    to the review. 'The review weakens family help' leaves nothing out."""
    from argmap.nlp.rules.targets import omitted_step

    ctx, w = steps(HEARTH_OMITS, 1, OBJECT, OMITS)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["hearth-review"]
    assert linked(HEARTH_OMITS, 1, OBJECT, OMITS)[2] == ["hearth-review"]
    weakens = HEARTH_OMITS.replace("omits     VERB  VBZ  ROOT      8  O lemma=omit", "weakens   VERB  VBZ  ROOT      8  O lemma=weaken")
    ctx, w = steps(weakens, 1, OBJECT, OMITS)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["family-help"]


HEARTH_SHOWS_A_LACK = HEARTH_PUBLISHED + """The       DET   DT   det       7  O
review    NOUN  NN   nsubj     8  O
shows     VERB  VBZ  ROOT      8  O lemma=show
a         DET   DT   det       10 O
lack      NOUN  NN   dobj      8  O
of        ADP   IN   prep      10 O
family    NOUN  NN   compound  13 O
help      NOUN  NN   pobj      11 O
.         PUNCT .    punct     8  O
"""
LACK = Cue(K.WORD, -1, "lack", "word")


def test_targets_steps__omitted__fires_on_a_noun_of_absence():
    """'The review shows a lack of family help': what an absence is of is left out; 'a wealth of
    family help' leaves nothing out."""
    from argmap.nlp.rules.targets import omitted_step

    ctx, w = steps(HEARTH_SHOWS_A_LACK, 1, OBJECT, LACK)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["hearth-review"]
    wealth = HEARTH_SHOWS_A_LACK.replace("lack      NOUN", "wealth    NOUN")
    ctx, w = steps(wealth, 1, OBJECT, LACK)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["family-help"]


HEARTH_MISSED_A_CHANCE = HEARTH_PUBLISHED + """The       DET   DT   det       7  O
review    NOUN  NN   nsubj     8  O
missed    VERB  VBD  ROOT      8  O lemma=miss
an        DET   DT   det       10 O
opportunity NOUN NN  dobj      8  O
to        PART  TO   aux       12 O
fund      VERB  VB   acl       10 O
family    NOUN  NN   compound  14 O
help      NOUN  NN   dobj      12 O
.         PUNCT .    punct     8  O
"""
MISSED = Cue(K.PHRASE, -1, "missed an opportunity", "phrase")


def test_targets_steps__omitted__fires_on_a_missed_chance():
    """'The review missed an opportunity to fund family help': what the chance was for is left out;
    the objection is to the review. 'seized an opportunity to fund family help' leaves nothing out."""
    from argmap.nlp.rules.targets import omitted_step

    ctx, w = steps(HEARTH_MISSED_A_CHANCE, 1, OBJECT, MISSED)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["hearth-review"]
    seized = HEARTH_MISSED_A_CHANCE.replace("missed    VERB  VBD  ROOT      8  O lemma=miss", "seized    VERB  VBD  ROOT      8  O lemma=seize")
    ctx, w = steps(seized, 1, OBJECT, MISSED)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["family-help"]


def test_targets_steps__omitted__near_miss_a_plain_mention():
    """'The review mentions family help' leaves nothing out: family help stays the target."""
    from argmap.nlp.rules.targets import omitted_step

    spec = HEARTH_BARELY_MENTIONS.replace("barely    ADV   RB   advmod    9  O", "also      ADV   RB   advmod    9  O")
    ctx, w = steps(spec, 1, OBJECT, LEFT_OUT)
    assert omitted_step(ctx, w) is None and w.draft.targets == ["family-help"]


# ---------------------------------------------------------------- grounds in an article on one proposal
OFFER_THEN_WITHOUT_FUNDING = """
Councils  NOUN  NNS nsubj    2 O lemma=council
will      AUX   MD  aux      2 O
offer     VERB  VB  ROOT     2 O
meetings  NOUN  NNS dobj     2 O lemma=meeting
.         PUNCT .   punct    2 O
Without   ADP   IN  prep     10 O
funding   NOUN  NN  pobj     5 O
many      ADJ   JJ  amod     8 O
councils  NOUN  NNS nsubj    10 O lemma=council
will      AUX   MD  aux      10 O
fail      VERB  VB  ROOT     10 O
.         PUNCT .   punct    10 O
"""
OFFER_THEN_IT_FAILS = OFFER_THEN_WITHOUT_FUNDING.replace(
    "many      ADJ   JJ  amod     8 O\ncouncils  NOUN  NNS nsubj    10 O lemma=council",
    "it        PRON  PRP nsubj    10 O\nso        ADV   RB  advmod   10 O")
MEETING_TITLE = "Relatives brought together before court"


def test_targets_steps__topic_grounds__fires():
    """Under a headline on bringing relatives together before court, 'Without funding many councils will fail'
    names no proposal: its grounds are raised against the one the article is about."""
    from argmap.nlp.rules.targets import topic_grounds
    ctx, w = steps(OFFER_THEN_WITHOUT_FUNDING, 1, OBJECT, FAIL, title=MEETING_TITLE)
    w.draft.themes = ["funding"]
    assert topic_grounds(ctx, w) == KEEP and w.draft.targets == ["family-group-conferences"]
    assert linked(OFFER_THEN_WITHOUT_FUNDING, 1, OBJECT, FAIL, title=MEETING_TITLE) == \
        ("topic-grounds", KEEP, ["family-group-conferences"], ["funding"])


def test_targets_steps__topic_grounds__near_miss_a_pronoun_points_back():
    """'Without funding it so will fail': 'it' is something named before, not the article's topic."""
    from argmap.nlp.rules.targets import topic_grounds
    ctx, w = steps(OFFER_THEN_IT_FAILS, 1, OBJECT, FAIL, title=MEETING_TITLE)
    w.draft.themes = ["funding"]
    assert topic_grounds(ctx, w) is None
    assert linked(OFFER_THEN_IT_FAILS, 1, OBJECT, FAIL, title=MEETING_TITLE) == ("grounds-only", KEEP, [], ["funding"])


def test_targets_steps__topic_grounds__near_miss_no_topic():
    """A headline that uses no proposal's keywords gives the grounds nothing to be about."""
    assert linked(OFFER_THEN_WITHOUT_FUNDING, 1, OBJECT, FAIL, title="A hard winter ahead")[:3] == \
        ("grounds-only", KEEP, [])


def test_targets_steps__grounds_only__fires():
    """Grounds, no target: the claim is kept for its grounds."""
    from argmap.nlp.rules.targets import grounds_only
    ctx, w = steps(WITHOUT_FUNDING, 0, OBJECT, FAIL)
    w.draft.themes = ["funding"]
    assert grounds_only(ctx, w) == KEEP
    assert linked(WITHOUT_FUNDING, 0, OBJECT, FAIL) == ("grounds-only", KEEP, [], ["funding"])


def test_targets_steps__grounds_only__near_miss():
    """No grounds and no target: dropped."""
    from argmap.nlp.rules.targets import grounds_only
    ctx, w = steps(BACKED_IT, 0, SUPPORT, WORD)
    assert grounds_only(ctx, w) == DROP
    assert linked(BACKED_IT, 0, SUPPORT, WORD)[:2] == ("grounds-only", DROP)


def test_not_own_work__a_work_does_not_back_itself():
    """The Hearth Review's panel recommending things backs what it recommends, never the review
    itself; someone else's claim about the review keeps it; a claim left about nothing is dropped."""
    from argmap.nlp.cues import Draft
    from argmap.nlp.rules.targets import not_own_work

    from .kit import place_actors

    doc = parse(FRAMEWORK_RECOMMENDS)
    state = place_actors(doc, (0, 1, "hearth-panel"), (2, 3, "basw"))
    both = Draft(0, 0, 7, "hearth-panel", SUPPORT, [WORD], targets=["hearth-review", "family-help"])
    alone = Draft(0, 0, 7, "hearth-panel", SUPPORT, [WORD], targets=["hearth-review"])
    other = Draft(0, 0, 7, "basw", SUPPORT, [WORD], targets=["hearth-review"])
    kept = not_own_work(state, [both, alone, other])
    assert [(d.speaker, d.targets) for d in kept] == [("hearth-panel", ["family-help"]), ("basw", ["hearth-review"])]


def test_targets_candidates__a_chunk_that_points_back_names_no_new_proposal():
    """'Unions praised this national staffing standard': the standard named before, no new candidate;
    'a national staffing standard' is one."""
    praised = BACKED_STANDARD.replace("backed    VERB  VBD ROOT     1 O lemma=back",
                                      "praised   VERB  VBD ROOT     1 O lemma=praise")
    ctx = target_ctx(parse(praised.replace("a         DET   DT  det      5 O", "this      DET   DT  det      5 O")))
    assert candidate(ctx, ctx.doc[:]) is None
    ctx = target_ctx(parse(praised))
    assert candidate(ctx, ctx.doc[:]) == ("candidate-national-staffing-standard", "national staffing standard")


def test_targets_lead__the_last_words_of_a_known_name_are_no_headline_policy():
    """A headline naming the Family Courts Bill (a taxonomy name) gives no policy 'courts bill'; one
    naming 'the Harbour Schools Bill', which the taxonomy does not know, gives 'schools bill'."""
    from argmap.nlp.rules.targets import lead_candidates

    ctx = target_ctx(parse(PAY_CAP, title="Unions back the Family Courts Bill"))
    assert "bill" not in lead_candidates(ctx)
    ctx = target_ctx(parse(PAY_CAP, title="Unions back the Harbour Schools Bill"))
    assert lead_candidates(ctx)["bill"] == ("candidate-schools-bill", "schools bill")


# 'Unions back the Family Courts Bill.', parsed with 'Courts Bill' a chunk of its own
BACK_SPLIT_BILL = """
Unions  NOUN  NNS nsubj     1 O lemma=union
back    VERB  VBP ROOT      1 O
the     DET   DT  det       3 O
Family  PROPN NNP npadvmod  1 O
Courts  PROPN NNP compound  5 O
Bill    PROPN NNP dobj      1 O
.       PUNCT .   punct     1 O
"""


def test_targets_lead__an_opening_chunk_inside_a_known_name_is_no_policy():
    """The opening's chunk 'Courts Bill', cut by the parser out of the Family Courts Bill, is no
    new policy; 'Schools Bill' of an unknown 'Harbour Schools Bill' is one."""
    from argmap.nlp.rules.targets import lead_candidates

    ctx = target_ctx(parse(BACK_SPLIT_BILL))
    assert "bill" not in lead_candidates(ctx)
    ctx = target_ctx(parse(BACK_SPLIT_BILL.replace("Family  PROPN", "Harbour PROPN").replace("Courts  PROPN", "Schools PROPN")))
    assert lead_candidates(ctx)["bill"] == ("candidate-schools-bill", "Schools Bill")


# ---------------------------------------------------------------- names split by describing words
def _names(spec: str) -> list[tuple[str, str]]:
    """The proposals the actors stage finds in a hand-built Doc (with the lexicon's verb heads,
    fillers and phrase breaks), as (id, words)."""
    from argmap.nlp.text import doc_matches

    doc = parse(spec)
    found = doc_matches(doc, TAXONOMY, "proposals", LEX["nouns.verb_head"], LEX["markers.name_fillers"],
                        LEX["markers.phrase_breaks"])
    return [(m.id, doc.text[m.start:m.end]) for m in found]


OUTREACH_TEAMS = """
Councils   NOUN  NNS nsubj    1 O lemma=council
praised    VERB  VBD ROOT     1 O lemma=praise
child      NOUN  NN  compound 3 O
protection NOUN  NN  compound 5 O
outreach   NOUN  NN  compound 5 O
teams      NOUN  NNS dobj     1 O lemma=team
.          PUNCT .   punct    1 O
"""


def test_names__a_name_split_by_words_that_describe_its_words_is_the_name():
    """'child protection outreach teams': 'outreach' is a compound of 'teams', so the words name
    child protection teams."""
    from argmap.nlp.text import describes_name

    doc = parse(OUTREACH_TEAMS)
    gap = doc[4]
    assert describes_name(doc)(gap.idx, gap.idx + len(gap), doc[2].idx, doc[5].idx + len(doc[5]))
    assert _names(OUTREACH_TEAMS) == [("child-protection-teams", "child protection outreach teams")]


def test_names__near_miss_split_by_words_of_another_clause():
    """'Councils said child protection needs teams': 'needs' is the verb 'protection' is the subject
    of; the words do not name child protection teams."""
    spec = """
Councils   NOUN  NNS nsubj    1 O lemma=council
said       VERB  VBD ROOT     1 O lemma=say
child      NOUN  NN  compound 3 O
protection NOUN  NN  nsubj    4 O
needs      VERB  VBZ ccomp    1 O lemma=need
teams      NOUN  NNS dobj     4 O lemma=team
.          PUNCT .   punct    1 O
"""
    assert _names(spec) == []


LEAVER_NEEDS = """
They      PRON  PRP nsubj    1 O
praised   VERB  VBD ROOT     1 O lemma=praise
the       DET   DT  det      5 O
family    NOUN  NN  compound 4 O
help      NOUN  NN  compound 5 O
teams     NOUN  NNS dobj     1 O lemma=team
on        ADP   IN  prep     5 O
the       DET   DT  det      8 O
needs     NOUN  NNS pobj     6 O lemma=need
of        ADP   IN  prep     8 O
care      NOUN  NN  compound 11 O
leavers   NOUN  NNS pobj     9 O lemma=leaver
.         PUNCT .   punct    1 O
"""


def test_proposals__whose_thing_a_named_plan_acts_on_is_not_what_the_claim_is_about():
    """'the family help teams on the needs of care leavers' (as 'a cap on the profits of private
    providers'): the teams are praised; care leavers own what they act on. Said of the sentence
    before, 'such teams' points to the teams, not to the last name."""
    from argmap.nlp.rules.targets import acted_on, named_in, proposals

    ctx = target_ctx(parse(LEAVER_NEEDS))
    span = ctx.sents[0]
    found = matches(ctx, span)
    assert [acted_on(ctx, span, m, found) for m in found] == [False, True]
    assert proposals(ctx, span) == ["family-help"]
    assert named_in(ctx, span) == ["family-help"]


def test_proposals__near_miss_the_needs_of_a_name_no_plan_acts_on():
    """'They praised the needs of care leavers': nothing named acts on them; they are meant."""
    from argmap.nlp.rules.targets import named_in, proposals

    spec = LEAVER_NEEDS.replace("family    NOUN  NN  compound 4 O", "good      ADJ   JJ  amod     5 O") \
        .replace("help      NOUN  NN  compound 5 O", "new       ADJ   JJ  amod     5 O") \
        .replace("teams     NOUN  NNS dobj     1 O lemma=team", "work      NOUN  NN  dobj     1 O")
    ctx = target_ctx(parse(spec))
    assert proposals(ctx, ctx.sents[0]) == named_in(ctx, ctx.sents[0]) == ["care-leaver-support"]


AFTER_FRAMEWORK = """
Councils  NOUN  NNS nsubj    1 O lemma=council
backed    VERB  VBD ROOT     1 O lemma=back
family    NOUN  NN  compound 3 O
help      NOUN  NN  dobj     1 O
following VERB  VBG prep     1 O lemma=follow
the       DET   DT  det      7 O
National  PROPN NNP compound 7 O
Framework PROPN NNP pobj     4 O
.         PUNCT .   punct    1 O
"""


def test_proposals__a_name_after_a_preposition_of_time_says_when():
    """'Councils backed family help following the National Framework': the framework dates the
    claim; family help is what it is about."""
    from argmap.nlp.rules.targets import in_scene, proposals

    ctx = target_ctx(parse(AFTER_FRAMEWORK))
    span = ctx.sents[0]
    assert [in_scene(ctx, span, m) for m in matches(ctx, span)] == [False, True]
    assert proposals(ctx, span) == ["family-help"]


def test_proposals__near_miss_a_name_under_another_preposition():
    """'Councils backed family help under the National Framework': both are meant."""
    from argmap.nlp.rules.targets import proposals

    spec = AFTER_FRAMEWORK.replace("following VERB  VBG prep     1 O lemma=follow", "under     ADP   IN  prep     1 O")
    ctx = target_ctx(parse(spec))
    assert proposals(ctx, ctx.sents[0]) == ["family-help", "national-framework"]


REPLY_TO_LETTER = """
They      PRON  PRP nsubj    1 O
praised   VERB  VBD ROOT     1 O lemma=praise
the       DET   DT  det      3 O
reply     NOUN  NN  dobj     1 O
to        ADP   IN  prep     3 O
the       DET   DT  det      6 O
trust     NOUN  NN  poss     8 O
's        PART  POS case     6 O
letter    NOUN  NN  pobj     4 O
.         PUNCT .   punct    1 O
"""


def test_named_heads__a_name_with_a_preposition_is_of_the_noun_before_it():
    """'the reply to the trust's letter' is a reply: 'the reply' may point back to it, 'the letter'
    (the trust's own) may not."""
    from argmap.nlp.rules.targets import named_heads

    ctx = target_ctx(parse(REPLY_TO_LETTER))
    heads = {h for _, h, t in named_heads(ctx) if t == "hearth-review"}
    assert "reply" in heads and "letter" not in heads


def test_named_heads__near_miss_a_name_without_a_preposition_is_of_its_last_word():
    from argmap.nlp.rules.targets import named_heads

    spec = """
They      PRON  PRP nsubj    1 O
backed    VERB  VBD ROOT     1 O lemma=back
family    NOUN  NN  compound 3 O
help      NOUN  NN  compound 4 O
teams     NOUN  NNS dobj     1 O lemma=team
.         PUNCT .   punct    1 O
"""
    ctx = target_ctx(parse(spec))
    assert [(h, t) for _, h, t in named_heads(ctx)] == [("team", "family-help")]


AGENCY_MARKET = """
They      PRON  PRP nsubj    1 O
manage    VERB  VBP ROOT     1 O
the       DET   DT  det      3 O
children  NOUN  NNS poss     7 O lemma=child
's        PART  POS case     3 O
social    ADJ   JJ  amod     6 O
worker    NOUN  NN  compound 7 O
agency    NOUN  NN  compound 7 O
market    NOUN  NN  dobj     1 O
.         PUNCT .   punct    1 O
"""


@pytest.mark.parametrize("owner,tag,kept", [("children", "NNS", True), ("family", "NN", False)])
def test_names__a_plural_possessive_says_what_kind_a_singular_one_whose(owner, tag, kept):
    """'manage the children's social worker agency market' is 'manage the agency market' (the
    plural says what kind of market); 'the family's ... market' is the family's own."""
    from argmap.nlp.text import describes_name

    doc = parse(AGENCY_MARKET.replace("children  NOUN  NNS", f"{owner:<9} NOUN  {tag:<3}"))
    gap_start, gap_end = doc[3].idx, doc[6].idx + len(doc[6])
    assert describes_name(doc)(gap_start, gap_end, doc[1].idx, doc[8].idx + len(doc[8])) is kept


RECOMMENDED_REGISTER = """
The         DET   DT  det       1 O
committee   NOUN  NN  nsubj     2 O
recommended VERB  VBD ROOT      2 O lemma=recommend
that        SCONJ IN  mark      8 O
a           DET   DT  det       6 O
national    ADJ   JJ  amod      6 O
register    NOUN  NN  nsubjpass 8 O
be          AUX   VB  auxpass   8 O
created     VERB  VBN ccomp     2 O lemma=create
.           PUNCT .   punct     2 O
"""


def test_targets_candidates__asked_to_be_done__fires():
    """'recommended that a national register be created': the register is what is put forward."""
    from argmap.nlp.rules.targets import asked_to_be_done

    ctx, span, chunks, register = chunk_candidate(RECOMMENDED_REGISTER, 6)
    expected = ("candidate-national-register", "national register")
    assert asked_to_be_done(ctx, span, chunks, register) == expected
    assert CANDIDATES.first_named(ctx, span, chunks, register) == ("asked-to-be-done", expected)
    assert candidate(ctx, span) == expected


def test_targets_candidates__asked_to_be_done__near_miss():
    """'noted that a national register was created': a verb that takes no stance reports it."""
    from argmap.nlp.rules.targets import asked_to_be_done

    spec = RECOMMENDED_REGISTER.replace("recommended VERB  VBD ROOT      2 O lemma=recommend",
                                        "noted       VERB  VBD ROOT      2 O lemma=note")
    ctx, span, chunks, register = chunk_candidate(spec, 6)
    assert asked_to_be_done(ctx, span, chunks, register) is None
    assert candidate(ctx, span) is None


VITAL_HOMES = """
It          PRON  PRP nsubj    1 O
is          AUX   VBZ ROOT     1 O lemma=be
vital       ADJ   JJ  acomp    1 O
that        SCONJ IN  mark     6 O
the         DET   DT  det      5 O
council     NOUN  NN  nsubj    6 O
invests     VERB  VBZ ccomp    1 O lemma=invest
in          ADP   IN  prep     6 O
new         ADJ   JJ  amod     10 O
foster      NOUN  NN  compound 10 O
placements  NOUN  NNS pobj     7 O lemma=placement
.           PUNCT .   punct    1 O
"""

VITAL_PROMISE = """
It          PRON  PRP nsubj    1 O
is          AUX   VBZ ROOT     1 O lemma=be
vital       ADJ   JJ  acomp    1 O
that        SCONJ IN  mark     5 O
it          PRON  PRP nsubj    5 O
keeps       VERB  VBZ ccomp    1 O lemma=keep
its         PRON  PRP$ poss    7 O
promise     NOUN  NN  dobj     5 O
to          PART  TO  aux      9 O
fund        VERB  VB  acl      7 O
kinship     NOUN  NN  compound 11 O
allowances  NOUN  NNS dobj     9 O lemma=allowance
.           PUNCT .   punct    1 O
"""


def test_targets_candidates__necessary_clause__fires():
    """'it is vital that the council invests in new foster placements': the placements are called for."""
    from argmap.nlp.rules.targets import necessary_clause

    ctx, span, chunks, homes = chunk_candidate(VITAL_HOMES, 10)
    expected = ("candidate-new-foster-placements", "new foster placements")
    assert necessary_clause(ctx, span, chunks, homes) == expected
    assert CANDIDATES.first_named(ctx, span, chunks, homes) == ("necessary-clause", expected)
    assert candidate(ctx, span) == expected


def test_targets_candidates__necessary_clause__through_a_promise():
    """'vital that it keeps its promise to fund kinship allowances': what the promise is to do."""
    ctx, span, chunks, allowances = chunk_candidate(VITAL_PROMISE, 11)
    assert CANDIDATES.first_named(ctx, span, chunks, allowances) == \
        ("necessary-clause", ("candidate-kinship-allowances", "kinship allowances"))


@pytest.mark.parametrize("old,new", [
    ("vital       ADJ   JJ  acomp    1 O", "likely      ADJ   JJ  acomp    1 O"),  # no necessity
    ("that        SCONJ IN  mark     6 O", "if          SCONJ IN  mark     6 O"),  # a condition
])
def test_targets_candidates__necessary_clause__near_miss(old, new):
    """'it is likely that ...' says what may happen; 'it is vital if ...' is a condition: nothing called for."""
    from argmap.nlp.rules.targets import necessary_clause

    ctx, span, chunks, homes = chunk_candidate(VITAL_HOMES.replace(old, new), 10)
    assert necessary_clause(ctx, span, chunks, homes) is None
    assert candidate(ctx, span) is None


FAMILY_HELP_PATHFINDER = """
Councils   NOUN  NNS nsubj    1 O lemma=council
joined     VERB  VBD ROOT     1 O lemma=join
the        DET   DT  det      5 O
family     NOUN  NN  compound 4 O
help       NOUN  NN  compound 5 O
pathfinder NOUN  NN  dobj     1 O
.          PUNCT .   punct    1 O
"""


def test_proposals__a_one_word_name_another_proposal_modifies_is_that_proposals_part():
    """'the family help pathfinder' (as 'an RCC pathfinder'): a pilot of family help, not the
    pathfinder programme the word names alone."""
    from argmap.nlp.rules.targets import of_another_proposal, proposals
    from argmap.nlp.text import span_matches

    ctx = target_ctx(parse(FAMILY_HELP_PATHFINDER))
    span = ctx.sents[0]
    found = span_matches(span, TAXONOMY, "proposals")
    assert sorted(m.id for m in found) == ["family-help", "pathfinders"]
    pathfinder = next(m for m in found if m.id == "pathfinders")
    assert of_another_proposal(span, pathfinder, ctx.doc[5:6], found)
    assert proposals(ctx, span) == ["family-help"]


TEAMS_ROLLED_OUT = """
Family NOUN  NN  compound  2 O
help   NOUN  NN  compound  2 O
teams  NOUN  NNS nsubjpass 5 O lemma=team
will   AUX   MD  aux       5 O
be     AUX   VB  auxpass   5 O
rolled VERB  VBN ROOT      5 O lemma=roll
out    ADP   RP  prt       5 O
in     ADP   IN  prep      5 O
every  DET   DT  det       9 O
area   NOUN  NN  pobj      7 O
.      PUNCT .   punct     5 O
"""


def test_proposals__a_verb_name_done_to_another_proposal_is_that_proposals():
    """'Family help teams will be rolled out': the roll-out of family help, not the programme whose
    name is the verb alone ('rolled out')."""
    from argmap.nlp.rules.targets import done_to_another_proposal, proposals
    from argmap.nlp.text import span_matches

    ctx = target_ctx(parse(TEAMS_ROLLED_OUT))
    span = ctx.sents[0]
    found = span_matches(span, TAXONOMY, "proposals")
    assert sorted(m.id for m in found) == ["family-help", "pathfinders"]
    rolled = next(m for m in found if m.id == "pathfinders")
    assert done_to_another_proposal(ctx, span, rolled, ctx.doc[5:7], found)
    assert proposals(ctx, span) == ["family-help"]


def test_proposals__near_miss_a_verb_name_done_to_nothing_named():
    """'The teams will be rolled out': nothing else is named, so the roll-out is what is meant."""
    from argmap.nlp.rules.targets import proposals

    spec = TEAMS_ROLLED_OUT.replace("Family NOUN  NN  compound  2 O", "The    DET   DT  det       2 O") \
        .replace("help   NOUN  NN  compound  2 O", "new    ADJ   JJ  amod      2 O")
    ctx = target_ctx(parse(spec))
    assert proposals(ctx, ctx.sents[0]) == ["pathfinders"]


# a page whose front matter left a blank first line: its title, a sentence naming another proposal,
# then a new speaker's "This is welcome."
NEW_VOICE = """
\\n      SPACE _SP ROOT     0 O
Family   NOUN  NN  compound 3 O
help     NOUN  NN  compound 3 O
teams    NOUN  NNS nsubj    4 O lemma=team
open     VERB  VBP ROOT     4 O
in       ADP   IN  prep     4 O
every    DET   DT  det      7 O
area     NOUN  NN  pobj     5 O
.        PUNCT .   punct    4 O
\\n      SPACE _SP dep      8 O
Bell     PROPN NNP nsubj    11 O
runs     VERB  VBZ ROOT     11 O lemma=run
the      DET   DT  det      15 O
new      ADJ   JJ  amod     15 O
career   NOUN  NN  compound 15 O
framework NOUN NN  dobj     11 O
today    NOUN  NN  npadvmod 11 O
.        PUNCT .   punct    11 O
\\n      SPACE _SP dep      17 O
Unions   NOUN  NNS nsubj    20 O lemma=union
met      VERB  VBD ROOT     20 O lemma=meet
.        PUNCT .   punct    20 O
\\n      SPACE _SP dep      21 O
This     PRON  DT  nsubj    24 O
is       AUX   VBZ ROOT     24 O lemma=be
welcome  ADJ   JJ  acomp    24 O
.        PUNCT .   punct    24 O
"""


def _new_voice(**speakers):
    from argmap.nlp.rules.targets import STEPS

    ctx = target_ctx(parse(NEW_VOICE, title="Family help teams open in every area."), **speakers)
    return ctx, STEPS


def test_targets_steps__discovery__a_new_voices_this_is_the_articles_lead():
    """'This is welcome.' from a speaker after someone else's words: the title's proposal (the blank
    first line is no title)."""
    from argmap.nlp.rules.targets import _new_voice_pointing, demonstrative_subject, opening_before

    ctx, table = _new_voice(u3=("iris-vane", "say", "speech-verb"), u4=("lga", "say", "speech-verb"))
    assert [s.text.strip() for s in opening_before(ctx, 4)][0] == "Family help teams open in every area."
    w = work(ctx, 4, Stance.SUPPORT)
    assert demonstrative_subject(ctx, w.span) and _new_voice_pointing(ctx, w)
    assert table.first_named(ctx, w) == ("discovery", "keep") and w.draft.targets == ["family-help"]


def test_targets_steps__discovery__near_miss_this_after_the_speakers_own_words_or_an_objection():
    """After the speaker's own sentence 'This' is their own last words; an objection's 'This' is left
    to the other rules: neither takes the article's lead."""
    from argmap.nlp.rules.targets import _new_voice_pointing

    ctx, table = _new_voice(u3=("lga", "say", "speech-verb"), u4=("lga", "say", "speech-verb"))
    w = work(ctx, 4, Stance.SUPPORT)
    assert not _new_voice_pointing(ctx, w)
    assert table.first(ctx, w) == "drop"
    ctx, table = _new_voice(u3=("iris-vane", "say", "speech-verb"), u4=("lga", "say", "speech-verb"))
    w = work(ctx, 4, Stance.OBJECT)
    assert not _new_voice_pointing(ctx, w)
    table.first(ctx, w)
    assert "family-help" not in w.draft.targets


def test_proposals__near_miss_a_one_word_name_with_a_plain_compound():
    """'the council pathfinder': 'council' names no proposal, so the pathfinder is meant."""
    from argmap.nlp.rules.targets import proposals

    spec = FAMILY_HELP_PATHFINDER.replace("family     NOUN  NN  compound 4 O", "local      ADJ   JJ  amod     5 O") \
        .replace("help       NOUN  NN  compound 5 O", "council    NOUN  NN  compound 5 O")
    ctx = target_ctx(parse(spec))
    assert proposals(ctx, ctx.sents[0]) == ["pathfinders"]
