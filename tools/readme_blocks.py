"""Regenerate, or check, the output blocks of README.md from real runs of the commands they show.

Every block in the README marked

    <!-- block:NAME -->
    ```console
    $ argmap ...
    ...what it printed...
    ```
    <!-- /block -->

is produced by running its ``$`` lines, in order, in a fresh copy of the repository (the files
git tracks, as a new clone has them, with ``../shared`` beside it) with an empty cache, and
pasting what each printed (stdout and stderr, as a terminal shows them). A command that ends
with a non-zero status is followed by ``(exit status N)``. A block whose old text ends with a
``...`` line keeps only as many lines as it showed. Blocks run in README order, so later ones can
use what earlier ones wrote (the quick start's ``argmap build`` writes the graph the queries read).

Two blocks are not command output: ``expectations`` is a table made from the ``quality`` block's
figures, and ``bench`` is written by ``benchmarks/build_bench.py`` (minutes of timing runs) and
left alone here.

    python tools/readme_blocks.py            # check: list the blocks that differ (exit 1 if any)
    python tools/readme_blocks.py --write    # rewrite README.md and refresh graphs/ (the maps)

``--write`` also copies back the files under ``graphs/`` that git tracks (the graph, the maps and
the pictures the README shows), so the quick start on a clone leaves ``git status`` clean.
Comparisons ignore times (``1.3s``), the only thing that differs between runs.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"<!-- block:(?P<name>[\w-]+) -->\n(?P<body>.*?)<!-- /block -->\n", re.DOTALL)
NOT_RUN = {"bench": "written by benchmarks/build_bench.py"}
#: pictures the README shows, drawn after the blocks ran (they are tracked under graphs/)
PICTURES = ('argmap render -o graphs/argmap.png',
            'argmap render --focus "family help" -o graphs/family-help.png')
TIME = re.compile(r"\b\d+(?:\.\d+)?s\b")
COMMAND_TIMEOUT = 600


@dataclass
class Block:
    name: str
    start: int  # offsets of the body in the README text
    end: int
    body: str


class BlockError(RuntimeError):
    """A block's command failed in a way the README does not show; fix the command."""


def blocks(text: str) -> list[Block]:
    """The marked blocks of a README text, in order."""
    return [Block(m["name"], m.start("body"), m.end("body"), m["body"]) for m in BLOCK.finditer(text)]


def commands(body: str) -> list[str]:
    """The ``$`` lines of a console block."""
    return [line[2:] for line in body.splitlines() if line.startswith("$ ")]


def normalise(text: str) -> str:
    """What may differ between two runs of the same commands: times."""
    return TIME.sub("<time>", text)


def fresh_copy(dest: Path) -> Path:
    """A copy of the repository as a clone has it (tracked files), with ../shared beside it."""
    repo = dest / ROOT.name
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        files = [f for f in listed.decode().split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
                 if p.is_file() and not {".git", ".venv", "__pycache__"} & set(p.relative_to(ROOT).parts)]
    for rel in files:
        src = ROOT / rel
        if src.is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / rel)
    shared = ROOT.parent / "shared"
    if shared.exists():
        (dest / "shared").symlink_to(shared, target_is_directory=True)
    return repo


def environment(cache: Path) -> dict[str, str]:
    """The environment the commands run in: this Python's argmap first on PATH, a fixed width,
    an empty cache of their own."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.update({"COLUMNS": "80", "ARGMAP_CACHE_DIR": str(cache), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"})
    env.pop("ARGMAP_MODEL", None)
    return env


def run(command: str, cwd: Path, env: dict[str, str]) -> tuple[str, int]:
    """What ``command`` prints (stdout and stderr together) and its exit status."""
    proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=COMMAND_TIMEOUT, check=False)
    # a terminal shows CRLF line ends (CSV output) as plain lines, and the README is read as text
    return proc.stdout.decode("utf-8", "replace").replace("\r\n", "\n"), proc.returncode


def render_block(block: Block, cwd: Path, env: dict[str, str]) -> str:
    """The block's new body: each command and what it printed."""
    lines = block.body.splitlines()
    if not lines or not lines[0].startswith("```"):
        raise BlockError(f"block {block.name}: not a fenced console block")
    cmds = commands(block.body)
    if not cmds:
        raise BlockError(f"block {block.name}: no '$ ' command lines")
    spaced = any(line.startswith("$ ") and i > 1 and lines[i - 1] == "" for i, line in enumerate(lines))
    head = None
    if lines[-2:-1] == ["..."]:  # the old block showed only the first lines of a long output
        head = len(lines) - 4  # fence, $ line, ..., fence
    shows_status = "(exit status" in block.body
    out = [lines[0]]
    printed: list[str] = []
    for n, cmd in enumerate(cmds):
        gap = bool(n and spaced and printed)  # a blank line after a command that printed something
        text, status = run(cmd, cwd, env)
        if status != 0 and not shows_status:
            raise BlockError(f"block {block.name}: '{cmd}' exited with status {status}:\n{text[-2000:]}")
        printed = text.rstrip("\n").split("\n") if text.strip() else []
        if head is not None:
            printed = printed[:head] + ["..."]
        if gap:
            out.append("")
        out.append(f"$ {cmd}")
        out += printed
        if status != 0:
            out.append(f"(exit status {status})")
    out.append("```")
    return "\n".join(out) + "\n"


