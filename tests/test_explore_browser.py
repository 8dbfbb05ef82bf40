"""The explorer page in a real browser: Debian's Chromium, headless, driven by Playwright.

Every page is opened from file:// in an offline browser context, with every request that is not
for the file itself recorded and refused; each test ends by checking that the page logged no
error and asked for nothing. Needs the `playwright` Python package (test extra) and a Chromium
binary (`apt-get install chromium`; `.ci/run` installs it); without them the tests are skipped
and say why.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import queries
from argmap.cli import cli
from argmap.export import explore
from argmap.graph import build_graph, write_graph
from conftest import SAMPLE_CORPUS

pytestmark = [pytest.mark.browser]

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions"]
VIEWPORT = {"width": 1280, "height": 800}


def chromium_path() -> str | None:
    """The Chromium to drive: $ARGMAP_CHROMIUM, else chromium on PATH, else Debian's path."""
    for candidate in (os.environ.get("ARGMAP_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[test]')")
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set ARGMAP_CHROMIUM); .ci/run installs it")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=LAUNCH_ARGS)
        yield b
        b.close()


class Opened:
    """A page opened from a file, offline, recording errors and any request that would leave it."""

    def __init__(self, browser, path: Path, fragment: str = "") -> None:
        self.context = browser.new_context(viewport=VIEWPORT, offline=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.external: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: None if r.url.startswith("file:") else self.external.append(r.url))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=15000)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def panel(self) -> tuple[str, str]:
        return (self.page.get_attribute("#panel", "data-kind"), self.page.get_attribute("#panel", "data-id"))

    def click_node(self, node: str) -> None:
        self.page.locator(f"#map g.node[data-id='{node}']").click()
        self.page.wait_for_selector(f"#panel[data-id='{node}']", state="attached")  # if it goes through the hash

    def close(self) -> None:
        assert self.errors == [], self.errors
        assert self.external == [], f"the page asked the network for {self.external}"
        self.context.close()


@pytest.fixture()
def opened(browser):
    pages: list[Opened] = []

    def open_page(path: Path, fragment: str = "") -> Opened:
        pages.append(Opened(browser, path, fragment))
        return pages[-1]

    yield open_page
    for p in pages:
        p.close()


@pytest.fixture(scope="module")
def sample(extractor, taxonomy, tmp_path_factory):
    """The sample corpus's graph and its explorer page (written by `argmap explore`)."""
    from argmap.corpus import load_corpus

    graph = build_graph(list(extractor.extract(load_corpus([SAMPLE_CORPUS]))), taxonomy, meta={"model": "test"})
    work = tmp_path_factory.mktemp("explore")
    write_graph(graph, work / "sample.json")
    result = CliRunner().invoke(cli, ["explore", "-g", str(work / "sample.json"), "-o", str(work / "sample.html")])
    assert result.exit_code == 0, result.output
    assert "note:" not in result.output  # every article was read for its paragraphs
    return graph, work / "sample.html"


# ---------------------------------------------------------------- opening

def test_opens_offline_with_no_errors_and_no_requests(sample, opened):
    graph, page_file = sample
    page = opened(page_file)
    pg = page.page
    assert pg.title() == "argmap: children social care england"
    assert page.panel() == ("home", "")
    nodes, _ = explore.overview_network(queries.index_of(graph))
    assert pg.locator("#map g.node").count() == len(nodes)  # the whole map
    assert pg.locator("#panel table.rank tbody tr").count() == min(15, len(queries.contested(graph)))
    assert int(pg.evaluate("document.body.dataset.readyMs")) > 0


def test_click_a_proposal_and_see_its_objectors(sample, opened):
    graph, page_file = sample
    page = opened(page_file)
    pg = page.page
    page.click_node("proposal:family-help")
    assert page.panel() == ("proposal", "proposal:family-help")
    objectors = queries.objectors(graph, "proposal:family-help")["actors"]
    assert objectors, "the sample corpus has objectors to family help"
    heading = pg.inner_text("#panel #objectors")
    assert heading.startswith(f"Objectors ({len(objectors)} actor")
    pg.check("#panel input[name='grouping'][value='actor']")  # group by actor, as `argmap objectors` does
    section = pg.locator("#panel h3#objectors ~ details.group").all_inner_texts()
    for actor in objectors:
        assert any(actor["name"] in text for text in section), actor["name"]
    # the map now shows the proposal's neighbourhood: each of its claims as a node
    on = queries.index_of(graph).claims_on["proposal:family-help"]
    assert pg.locator("#map g.node.claim").count() == len({c for c, _ in on})
    assert pg.locator("#map g.node.center").get_attribute("data-id") == "proposal:family-help"
    assert "Family help" in pg.inner_text("#crumbs")


