"""Scale benchmark: the query store, the merge and no-change rebuilds (issue 16), as table rows.

    python benchmarks/scale_bench.py                  # 1,600 copies of the seed records (~300,000 claims)
    python benchmarks/scale_bench.py --copies 100     # a quick look

``build_bench.py`` runs these rows too, in the same table as the build rows. Rows:

2b. a rebuild of a 40-article corpus where nothing changed, map included, against its cold build:
    target >= 30x (the JSON, the store and the map are left as they are);
6b. ``argmap objectors funding``, ``positions BASW`` and ``contested`` on the seed corpus's graph,
    from the store against the same commands reading the JSON (``ARGMAP_NO_STORE=1``, what every
    query did before the store): target <= 1.5x;
7.  the same three commands on a graph of the seed records copied ``--copies`` times under new
    document ids (1,600 copies: 8,000 documents, about 300,000 claims), from the store: median
    <= 0.25 s each (the JSON path is timed too, for reference, over fewer runs);
8.  ``argmap merge`` of those records: <= 90 s and <= 2.5 GiB peak memory (PSS summed over all its
    processes, sampled).

Every figure is a fresh process timed from start to exit (process start included).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from build_bench import GIB, argmap_exe, child_env, load, run, summary
from make_corpus import write_corpus

SEED = ROOT.parent / "shared" / "corpus"
QUERIES = (["objectors", "funding"], ["positions", "BASW"], ["contested"])


def replicate(records: Path, copies: int, out: Path) -> int:
    """Write ``copies`` copies of every record in ``records`` under new document ids; returns the
    number of claims written."""
    lines = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = 0
    with out.open("w", encoding="utf-8") as fh:
        for i in range(copies):
            for rec in lines:
                old = rec["doc"]["id"]
                new = f"copy{i:04d}-{old}"
                doc = dict(rec["doc"], id=new, path=f"copy{i:04d}/{rec['doc']['path']}")
                doc["sha256"] = f"{i:08x}{doc['sha256'][8:]}"
                cs = [dict(c, id=c["id"].replace(f"claim:{old}:", f"claim:{new}:", 1), doc_id=new)
                      for c in rec["claims"]]
                claims += len(cs)
                fh.write(json.dumps(dict(rec, doc=doc, claims=cs), ensure_ascii=False, sort_keys=True,
                                    separators=(",", ":")) + "\n")
    return claims


def time_query(args: list[str], graph: Path, runs: int, *, store: bool) -> list[float]:
    """Wall times of ``argmap ARGS -g GRAPH`` in fresh processes (one untimed warm-up run)."""
    env = child_env()
    env["ARGMAP_NO_STORE"] = "" if store else "1"
    cmd = [*argmap_exe(), *args, "-g", str(graph)]
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        times.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()[-2000:]}")
    return times


def scale_rows(work: Path, model: str, *, copies: int = 1600, runs: int = 7, json_runs: int = 3,
               articles: int = 40, step=print) -> list[tuple]:
    """The rows above as (number, measure, argmap, reference, ratio, target, met) tuples."""
    am = argmap_exe()
    rows: list[tuple] = []

    # 2b: no-change rebuild of a small corpus, map included
    corpus = work / f"corpus-{articles}"
    shutil.rmtree(corpus, ignore_errors=True)
    write_corpus(corpus, articles)
    out = work / f"small-{articles}" / "g.json"
    shutil.rmtree(out.parent, ignore_errors=True)
    step(f"cold build of {articles} articles with the map")
    cache = work / f"cache-{articles}"
    shutil.rmtree(cache, ignore_errors=True)
    cmd = [*am, "build", str(corpus), "-o", str(out), "--no-timestamp", "--model", model, "--cache-dir", str(cache)]
    cold = run(cmd)
    stamps = [p.stat().st_mtime_ns for p in (out, out.with_suffix(".sqlite"), out.with_suffix(".svg"))]
    step("rebuild, nothing changed (map included)")
    warm = min((run(cmd) for _ in range(5)), key=lambda r: r.wall)
    kept = stamps == [p.stat().st_mtime_ns for p in (out, out.with_suffix(".sqlite"), out.with_suffix(".svg"))]
    s_warm = summary(warm.out)
    ratio = cold.wall / warm.wall
    rows.append(("2b", f"rebuild, nothing changed, {articles} articles, map included",
                 (f"{warm.wall:.3f} s ({s_warm['parsed']} parsed; JSON, store and map "
                  f"{'kept' if kept else 'REWRITTEN'})"), f"cold {cold.wall:.1f} s", f"{ratio:.0f}x",
                 f"{cold.cpu / warm.cpu:.0f}x", ">= 30x", ratio >= 30 and kept))

    # 6b: the seed graph, store against JSON
    if SEED.is_dir():
        records = work / "seed.jsonl"
        step("extract the seed corpus")
        run([*am, "extract", str(SEED), "-o", str(records), "--model", model, "--cache-dir", str(work / "cache")])
        seed_graph = work / "seed" / "seed.json"
        shutil.rmtree(seed_graph.parent, ignore_errors=True)
        run([*am, "merge", str(records), "-o", str(seed_graph), "--no-timestamp"])
        step("queries on the seed graph, store and JSON")
        for args in QUERIES:
            st, js = [], []
            for _ in range(runs):  # interleaved, so load elsewhere hits both alike
                st += time_query(args, seed_graph, 1, store=True)
                js += time_query(args, seed_graph, 1, store=False)
            r = statistics.median(st) / statistics.median(js)
            rows.append(("6b", f"`argmap {' '.join(args)}`, seed graph (5 docs), store vs JSON",
                         f"{statistics.median(st):.3f} s median (store)",
                         f"{statistics.median(js):.3f} s median (JSON)", f"{r:.2f}", "", "<= 1.5x", r <= 1.5))

        # 8: merge of the copied records
        big_records = work / f"seed-x{copies}.jsonl"
        step(f"copy the seed records {copies} times")
        n_claims = replicate(records, copies, big_records)
        big = work / "big" / "graph.json"
        shutil.rmtree(big.parent, ignore_errors=True)
        step(f"argmap merge of {copies * 5:,} records ({n_claims:,} claims), memory sampled")
        m = run([*am, "merge", str(big_records), "-o", str(big), "--no-timestamp"])
        size = big.stat().st_size / 1e6
        store_size = big.with_suffix(".sqlite").stat().st_size / 1e6
        ok = m.wall <= 90 and m.peak_pss <= 2.5 * GIB
        rows.append((8, f"merge {copies * 5:,} records ({n_claims:,} claims)",
                     (f"{m.wall:.1f} s (CPU {m.cpu:.1f} s), {m.peak_pss / GIB:.2f} GiB PSS, all processes; "
                      f"JSON {size:.0f} MB, store {store_size:.0f} MB"), "", "", "",
                     "<= 90 s, <= 2.5 GiB", ok))

        # 7: queries on the big graph
        step("queries on the big graph")
        for args in QUERIES:
            st = time_query(args, big, runs, store=True)
            js = time_query(args, big, json_runs, store=False)
            med = statistics.median(st)
            rows.append((7, f"`argmap {' '.join(args)}`, {copies * 5:,} docs, {n_claims:,} claims",
                         f"{med:.3f} s median (min {min(st):.3f}, max {max(st):.3f}), store",
                         f"{statistics.median(js):.2f} s median reading the JSON ({size:.0f} MB)",
                         _times(statistics.median(js) / med) + " faster", "", "<= 0.25 s", med <= 0.25))
    else:
        step(f"seed corpus not found at {SEED}: rows 6b, 7 and 8 skipped")
    return rows


def _times(x: float) -> str:
    return f"{x:.1f}x" if x < 10 else f"{x:.0f}x"


def format_row(row: tuple) -> str:
    n, what, mine, ref, ratio, cpu, target, ok = row
    return f"| {n} | {what} | {mine} | {ref} | {ratio} | {cpu} | {target} | {'yes' if ok else 'NO'} |"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=1600, help="copies of the seed records (default 1600)")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per query (median reported)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--workdir", type=Path, help="keep records, graphs and corpora here")
    args = ap.parse_args(argv)

    from argmap.nlp.load import resolve_model_name

    model = resolve_model_name(args.model)
    tmp = None
    if args.workdir:
        work = args.workdir
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="argmap-scale-")
        work = Path(tmp.name)
    print(f"load average before: {load()}", file=sys.stderr)
    rows = scale_rows(work, model, copies=args.copies, runs=args.runs,
                      step=lambda msg: print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr))
    print(f"load average after: {load()}", file=sys.stderr)
    print("| # | measure | argmap | reference | ratio (wall) | ratio (CPU) | target | met (wall) |")
    print("|---|---|---|---|---:|---:|---|---|")
    print("\n".join(format_row(r) for r in rows))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
