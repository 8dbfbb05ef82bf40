"""The README works as written: every output block is what its commands print now, and the quick
start leaves a clone clean (tools/readme_blocks.py regenerates the blocks: one command)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

SCRIPT = ROOT / "tools" / "readme_blocks.py"


def _load():
    import sys

    spec = importlib.util.spec_from_file_location("readme_blocks", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["readme_blocks"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


rb = _load()


# ---------------------------------------------------------------- the script itself (fast)

FAKE = """intro
<!-- block:one -->
```console
$ echo hello
hello
```
<!-- /block -->
middle
<!-- block:long -->
```console
$ printf 'a\\nb\\nc\\nd\\n'
a
b
...
```
<!-- /block -->
<!-- block:fails -->
```console
$ echo oops; exit 3
oops
(exit status 3)
```
<!-- /block -->
<!-- block:two -->
```console
$ echo first

$ echo second took 1.5s
second took 1.5s
```
<!-- /block -->
end
"""


def test_blocks_are_found_with_their_commands():
    found = rb.blocks(FAKE)
    assert [b.name for b in found] == ["one", "long", "fails", "two"]
    assert rb.commands(found[3].body) == ["echo first", "echo second took 1.5s"]


def test_regenerating_keeps_what_matches_and_shows_what_changed(tmp_path, monkeypatch):
    env = rb.environment(tmp_path / "cache")
    rendered = {b.name: rb.render_block(b, tmp_path, env) for b in rb.blocks(FAKE)}
    assert rendered["one"] == "```console\n$ echo hello\nhello\n```\n"
    assert rendered["long"] == "```console\n$ printf 'a\\nb\\nc\\nd\\n'\na\nb\n...\n```\n"  # as many lines as shown
    assert rendered["fails"].endswith("oops\n(exit status 3)\n```\n")
    assert rendered["two"] == "```console\n$ echo first\nfirst\n\n$ echo second took 1.5s\nsecond took 1.5s\n```\n"
    changed = FAKE.replace("$ echo hello\nhello", "$ echo hello\nhullo").replace("took 1.5s\n```", "took 2.5s\n```")
    new = FAKE.replace("$ echo first\n\n", "$ echo first\nfirst\n\n")
    assert set(rb.differences(changed, new)) == {"one", "two"}  # "two": its first command printed nothing
    assert rb.differences(new.replace("took 1.5s\n```", "took 9.9s\n```"), new) == {}  # times are ignored


def test_a_command_that_fails_unannounced_stops_the_refresh(tmp_path):
    block = rb.blocks("<!-- block:x -->\n```console\n$ false\n```\n<!-- /block -->\n")[0]
    with pytest.raises(rb.BlockError, match="'false' exited with status 1"):
        rb.render_block(block, tmp_path, rb.environment(tmp_path / "cache"))


def test_the_expectations_table_comes_from_the_quality_block():
    quality = ("```console\n$ argmap evaluate tests/gold/sealed.tsv -g graphs/eval/sealed.json --quiet\n"
               "stance      tp   fp   fn  precision  recall     f1\n"
               "overall     12    6   67      0.667   0.152  0.247\n```\n")
    table = rb.expectations(quality)
    assert "| six articles nobody tuned on (tests/sealed/) | 12 of 79 | 0.667 | 0.152 |" in table


def test_every_block_in_the_readme_is_regenerated():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = rb.blocks(text)
    assert len(found) == text.count("<!-- block:") >= 20
    for block in found:
        if block.name in rb.NOT_RUN or block.name == "expectations":
            continue
        assert rb.commands(block.body), f"block {block.name} shows no command"


def test_readme_examples_use_paths_that_exist():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in rb.blocks(text):
        for cmd in rb.commands(block.body):
            words = cmd.split()
            if words[:2] == ["argmap", "build"]:
                for arg in words[2:]:
                    if arg.startswith("-"):
                        break
                    assert (ROOT / arg).exists(), f"block {block.name}: {arg} does not exist"
            for gold in re.findall(r"tests/gold/\w+\.tsv", cmd):
                assert (ROOT / gold).is_file(), gold


# ---------------------------------------------------------------- the real README (slow)

@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    if not (ROOT.parent / "shared" / "corpus").is_dir():
        pytest.skip("the seed corpus (../shared/corpus) is needed by the README's quality block")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz 'dot' is needed to draw the README's maps")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    new, repo = rb.regenerate(text, workdir=tmp_path_factory.mktemp("readme"), log=lambda m: None)
    return text, new, repo


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.seed
@pytest.mark.dot
def test_every_readme_block_is_what_its_commands_print(regenerated):
    text, new, _ = regenerated
    diffs = rb.differences(text, new)
    assert not diffs, ("\n\n".join(f"block {n}:\n{d}" for n, d in diffs.items())
                       + "\n\nrefresh with: python tools/readme_blocks.py --write")


def _graphviz_version() -> str:
    out = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False).stderr
    m = re.search(r"version (\S+)", out)
    return m.group(1) if m else ""


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.seed
@pytest.mark.dot
def test_following_the_readme_leaves_the_tracked_graphs_unchanged(regenerated):
    """On a clone, `argmap build` (and the README's other commands) rewrite graphs/ byte for byte."""
    _, _, repo = regenerated
    same_graphviz = f"graphviz version {_graphviz_version()}" in (ROOT / "graphs" / "argmap.svg").read_text()
    for rel in rb.tracked_graph_files():
        if rel.endswith((".svg", ".png")) and not same_graphviz:
            continue  # another Graphviz draws other pixels
        assert (repo / rel).read_bytes() == (ROOT / rel).read_bytes(), (
            f"{rel} differs after the README's commands; refresh with: python tools/readme_blocks.py --write")
