"""argmap's stand-ins for the model's attribute ruler and rule lemmatizer give exactly spaCy's
annotations, apply rules in spaCy's order, and leave alone what they cannot read exactly."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import IDS
from spacy.tokens import Doc

from argmap.nlp.attribute_table import AttributeTable, Unsupported, compile_rules, use_attribute_table
from argmap.nlp.lemma_memo import LemmaMemo, memoisable, use_lemma_memo

COLUMNS = [IDS[a] for a in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB")]
TEXTS = [
    "The council's plans, which ministers published on Tuesday, ain't gonna survive the review.",
    "Social workers warned that the reforms would be unsafe without funding; charities agreed.",
    "  Two spaces   here.\n\nAnd a new paragraph: 'we're gonna object,' she said, gotta go.",
    "Bigger, better, best: the councils' cheapest options were not the wisest ones.",
    "",
]


@pytest.fixture()
def model(spacy_model):
    return spacy_model


def _until(nlp, name: str, text: str) -> Doc:
    """``text`` run through the pipeline up to (not including) component ``name``."""
    doc = nlp.make_doc(text)
    for n, proc in nlp.pipeline:
        if n == name:
            return doc
        doc = proc(doc)
    raise AssertionError(name)


def _table(ruler) -> AttributeTable:
    table = AttributeTable()
    table.adopt(ruler)
    return table


def _same(a: Doc, b: Doc) -> bool:
    return numpy.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS))


def test_attribute_table_matches_spacys_ruler_on_the_model(model):
    ruler = model.get_pipe("attribute_ruler")
    table = _table(ruler)
    for text in TEXTS:
        parsed = _until(model, "attribute_ruler", text)
        theirs, ours = ruler(parsed.copy()), table(parsed.copy())
        assert _same(theirs, ours), text
        assert [str(t.morph) for t in theirs] == [str(t.morph) for t in ours]


def _hand_ruler(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for pattern, attrs, index in patterns:
        ruler.add([pattern], attrs, index=index)
    return nlp, ruler


def _tagged(nlp, words, tags, deps=None) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=list(range(len(words))) if deps else None)


HAND_PATTERNS = [
    ([{"TAG": "NN"}], {"POS": "NOUN", "MORPH": "Number=Sing"}, 0),
    ([{"TAG": {"IN": ["VBZ", "VBP"]}}], {"POS": "VERB"}, 0),
    ([{"LOWER": "bank", "TAG": "NN"}], {"LEMMA": "riverbank"}, 0),  # later rule: overrides nothing of POS
    ([{"LOWER": {"REGEX": "^gon$"}}, {"LOWER": "na"}], {"LEMMA": "go"}, 0),
    ([{"LOWER": "gon"}, {"LOWER": "na"}], {"LEMMA": "to"}, -1),  # negative index: last token
    ([{"TAG": {"NOT_IN": ["NN", "VBZ", "VBP", "DT"]}}], {"POS": "X"}, 0),
    ([{"TAG": "NN"}], {"POS": "PROPN"}, 0),  # later wins over the first rule's POS
    ([{"IS_SPACE": True}], {"TAG": "_SP"}, 0),
]


def test_attribute_table_fires_on_each_kind_of_test_and_keeps_spacys_order():
    nlp, ruler = _hand_ruler(HAND_PATTERNS)
    table = _table(ruler)
    doc = _tagged(nlp, ["the", "bank", "gon", "na", "runs", "far", " "], ["DT", "NN", "VBG", "TO", "VBZ", "RB", "XX"])
    theirs, ours = ruler(doc.copy()), table(doc.copy())
    assert _same(theirs, ours)
    assert [t.pos_ for t in ours] == ["", "PROPN", "X", "X", "VERB", "X", "X"]
    assert [t.lemma_ for t in ours][1:4] == ["riverbank", "go", "to"]
    assert str(ours[1].morph) == "Number=Sing" and ours[6].tag_ == "_SP"


def test_attribute_table_near_miss_a_sequence_broken_by_a_token_does_not_match():
    nlp, ruler = _hand_ruler(HAND_PATTERNS)
    table = _table(ruler)
    doc = _tagged(nlp, ["gon", "really", "na"], ["VBG", "RB", "TO"])
    ours = table(doc.copy())
    assert _same(ruler(doc.copy()), ours)
    assert [t.lemma_ for t in ours] == ["", "", ""]


def test_attribute_table_falls_back_to_spacy_when_a_tested_annotation_is_missing():
    nlp, ruler = _hand_ruler([([{"DEP": "nsubj"}], {"POS": "NOUN"}, 0)])
    table = _table(ruler)
    calls = []
    table.ruler = lambda doc: calls.append(doc) or doc
    table(Doc(nlp.vocab, words=["a", "b"]))  # no parse: spaCy's ruler decides what that means
    assert len(calls) == 1


@pytest.mark.parametrize("pattern", [
    [{"TAG": "NN", "OP": "+"}],
    [{"LENGTH": {">=": 3}}],
    [{"_": {"flag": True}}],
    [{"LOWER": {"FUZZY": "bank"}}],
    [{}],
])
def test_attribute_table_refuses_what_it_cannot_read_exactly(pattern):
    nlp, ruler = _hand_ruler([(pattern, {"POS": "NOUN"}, 0)])
    with pytest.raises(Unsupported):
        compile_rules(ruler)
    assert use_attribute_table(nlp) is False
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_use_attribute_table_keeps_name_and_place(model):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "bank"}]], {"POS": "NOUN"})
    nlp.add_pipe("sentencizer", name="after")
    assert use_attribute_table(nlp) is True
    assert nlp.pipe_names == ["sentencizer", "attribute_ruler", "after"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
    assert nlp("the bank")[1].pos_ == "NOUN"
    assert use_attribute_table(nlp) is False  # already swapped


def test_lemma_memo_matches_spacys_lemmatizer_on_the_model(model):
    lemmatizer = model.get_pipe("lemmatizer")
    memo = LemmaMemo()
    memo.adopt(lemmatizer)
    for text in TEXTS * 2:  # the second round answers from the memo
        parsed = _until(model, "lemmatizer", text)
        assert _same(lemmatizer(parsed.copy()), memo(parsed.copy())), text
    assert memo.memo


def test_lemma_memo_keeps_lemmas_already_set_and_never_remembers_words_without_pos(model):
    lemmatizer = model.get_pipe("lemmatizer")
    memo = LemmaMemo()
    memo.adopt(lemmatizer)
    parsed = _until(model, "lemmatizer", "Councils warned.")
    parsed[0].lemma_ = "kept"
    out = memo(parsed)
    assert out[0].lemma_ == "kept" and out[1].lemma_ == "warn"
    bare = Doc(model.vocab, words=["Ministers"])
    with pytest.warns(UserWarning):
        memo(bare)
    assert all(pos for _, pos, _ in memo.memo)


def test_lemma_memo_refuses_lookup_lemmatizers():
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert memoisable(lookup) is False
    assert use_lemma_memo(nlp) is False
    with pytest.raises(ValueError):
        LemmaMemo().adopt(lookup)


def test_lemma_memo_is_used_in_argmaps_pipeline(model):
    from argmap.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaMemo)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
    from argmap.nlp.matmul import OneThreadNumpyOps

    assert {type(layer.ops) for _n, c in nlp.pipeline if hasattr(getattr(c, "model", None), "walk")
            for layer in c.model.walk()} == {OneThreadNumpyOps}
    assert [t.lemma_ for t in nlp("Councils warned that the plans were failing.")][:2] == ["council", "warn"]


def test_stand_ins_never_run_without_the_component_they_stand_in_for():
    """Made by their factories alone (no ruler, no lemmatizer adopted), they refuse to run rather
    than leave a Doc without tags or lemmas."""
    nlp = spacy.blank("en")
    table, memo = nlp.add_pipe("argmap_attribute_table"), nlp.add_pipe("argmap_lemma_memo")
    doc = nlp.make_doc("the bank")
    with pytest.raises(ValueError, match="no attribute rules"):
        table(doc)
    with pytest.raises(ValueError, match="no lemmatizer"):
        memo(doc)


def test_a_saved_argmap_pipeline_loads_again_with_its_attribute_rules_and_lemmas(model, tmp_path):
    """build_pipeline() saved with to_disk and loaded with spacy.load in a fresh process (argmap not
    imported first): the stand-ins come back with the model's patterns and lemma tables, and the
    annotations are the same."""
    import json
    import subprocess
    import sys

    from argmap.nlp.pipeline import build_pipeline, parse_components

    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "pipe")
    text = "The councils' plans ain't gonna survive: ministers were warned by 3 charities."
    with nlp.select_pipes(enable=parse_components(nlp)):
        here = [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in nlp(text)]
    code = ("import json, sys, spacy\n"
            f"nlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
            "assert not any(m.startswith('argmap.nlp.pipeline') for m in sys.modules)\n"
            "names = [n for n in nlp.pipe_names if n not in "
            "('argmap_actors', 'argmap_attribution', 'argmap_stance', 'argmap_targets')]\n"
            "with nlp.select_pipes(enable=names):\n"
            f"    doc = nlp({text!r})\n"
            "print(type(nlp.get_pipe('attribute_ruler')).__name__, type(nlp.get_pipe('lemmatizer')).__name__)\n"
            "print(json.dumps([(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=180)
    assert out.returncode == 0, out.stderr
    kinds, annotations = out.stdout.strip().splitlines()
    assert kinds == "AttributeTable LemmaMemo"
    assert [tuple(x) for x in json.loads(annotations)] == here


def test_attribute_table_remembers_a_bounded_number_of_regex_answers(model, monkeypatch):
    """Its memory of which words a REGEX pattern matches starts again past a bound, with the same
    annotations."""
    import argmap.nlp.attribute_table as table_module

    monkeypatch.setattr(table_module, "_MAX_REMEMBERED", 4)
    ruler = model.get_pipe("attribute_ruler")
    table = _table(ruler)
    for text in TEXTS:
        parsed = _until(model, "attribute_ruler", text)
        assert _same(ruler(parsed.copy()), table(parsed.copy())), text
        assert len(table._regex_hits) <= 4


def test_stand_ins_round_trip_through_bytes(model):
    """to_bytes then from_bytes into a fresh stand-in: the same rules and lemmas."""
    table, memo = _table(model.get_pipe("attribute_ruler")), LemmaMemo(model, "lemmatizer")
    memo.adopt(model.get_pipe("lemmatizer"))
    table2 = AttributeTable(model.vocab).from_bytes(table.to_bytes())
    memo2 = LemmaMemo(model, "lemmatizer").from_bytes(memo.to_bytes())
    assert len(table2.rules) == len(table.rules) and table2.outputs == table.outputs
    for text in TEXTS:
        parsed = _until(model, "attribute_ruler", text)
        assert _same(table(parsed.copy()), table2(parsed.copy())), text
        tagged = table(parsed.copy())
        assert _same(memo(tagged.copy()), memo2(tagged.copy())), text


def test_numpy_matmul_gives_the_models_parse_and_switches_every_numpy_layer():
    """The model's own pipeline, parsed with thinc's BLIS products and then with numpy's: the same
    tags, heads, labels, entities and lemmas; every layer on the plain numpy backend is switched."""
    from thinc.api import Model, NumpyOps

    from argmap.nlp.load import load_model
    from argmap.nlp.matmul import OneThreadNumpyOps, use_numpy_matmul

    nlp = load_model()
    models = [c.model for _n, c in nlp.pipeline if isinstance(getattr(c, "model", None), Model)]
    layers = [layer for model in models for layer in model.walk()]
    before = [nlp(text).to_array(COLUMNS) for text in TEXTS]
    on_numpy = sum(type(layer.ops) is NumpyOps for layer in layers)
    assert use_numpy_matmul(nlp) == on_numpy > 0
    assert all(type(layer.ops) is OneThreadNumpyOps for layer in layers)
    after = [nlp(text).to_array(COLUMNS) for text in TEXTS]
    assert all(numpy.array_equal(a, b) for a, b in zip(before, after))
    assert use_numpy_matmul(nlp) == 0  # nothing left to switch


def test_numpy_matmul_leaves_layers_on_another_backend():
    from types import SimpleNamespace

    from thinc.api import Linear, NumpyOps, chain

    from argmap.nlp.matmul import OneThreadNumpyOps, use_numpy_matmul

    class OtherOps(NumpyOps):
        name = "other"

    first, second = Linear(3, 2), Linear(2, 3)
    second.ops = OtherOps()
    nlp = SimpleNamespace(pipeline=[("tagger", SimpleNamespace(model=chain(first, second))),
                                    ("sentencizer", SimpleNamespace())])
    assert use_numpy_matmul(nlp) == 2  # the chain and its first layer
    assert type(first.ops) is OneThreadNumpyOps and type(second.ops) is OtherOps


@pytest.mark.parametrize("trans1,trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_one_thread_numpy_ops_multiplies_as_blis_does(trans1, trans2):
    from thinc.api import NumpyOps

    from argmap.nlp.matmul import OneThreadNumpyOps

    rng = numpy.random.default_rng(7)
    x = rng.random((5, 4) if not trans1 else (4, 5), dtype="float32")
    y = rng.random((4, 3) if not trans2 else (3, 4), dtype="float32")
    ours = OneThreadNumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    theirs = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert ours.shape == (5, 3) and numpy.allclose(ours, theirs, rtol=1e-5)
    out = numpy.zeros((5, 3), dtype="float32")
    assert OneThreadNumpyOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, theirs, rtol=1e-5)


def test_one_thread_numpy_ops_limits_blas_to_one_thread_in_each_process():
    """In a fresh process the first product limits numpy's BLAS to one thread; a process forked
    after that (another pid) limits its own again."""
    import subprocess
    import sys

    code = ("import os, numpy\n"
            "from threadpoolctl import threadpool_info\n"
            "import argmap.nlp.matmul as m\n"
            "x = numpy.ones((64, 64), dtype='float32')\n"
            "m.OneThreadNumpyOps().gemm(x, x)\n"
            "print(sorted({i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'}))\n"
            "print(m._limited_in == os.getpid())\n"
            "m._limited_in = -1\n"
            "m.OneThreadNumpyOps().gemm(x, x)\n"
            "print(m._limited_in == os.getpid())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    threads, limited, again = out.stdout.split("\n")[:3]
    assert threads in ("[1]", "[]") and limited == "True" and again == "True"
