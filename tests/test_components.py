"""argmap's spaCy components as spaCy components: entry points, order checks, claims as spans,
serialisation of analysed Docs and of whole pipelines."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from argmap.nlp.components import make_actors  # noqa: F401  (registers the factories)
from argmap.nlp.state import CLAIM_SPANS, PipelineOrderError, install_extensions
from handdoc import hand_doc

SENTENCE = """
BASW      PROPN NNP nsubj    1 B-ORG
warned    VERB  VBD ROOT     1 O lemma=warn
that      SCONJ IN  mark     7 O
family    NOUN  NN  compound 4 O
help      NOUN  NN  compound 5 O
teams     NOUN  NNS nsubj    7 O lemma=team
would     AUX   MD  aux      7 O
be        AUX   VB  ccomp    1 O
unsafe    ADJ   JJ  acomp    7 O
without   ADP   IN  prep     7 O
funding   NOUN  NN  pobj     9 O
.         PUNCT .   punct    1 O
"""
ANALYSIS = ("argmap_actors", "argmap_attribution", "argmap_stance", "argmap_targets")


@pytest.fixture()
def nlp():
    install_extensions()
    blank = spacy.blank("en")
    for name in ANALYSIS:
        blank.add_pipe(name)
    return blank


def analyse(nlp, doc: Doc) -> Doc:
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_components_leave_claims_as_spans_with_attributes(nlp):
    doc = analyse(nlp, hand_doc(SENTENCE, nlp.vocab))
    claims = list(doc.spans[CLAIM_SPANS])
    assert len(claims) == 1
    claim = claims[0]
    assert claim._.argmap_speaker == "basw" and claim._.argmap_stance == "object"
    assert claim._.argmap_targets == ["family-help"] and "funding" in claim._.argmap_themes
    assert claim._.argmap_cues and all(c["kind"] and c["sign"] for c in claim._.argmap_cues)
    assert claim._.argmap_rule.startswith("speech-verb")


def test_an_analysed_doc_survives_to_bytes_and_docbin(nlp):
    doc = analyse(nlp, hand_doc(SENTENCE, nlp.vocab))
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.start, s.end, s._.argmap_speaker, list(s._.argmap_targets)) for s in again.spans[CLAIM_SPANS]] == \
        [(s.start, s.end, s._.argmap_speaker, list(s._.argmap_targets)) for s in doc.spans[CLAIM_SPANS]]
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    (third,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert [s._.argmap_stance for s in third.spans[CLAIM_SPANS]] == ["object"]


@pytest.mark.parametrize("component, needed", [
    ("argmap_attribution", "argmap_actors"),
    ("argmap_stance", "argmap_actors"),
    ("argmap_targets", "argmap_actors"),
])
def test_a_component_used_out_of_order_names_what_it_needs(component, needed):
    nlp = spacy.blank("en")
    nlp.add_pipe(component)
    with pytest.raises(PipelineOrderError, match=f"{component} needs {needed} to run before it"):
        nlp.get_pipe(component)(hand_doc(SENTENCE, nlp.vocab))


def test_stance_without_attribution_names_attribution(nlp):
    doc = nlp.get_pipe("argmap_actors")(hand_doc(SENTENCE, nlp.vocab))
    with pytest.raises(PipelineOrderError, match="argmap_stance needs argmap_attribution"):
        nlp.get_pipe("argmap_stance")(doc)


def test_factories_are_found_through_entry_points_in_a_fresh_process(tmp_path):
    """spaCy finds argmap's factories without argmap being imported first."""
    code = ("import spacy, sys\n"
            "nlp = spacy.blank('en')\n"
            "for name in ('argmap_paragraphs', 'argmap_cut_names', 'argmap_actors', 'argmap_attribution', 'argmap_stance',\n"
            "             'argmap_targets'):\n"
            "    nlp.add_pipe(name)\n"
            "assert 'argmap' not in {m.split('.')[0] for m in sys.modules if m.startswith('argmap.cli')}\n"
            "print(nlp.pipe_names)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "argmap_targets" in out.stdout


def test_a_saved_pipeline_loads_again_in_a_fresh_process(nlp, tmp_path):
    """to_disk then spacy.load elsewhere: same claims, and the taxonomy and cues travel with it."""
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "argmap_targets" / "taxonomy.toml").is_file()
    here = analyse(nlp, hand_doc(SENTENCE, nlp.vocab))
    expected = [(s.start, s.end, s._.argmap_speaker, s._.argmap_stance) for s in here.spans[CLAIM_SPANS]]
    assert expected
    code = ("import json, sys, spacy\n"
            "sys.path.insert(0, 'TESTS')\n"
            "from handdoc import hand_doc\n"
            f"nlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
            f"doc = hand_doc({SENTENCE!r}, nlp.vocab)\n"
            "for _, proc in nlp.pipeline:\n"
            "    doc = proc(doc)\n"
            "print(json.dumps([(s.start, s.end, s._.argmap_speaker, s._.argmap_stance) for s in doc.spans['argmap_claims']]))\n")
    code = code.replace("TESTS", str(__import__("pathlib").Path(__file__).parent))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    assert [tuple(x) for x in json.loads(out.stdout)] == expected