def test_filter_by_stance(sample, opened):
    graph, page_file = sample
    page = opened(page_file)
    pg = page.page
    ix = queries.index_of(graph)
    claims = ix.by_kind["claim"]
    objecting = [c for c in claims if ix.stance(c) == "object"]
    pg.uncheck("#f-support")
    pg.uncheck("#f-neutral")
    assert pg.inner_text("#f-status") == f"showing {len(objecting)} of {len(claims)} claims"
    classes = pg.eval_on_selector_all("#map line.edge", "els => els.map(e => e.getAttribute('class'))")
    assert classes and all(c in ("edge object", "edge ground") for c in classes), set(classes)
    page.click_node("proposal:family-help")
    assert pg.locator("#panel li.claim.support").count() == 0
    assert queries.supporters(graph, "proposal:family-help")["actors"]  # there is support to hide
    assert "hidden by the filters" in pg.inner_text("#panel h3#supporters ~ details.group >> nth=0")
    pg.click("#f-reset")
    assert pg.inner_text("#f-status") == f"{len(claims)} claims"


def test_filter_by_actor_and_date(sample, opened):
    graph, page_file = sample
    page = opened(page_file)
    pg = page.page
    ix = queries.index_of(graph)
    pg.select_option("#f-actor", "actor:ruth-penhaligon")
    assert pg.inner_text("#f-status").startswith(f"showing {len(ix.claims_of['actor:ruth-penhaligon'])} of")
    drawn = set(pg.eval_on_selector_all("#map g.node.actor", "els => els.map(e => e.dataset.id)"))
    assert drawn == {"actor:ruth-penhaligon"}
    pg.click("#f-reset")
    dates = {d: ix.nodes[d].get("date") for d in ix.by_kind["document"]}
    cut = sorted(v for v in dates.values() if v)[-1]  # from the latest date on
    pg.fill("#f-from", cut)
    keep = [c for c in ix.by_kind["claim"] if (dates.get(f"doc:{ix.doc_id(c)}") or "") >= cut]
    assert 0 < len(keep) < len(ix.by_kind["claim"])
    assert pg.inner_text("#f-status").startswith(f"showing {len(keep)} of")


def test_search_an_actor(sample, opened):
    graph, page_file = sample
    page = opened(page_file)
    pg = page.page
    pg.keyboard.press("/")
    assert pg.evaluate("document.activeElement.id") == "search"
    pg.keyboard.type("penhaligon")
    first = pg.locator("#search-results li").first
    assert first.get_attribute("data-id") == "actor:ruth-penhaligon"
    pg.keyboard.press("Enter")  # it navigates through the address's hash: wait for the panel to show the actor
    pg.wait_for_selector("#panel[data-id='actor:ruth-penhaligon']", state="attached")
    assert page.panel() == ("actor", "actor:ruth-penhaligon")
    positions = queries.positions(graph, "actor:ruth-penhaligon")["actors"][0]["positions"]
    assert pg.locator("#panel h3#positions ~ details.group").count() == len(positions)
    assert pg.locator("#map g.node.center").get_attribute("data-id") == "actor:ruth-penhaligon"


def test_open_a_claims_evidence(sample, opened):
    graph, page_file = sample
    page = opened(page_file)
    pg = page.page
    page.click_node("proposal:family-help")
    quote = pg.locator("#panel li.claim button.quote").first
    claim = quote.evaluate("b => b.closest('li').dataset.claim")
    quote.click()
    pg.wait_for_selector("#panel[data-kind='claim']", state="attached")  # the hash change lands after the click
    assert page.panel() == ("claim", claim)
    record = queries.explain(graph, claim)
    sentence = "".join(pg.locator("#panel blockquote.context .sentence").all_inner_texts())
    assert sentence.split() == record["text"].split()
    context = pg.inner_text("#panel blockquote.context")
    assert len(context) >= len(record["text"])  # the sentence inside its paragraph
    if record["stance_cues"]:
        assert pg.locator("#panel blockquote.context mark").count() >= 1
    explain_text = pg.inner_text("#panel")
    assert record["rule"] in explain_text and record["location"] in explain_text
    assert record["speaker"]["name"] in pg.inner_text("#panel-title")


