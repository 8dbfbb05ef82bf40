"""The same corpus and taxonomy give a byte-identical graph JSON: across runs, across --jobs
values, with and without the parse cache, and whatever Python's hash seed (each build runs in
its own process with its own PYTHONHASHSEED, so set or dict order leaking into the output would
show). The only time-dependent field is the graph's ``built_at``, written only with --timestamp.

Uses the sample corpus and the seed corpus together.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.export import FORMATS

pytestmark = [pytest.mark.model, pytest.mark.seed, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _run(cwd: Path, args: list[str], hash_seed: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    proc = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-3000:]
    return proc


def _diff(a: bytes, b: bytes) -> str:
    lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=1)
    return "\n".join(list(lines)[:40])


@pytest.fixture(scope="module")
def builds(tmp_path_factory, seed_corpus):
    """Four builds of sample + seed corpus, in separate processes with different hash seeds."""
    work = tmp_path_factory.mktemp("determinism")
    (work / "sample").symlink_to(ROOT / "corpus", target_is_directory=True)
    (work / "seed").symlink_to(seed_corpus, target_is_directory=True)
    both = ["sample", "seed"]
    runs = {
        "jobs1-nocache": (both + ["--jobs", "1", "--no-cache"], 1),  # byte-identical by default
        "jobs1-nocache-again": (both + ["--jobs", "1", "--no-cache", "--no-timestamp"], 2),
        "jobs2-cold-cache": (both + ["--jobs", "2", "--cache-dir", "cache"], 3),
        "jobs1-warm-cache-reversed-timestamp": (["seed", "sample", "--jobs", "1", "--cache-dir", "cache",
                                                 "--timestamp"], 4),
    }
    out = {}
    for name, (args, seed) in runs.items():
        path = work / f"{name}.json"
        _run(work, ["build", *args, "-o", path.name, "--no-render"], seed)
        out[name] = path.read_bytes()
    return work, out


def test_rebuild_is_byte_identical(builds):
    _, out = builds
    a, b = out["jobs1-nocache"], out["jobs1-nocache-again"]
    assert a == b, _diff(a, b)
    assert not TIMESTAMP.search(a.decode())  # no time in the file unless --timestamp is given


def test_jobs_and_a_cold_cache_do_not_change_the_graph(builds):
    _, out = builds
    a, c = out["jobs1-nocache"], out["jobs2-cold-cache"]
    assert a == c, _diff(a, c)


def test_warm_cache_and_path_order_change_only_the_build_time(builds):
    _, out = builds
    a, d = out["jobs1-nocache"], out["jobs1-warm-cache-reversed-timestamp"]
    data_a, data_d = json.loads(a), json.loads(d)
    built_at = data_d["graph"].pop("built_at")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", built_at)
    assert data_a == data_d
    assert len(TIMESTAMP.findall(d.decode())) == 1  # the single build-time field
    # and the bytes differ only on that line
    lines_a = set(a.decode().splitlines())
    extra = [line for line in d.decode().splitlines() if line not in lines_a]
    assert len(extra) == 1 and '"built_at"' in extra[0]


def test_the_graph_is_not_trivial(builds):
    _, out = builds
    data = json.loads(out["jobs1-nocache"])
    kinds = [n["kind"] for n in data["nodes"]]
    assert kinds.count("document") == 12 and kinds.count("claim") > 50  # seven sample and five seed articles
    ids = [n["id"] for n in data["nodes"]]
    assert ids == sorted(ids)  # nodes in id order


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_are_byte_identical_across_processes(fmt, builds):
    work, _ = builds
    runs = [_run(work, ["export", "-g", "jobs1-nocache.json", "--format", fmt], seed).stdout
            for seed in (5, 6)]
    assert runs[0] == runs[1], _diff(*runs)
    assert runs[0]
