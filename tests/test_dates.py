"""Publication dates: where each is found, what is refused, and how the graph records it."""

from __future__ import annotations

import pytest

from argmap.build import with_dating
from argmap.corpus import read_document
from argmap.dates import check_date, find_date
from argmap.graph import build_graph
from argmap.htmltext import extract_html
from argmap.model import DocResult

BODY = ("Councils warned on Tuesday that the family help roll-out would stall without new money, and "
        "directors of children's services said the grant would not pay for a single extra team. ") * 3


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("raw, iso", [
    ("2025-03-14", "2025-03-14"), ("2025-03-14T09:30:00Z", "2025-03-14"), ("2025-03-14T23:30:00+01:00", "2025-03-14"),
    ("2025-3-4", "2025-03-04"), ("14 March 2025", "2025-03-14"), ("Friday, March 14, 2025", "2025-03-14"),
    ("3rd Sept 2024", "2024-09-03"), ("spring 2020", None), ("Care Policy Weekly", None), ("", None),
])
def test_check_date(raw, iso):
    assert check_date(raw) == iso


@pytest.mark.parametrize("raw, why", [
    ("2024-13-45", "not a calendar date"), ("2025-02-29", "not a calendar date"),
    ("31 February 2025", "not a calendar date"), ("1066-10-14", "implausible year"), ("9999-01-01", "implausible year"),
])
def test_impossible_dates_raise(raw, why):
    with pytest.raises(ValueError, match=why):
        check_date(raw)


def test_sources_in_order_and_impossible_dates_reported():
    d = find_date(front={"date": "2024-13-45"}, html=[], text="By Jo Bell, 12 March 2025\n\nText.", path="x.md")
    assert (d.date, d.source) == ("2025-03-12", "byline")
    problem = ("impossible date in the front matter ignored: '2024-13-45' is not a calendar date "
               "(month must be in 1..12)")
    assert d.problems == (problem,)
    assert find_date(front={"date": "2025-01-02"}, text="8 May 2025", path="2024-01-01-x.md").source == "front matter"
    assert find_date(front={"published": "2025-01-02"}).date == "2025-01-02"
    assert find_date(text="Policy briefing · 8 May 2025 · 6 minute read").source == "dateline"
    assert find_date(text="No date here.", path="notes/2025-06-30-briefing.txt").source == "file name"
    assert find_date(path="20250630_report.txt").date == "2025-06-30"
    assert find_date(path="report-12345678.txt").date is None  # an id number, not a date
    bad = find_date(path="2025-02-30-x.md")
    assert bad.date is None and "file name" in bad.problems[0]
    vague = find_date(front={"date": "spring 2025"})
    assert vague.date is None and "not a date" in vague.problems[0]
    assert find_date().date is None and find_date().problems == ()


def test_html_dates_ranked():
    html = """<html><head>
      <meta name="date" content="2025-01-05">
      <meta property="article:published_time" content="2025-02-03T08:00:00Z">
      <script type="application/ld+json">{"@graph": [{"@type": "WebPage"},
         {"@type": "NewsArticle", "datePublished": "2025-02-04", "dateModified": "2025-02-09"}]}</script>
      <script type="application/ld+json">{not json</script>
    </head><body><footer><time datetime="2025-12-31">updated</time></footer>
      <article><p><time datetime="2025-02-05">5 Feb</time></p><p>BODY</p></article></body></html>""".replace(
        "BODY", BODY)
    art = extract_html(html)
    assert art.dates == [("html meta article:published_time", "2025-02-03T08:00:00Z"),
                         ("json-ld datePublished", "2025-02-04"), ("html meta date", "2025-01-05"),
                         ("html <time datetime>", "2025-02-05")]
    assert "updated" not in art.text and "{" not in art.text


def test_html_time_marked_as_published_wins():
    html = ('<body><article><p><time datetime="2024-01-01">then</time></p>'
            f'<p><time itemprop="datePublished" datetime="2025-04-01">now</time></p><p>{BODY}</p></article></body>')
    assert extract_html(html).dates == [("html <time datetime>", "2025-04-01")]


def test_read_document_records_the_source(tmp_path):
    fm = read_document(write(tmp_path / "a.md", f"---\ntitle: A\ndate: 2025-03-14\n---\n\n{BODY}"))
    assert (fm.date, fm.date_source, fm.date_problems) == ("2025-03-14", "front matter", ())
    dl = read_document(write(tmp_path / "b.txt", f"Councils warn on funding\n\nLONDON, 12 September 2025\n\n{BODY}"))
    assert (dl.date, dl.date_source) == ("2025-09-12", "dateline")
    ld = read_document(write(tmp_path / "c.html", '<html><head><script type="application/ld+json">'
                             '{"datePublished": "2025-07-01T10:00:00+01:00"}</script></head>'
                             f"<body><article><p>{BODY}</p></article></body></html>"))
    assert (ld.date, ld.date_source) == ("2025-07-01", "json-ld datePublished")
    named = read_document(write(tmp_path / "2025-11-20-statement.txt", BODY))
    assert (named.date, named.date_source) == ("2025-11-20", "file name")
    bad = read_document(write(tmp_path / "d.md", f"---\ndate: 2024-13-45\n---\n\n{BODY}"))
    assert bad.date is None and bad.date_source is None and "2024-13-45" in bad.date_problems[0]
    none = read_document(write(tmp_path / "e.txt", BODY))
    assert none.date is None and none.date_problems == ()


def test_graph_keeps_undated_documents_flagged(tmp_path, taxonomy):
    docs = [read_document(write(tmp_path / "dated.md", f"---\ndate: 2025-03-14\n---\n\n{BODY}")),
            read_document(write(tmp_path / "undated.txt", BODY)),
            read_document(write(tmp_path / "bad.md", f"---\ndate: 2025-02-30\n---\n\n{BODY}"))]
    results = [with_dating(DocResult({"id": d.id, "path": d.path, "sha256": d.sha256, "date": d.date}), d)
               for d in docs]
    g = build_graph(results, taxonomy)
    dated, undated, bad = (g.nodes[f"doc:{n}"] for n in ("dated", "undated", "bad"))
    assert (dated["date"], dated["date_source"]) == ("2025-03-14", "front matter") and "undated" not in dated
    assert undated["undated"] is True and "date" not in undated
    assert bad["undated"] is True and bad["date_problems"] == [
        "impossible date in the front matter ignored: '2025-02-30' is not a calendar date (day is out of range for month)"]