def test_every_claim_with_stance_cues_in_the_text_shows_a_mark(sample):
    graph, page_file = sample
    data = explore.explorer_data(graph, texts=_texts(graph))
    marked = [c for c in data["claims"].values() if c.get("context", {}).get("marks")]
    assert len(marked) >= len(data["claims"]) // 2  # most claims have a cue word to show


def _texts(graph):
    from argmap.export.sources import document_texts

    ix = queries.index_of(graph)
    return document_texts({d: ix.nodes[d] for d in ix.by_kind["document"]})[0]


def test_keyboard(sample, opened):
    graph, page_file = sample
    page = opened(page_file)
    pg = page.page
    pg.keyboard.press("m")
    first = pg.evaluate("document.activeElement.dataset.id")
    assert first
    pg.keyboard.press("ArrowRight")
    pg.keyboard.press("ArrowDown")
    node = pg.evaluate("document.activeElement.dataset.id")
    pg.keyboard.press("Enter")
    # the panel is drawn after the key's event returns: wait for it (a selector, not a predicate: CSP)
    pg.wait_for_selector(f"#panel[data-id='{node}']", state="attached")
    assert page.panel()[1] == node
    assert pg.locator("#map g.node.center").get_attribute("data-id") == node
    pg.keyboard.press("p")
    pg.keyboard.press("Backspace")  # back to the whole map
    # a selector, not a string predicate: the page's CSP forbids eval, which Playwright's polling of
    # a string predicate needs whenever the answer is not there at the first look (a busy machine)
    pg.wait_for_selector("#panel[data-kind='home']", state="attached")
    pg.keyboard.press("?")
    assert pg.is_visible("#help")
    pg.keyboard.press("Escape")
    assert not pg.is_visible("#help")


def test_an_address_opens_its_node(sample, opened):
    _, page_file = sample
    page = opened(page_file, "#actor:basw")
    assert page.panel() == ("actor", "actor:basw")
    assert page.page.locator("#map g.node.center").get_attribute("data-id") == "actor:basw"


def test_a_big_graph_opens_on_one_proposal(sample, opened, tmp_path, monkeypatch):
    graph, _ = sample
    monkeypatch.setattr(explore, "OVERVIEW_LIMIT", 5)
    path = tmp_path / "big.html"
    explore.write_html(graph, path)
    page = opened(path)
    top = queries.contested(graph)[0]
    assert page.panel() == ("proposal", top["id"])
    assert top["label"] in page.page.inner_text("#crumbs")
    page.page.click("#whole-map")
    assert page.page.locator("#map g.node").count() > 5