def expectations(quality_body: str) -> str:
    """The table beside the quick start: overall precision and recall per gold set, from the
    ``quality`` block."""
    rows = []
    for m in re.finditer(r"\$ argmap evaluate tests/gold/(\w+)\.tsv.*?\noverall +(\d+) +(\d+) +(\d+) +"
                         r"([\d.]+) +([\d.]+)", quality_body, flags=re.DOTALL):
        name, tp, _fp, fn, precision, recall = m.groups()
        rows.append((name, int(tp), int(tp) + int(fn), precision, recall))
    if not rows:
        raise BlockError("block quality: no 'overall' rows to make the expectations table from")
    what = {"seed": "the five seed articles (the rules were tuned on them)",
            "sample": "the four sample articles in corpus/ (tuned on)",
            "sealed": "six articles nobody tuned on (tests/sealed/)"}
    out = ["| articles | positions found | precision | recall |", "|---|---:|---:|---:|"]
    for name, tp, gold, precision, recall in rows:
        if name in what:
            out.append(f"| {what[name]} | {tp} of {gold} | {precision} | {recall} |")
    return "\n".join(out) + "\n"


def regenerate(text: str, *, workdir: Path, log=print) -> tuple[str, Path]:
    """The README text with every block regenerated, and the repository copy the commands ran in."""
    repo = fresh_copy(workdir)
    env = environment(workdir / "cache")
    new = {}
    found = blocks(text)
    for block in found:
        if block.name in NOT_RUN or block.name == "expectations":
            continue
        log(f"  {block.name} ...")
        new[block.name] = render_block(block, repo, env)
    for command in PICTURES:
        _, status = run(command, repo, env)
        if status != 0:
            raise BlockError(f"'{command}' exited with status {status}")
    if "quality" in new and any(b.name == "expectations" for b in found):
        new["expectations"] = expectations(new["quality"])
    out, last = [], 0
    for block in found:
        out += [text[last:block.start], new.get(block.name, block.body)]
        last = block.end
    out.append(text[last:])
    return "".join(out), repo


def differences(old: str, new: str) -> dict[str, str]:
    """Per block, a diff of what the README shows against what the commands print (times ignored)."""
    before = {b.name: b.body for b in blocks(old)}
    diffs = {}
    for block in blocks(new):
        a, b = normalise(before.get(block.name, "")), normalise(block.body)
        if a != b:
            diffs[block.name] = "\n".join(difflib.unified_diff(
                a.splitlines(), b.splitlines(), "README.md", "commands", lineterm="", n=1))
    return diffs


def tracked_graph_files() -> list[str]:
    """The files under graphs/ that git tracks (what --write copies back)."""
    try:
        listed = subprocess.run(["git", "ls-files", "graphs"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [f for f in listed.decode().splitlines() if f]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="rewrite README.md and refresh the tracked graphs/")
    args = ap.parse_args(argv)
    old = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="argmap-readme-") as tmp:
        try:
            new, repo = regenerate(old, workdir=Path(tmp), log=lambda m: print(m, file=sys.stderr))
        except BlockError as exc:
            print(f"readme_blocks: {exc}", file=sys.stderr)
            return 2
        diffs = differences(old, new)
        if args.write:
            README.write_text(new, encoding="utf-8")
            for rel in tracked_graph_files():
                if (repo / rel).is_file():
                    shutil.copy2(repo / rel, ROOT / rel)
            print(f"README.md: {len(diffs)} block(s) changed; graphs/ refreshed", file=sys.stderr)
            return 0
    for name, diff in diffs.items():
        print(f"--- block {name} differs:\n{diff}\n")
    if diffs:
        print(f"{len(diffs)} block(s) differ; run: python tools/readme_blocks.py --write", file=sys.stderr)
        return 1
    print("README.md: every block matches its commands", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
