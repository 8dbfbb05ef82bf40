"""How long the explorer page takes to open in Chromium, as a Markdown table.

Writes the page with ``argmap explore`` (timed, process start included), then opens it from
file:// in Debian's Chromium (headless, through Playwright, offline) and times, for each run, the
wall time from asking the browser to load the file to the page saying it is ready (the data
parsed, the first view drawn and its panel filled), and the part of it spent in the page's
script. Then it times drawing the whole map and opening the most contested proposal.

    python benchmarks/explore_open.py graphs/argmap.json
    python benchmarks/explore_open.py --articles 300                 # builds a synthetic corpus first
    python benchmarks/explore_open.py --articles 300 --workdir /tmp/explore-300 --runs 7

``--articles N`` writes N synthetic articles with make_corpus.py and builds them (about 40 s of
CPU for 300) unless the workdir already holds that graph. The target: a 300-article graph opens in
at most 3 s. Needs the `playwright` package and a Chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGMAP = [sys.executable, "-m", "argmap"]
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions"]


def build_corpus(n: int, work: Path) -> Path:
    graph = work / f"graph-{n}.json"
    if graph.is_file():
        return graph
    corpus = work / f"corpus-{n}"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(corpus), "-n", str(n)], check=True)
    subprocess.run([*ARGMAP, "build", str(corpus), "-o", str(graph), "--no-render", "--cache-dir", str(work / "cache")],
                   check=True, cwd=ROOT)
    return graph


def write_page(graph: Path, page: Path) -> float:
    t = time.perf_counter()
    subprocess.run([*ARGMAP, "explore", "-g", str(graph), "-o", str(page)], check=True, cwd=ROOT)
    return time.perf_counter() - t


def chromium() -> str:
    for c in (os.environ.get("ARGMAP_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if c and Path(c).is_file():
            return c
    sys.exit("no Chromium found: apt-get install chromium (or set ARGMAP_CHROMIUM)")


def measure(page_file: Path, runs: int, screenshot: Path | None) -> dict:
    from playwright.sync_api import sync_playwright

    opens, scripts, errors = [], [], []
    with sync_playwright() as p:
        t = time.perf_counter()
        browser = p.chromium.launch(executable_path=chromium(), args=LAUNCH_ARGS)
        launch = time.perf_counter() - t
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            t = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)
            opens.append(time.perf_counter() - t)
            scripts.append(int(page.evaluate("document.body.dataset.readyMs")) / 1000)
            last = (context, page)
            if len(opens) < runs:
                context.close()
        context, page = last
        start = page.get_attribute("#panel", "data-id") or "(the whole map)"
        t = time.perf_counter()
        page.click("#whole-map")
        page.wait_for_function("document.getElementById('panel').dataset.kind === 'home'")
        whole = time.perf_counter() - t
        drawn = page.locator("#map g.node").count()
        top = json.loads(page.evaluate("JSON.stringify(JSON.parse(document.getElementById('argmap-data').textContent).home.contested[0] || null)"))
        focus = None
        if top:
            t = time.perf_counter()
            page.evaluate(f"location.hash = {('#' + top['id'])!r}")
            page.wait_for_function(f"document.getElementById('panel').dataset.id === {top['id']!r}")
            focus = time.perf_counter() - t
            if screenshot:
                page.screenshot(path=str(screenshot))
        context.close()
        browser.close()
    return {"launch": launch, "opens": opens, "scripts": scripts, "start": start, "whole": whole, "drawn": drawn,
            "focus": focus, "top": top and top["id"], "errors": errors}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph", nargs="?", type=Path, help="graph file (or use --articles)")
    ap.add_argument("--articles", type=int, default=None, help="build a synthetic corpus of N articles first")
    ap.add_argument("--workdir", type=Path, default=None, help="keep corpora, graphs and pages here")
    ap.add_argument("--runs", type=int, default=5, help="page opens to time (default 5)")
    ap.add_argument("--screenshot", type=Path, default=None, help="save a 1280x800 screenshot of the busiest proposal")
    args = ap.parse_args(argv)
    if (args.graph is None) == (args.articles is None):
        ap.error("give a graph file or --articles N")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="argmap-explore-"))
    work.mkdir(parents=True, exist_ok=True)
    graph = args.graph.resolve() if args.graph else build_corpus(args.articles, work)
    page = work / (graph.stem + ".html")
    write = write_page(graph, page)
    data = json.loads(graph.read_text(encoding="utf-8"))
    docs = sum(1 for n in data["nodes"] if n.get("kind") == "document")
    claims = sum(1 for n in data["nodes"] if n.get("kind") == "claim")
    r = measure(page, args.runs, args.screenshot)
    med = statistics.median(r["opens"])
    print("| graph | documents | claims | page MB | `argmap explore` s | opens on | open s, median (min-max) | "
          "of which script s | whole map s (nodes) | busiest proposal s | target | met |")
    print("|---|---:|---:|---:|---:|---|---|---:|---|---:|---|---|")
    print(f"| {graph.name} | {docs} | {claims} | {page.stat().st_size / 1e6:.1f} | {write:.2f} | {r['start']} | "
          f"{med:.2f} ({min(r['opens']):.2f}-{max(r['opens']):.2f}) | {statistics.median(r['scripts']):.2f} | "
          f"{r['whole']:.2f} ({r['drawn']}) | {r['focus'] or 0:.2f} | <= 3 s | {'yes' if max(r['opens']) <= 3 else 'NO'} |")
    print(f"\n{len(r['opens'])} opens in one headless Chromium (launched in {r['launch']:.2f} s, not counted); "
          f"first open {r['opens'][0]:.2f} s; page errors: {len(r['errors'])}")


if __name__ == "__main__":
    main()
