"""Turn a corpus file's bytes into text: detect binary files, pick the encoding, say which one."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: How many leading bytes are inspected for NUL bytes and magic numbers.
SNIFF_BYTES = 8192

#: Leading bytes of common binary formats that sometimes hide behind a .txt or .html name.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old Word/Excel)"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # order matters: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 (little-endian) with a byte-order mark"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 (big-endian) with a byte-order mark"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with a byte-order mark"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (little-endian) with a byte-order mark"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 (big-endian) with a byte-order mark"),
)

#: Share of control characters (other than tab, newline, carriage return, form feed) above which
#: decoded text is treated as binary.
MAX_CONTROL_SHARE = 0.05


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class BinaryFile(ValueError):
    """The bytes are not text."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the codec used, and a note when it was not plain UTF-8."""

    text: str
    encoding: str
    note: str | None = None


def binary_reason(head: bytes) -> str | None:
    """Why these leading bytes look binary ("PNG image", "NUL bytes"), or None if they may be text."""
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            return what
    if any(head.startswith(bom) for bom, _, _ in _BOMS):
        return None  # UTF-16/32 text legitimately contains NUL bytes
    if b"\x00" in head[:SNIFF_BYTES]:
        return "NUL bytes"
    return None


def declared_charset(data: bytes) -> str | None:
    """The codec an HTML page declares in a ``<meta charset>`` near its top, if Python knows it."""
    m = _CHARSET.search(data[:SNIFF_BYTES])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a file's bytes: BOM-marked UTF-8/16/32, else UTF-8, else the ``declared`` codec,
    else Windows-1252, else Latin-1.

    Raises :class:`BinaryFile` when the bytes are not text.
    """
    why = binary_reason(data[:SNIFF_BYTES])
    if why:
        raise BinaryFile(why)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec.removesuffix("-sig"))
            except UnicodeDecodeError as exc:
                raise BinaryFile(f"invalid {label}: {exc.reason}") from None
            return _checked(Decoded(text, codec, f"decoded as {label}"))
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            text = data.decode(declared)
            return _checked(Decoded(text, declared, f"not valid UTF-8; decoded as declared {declared}"))
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        text = data.decode("cp1252")
        return _checked(Decoded(text, "cp1252", "not valid UTF-8; decoded as Windows-1252"))
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return _checked(Decoded(text, "latin-1", "not valid UTF-8 or Windows-1252; decoded as Latin-1"))


def _checked(decoded: Decoded) -> Decoded:
    sample = decoded.text[:SNIFF_BYTES]
    if sample:
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
        if controls / len(sample) > MAX_CONTROL_SHARE:
            raise BinaryFile("control characters")
    return decoded
