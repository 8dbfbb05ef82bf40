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
#: The control characters counted against that share (tab, line and page breaks are text).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


#: Codecs Python knows that no web page may declare (they are not character encodings of text,
#: or run code-like transformations); a page declaring one is read as if it declared nothing.
NOT_PAGE_CHARSETS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode",
                               "utf-7", "palmos"})
#: One valid multi-byte UTF-8 sequence (no overlongs, no surrogates).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                            rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                            rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")


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
    """The codec an HTML page declares in a ``<meta charset>`` near its top, if it is a text
    encoding a page may use; a bad or unknown declaration counts as none."""
    m = _CHARSET.search(data[:SNIFF_BYTES])
    if not m:
        return None
    try:
        info = codecs.lookup(m.group(1).decode("ascii"))
    except (LookupError, UnicodeError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_PAGE_CHARSETS \
            or info.name.startswith(("utf-16", "utf-32")):  # declared without a BOM: not to be trusted
        return None
    return info.name


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a file's bytes: BOM-marked UTF-8/16/32, else UTF-8 (with stray bytes repaired one
    by one when most of the file is UTF-8), else UTF-16 told by its NUL bytes, else the
    ``declared`` codec, else Windows-1252, else Latin-1.

    Raises :class:`BinaryFile` when the bytes are not text.
    """
    why = binary_reason(data[:SNIFF_BYTES])
    if why == "NUL bytes":
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
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
    if mostly_utf8(data):
        return _checked(repair_utf8(data))
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            text = data.decode(declared)
            return _checked(Decoded(text, declared, f"not valid UTF-8; decoded as declared {declared}"))
        except (UnicodeError, LookupError, ValueError):
            pass
    try:
        text = data.decode("cp1252")
        return _checked(Decoded(text, "cp1252", "not valid UTF-8; decoded as Windows-1252"))
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return _checked(Decoded(text, "latin-1", "not valid UTF-8 or Windows-1252; decoded as Latin-1"))


def mostly_utf8(data: bytes) -> bool:
    """Whether most of the non-ASCII bytes of ``data`` form valid UTF-8 sequences (a UTF-8 file
    with some stray bytes, or a UTF-8 and Windows-1252 mix), rather than a legacy encoding."""
    high = sum(1 for b in data if b >= 0x80)
    if not high:
        return False
    valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return valid * 2 >= high


def repair_utf8(data: bytes) -> Decoded:
    """UTF-8 text whose invalid bytes are each decoded on their own as Windows-1252 (the five bytes
    it leaves undefined become U+FFFD), with a note saying how many and where the first was."""
    parts: list[str] = []
    bad: list[int] = []
    pos = 0
    while True:
        try:
            parts.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            start, end = pos + exc.start, pos + exc.end
            parts.append(data[pos:start].decode("utf-8"))
            for i in range(start, end):
                parts.append(data[i:i + 1].decode("cp1252", "replace"))
                bad.append(i)
            pos = end
    n = len(bad)
    note = (f"not valid UTF-8 in {n} place{'s' if n != 1 else ''} (first at byte {bad[0]:,}); "
            f"{'those bytes' if n != 1 else 'that byte'} decoded as Windows-1252, the rest as UTF-8")
    return Decoded("".join(parts), "utf-8", note)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """Text in UTF-16 without a byte-order mark, told by where its NUL bytes fall (every other
    byte of Latin text), or None."""
    head = data[:SNIFF_BYTES]
    if len(data) % 2 or len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, other, codec, label in ((odd, even, "utf-16-le", "little-endian"),
                                       (even, odd, "utf-16-be", "big-endian")):
        if zeros.count(0) >= 0.4 * len(zeros) and other.count(0) <= 0.02 * len(other):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            try:
                return _checked(Decoded(text, codec, f"decoded as UTF-16 ({label}) without a byte-order mark"))
            except BinaryFile:
                return None
    return None


def _checked(decoded: Decoded) -> Decoded:
    sample = decoded.text[:SNIFF_BYTES]
    if sample:
        controls = len(_CONTROL.findall(sample))
        if controls / len(sample) > MAX_CONTROL_SHARE:
            raise BinaryFile("control characters")
    return decoded
