"""Argdown export: statements, +/- relations, actors and themes as tags, syntax neutralised."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from argmap.export.argdown import argdown_escape, argdown_tag, argdown_title, to_argdown


def test_statements_relations_and_tags(small_graph):
    text = to_argdown(small_graph)
    assert text.startswith("===\ntitle: ")
    assert "# Family help services" in text
    assert "[Family help services]: Family help services #proposal" in text
    assert ("  + [British Association of Social Workers, doc-b 3]: BASW backed family help for every "
            "area. #(British Association of Social Workers)") in text
    assert re.search(r"^  - \[Jo Bloggs, doc-a 1\]: Bloggs said .* #\(Jo Bloggs\) #\(Funding and resources\)$",
                     text, re.MULTILINE)
    # each claim defined once
    for n, d in small_graph.nodes(data=True):
        if d["kind"] == "claim":
            assert text.count(d["text"].replace("_", "\\_")) == 1


def test_claim_on_two_proposals_is_defined_once_then_referenced(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-b:3"]["targets"] = ["proposal:family-help", "proposal:national-framework"]
    text = to_argdown(g)
    assert text.count("[British Association of Social Workers, doc-b 3]:") == 1
    assert "  + [British Association of Social Workers, doc-b 3]\n" in text


def test_neutral_claims_listed_apart(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-b:1"]["stance"] = "neutral"
    text = to_argdown(g)
    tail = text.split("# Claims with no stance on a proposal", 1)[1]
    assert "[Sam O'Neil, doc-b 1]: O'Neil said" in tail and "about" in tail


def test_escaping_neutralises_syntax():
    nasty = "see [this] <arg> #tag *b* _i_ @[m] {k: v} // c /* c */ <!-- x --> === y === a\\b"
    out = argdown_escape(nasty + "\nsecond line")
    assert "\n" not in out
    for ch in "[]<>#*_@{}/=":
        assert re.search(r"(?<!\\)" + re.escape(ch), out.replace("\\\\", "")) is None, ch
    assert argdown_title("a [b] (c) #d") == "a b c d"
    assert argdown_tag("Smith (BASW)") == "#(Smith BASW)"
    assert argdown_title("[]") == "untitled"


def test_nasty_texts_stay_on_their_line(small_graph):
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = "one\n  - [fake]: injected\n# heading"
    g.nodes["actor:jo-bloggs"]["label"] = "Jo ) Bloggs ] ["
    text = to_argdown(g)
    assert "\n  - [fake]" not in text and "\n# heading" not in text
    assert "#(Jo Bloggs)" in text


def _argdown_node() -> str | None:
    """A node able to require('@argdown/core') (set NODE_PATH to where it is installed)."""
    node = shutil.which("node")
    if not node:
        return None
    ok = subprocess.run([node, "-e", "require('@argdown/core')"], capture_output=True, check=False)
    return node if ok.returncode == 0 else None


CHECK_JS = """
const core = require('@argdown/core');
const app = new core.ArgdownApplication();
app.addPlugin(new core.ParserPlugin(), 'parse-input');
app.addPlugin(new core.ModelPlugin(), 'build-model');
let input = '';
process.stdin.on('data', d => input += d);
process.stdin.on('end', () => {
  const r = app.run({input, process: ['parse-input', 'build-model'], throwExceptions: true});
  console.log(JSON.stringify({
    errors: (r.lexerErrors || []).length + (r.parserErrors || []).length,
    relations: r.relations.map(x => [x.from.title, x.relationType, x.to.title]),
    tags: Object.values(r.statements).map(s => [s.title, s.tags || s.members[0].tags || []]),
  }));
});
"""


def test_real_argdown_parser_reads_it(small_graph):
    node = _argdown_node()
    if node is None:
        pytest.skip("@argdown/core is not installed for node (npm install @argdown/core; set NODE_PATH)")
    g = small_graph.copy()
    g.nodes["claim:doc-a:1"]["text"] = "Tricky [ref] <arg> #tag *b* _i_ @[m] {a: 1} // c /* c */ === y === \\"
    proc = subprocess.run([node, "-e", CHECK_JS], input=to_argdown(g), capture_output=True, text=True,
                          check=True, timeout=120)
    result = json.loads(proc.stdout)
    assert result["errors"] == 0
    assert ["Jo Bloggs, doc-a 1", "attack", "Multi-agency child protection teams"] in result["relations"]
    assert ["Union of Carers, doc-a 3", "support", "Family help services"] in result["relations"]
    assert len(result["relations"]) == 6
    tags = {t: tuple(v) for t, v in result["tags"]}
    assert tags["Jo Bloggs, doc-a 1"] == ("Jo Bloggs", "Funding and resources")
