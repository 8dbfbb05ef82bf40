"""``argmap rules`` lists every rule table, also in a fresh process (no model needed)."""

from __future__ import annotations

import json
import subprocess
import sys

import argmap.nlp.components  # noqa: F401  (every stage, so every rule table)
from argmap.nlp.rules import TABLES


def test_argmap_rules_lists_every_table_in_a_fresh_process():
    """The clause cuts and drafting tables live beside the stance stage: the listing loads them too."""
    out = subprocess.run([sys.executable, "-m", "argmap", "rules", "--json"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    listed = [f"{t['component']}.{t['table']}" for t in json.loads(out.stdout)]
    assert sorted(listed) == sorted(t.qualified for t in TABLES)