def test_screenshots_are_readable_at_1280_by_800(sample, opened, tmp_path):
    _, page_file = sample
    page = opened(page_file)
    pg = page.page
    shots = Path(os.environ.get("ARGMAP_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(shots / "explore-overview.png"))
    page.click_node("proposal:family-help")
    pg.screenshot(path=str(shots / "explore-proposal.png"))
    pg.locator("#panel li.claim button.quote").first.click()
    pg.screenshot(path=str(shots / "explore-claim.png"))
    for name in ("explore-overview.png", "explore-proposal.png", "explore-claim.png"):
        data = (shots / name).read_bytes()
        assert data[:4] == b"\x89PNG" and len(data) > 20_000
    # nothing spills sideways at this size; the panel and the map share the window
    assert pg.evaluate("document.documentElement.scrollWidth") <= VIEWPORT["width"]
    panel = pg.locator("#panel").bounding_box()
    svg = pg.locator("#map").bounding_box()
    assert panel["width"] >= 400 and svg["width"] >= 700 and svg["height"] >= 550


@pytest.mark.seed
def test_seed_corpus_page(seed_graph_file, opened, tmp_path):
    out = tmp_path / "seed.html"
    result = CliRunner().invoke(cli, ["explore", "-g", str(seed_graph_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = opened(out)
    pg = page.page
    top = queries.contested(queries.load_index(seed_graph_file))[0]["id"]
    pg.locator(f"#panel button[data-open='{top}']").first.click()
    pg.wait_for_selector(f"#panel[data-id='{top}']", state="attached")  # the hash change lands after the click
    assert page.panel() == ("proposal", top)
    pg.locator("#panel li.claim button.quote").first.click()
    pg.wait_for_selector("#panel[data-kind='claim']", state="attached")  # the hash change lands after the click
    assert page.panel()[0] == "claim"
    assert pg.locator("#panel blockquote.context").count() == 1
    pg.screenshot(path=str(tmp_path / "seed.png"))


def test_hostile_text_is_shown_as_text(taxonomy, opened, tmp_path):
    from argmap.model import Actor, ActorType, Claim, DocResult, Stance

    evil = 'They said "</script><img src=x onerror=alert(1)>" and <b>meant</b> it.'
    doc = {"id": "d", "path": str(tmp_path / "missing.md"), "sha256": "c" * 64,
           "title": "<script>alert(2)</script>", "url": "javascript:alert(3)"}
    claim = Claim(id="claim:d:1", doc_id="d", text=evil, start=0, end=len(evil), speaker="x", stance=Stance.OBJECT,
                  targets=("family-help",), themes=("funding",))
    graph = build_graph([DocResult(doc, (Actor("x", "X <i>onmouseover=alert(4)</i>", ActorType.PERSON),), (claim,))],
                        taxonomy)
    path = tmp_path / "evil.html"
    explore.write_html(graph, path)
    page = opened(path, "#claim:d:1")
    pg = page.page
    assert pg.locator("#panel img, #panel b, #panel script, #panel i").count() == 0
    assert evil in pg.inner_text("#panel blockquote.context")
    assert "X <i>onmouseover=alert(4)</i>" in pg.inner_text("#panel-title")
    assert pg.locator("#panel a").count() == 0  # a javascript: address is shown, never linked
    assert "javascript:alert(3)" in pg.inner_text("#panel")


def test_actor_network_view(sample, opened):
    from argmap import networks

    graph, page_file = sample
    net = networks.actor_network(graph, "congruence")
    groups = networks.coalitions(net)
    assert net.number_of_edges() and groups, "the sample corpus has a congruence network with coalitions"
    page = opened(page_file)
    pg = page.page
    pg.click("#tab-network")  # a tab goes through the address's hash: wait for the view to show
    pg.wait_for_selector("#tab-network[aria-pressed='true']", state="attached")
    assert pg.get_attribute("#tab-network", "aria-pressed") == "true" and pg.is_hidden("#map-view")
    assert pg.locator("#network g.node").count() == net.number_of_nodes()
    assert pg.locator("#network line.edge").count() == net.number_of_edges()
    assert page.panel() == ("network", "")
    assert pg.locator("#panel h3.coalition-title").count() == len(groups)
    member = groups[0].members[0]
    pg.locator(f"#network g.node[data-id='{member}'] > :nth-child(2)").click()
    pg.wait_for_selector(f"#panel[data-id='{member}']", state="attached")  # if it goes through the hash
    assert page.panel() == ("actor", member)
    section = pg.inner_text("#panel")
    assert "In the actor network" in section and f"coalition {groups[0].id}" in section
    ally = max(net[member].items(), key=lambda kv: (kv[1]["weight"], kv[0]))[0]
    assert net.nodes[ally]["label"] in section.split("agrees most with:")[1]
    link = pg.locator("#panel button[data-open^='proposal:']").first
    target = link.get_attribute("data-open")
    link.click()  # a link goes back to the map, through the address's hash: wait for the panel to show it
    pg.wait_for_selector(f"#panel[data-id='{target}']", state="attached")
    assert pg.is_visible("#map-view") and page.panel() == ("proposal", target)


def test_timeline_view(sample, opened):
    from argmap import timeline

    graph, page_file = sample
    page = opened(page_file)
    pg = page.page
    pg.click("#tab-timeline")  # through the address's hash, as the network tab
    pg.wait_for_selector("#tab-timeline[aria-pressed='true']", state="attached")
    chosen = pg.input_value("#timeline-proposal")
    expect = timeline.timeline(graph, chosen)
    assert pg.locator("#timeline-chart rect.bar-support").count() == sum(1 for r in expect.rows if r.supporters)
    assert pg.locator("#timeline-chart rect.bar-object").count() == sum(1 for r in expect.rows if r.objectors)
    assert pg.locator("#timeline-changes li").count() == len(expect.changes)
    assert page.panel() == ("proposal", chosen)
    with_changes = next(p for p in ("proposal:family-help", chosen) if timeline.timeline(graph, p).changes)
    pg.select_option("#timeline-proposal", with_changes)
    changes = timeline.timeline(graph, with_changes).changes
    items = pg.locator("#timeline-changes li").all_inner_texts()
    assert len(items) == len(changes) and all(c.name in text and c.month in text for c, text in zip(changes, items))
