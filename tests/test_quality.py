"""Extraction quality held against the gold annotations (needs the model and the corpora).

The floors are the figures measured when they were last raised (see the README's
"Extraction quality"); a change that lowers them fails here. Raise them as quality improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.evaluate import evaluate, read_gold
from conftest import ROOT

pytestmark = pytest.mark.model
GOLD = ROOT / "tests" / "gold"

# (precision, recall) floors per stance, measured on the corpora below
# the seed floors are issue 3's target: precision and recall of at least 0.85 for both stances
SEED_FLOORS = {"support": (0.85, 0.85), "object": (0.85, 0.85), "overall": (0.85, 0.85)}
SAMPLE_FLOORS = {"overall": (0.93, 0.70)}  # the first four sample articles, tuned on
# the three dated sample articles added for issue 14, annotated before argmap ever ran on them and
# measured on arrival (never tuned on): held at that first measurement
SAMPLE_DATED = frozenset({"family-help-grant-increase", "social-workers-back-family-support-worker-guidance",
                          "2025-11-20-kinship-allowance-trial-extended"})
SAMPLE_DATED_FLOORS = {"overall": (0.47, 0.58)}
ARTICLE_FLOORS = {"overall": (0.89, 0.72)}
# the five sets written later by people who never ran the extractor (tests/gold/README.md and the
# README say how each was used: heldout, unseen, final and blind were tuned on after their first
# measurement; sealed was measured once with the rules frozen): floors at the level now reached,
# so none can regress
LATER_SETS = {
    "heldout": {"overall": (0.92, 0.77)},
    "unseen": {"overall": (0.83, 0.62)},
    "final": {"overall": (0.82, 0.49)},
    "blind": {"overall": (0.76, 0.42)},
    "sealed": {"overall": (0.80, 0.21)},
}


def _check(ev, floors):
    for stance, (p, r) in floors.items():
        s = ev.scores[stance]
        assert s.precision >= p and s.recall >= r, (
            f"{stance}: precision {s.precision:.3f} (floor {p}), recall {s.recall:.3f} (floor {r})")


def _graph(extractor, taxonomy, path: Path):
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph

    return build_graph(list(extractor.extract(load_corpus([path]))), taxonomy)


@pytest.mark.seed
def test_seed_corpus_quality(seed_graph):
    _check(evaluate(seed_graph, read_gold(GOLD / "seed.tsv")), SEED_FLOORS)


@pytest.fixture(scope="module")
def sample_graph(extractor, taxonomy):
    return _graph(extractor, taxonomy, ROOT / "corpus")


def test_sample_corpus_quality(sample_graph):
    gold = [p for p in read_gold(GOLD / "sample.tsv") if p.document not in SAMPLE_DATED]
    _check(evaluate(sample_graph, gold), SAMPLE_FLOORS)


def test_sample_dated_articles_quality(sample_graph):
    gold = [p for p in read_gold(GOLD / "sample.tsv") if p.document in SAMPLE_DATED]
    assert {p.document for p in gold} == SAMPLE_DATED
    _check(evaluate(sample_graph, gold), SAMPLE_DATED_FLOORS)


def test_unseen_articles_quality(extractor, taxonomy):
    g = _graph(extractor, taxonomy, ROOT / "tests" / "articles")
    _check(evaluate(g, read_gold(GOLD / "articles.tsv")), ARTICLE_FLOORS)


@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_later_article_sets_quality(extractor, taxonomy, name):
    g = _graph(extractor, taxonomy, ROOT / "tests" / name)
    _check(evaluate(g, read_gold(GOLD / f"{name}.tsv")), LATER_SETS[name])


@pytest.mark.seed
def test_seed_graph_has_the_named_positions(seed_graph):
    """The foundation issue's examples: BASW objects on the ground of diluting social work, and
    Carolyne Willow (Article 39) objects to family help, each with the sentence that shows it."""
    def claims(speaker, stance, target):
        return [d for _, d in seed_graph.nodes(data=True) if d.get("kind") == "claim" and d["speaker"] == speaker
                and d["stance"] == stance and target in d["targets"] + d["themes"]]

    basw = claims("actor:basw", "object", "theme:dilution-of-social-work")
    assert basw and any("diluted" in c["text"] for c in basw)
    willow = claims("actor:carolyne-willow", "object", "proposal:family-help")
    assert willow and any("depressing" in c["text"] for c in willow)
    assert seed_graph.nodes["actor:carolyne-willow"]["affiliation"] == "actor:article-39"


# the real-page development sets (tests/real/README.md): their texts are not in the repository, so
# these run only where someone pulled them into a folder (with the front matter of
# tests/real/add_front_matter.py) and named it in the environment; the "-raw" sets are the same
# texts without front matter, scored against the same gold
REAL_SETS = {
    "real": ("ARGMAP_REAL_TEXTS", None, {"overall": (0.82, 0.62)}),
    "water": ("ARGMAP_WATER_TEXTS", "water_industry.toml", {"overall": (0.67, 0.61)}),
    "real-raw": ("ARGMAP_REAL_RAW_TEXTS", None, {"overall": (0.82, 0.53)}),
    "water-raw": ("ARGMAP_WATER_RAW_TEXTS", "water_industry.toml", {"overall": (0.66, 0.50)}),
    "fresh": ("ARGMAP_FRESH_TEXTS", None, {"overall": (0.60, 0.47)}),
    "fresh-raw": ("ARGMAP_FRESH_RAW_TEXTS", None, {"overall": (0.61, 0.41)}),
    # held out: kept where they were before stop 38 (its later gain is not a clean measurement: the
    # count that chose two new taxonomy proposals took in held-out gold rows; see the README)
    "fresh2": ("ARGMAP_FRESH2_TEXTS", None, {"overall": (0.52, 0.23)}),
    "fresh2-raw": ("ARGMAP_FRESH2_RAW_TEXTS", None, {"overall": (0.54, 0.20)}),
    "fresh3": ("ARGMAP_FRESH3_TEXTS", None, {"overall": (0.62, 0.37)}),
    "fresh3-raw": ("ARGMAP_FRESH3_RAW_TEXTS", None, {"overall": (0.63, 0.29)}),
    "fresh4": ("ARGMAP_FRESH4_TEXTS", None, {"overall": (0.66, 0.38)}),
    "fresh4-raw": ("ARGMAP_FRESH4_RAW_TEXTS", None, {"overall": (0.65, 0.37)}),
    "fresh5": ("ARGMAP_FRESH5_TEXTS", None, {"overall": (0.66, 0.46)}),
    "fresh5-raw": ("ARGMAP_FRESH5_RAW_TEXTS", None, {"overall": (0.65, 0.43)}),
    # held out: raised in stop 38 to where a taxonomy name found on a development page took it, and in
    # stop 46 to where rules written for development pages took it (aggregate figures only)
    "fresh6": ("ARGMAP_FRESH6_TEXTS", None, {"overall": (0.57, 0.27)}),
    "fresh6-raw": ("ARGMAP_FRESH6_RAW_TEXTS", None, {"overall": (0.51, 0.22)}),
    "fresh7": ("ARGMAP_FRESH7_TEXTS", None, {"overall": (0.63, 0.34)}),
    "fresh7-raw": ("ARGMAP_FRESH7_RAW_TEXTS", None, {"overall": (0.63, 0.30)}),
    # held out since it arrived in stop 36 (aggregate figures only): first measured at P 0.490, R 0.179
    # (without front matter 0.365, 0.142); raised in stop 37 to where the parse repair took it, and in
    # stop 39 to where a stance word written for development pages took it, and in stops 43, 45, 46
    # and 47 to where rules written for development pages took it
    "fresh8": ("ARGMAP_FRESH8_TEXTS", None, {"overall": (0.56, 0.22)}),
    "fresh8-raw": ("ARGMAP_FRESH8_RAW_TEXTS", None, {"overall": (0.50, 0.20)}),
    # measured once in stop 37 (P 0.459, R 0.149), then developed on; floors where stop 47 left it
    "fresh9": ("ARGMAP_FRESH9_TEXTS", None, {"overall": (0.57, 0.35)}),
    "fresh9-raw": ("ARGMAP_FRESH9_RAW_TEXTS", None, {"overall": (0.56, 0.32)}),
    # held out since it arrived in stop 38 (aggregate figures only): first measured at P 0.547, R 0.234
    # (without front matter 0.543, 0.202); floors raised where stop 48 left it (0.579, 0.266; 0.580, 0.234)
    "fresh10": ("ARGMAP_FRESH10_TEXTS", None, {"overall": (0.59, 0.28)}),
    "fresh10-raw": ("ARGMAP_FRESH10_RAW_TEXTS", None, {"overall": (0.59, 0.25)}),
    # measured once when it arrived in stop 39 (P 0.370, R 0.202; without front matter 0.385, 0.179),
    # then developed on; floors where stop 48 left it
    "fresh11": ("ARGMAP_FRESH11_TEXTS", None, {"overall": (0.66, 0.40)}),
    "fresh11-raw": ("ARGMAP_FRESH11_RAW_TEXTS", None, {"overall": (0.67, 0.29)}),
    # measured once when it arrived in stop 40 (P 0.378, R 0.202; without front matter 0.333, 0.167),
    # then developed on; floors where stop 46 left it
    "fresh12": ("ARGMAP_FRESH12_TEXTS", None, {"overall": (0.64, 0.45)}),
    "fresh12-raw": ("ARGMAP_FRESH12_RAW_TEXTS", None, {"overall": (0.61, 0.40)}),
    # measured once when it arrived in stop 41 (P 0.396, R 0.244; without front matter 0.415, 0.218),
    # then developed on; floors where stop 48 left it
    "fresh13": ("ARGMAP_FRESH13_TEXTS", None, {"overall": (0.53, 0.32)}),
    "fresh13-raw": ("ARGMAP_FRESH13_RAW_TEXTS", None, {"overall": (0.51, 0.24)}),
    # measured once when it arrived in stop 42 (P 0.415, R 0.195; without front matter 0.333, 0.161),
    # then developed on; floors where stop 48 left it
    "fresh14": ("ARGMAP_FRESH14_TEXTS", None, {"overall": (0.55, 0.31)}),
    "fresh14-raw": ("ARGMAP_FRESH14_RAW_TEXTS", None, {"overall": (0.43, 0.22)}),
    # measured once when it arrived during stop 42 (P 0.420, R 0.216; without front matter 0.383, 0.186),
    # then developed on; floors where stop 48 left it
    "fresh15": ("ARGMAP_FRESH15_TEXTS", None, {"overall": (0.59, 0.38)}),
    "fresh15-raw": ("ARGMAP_FRESH15_RAW_TEXTS", None, {"overall": (0.56, 0.32)}),
    # measured once when it arrived in stop 43 (P 0.353, R 0.255; without front matter 0.375, 0.255),
    # then developed on; floors where stop 47 left it
    "fresh16": ("ARGMAP_FRESH16_TEXTS", None, {"overall": (0.50, 0.32)}),
    "fresh16-raw": ("ARGMAP_FRESH16_RAW_TEXTS", None, {"overall": (0.53, 0.32)}),
    # measured once when it arrived in stop 44 (P 0.395, R 0.148; without front matter 0.349, 0.130),
    # then developed on; floors where stop 47 left it
    "fresh17": ("ARGMAP_FRESH17_TEXTS", None, {"overall": (0.67, 0.40)}),
    "fresh17-raw": ("ARGMAP_FRESH17_RAW_TEXTS", None, {"overall": (0.62, 0.34)}),
    # measured once when it arrived in stop 45 (P 0.411, R 0.230; without front matter 0.395, 0.150),
    # then developed on; floors where stop 48 left it
    "fresh18": ("ARGMAP_FRESH18_TEXTS", None, {"overall": (0.68, 0.43)}),
    "fresh18-raw": ("ARGMAP_FRESH18_RAW_TEXTS", None, {"overall": (0.67, 0.35)}),
    # measured once when it arrived in stop 46 (P 0.410, R 0.219; without front matter 0.353, 0.164),
    # then developed on; floors where stop 46 left it
    "fresh19": ("ARGMAP_FRESH19_TEXTS", None, {"overall": (0.61, 0.36)}),
    "fresh19-raw": ("ARGMAP_FRESH19_RAW_TEXTS", None, {"overall": (0.57, 0.31)}),
    # measured once when it arrived in stop 47 (P 0.328, R 0.244; without front matter 0.367, 0.220),
    # then developed on; floors where stop 47 left it
    "fresh20": ("ARGMAP_FRESH20_TEXTS", None, {"overall": (0.42, 0.32)}),
    "fresh20-raw": ("ARGMAP_FRESH20_RAW_TEXTS", None, {"overall": (0.46, 0.29)}),
    # measured once when it arrived in stop 48 (P 0.400, R 0.202; without front matter 0.372, 0.180),
    # then developed on; floors where stop 48 left it
    "fresh21": ("ARGMAP_FRESH21_TEXTS", None, {"overall": (0.56, 0.31)}),
    "fresh21-raw": ("ARGMAP_FRESH21_RAW_TEXTS", None, {"overall": (0.54, 0.29)}),
    # measured once when it arrived in stop 49 (P 0.471, R 0.262; without front matter 0.444, 0.197),
    # then developed on; floors where stop 49 left it
    "fresh22": ("ARGMAP_FRESH22_TEXTS", None, {"overall": (0.61, 0.44)}),
    "fresh22-raw": ("ARGMAP_FRESH22_RAW_TEXTS", None, {"overall": (0.62, 0.37)}),
    # measured once when it arrived in stop 50 (P 0.553, R 0.317; without front matter 0.523, 0.280),
    # then developed on; floors where stop 50 left it
    "fresh23": ("ARGMAP_FRESH23_TEXTS", None, {"overall": (0.62, 0.43)}),
    "fresh23-raw": ("ARGMAP_FRESH23_RAW_TEXTS", None, {"overall": (0.59, 0.39)}),
    # measured once when it arrived in stop 51 (P 0.474, R 0.265; without front matter 0.500, 0.265),
    # then developed on; floors where stop 51 leaves it
    "fresh24": ("ARGMAP_FRESH24_TEXTS", None, {"overall": (0.65, 0.40)}),
    "fresh24-raw": ("ARGMAP_FRESH24_RAW_TEXTS", None, {"overall": (0.69, 0.33)}),
    # measured once when it arrived in stop 52 (P 0.383, R 0.228; without front matter 0.441, 0.190),
    # then developed on; floors where stop 52 leaves it
    "fresh25": ("ARGMAP_FRESH25_TEXTS", None, {"overall": (0.46, 0.31)}),
    "fresh25-raw": ("ARGMAP_FRESH25_RAW_TEXTS", None, {"overall": (0.44, 0.27)}),
    # measured once when it arrived in stop 53 (P 0.343, R 0.140; without front matter 0.290, 0.105),
    # then developed on; floors where stop 53 leaves it
    "fresh26": ("ARGMAP_FRESH26_TEXTS", None, {"overall": (0.48, 0.22)}),
    "fresh26-raw": ("ARGMAP_FRESH26_RAW_TEXTS", None, {"overall": (0.45, 0.18)}),
}


@pytest.mark.parametrize("name", sorted(REAL_SETS))
def test_real_page_sets_quality(extractor, name):
    import os

    from argmap.build import Extractor
    from argmap.nlp.resources import get_taxonomy

    variable, taxonomy_file, floors = REAL_SETS[name]
    folder = os.environ.get(variable)
    if not folder or not Path(folder).is_dir():
        pytest.skip(f"{variable} does not name a folder of the {name} set's texts (see tests/real/README.md)")
    taxonomy_path = str(ROOT / "src" / "argmap" / "data" / taxonomy_file) if taxonomy_file else None
    ex = Extractor(taxonomy=taxonomy_path, pipeline=None) if taxonomy_path else extractor
    g = _graph(ex, get_taxonomy(taxonomy_path), Path(folder))
    _check(evaluate(g, read_gold(GOLD / f"{name.removesuffix('-raw')}.tsv")), floors)
