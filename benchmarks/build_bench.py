"""Build benchmark: argmap against plain spaCy on the same texts, model and machine; one table.

    python benchmarks/build_bench.py                  # 300 + 2,000 articles, 300,000 claims (~30 min on 2 cores)
    python benchmarks/build_bench.py --articles 60 --big 0 --copies 20   # a quick look

Everything runs as fresh processes, timed by wall clock from start to exit (so model loading and
process start count on both sides). The corpora are written at run time by make_corpus.py into a
temporary folder (``--workdir`` to keep them). Rows:

1. cold ``argmap build -j 1`` throughput against plain ``nlp.pipe`` (``n_process=1``, same
   batch size) over the same cleaned texts: target >= 0.95;
2. a rebuild with nothing changed against the cold build: target >= 20x;
3. a rebuild after a taxonomy edit (one alias added) against the cold build: target >= 5x;
   (also shown: a rebuild after adding one article, which must parse only that one);
4. the ``-j 2`` / ``-j 1`` speed-up of argmap against that of plain ``nlp.pipe`` with
   ``n_process=2`` / ``1``: target >= 0.9;
5. peak memory (PSS summed over the build process and its workers, sampled) building
   ``--big`` articles with ``--big-jobs`` processes: target <= 1.5 GiB;
6. query latency (``argmap objectors funding``, process start included; benchmarks/query_latency.py)
   on the seed-corpus graph (<= 0.4 s) and on the ``--big`` graph (<= 1 s);
4b. (for information) the cold build on the Dask engine, a local cluster of 2 worker processes,
   against the local ``-j 2`` build: time, and whether the graphs are byte-identical;
2b, 6b, 7, 8: the scale rows of scale_bench.py (no-change rebuild with the map on 40 articles; the
   query store on the seed graph and on ``--copies`` copies of the seed records, about 300,000
   claims; the merge of those records), unless ``--copies 0``.

Timings on a shared or busy machine are noisy: the load average before and after is printed,
and ``--repeat N`` runs the cold measurements (rows 1 and 4) in N interleaved rounds and keeps the
fastest run of each; the times of every round go to standard error.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus

SUMMARY = re.compile(r"documents\s+(\d+) \((\d+) parsed, (\d+) from cached parses, (\d+) unchanged, (\d+) tokens")
GIB = 1024 ** 3

PLAIN = r"""
import json, sys, time
t0 = time.perf_counter()
import spacy
nlp = spacy.load(sys.argv[1])
t1 = time.perf_counter()
texts = json.load(open(sys.argv[2], encoding="utf-8"))
tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=int(sys.argv[4])))
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "pipe": t2 - t1, "tokens": tokens}))
"""


@dataclass
class Run:
    wall: float
    cpu: float = 0.0  # user + system seconds of the process and its (waited-for) workers
    busiest: float = 0.0  # CPU seconds of its busiest single process (sampled; 0 if not sampled)
    peak_pss: int = 0  # bytes, summed over the process tree (0 if not sampled)
    out: str = ""
    waited: float = 0.0  # seconds its processes were runnable but waiting for a CPU (busy machine)


def argmap_exe() -> list[str]:
    exe = Path(sys.executable).with_name("argmap")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "argmap"]


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return pids


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _waited(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/schedstat") as fh:
            return int(fh.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def child_env() -> dict[str, str]:
    """The environment of a measured command: this one without PYTHONDONTWRITEBYTECODE, so argmap's
    modules load from their bytecode cache as they do for a user (with it set, every run would
    compile argmap's sources again and the short rows would measure the compiler)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str], *, sample: bool = True, check: bool = True) -> Run:
    """Run a command to completion: wall time, CPU time, busiest process, peak PSS of its process tree."""
    with tempfile.TemporaryFile("w+") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True, env=child_env())
        peak, cpu_seen, wait_seen = [0], {}, {}
        done = threading.Event()

        def watch() -> None:
            while not done.wait(0.1):
                pids = _tree(proc.pid)
                peak[0] = max(peak[0], sum(_pss(p) for p in pids))
                for p in pids:
                    cpu_seen[p] = max(cpu_seen.get(p, 0.0), _cpu(p))
                    wait_seen[p] = max(wait_seen.get(p, 0.0), _waited(p))

        watcher = threading.Thread(target=watch, daemon=True)
        if sample:
            watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        if sample:
            watcher.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        out = log.read()
    if check and proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{out[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, max(cpu_seen.values(), default=0.0), peak[0], out,
               sum(wait_seen.values()))


def best(n: int, fn):
    runs = [fn() for _ in range(max(1, n))]
    return min(runs, key=lambda r: r.wall)


def summary(out: str) -> dict[str, int]:
    m = SUMMARY.search(out)
    if not m:
        raise SystemExit(f"no build summary in output:\n{out[-2000:]}")
    keys = ("documents", "parsed", "cached", "reused", "tokens")
    return dict(zip(keys, map(int, m.groups()), strict=True))


def edited_taxonomy(dest: Path) -> Path:
    """The shipped taxonomy with one alias added to the first alias list (an analyst's small edit)."""
    from importlib import resources

    text = (resources.files("argmap") / "data" / "children_social_care.toml").read_text(encoding="utf-8")
    marker = "aliases = ["
    at = text.index(marker) + len(marker)
    dest.write_text(text[:at] + ' "whole-system reform programme",' + text[at:], encoding="utf-8")
    return dest


def machine() -> str:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GIB
    except (ValueError, OSError):
        mem = 0.0
    import importlib.metadata as md

    return (f"{cpu or platform.processor()}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, spaCy {md.version('spacy')}")


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="articles for rows 1-4 (default 300)")
    ap.add_argument("--big", type=int, default=2000, help="articles for rows 5-6 (0 to skip)")
    ap.add_argument("--big-jobs", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, both sides")
    ap.add_argument("--repeat", type=int, default=1, help="take the fastest of N cold runs")
    ap.add_argument("--model", default=None)
    ap.add_argument("--workdir", type=Path, help="keep corpora, caches and graphs here")
    ap.add_argument("--copies", type=int, default=1600,
                    help="copies of the seed records for the scale rows (default 1600, ~300,000 claims; 0 to skip)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask row (4b)")
    args = ap.parse_args(argv)

    from argmap.cache import model_meta
    from argmap.corpus import load_corpus
    from argmap.nlp.load import resolve_model_name

    model = resolve_model_name(args.model)
    tmp = None
    if args.workdir:
        work = args.workdir
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="argmap-bench-")
        work = Path(tmp.name)
    print(f"machine: {machine()}; model {model} {model_meta(model).get('version')}; load average before: {load()}",
          file=sys.stderr)
    corpus = work / f"corpus-{args.articles}"
    shutil.rmtree(corpus, ignore_errors=True)
    write_corpus(corpus, args.articles)
    texts = work / "texts.json"
    texts.write_text(json.dumps([d.clean for d in load_corpus([corpus])]), encoding="utf-8")
    taxonomy2 = edited_taxonomy(work / "taxonomy-edited.toml")
    am = argmap_exe()
    bs = str(args.batch_size)

    def plain(n: int) -> Run:
        r = run([sys.executable, "-c", PLAIN, model, str(texts), str(n), bs])
        r.out = r.out.strip().splitlines()[-1]
        return r

    def build(cache: Path | None, *extra: str, jobs: int = 1, fresh: bool = False, out: str = "g.json") -> Run:
        if fresh and cache is not None:
            shutil.rmtree(cache, ignore_errors=True)
        cmd = [*am, "build", str(corpus), "-o", str(work / out), "--no-render", "--no-timestamp",
               "-j", str(jobs), "--model", model, *extra]
        cmd += ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
        return run(cmd)

    cache = work / "cache"
    step = lambda msg: print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr)
    rounds: dict[str, list[Run]] = {"plain1": [], "cold1": [], "plain2": [], "cold2": []}
    for r in range(1, max(1, args.repeat) + 1):  # interleaved, so a burst of load elsewhere hits all alike
        step(f"round {r}: plain spaCy n_process=1, {args.articles} articles")
        rounds["plain1"].append(plain(1))
        step(f"round {r}: argmap build -j 1, cold")
        rounds["cold1"].append(build(cache, jobs=1, fresh=True))
        step(f"round {r}: plain spaCy n_process=2")
        rounds["plain2"].append(plain(2))
        step(f"round {r}: argmap build -j 2, cold")
        rounds["cold2"].append(build(work / "cache-j2", jobs=2, fresh=True, out="g2.json"))
    plain1, cold1, plain2, cold2 = (min(rounds[k], key=lambda x: x.wall) for k in ("plain1", "cold1", "plain2", "cold2"))
    for k, runs in rounds.items():
        print(f"{k}: wall " + ", ".join(f"{x.wall:.1f}" for x in runs) + " s; waited for a CPU "
              + ", ".join(f"{x.waited:.1f}" for x in runs) + " s", file=sys.stderr)
    s_cold = summary(cold1.out)
    step("rebuild, nothing changed")
    warm = best(3, lambda: build(cache))
    s_warm = summary(warm.out)
    step("rebuild after a taxonomy edit")
    relink = build(cache, "--taxonomy", str(taxonomy2), out="g-edited.json")
    s_relink = summary(relink.out)
    step("rebuild after adding one article")
    added = write_corpus(corpus, 1, start=args.articles)
    grown = build(cache, out="g-grown.json")
    s_grown = summary(grown.out)
    for p in added:
        p.unlink()

    plain_tokens = json.loads(plain1.out)["tokens"]
    if plain_tokens != s_cold["tokens"]:
        print(f"warning: token counts differ (plain {plain_tokens}, argmap {s_cold['tokens']})", file=sys.stderr)
    rows = []

    def row(n, what, mine, ref, ratio, cpu_ratio, target, ok):
        rows.append(f"| {n} | {what} | {mine} | {ref} | {ratio} | {cpu_ratio} | {target} | {'yes' if ok else 'NO'} |")

    tok = s_cold["tokens"]
    p1, p2 = json.loads(plain1.out), json.loads(plain2.out)
    r1 = (tok / cold1.wall) / (plain_tokens / plain1.wall)
    row(1, f"cold build throughput, {args.articles} articles, {tok:,} tokens, -j 1",
        f"{tok / cold1.wall:,.0f} tok/s ({cold1.wall:.1f} s, CPU {cold1.cpu:.1f} s)",
        f"{plain_tokens / plain1.wall:,.0f} tok/s ({plain1.wall:.1f} s, CPU {plain1.cpu:.1f} s; "
        f"model load {p1['load']:.1f} s, pipe {p1['pipe']:.1f} s)",
        f"{r1:.2f}", f"{plain1.cpu / cold1.cpu:.2f}", ">= 0.95", r1 >= 0.95)
    r2 = cold1.wall / warm.wall
    row(2, "rebuild, nothing changed", f"{warm.wall:.2f} s ({s_warm['parsed']} parsed)", f"cold {cold1.wall:.1f} s",
        f"{r2:.0f}x", f"{cold1.cpu / warm.cpu:.0f}x", ">= 20x", r2 >= 20 and s_warm["parsed"] == 0)
    r3 = cold1.wall / relink.wall
    row(3, "rebuild after a taxonomy edit", f"{relink.wall:.1f} s ({s_relink['parsed']} parsed, "
        f"{s_relink['cached']} re-analysed)", f"cold {cold1.wall:.1f} s", f"{r3:.1f}x",
        f"{cold1.cpu / relink.cpu:.1f}x", ">= 5x", r3 >= 5 and s_relink["parsed"] == 0)
    row("3b", "rebuild after adding one article", f"{grown.wall:.2f} s ({s_grown['parsed']} parsed, "
        f"{s_grown['reused']} unchanged)", f"cold {cold1.wall:.1f} s", f"{cold1.wall / grown.wall:.0f}x",
        f"{cold1.cpu / grown.cpu:.0f}x", "parses 1", s_grown["parsed"] == 1)
    mine4, ref4 = cold1.wall / cold2.wall, plain1.wall / plain2.wall
    r4 = mine4 / ref4
    # contention-proof proxy: total CPU of the 1-process run over the CPU of the busiest process of the 2-process run
    cpu4 = (cold1.cpu / cold2.busiest) / (plain1.cpu / plain2.busiest) if cold2.busiest and plain2.busiest else 0
    row(4, f"-j 2 / -j 1 speed-up, {args.articles} articles", f"{mine4:.2f}x ({cold2.wall:.1f} s; "
        f"busiest process CPU {cold2.busiest:.1f} s of {cold2.cpu:.1f} s; waited for a CPU {cold2.waited:.1f} s)",
        f"{ref4:.2f}x (n_process=2 {plain2.wall:.1f} s; pipe alone {p1['pipe'] / p2['pipe']:.2f}x; "
        f"busiest {plain2.busiest:.1f} s of {plain2.cpu:.1f} s; waited {plain2.waited:.1f} s)",
        f"{r4:.2f}", f"{cpu4:.2f}", ">= 0.90", r4 >= 0.9)
    if not args.no_dask:
        step("argmap build --engine dask, a local cluster of 2 worker processes, cold")
        dk = build(work / "cache-dask", "--engine", "dask", jobs=2, fresh=True, out="g-dask.json")
        same = (work / "g-dask.json").read_bytes() == (work / "g2.json").read_bytes()
        row("4b", f"Dask engine, {args.articles} articles, 2 worker processes (local cluster), cold",
            f"{dk.wall:.1f} s; graph {'byte-identical' if same else 'DIFFERENT'}", f"-j 2 {cold2.wall:.1f} s",
            f"{cold2.wall / dk.wall:.2f}", f"{cold2.cpu / dk.cpu:.2f}" if dk.cpu else "", "same graph", same)

    if args.big:
        big = work / f"corpus-{args.big}"
        shutil.rmtree(big, ignore_errors=True)
        write_corpus(big, args.big)
        step(f"argmap build of {args.big} articles, -j {args.big_jobs}, memory sampled")
        big_graph = work / f"graph-{args.big}.json"
        shutil.rmtree(work / "cache-big", ignore_errors=True)
        b = run([*am, "build", str(big), "-o", str(big_graph), "--no-render", "-j", str(args.big_jobs),
                 "--model", model, "--cache-dir", str(work / "cache-big")])
        s_big = summary(b.out)
        row(5, f"peak memory, {args.big} articles ({s_big['tokens']:,} tokens), -j {args.big_jobs}",
            f"{b.peak_pss / GIB:.2f} GiB PSS, all processes ({b.wall:.0f} s, {s_big['tokens'] / b.wall:,.0f} tok/s)",
            "", "", "", "<= 1.5 GiB", b.peak_pss <= 1.5 * GIB)
        step("query latency")
        seed = ROOT.parent / "shared" / "corpus"
        graphs = [big_graph]
        if seed.is_dir():
            run([*am, "build", str(seed), "-o", str(work / "seed.json"), "--no-render", "--model", model,
                 "--cache-dir", str(cache)])
            graphs.insert(0, work / "seed.json")
        q = run([sys.executable, str(HERE / "query_latency.py"), *map(str, graphs), "--no-header"], sample=False)
        for line, target in zip(q.out.strip().splitlines()[-len(graphs):], [0.4, 1.0][-len(graphs):], strict=True):
            cells = [c.strip() for c in line.strip("|").split("|")]
            median = float(cells[7])
            row(6, f"query latency `argmap objectors funding`, {cells[0]} ({cells[1]} docs, {cells[4]} MB)",
                f"{median:.3f} s median (min {cells[8]}, max {cells[9]})", "", "", "", f"<= {target} s",
                median <= target)

    if args.copies:
        from scale_bench import format_row, scale_rows

        rows += [format_row(r) for r in scale_rows(work, model, copies=args.copies, step=step)]
    print(f"load average after: {load()}", file=sys.stderr)
    print("| # | measure | argmap | plain spaCy / reference | ratio (wall) | ratio (CPU) | target | met (wall) |")
    print("|---|---|---|---|---:|---:|---|---|")
    print("\n".join(rows))
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
