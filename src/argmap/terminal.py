"""Text bound for a terminal, made safe: what a file smuggles in is shown, never obeyed.

Titles, names, file names and error messages can hold escape sequences (clear the screen, set
the window title, move the cursor), bidirectional overrides that reorder what is shown, or bytes
that are not text. Everything argmap prints as text goes through :func:`safe_text` (or
:func:`safe_line` for one line), which shows each such character escaped (``\\x1b``,
``\\u202e``); JSON output goes through :func:`safe_json`, which writes them as JSON ``\\u``
escapes, so the JSON still decodes to exactly the same strings.
"""

from __future__ import annotations

import re

#: C0 and C1 control characters, DEL, line and paragraph separators, bidirectional controls, and
#: lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                                "\u2066-\u2069\ud800-\udfff]")
#: In JSON text, C0 characters are already escaped by the encoder; these are not.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    return repr(m.group(0))[1:-1]


def safe_line(text: object) -> str:
    """``text`` as one printable line: every control character, line break included, escaped."""
    return _UNSAFE.sub(_escape, str(text))


def safe_text(text: object) -> str:
    """``text`` safe for a terminal, keeping its line breaks and tabs."""
    return _UNSAFE_KEEP_LINES.sub(_escape, str(text))


def safe_json(text: str) -> str:
    """JSON text with the characters a terminal would act on written as ``\\uXXXX`` escapes."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
