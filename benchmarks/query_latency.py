"""End-to-end latency of a query command (process start included), as a Markdown table row.

Times ``argmap objectors funding -g GRAPH`` (or another query) in fresh subprocesses and
reports the median, min and max wall time over several runs.

    python benchmarks/query_latency.py graphs/argmap.json
    python benchmarks/query_latency.py --synthetic 2000             # builds a synthetic graph
    python benchmarks/query_latency.py --synthetic 2000 --keep /tmp/syn2000.json --runs 9

``--synthetic N`` builds a graph from N generated documents with :func:`argmap.graph.build_graph`
(no spaCy or corpus needed): each document has a few known organisations and generated people,
``--claims-per-doc`` claims with random stances, targets and grounds over the shipped taxonomy.
Targets: <= 0.4 s on a small graph, <= 1 s on a 2,000-article graph.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ("| graph | documents | nodes | edges | size MB | command | runs | median s | min s | max s |\n"
          "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|")

_GIVEN = ("Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Kim", "Lee", "Morgan", "Taylor", "Jamie", "Casey",
          "Drew", "Avery", "Riley", "Nadia", "Omar", "Priya", "Tomasz", "Ines")
_FAMILY = ("Ashdown", "Brennan", "Carver", "Dunmore", "Ellery", "Fairbank", "Garside", "Holloway", "Ingram",
           "Jessop", "Kettle", "Lomax", "Marwood", "Northcote", "Oakley", "Pennock", "Quarry", "Redfern",
           "Stanier", "Thwaite")
_VERBS = {"support": ["welcomed", "backed", "praised", "called for more of"],
          "object": ["criticised", "warned against", "questioned", "opposed"],
          "neutral": ["described", "commented on", "asked about", "mentioned"]}
_REASONS = ["because councils lack the staff to run it", "as the plans leave families waiting",
            "since nobody has tested the idea properly", "given what local areas already spend",
            "as it shifts power away from those who know children best", "for the sake of stability"]


def synthetic_results(n_docs: int, claims_per_doc: int = 15, people: int = 600, seed: int = 7):
    """Generated DocResults over the shipped taxonomy: plausible shape, invented content."""
    from argmap.model import Actor, ActorType, Claim, DocResult, Stance
    from argmap.taxonomy import load_taxonomy

    tax = load_taxonomy()
    rng = random.Random(seed)
    proposals, themes = sorted(tax.proposals), sorted(tax.themes)
    orgs = [Actor(e.id, e.label, ActorType.ORGANISATION, e.aliases) for e in tax.actors.values()]
    persons = []
    for i in range(people):
        given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
        persons.append(Actor(f"{given}-{family}-{i}".lower(), f"{given} {family}", ActorType.PERSON, (family,),
                             role="spokesperson", affiliation=rng.choice(orgs).id if rng.random() < 0.5 else None))
    results = []
    for d in range(n_docs):
        doc_id = f"syn-{d:05d}"
        cast = rng.sample(orgs, 3) + rng.sample(persons, 4)
        cast_ids = {a.id for a in cast}
        cast = [a if not a.affiliation or a.affiliation in cast_ids else
                Actor(a.id, a.name, a.type, a.aliases, a.role, None) for a in cast]
        claims, offset = [], 0
        for n in range(claims_per_doc):
            speaker = rng.choice(cast)
            stance = rng.choices(list(Stance), weights=[4, 4, 2])[0]
            targets = tuple(rng.sample(proposals, rng.choice([1, 1, 1, 2])))
            grounds = tuple(rng.sample(themes, rng.choice([0, 1, 1, 2])))
            text = (f"{speaker.name} {rng.choice(_VERBS[stance.value])} the plans for "
                    f"{tax.proposals[targets[0]].label.lower()} {rng.choice(_REASONS)}.")
            claims.append(Claim(f"claim:{doc_id}:{n + 1}", doc_id, text, offset, offset + len(text),
                                speaker.id, stance, targets, grounds, attribution="said",
                                stance_cues=(rng.choice(_VERBS[stance.value]),), target_cues=("the plans",),
                                rule="synthetic", quoted=rng.random() < 0.3))
            offset += len(text) + 40
        candidates = ({"id": f"candidate-{d % 40}", "label": f"Candidate idea {d % 40}"},) if d % 25 == 0 else ()
        doc = {"id": doc_id, "path": f"{doc_id}.txt", "sha256": f"{d:064x}", "title": f"Synthetic article {d}",
               "outlet": "Synthetic Weekly", "date": "2025-01-01"}
        results.append(DocResult(doc, tuple(cast), tuple(claims), candidates))
    return results


def build_synthetic(path: Path, n_docs: int, claims_per_doc: int) -> None:
    from argmap.graph import build_graph, write_graph
    from argmap.taxonomy import load_taxonomy

    g = build_graph(synthetic_results(n_docs, claims_per_doc), load_taxonomy(), meta={"model": "synthetic"})
    write_graph(g, path)


def argmap_command() -> list[str]:
    exe = Path(sys.executable).with_name("argmap")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("argmap")
    return [found] if found else [sys.executable, "-m", "argmap"]


def time_runs(cmd: list[str], runs: int) -> list[float]:
    # Measure what an installed argmap does: bytecode cached (any value of this variable,
    # even "0", would make every run recompile the changed modules).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)  # warm caches
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        times.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()}")
    return times


def graph_stats(path: Path) -> tuple[int, int, int]:
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    return len(data["graph"].get("documents", [])), len(data["nodes"]), len(data["edges"])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graphs", nargs="*", type=Path, help="graph files to time")
    ap.add_argument("--synthetic", type=int, metavar="N", help="also time a synthetic graph of N documents")
    ap.add_argument("--claims-per-doc", type=int, default=15)
    ap.add_argument("--keep", type=Path, help="write the synthetic graph here (reused if it exists)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--query", nargs="+", default=["objectors", "funding"],
                    help="the argmap arguments to time (default: objectors funding)")
    ap.add_argument("--no-header", action="store_true")
    args = ap.parse_args(argv)

    graphs = list(args.graphs)
    tmp = None
    if args.synthetic:
        path = args.keep
        if path is None:
            tmp = tempfile.TemporaryDirectory(prefix="argmap-bench-")
            path = Path(tmp.name) / f"synthetic-{args.synthetic}.json"
        if not path.exists():
            t0 = time.perf_counter()
            build_synthetic(path, args.synthetic, args.claims_per_doc)
            print(f"built {path} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        graphs.append(path)
    if not graphs:
        ap.error("give a graph file or --synthetic N")
    if not args.no_header:
        print(HEADER)
    for path in graphs:
        cmd = [*argmap_command(), *args.query, "-g", str(path)]
        times = time_runs(cmd, args.runs)
        docs, nodes, edges = graph_stats(path)
        size = path.stat().st_size / 1e6
        print(f"| {path.name} | {docs} | {nodes} | {edges} | {size:.1f} | argmap {' '.join(args.query)} | "
              f"{args.runs} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} |")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