def test_token_lists_are_made_once_per_doc_and_follow_their_doc():
    """``tokens`` gives a Span's tokens from one list per Doc, and never another Doc's."""
    import spacy

    from argmap.nlp.text import tokens

    nlp = spacy.blank("en")
    a = nlp("The plan is late. The teams are ready.")
    sent = a[5:9]
    assert [t.text for t in tokens(sent)] == ["The", "teams", "are", "ready"]
    assert tokens(a)[5] is tokens(sent)[0]  # the same Token object, not a new one per pass
    for _ in range(6):  # other Docs come and go; each gets its own tokens
        b = nlp("Councils need money now.")
        assert [t.text for t in tokens(b)] == ["Councils", "need", "money", "now", "."]
    assert [t.text for t in tokens(a[0:2])] == ["The", "plan"]


def test_words_at_finds_a_word_by_lemma_or_form_in_order():
    """``words_at`` gives the indices of the tokens whose lemma or lower-case form is listed."""
    import spacy

    from argmap.nlp.text import words_at

    nlp = spacy.blank("en")
    doc = nlp("Ministers Ruled it out and ruling it out again was planned.")
    doc[1].lemma_, doc[5].lemma_, doc[10].lemma_ = "rule", "rule", "plan"
    assert words_at(doc, frozenset({"rule"})) == [1, 5]  # the lemma, whatever the case of the form
    assert words_at(doc, frozenset({"planned", "out"})) == [3, 7, 10]  # forms too
    assert words_at(doc, frozenset({"dismiss"})) == [] and words_at(nlp(""), frozenset({"rule"})) == []


def test_a_title_with_a_full_stop_is_one_token():
    """'the hon. Member' keeps its full stop in one token, so nothing can end a sentence there."""
    from argmap.nlp.paragraphs import keep_titles

    tokenizer = spacy.blank("en").tokenizer
    assert [t.text for t in tokenizer("as the hon. Member said")][:4] == ["as", "the", "hon", "."]
    keep_titles(tokenizer)
    assert [t.text for t in tokenizer("as the hon. Member said")] == ["as", "the", "hon.", "Member", "said"]
    assert [t.text for t in tokenizer("Cllr. Jane Doe")] == ["Cllr.", "Jane", "Doe"]
    assert [t.text for t in tokenizer("and so on, etc. Then")][-3:] == ["etc", ".", "Then"]


# a name the parser cut in two: "Summary", then "Children | England opposes the clauses." on one line
CUT_NAME = """
Summary   PROPN NNP ROOT     0 O
\\n        SPACE _SP dep      0 O
Children  PROPN NNP ROOT     2 O
England   PROPN NNP nsubj    4 B-ORG
opposes   VERB  VBZ ROOT     4 O lemma=oppose
the       DET   DT  det      6 O
clauses   NOUN  NNS dobj     4 O lemma=clause
.         PUNCT .   punct    4 O
"""


def test_a_name_cut_in_two_mid_line_is_joined_back():
    """'Children | England opposes the clauses': the lone capitalised word the parser left as a
    sentence is a compound of the next word again, and the line is one sentence."""
    from argmap.nlp.paragraphs import join_cut_names


    doc = join_cut_names(hand_doc(CUT_NAME))
    assert [s.text.strip() for s in doc.sents] == ["Summary", "Children England opposes the clauses."]
    assert (doc[2].dep_, doc[2].head.text) == ("compound", "England")


@pytest.mark.parametrize("change", [
    ("Children  PROPN NNP ROOT     2 O", "children  NOUN  NNS ROOT     2 O"),  # a lower-case word: no name
    ("England   PROPN NNP nsubj    4 B-ORG", "quickly   ADV   RB  advmod   4 O"),  # the next sentence opens with no noun
])
def test_a_name_cut_in_two__near_miss(change):
    """Words that cannot be a name split by the parser keep the parser's sentences."""
    from argmap.nlp.paragraphs import join_cut_names


    doc = join_cut_names(hand_doc(CUT_NAME.replace(*change)))
    assert len(list(doc.sents)) == 3


# "Kinship | ’s | CEO Jo Bell said so." on one line: a possessive cut off on its own
CUT_POSSESSIVE = """
Kinship   PROPN NNP ROOT     0 B-ORG
’s        PART  POS ROOT     1 O
CEO       PROPN NNP compound 4 O
Jo        PROPN NNP compound 4 B-PERSON
Bell      PROPN NNP nsubj    5 I-PERSON
said      VERB  VBD ROOT     5 O lemma=say
so        ADV   RB  advmod   5 O
.         PUNCT .   punct    5 O
"""


def test_a_name_cut_before_its_possessive_is_joined_as_the_owner():
    """'Kinship | ’s | CEO Jo Bell said so.': the name owns the noun after the possessive, one sentence."""
    from argmap.nlp.paragraphs import join_cut_names

    doc = join_cut_names(hand_doc(CUT_POSSESSIVE))
    assert len(list(doc.sents)) == 1
    assert (doc[0].dep_, doc[0].head.text, doc[1].dep_, doc[1].head.text) == ("poss", "CEO", "case", "Kinship")
