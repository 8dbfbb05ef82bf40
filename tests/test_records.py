"""DocResult records: round trips, validation, JSON-lines reading, reference checks (no spaCy)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from argmap.model import Stance
from argmap.records import (
    RecordError,
    dumps_result,
    iter_record_files,
    loads_record,
    loads_result,
    reference_problems,
    result_from_data,
    result_to_data,
)
from conftest import small_results


def test_round_trip_is_exact():
    for result in small_results():
        line = dumps_result(result)
        assert "\n" not in line
        assert loads_result(line) == result
        assert result_from_data(json.loads(line)) == result


def test_round_trip_keeps_candidates_notes_and_provenance():
    r = small_results()[0]
    r = replace(r, doc={**r.doc, "notes": ["decoded as cp1252"]},
                candidates=({"id": "a-new-idea", "label": "A new idea"},))
    back, prov = loads_record(dumps_result(r, provenance={"model": "m", "taxonomy": "abc"}))
    assert back == r
    assert prov == {"model": "m", "taxonomy": "abc"}


def test_serialisation_is_deterministic():
    a, b = small_results()
    assert dumps_result(a) == dumps_result(small_results()[0])
    assert dumps_result(a) != dumps_result(b)


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(format="something-else"), "not a DocResult record"),
    (lambda d: d.update(format_version=99), "format version 99"),
    (lambda d: d.update(doc={}), "no document id"),
    (lambda d: d["claims"][0].update(stance="sceptical"), "damaged"),
    (lambda d: d["claims"][0].pop("text"), "claim lacks text"),
    (lambda d: d["claims"][0].update(start="12"), "claim start is not an integer"),
    (lambda d: d["actors"][0].update(aliases="BASW"), "actor aliases is not a list of strings"),
    (lambda d: d["actors"][0].update(type="robot"), "damaged"),
    (lambda d: d.update(claims={}), "claims is not a list"),
    (lambda d: d.update(candidates=[{"id": "x"}]), "candidate lacks label"),
])
def test_malformed_records_raise_record_error(mutate, message):
    data = result_to_data(small_results()[0])
    mutate(data)
    with pytest.raises(RecordError, match=message):
        result_from_data(data)


def test_not_json_raises_record_error():
    with pytest.raises(RecordError, match="not JSON"):
        loads_result("{truncated")
    with pytest.raises(RecordError, match="expected a JSON object"):
        loads_result("[1, 2]")


def test_iter_record_files_reports_file_and_line(tmp_path):
    good = [dumps_result(r) for r in small_results()]
    path = tmp_path / "claims.jsonl"
    path.write_text(good[0] + "\n\n" + good[1] + "\n", encoding="utf-8")
    got = list(iter_record_files([path]))
    assert [r for r, _, _ in got] == small_results()
    assert [w for _, _, w in got] == [f"{path}:1", f"{path}:3"]

    bad = tmp_path / "bad.jsonl"
    bad.write_text(good[0] + "\n" + good[1][:-20] + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"bad\.jsonl:2: not JSON"):
        list(iter_record_files([bad]))
    with pytest.raises(RecordError, match="not found"):
        list(iter_record_files([tmp_path / "missing.jsonl"]))
    with pytest.raises(RecordError, match="is a directory"):
        list(iter_record_files([tmp_path]))


def test_reference_problems(taxonomy):
    a, _ = small_results()
    assert reference_problems(a, taxonomy.proposals, taxonomy.themes) == []
    claim = replace(a.claims[0], targets=("no-such-proposal",), themes=("no-such-theme",), speaker="nobody")
    broken = replace(a, claims=(claim,))
    problems = reference_problems(broken, taxonomy.proposals, taxonomy.themes)
    assert any("unknown proposal 'no-such-proposal'" in p for p in problems)
    assert any("unknown theme 'no-such-theme'" in p for p in problems)
    assert any("speaker 'nobody'" in p for p in problems)
    # a record's own candidate proposals resolve
    cand = replace(a, claims=(replace(a.claims[0], targets=("fresh-idea",), stance=Stance.SUPPORT),),
                   candidates=({"id": "fresh-idea", "label": "Fresh idea"},))
    assert reference_problems(cand, taxonomy.proposals, taxonomy.themes) == []
