"""Blank out scrape noise and repair glued words, keeping every offset recoverable.

:func:`clean_text` returns ``(clean, offset_map)``. Noise (page furniture, captions, bullet glyphs,
duplicated headlines, front matter) is replaced by spaces of the same length, newlines kept, so
offsets stay put. Repairs that change the length (a space inserted into "workerThey", ".The", or a
space moved in "o fimplementation") are recorded in ``offset_map``: a sorted tuple of
``(clean_pos, delta)`` meaning "for clean offsets >= clean_pos, source offset = clean offset + delta".
Word lists are data (module-level constants), not rules about particular documents.
"""

from __future__ import annotations

import bisect
import re
import string
from collections import Counter
from collections.abc import Collection, Iterable, Iterator

OffsetMap = tuple[tuple[int, int], ...]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: English function words: the glue repairs accept them as "known words", and a token that is
#: itself one is never split (so "whereby", "cannot" or "into" stay whole).
FUNCTION_WORDS = _words("""
a about above across after afterwards again against ago all almost along already also although
always am among amongst an and another any anybody anyone anything anyway anywhere are around as
at be because been before behind being below beside besides between beyond both but by can cannot
could did do does doing done down during each either else elsewhere enough even ever every
everybody everyone everything everywhere few for forth from further had has have having he hence
her here hereafter hereby herein hereof hereto hers herself him himself his how however i if in
inasmuch indeed insofar instead into is it its itself just least less many may me meanwhile might
mine more moreover most much must my myself near nearby neither never nevertheless no nobody none
nonetheless nor not nothing now nowhere of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps quite rather same several shall she should
since so some somebody someone something sometimes somewhat somewhere still such than that the
their theirs them themselves then there thereafter thereby therefore therein thereof thereto
thereupon these they this those though through throughout thus till to together too toward
towards under unless until unto up upon us very via was we were what whatever when whenever where
whereas whereby wherein whereof whereupon wherever whether which while whilst who whoever whole
whom whose why will with within without would yet you your yours yourself yourselves
""")

#: Function words that glue onto the end of a content word in scraped text ("safeguardby").
JOIN_SUFFIXES = _words("by of the and to that this from which their with for")
#: Function words that glue onto the start of a content word ("theimplementation").
JOIN_PREFIXES = _words("the of and to that this from which their")
#: Two function words glued together are split only when one of them is one of these ("ofthe").
JOIN_CORE = _words("the of and to is")
#: Real words the glue rules would otherwise split.
GLUE_KEEP = _words("""
theme tome toon standby passerby wordpress powerpoint sharepoint javascript typescript playstation
youtube facebook linkedin whatsapp paypal mastercard blackrock
""")

#: Word endings that relate two forms of one stem ("safeguard"/"safeguarding").
SUFFIXES = ("", "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ally", "ment", "ments", "ion",
            "ions", "ation", "al", "ity", "ness", "ence", "ance", "ent", "ant", "ently", "antly",
            "ive", "ively", "ful", "fully", "ise", "ize", "ised", "ized", "y", "ies", "ied")

# Derived from the lists above, so the glue repairs can pass over most words quickly:
_JOIN_SUFFIX_TUPLE = tuple(sorted(JOIN_SUFFIXES))
_JOIN_PREFIX_TUPLE = tuple(sorted(JOIN_PREFIXES))
#: Run-together pairs of function words that split_join() may split ("ofthe", "isthe").
_LONG_WORDS = [w for w in FUNCTION_WORDS if len(w) >= 2]
_LONG_CORE = [w for w in JOIN_CORE if len(w) >= 2 and w in FUNCTION_WORDS]
_CORE_PAIRS = frozenset([a + b for a in _LONG_CORE for b in _LONG_WORDS]
                        + [a + b for a in _LONG_WORDS for b in _LONG_CORE])
#: Short tokens that can start a shifted space: a function word less its last letter ("o" of
#: "of") or a function word plus one letter ("ofi" of "of implementation").
_SHIFT_HEADS = frozenset({w[:-1] for w in FUNCTION_WORDS if 2 <= len(w) <= 5}
                         | {w + c for w in FUNCTION_WORDS if len(w) <= 3 for c in string.ascii_lowercase})

#: Frequent English words rarely frequent in other languages: the cheap language check counts them.
ENGLISH_MARKERS = _words("""
the and of to that for it with as be by this have from or they which not but at his her their
has were been would can we you he she its there more who what when than these those should could
about into our if do does any such are is was will
""")

_I = re.IGNORECASE
#: Whole lines of page furniture (matched against the stripped line, case-insensitively).
FURNITURE_LINES = tuple(re.compile(p, _I) for p in (
    r"(close|menu|search|print|email|tweet|facebook|twitter|linkedin|whatsapp|advertisement)",
    r"(skip|jump) to (the )?(main )?(content|navigation)|skip navigation|back to top",
    r"(subscribe|sign ?up|sign in|log ?in|log ?out|register|donate)( now| today| here| free)?",
    r"(support|follow) us( on [\w ]{1,20})?|my account|newsletter( sign ?up)?",
    r"share( this)?( article| page| story| post)?( on [\w ]{1,20})?|share via [\w ]{1,20}",
    r"(read|see) more|read next|continue reading|(previous|next) (article|post|story)",
    r"(related|recommended|popular|trending|most read)( articles| content| stories| posts)?",
    r"you (may|might) also (like|be interested in)|sponsored( content)?|leave a (comment|reply)",
    r"live tweets?( from [@\w ]{1,40})?|tweets by @?\w{1,30}",
    r"latest (digital|print|online) (issues|articles|editions)",
    r"((accept|reject|manage)( all)?|allow( all)?) cookies|cookie (settings|preferences|policy)",
    r"(privacy|cookie) (policy|notice)|terms (and|&) conditions|all rights reserved",
    r"(©|\(c\)|copyright ©|copyright \d{4}) ?.{0,100}",
))
#: Lines that are page furniture wherever they appear (short lines only, see NOISE_MAX_LEN).
FURNITURE_ANYWHERE = tuple(re.compile(p, _I) for p in (
    r"\b(we|this (web)?site) uses? cookies\b|\bby continuing to (browse|use) (this|our)\b",
    r"^(sign ?up|subscribe|register)\b.{0,80}\b(newsletter|updates|mailing list|alerts|bulletin)",
))
#: Headings that end the article: what follows them is a list of other pages ("Latest news from",
#: "Related articles", "You may also like"), matched against the whole stripped line.
END_OF_ARTICLE = re.compile(r"(latest|more) (news|stories|articles)( from( [\w ]{1,40})?)?|"
                            r"related (articles|stories|news|content|posts)|you (may|might) also like|"
                            r"most (read|popular)( (articles|stories))?|recommended for you", _I)
_FURNITURE_ITEM = "|".join(f"(?:{p.pattern})" for p in FURNITURE_LINES)
# one furniture item, or several run together ("Skip to main contentSkip to navigation | Search"), in one go
_FURNITURE_LINE = re.compile(rf"(?:{_FURNITURE_ITEM})(?:[\s|\u00b7\u2022/,-]*(?:{_FURNITURE_ITEM}))*", _I)
#: An appeal right after a furniture line is furniture too ("Support us" + a donation pitch).
APPEAL = re.compile(r"\b(donat(e|ion)|direct debit|newsletter|subscri(be|ption)|sign up|"
                    r"your (money|support|gift)|follow us)\b", _I)
#: Image captions and credits (case-sensitive label).
CREDIT = re.compile(r"(?:^|(?<=[\s.]))(?:Main image|Image credit|Photo credit|Picture|Photo|"
                    r"Photograph|Image|Illustration|Credit)s?\s*:\s*[^.!?\n]{1,60}[.]?\s*$")
STOCK_AGENCY = re.compile(r"(Adobe Stock|Getty Images|Shutterstock|Alamy|iStock(photo)?)\s*\.?\s*$")
#: Subscription prices ("From £15 / month"); the box above such a line is furniture.
PRICE = re.compile(r"((from|only|just)\s+)?[£$€]\s?\d+([.,]\d\d)?\s*(/|per|a)\s*"
                   r"(month|week|year|annum|issue|mo|yr)\b.{0,20}", _I)
BULLET = re.compile(r"^([ \t]*)([•·▪▫◦‣∙●○■□►▸▶➢➤✓✔]|[-*+–—](?=[ \t]))", re.MULTILINE)
NOISE_MAX_LEN = 300  # furniture, captions and duplicate headlines are short lines
BOX_LINE_MAX_LEN = 80  # a line inside a subscription box
BOX_MAX_LINES = 12
MAX_GLUED_LEN = 40  # longer lowercase runs are not words run together (and would be slow to test)
FEW_WORDS = 16  # up to this many words are looked for in a text one by one, more in one scan

_ODD_SPACE = re.compile("[\u00a0\u2007\u202f\u200b\ufeff\u2060\u2028\u2029]")
_LINE_SEPARATORS = "\u2028\u2029"  # these become newlines, the other odd spaces plain spaces
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_TOKEN = re.compile(r"\S+")
_PROTECTED = re.compile(r"://|^www\.|@|^#|[/\\]|\.(com|org|net|gov|edu|uk|io|info|co)\b", _I)
_CAMEL = re.compile(r"(?<![A-Za-z'\u2019])([A-Z]?[a-z]+)([A-Z][a-z]{2,})(?![A-Za-z])")
_PUNCT_GLUE = re.compile(r"(?:(?<=[a-z]{2})|(?<=\d))(?:[.!?][\"\u201d\u2019)]?(?=[A-Z][a-z]{2,})"
                         r"|[,;](?=[A-Za-z]{2,}))")
_LOWER_WORD = re.compile(r"[a-z]+")
_APOSTROPHE = re.compile("['\u2019]")
# Cheap finders for the few places where _PUNCT_GLUE or _CAMEL can match (they start with a
# character class, which the regex engine scans for quickly).
_PUNCT_HINT = re.compile(r"[.!?,;](?=[\"\u201d\u2019)]?[A-Za-z])")
_CAMEL_HINT = re.compile(r"[A-Z](?<=[a-z][A-Z])[a-z]{2}")


def to_source(offset_map: OffsetMap, offset: int) -> int:
    """Map an offset in the clean text to the matching offset in the text as read."""
    i = bisect.bisect_right(offset_map, (offset, float("inf"))) - 1
    return offset + (offset_map[i][1] if i >= 0 else 0)


def clean_text(text: str, *, start: int = 0, markdown: bool = False) -> tuple[str, OffsetMap]:
    """Blank noise and repair glued words; returns the clean text and its offset map.

    ``start`` blanks everything before it (a front matter block); ``markdown`` also blanks
    Markdown markup (heading hashes, emphasis, link targets).
    """
    blanked = re.sub(r"[^\n]", " ", text[:start]) + _ODD_SPACE.sub(_plain_space, text[start:])
    if markdown:
        blanked = _blank_markdown(blanked)
    blanked = _join_broken_sentences(_blank_lines(blanked))
    blanked = BULLET.sub(lambda m: m.group(1) + " " * len(m.group(2)), blanked)
    inserts, deletes = _repairs(blanked)
    return _apply(blanked, inserts, deletes)


def _plain_space(m: re.Match[str]) -> str:
    return "\n" if m.group(0) in _LINE_SEPARATORS else " "


def is_furniture(line: str) -> bool:
    """True for a line (stripped) that is page furniture rather than article text."""
    s = line.strip().strip("|›»:").strip()
    if not s or len(s) > NOISE_MAX_LEN:
        return False
    return (bool(_FURNITURE_LINE.fullmatch(s)) or any(p.search(s) for p in FURNITURE_ANYWHERE)
            or bool(PRICE.fullmatch(s)))


def is_caption(line: str) -> bool:
    """True for an image caption or credit line ("... Picture: Name/Adobe Stock")."""
    s = line.strip()
    return 0 < len(s) <= NOISE_MAX_LEN + 100 and bool(
        (":" in s and CREDIT.search(s)) or STOCK_AGENCY.search(s))


def english_share(text: str, sample: int = 20000) -> tuple[float, int]:
    """Share of common English words among the word tokens of (a sample of) text, and the count."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if not words:
        return 0.0, 0
    return sum(w in ENGLISH_MARKERS for w in words) / len(words), len(words)


# --- line-level noise -------------------------------------------------------------------------

def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _blank_lines(text: str) -> str:
    spans = _lines(text)
    strip = [text[a:b].strip() for a, b in spans]
    drop = [False] * len(spans)
    prev, prev_noise = None, False  # previous non-empty line and whether it was furniture
    body = False  # whether a line of running text (a sentence of eight words or more) came before
    for i, s in enumerate(strip):
        if not s:
            continue
        if body and END_OF_ARTICLE.fullmatch(s.strip("|›»:").strip()):
            drop[i:] = [True] * (len(spans) - i)  # the article has ended: other pages are listed below
            break
        body = body or len(s.split()) >= 8 and s.rstrip("\"”’'").endswith((".", "!", "?"))
        noise = is_furniture(s) or is_caption(s)
        if not noise and prev_noise and len(s) <= 400 and APPEAL.search(s):
            noise = True
        if not noise and s == prev and len(s) <= NOISE_MAX_LEN:
            noise = True
        if PRICE.fullmatch(s.strip("|›»:").strip()):
            _blank_box_above(strip, drop, i)
        drop[i] = drop[i] or noise
        prev, prev_noise = s, noise
    out: list[str] = []
    pos = 0
    for (a, b), d in zip(spans, drop, strict=True):
        if d:
            out += [text[pos:a], " " * (b - a)]
            pos = b
    return "".join(out) + text[pos:]


#: A paragraph that cannot end a sentence there: its last character is a letter, a digit or a
#: comma (a closing quotation mark aside).
_OPEN_END = re.compile(r"[\w,][\"\u201d\u2019']?$")
#: A paragraph that goes on with a sentence: it opens in lower case (after an opening quote).
_GOES_ON = re.compile(r"^[\"\u201c\u2018']?[a-z]")


def _join_broken_sentences(text: str) -> str:
    """A sentence a page layout broke across paragraphs ('... dismissed the proposals as' /
    '“putting lipstick on a pig,”' / 'saying the review fails ...') is one paragraph again: the
    line breaks between a paragraph that cannot end there and one that opens in lower case become
    spaces (offsets unchanged)."""
    spans = [(a, b) for a, b in _lines(text) if text[a:b].strip()]
    chars = list(text) if spans else []
    for (a, b), (c, d) in zip(spans, spans[1:]):
        this, after = text[a:b].strip(), text[c:d].strip()
        if len(this.split()) >= 4 and _OPEN_END.search(this) and _GOES_ON.match(after):
            for k in range(b, c):
                if chars[k] == "\n":
                    chars[k] = " "
    return "".join(chars) if spans else text


def _blank_box_above(strip: list[str], drop: list[bool], i: int) -> None:
    """Blank the short heading-and-bullet lines of a subscription box that ends at line i."""
    seen = 0
    for j in range(i - 1, -1, -1):
        s = strip[j]
        if not s:
            continue
        body = BULLET.sub("", s).strip()
        if seen >= BOX_MAX_LINES or len(body) > BOX_LINE_MAX_LEN or body[-1:] in ".!?:;\"\u201d":
            break
        drop[j], seen = True, seen + 1


def _blank_markdown(text: str) -> str:
    def spaces(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    text = re.sub(r"<!--.*?-->", spaces, text, flags=re.DOTALL)
    text = re.sub(r"!\[[^\]\n]*\]\([^)\n]*\)", spaces, text)  # images
    # (the patterns below start with the bracket or star they remove and look behind it afterwards:
    # the same matches, found much faster than by testing the look-behind at every position)
    text = re.sub(r"\((?<=\]\()[^)\s]*(\s+\"[^\"\n]*\")?\)", spaces, text)  # link targets
    text = re.sub(r"\[(?=[^\]\n]*\]\s)|\](?<=\S\])(?=\s)", " ", text)  # link brackets
    text = re.sub(r"^[ \t]{0,3}(#{1,6}|>+)(?=[ \t])", spaces, text, flags=re.MULTILINE)
    text = re.sub(r"^[ \t]*([-*_][ \t]*){3,}$", spaces, text, flags=re.MULTILINE)  # rules
    return re.sub(r"\*\*|__|\*(?<![\w*]\*)(?=\S)|\*(?<=\S\*)(?![\w*])", spaces, text)


# --- glued words ------------------------------------------------------------------------------

class _Vocab:
    """Word counts of one document: what "occurs standalone elsewhere" means."""

    def __init__(self, text: str) -> None:
        self.counts = Counter(map(str.lower, _WORD.findall(text)))

    def known(self, word: str) -> bool:
        return word in FUNCTION_WORDS or self.counts[word] > 0

    def content(self, word: str, glued: str) -> bool:
        """A content word of 4+ letters seen elsewhere, itself or in another form of its stem
        ("safeguard" via "safeguarding", "independently" via "independence")."""
        if len(word) < 4 or word in FUNCTION_WORDS:
            return False
        if self.counts[word] > 0:
            return True
        for end in SUFFIXES:
            stem = word[: len(word) - len(end)]
            if len(stem) >= 5 and word.endswith(end):
                for other in SUFFIXES:
                    form = stem + other
                    if other != end and form != glued and self.counts[form] > 0:
                        return True
        return False

    def glued(self, word: str) -> bool:
        """Could this lowercase token be two words run together? (a one-off, not a known word)"""
        return (self.counts[word] <= 1 and word not in FUNCTION_WORDS and word not in GLUE_KEEP)

    def split_candidates(self) -> set[str]:
        """The lowercase runs split_join() might split, and some more, found without the text.

        A lowercase run with no letter on either side is a whole counted word or, in a word with
        apostrophes ("don't"), one of its parts, which may never occur on its own. split_join()
        only splits a run counted at most once, 4-40 letters long, with a join word at one end or
        made of two function words.
        """
        words = [w for w, n in self.counts.items() if n <= 1]
        words += [part for w in self.counts if not w.isalpha() for part in _APOSTROPHE.split(w)]
        return {w for w in words if 4 <= len(w) <= MAX_GLUED_LEN and (
            w.endswith(_JOIN_SUFFIX_TUPLE) or w.startswith(_JOIN_PREFIX_TUPLE) or w in _CORE_PAIRS)
            and w.isalpha()}


def split_join(word: str, vocab: _Vocab) -> int | None:
    """Where to split a lowercase run-together token ("independentlyby" -> 13), or None."""
    if not 4 <= len(word) <= MAX_GLUED_LEN or not vocab.glued(word):
        return None
    found = []
    for i in range(2, len(word) - 1):
        a, b = word[:i], word[i:]
        if ((b in JOIN_SUFFIXES and vocab.content(a, word))
                or (a in JOIN_PREFIXES and vocab.content(b, word))
                or (a in FUNCTION_WORDS and b in FUNCTION_WORDS and (a in JOIN_CORE or b in JOIN_CORE))):
            found.append(i)
    return found[0] if len(found) == 1 else None


def _repairs(text: str) -> tuple[dict[int, str], set[int]]:
    """The spaces to insert (before a position) and delete; nothing inside a protected token.

    Rather than visiting every token, each kind of repair finds its few candidates in the whole
    text at once (a token is a run of non-space, and no pattern here matches across a space), and
    only their tokens are tested for protection.
    """
    vocab = _Vocab(text)
    spaces: list[tuple[int, int]] = []  # (position in a token, position a space goes before)
    for hint in _PUNCT_HINT.finditer(text):
        m = _PUNCT_GLUE.match(text, hint.start())
        if m:
            spaces.append((m.start(), m.end()))
    for hint in _CAMEL_HINT.finditer(text):
        m = _CAMEL.match(text, _letters_before(text, hint.start()))
        if m and _camel_split(m, vocab):
            spaces.append((m.start(), m.start(2)))
    cuts: dict[str, int] = {}
    for word in vocab.split_candidates():
        cut = split_join(word, vocab)
        if cut is not None:
            cuts[word] = cut
    for p, word in _runs(text, cuts):
        if not text[p - 1:p].isalpha() and not text[p + len(word):p + len(word) + 1].isalpha():
            spaces.append((p, p + cuts[word]))
    inserts: dict[int, str] = {}
    token = (0, 0, False)  # the last token looked at: start, end, protected
    for pos, at in sorted(spaces):
        if pos >= token[1]:
            token = _token_at(text, pos)
        if not token[2]:
            inserts[at] = " "
    deletes: set[int] = set()
    _shifted_spaces(text, vocab, inserts, deletes)
    return inserts, deletes


def _letters_before(text: str, upper: int) -> int:
    """Start of the lowercase run (and one capital before it) that ends just before ``upper``."""
    i = upper - 1
    while _is_lower(text[i - 1:i]):
        i -= 1
    return i - 1 if "A" <= text[i - 1:i] <= "Z" else i


def _is_lower(ch: str) -> bool:
    return "a" <= ch <= "z"  # False for "" (before the start or past the end of the text)


def _camel_split(m: re.Match[str], vocab: _Vocab) -> bool:
    """Whether to split a _CAMEL match: words run together ("workerThey"), not a name ("MacAlister")."""
    left, right = m.group(1), m.group(2)
    joined = (left + right).lower()
    if (not 4 <= len(left) <= MAX_GLUED_LEN or len(right) > MAX_GLUED_LEN
            or joined in GLUE_KEEP or vocab.counts[joined] > 1):
        return False
    return bool(left[0].islower() or right.lower() in FUNCTION_WORDS or (
        vocab.counts[left.lower()] and vocab.counts[right.lower()]))


def _runs(text: str, words: Collection[str]) -> Iterator[tuple[int, str]]:
    """Start and text of every run of lowercase letters a-z in ``text`` (whole) that is in ``words``."""
    if len(words) > FEW_WORDS:
        for m in _LOWER_WORD.finditer(text):
            if m.group(0) in words:
                yield m.start(), m.group(0)
        return
    for word in words:
        p = text.find(word)
        while p >= 0:
            if not _is_lower(text[p - 1:p]) and not _is_lower(text[p + len(word):p + len(word) + 1]):
                yield p, word
            p = text.find(word, p + 1)


def _token_at(text: str, pos: int) -> tuple[int, int, bool]:
    """The token (run of non-space) holding ``pos``: start, end and whether it is protected."""
    start = pos
    while start and not text[start - 1].isspace():
        start -= 1
    token = _TOKEN.match(text, pos)
    end = token.end() if token else pos
    return start, end, bool(_PROTECTED.search(text[start:end]))


def _shifted_spaces(text: str, vocab: _Vocab, inserts: dict[int, str], deletes: set[int]) -> None:
    """Repair a space one letter off ("o fimplementation" -> "of implementation").

    The first token is 1-4 lowercase letters, so a word of the count, and a one-off there (as
    glued() wants); one space follows it, then a token that starts with a lowercase run.
    """
    heads = {a for a in _SHIFT_HEADS.intersection(vocab.counts) if vocab.glued(a)}
    for p, a in _runs(text, heads):
        gap = p + len(a)
        if (p and not text[p - 1].isspace()) or text[gap:gap + 1] != " ":
            continue
        core = _LOWER_WORD.match(text, gap + 1)
        if core and vocab.glued(core.group(0)):
            _shift(a, core.group(0), gap, vocab, inserts, deletes)


def _shift(a: str, w: str, gap: int, vocab: _Vocab, inserts: dict[int, str], deletes: set[int]) -> None:
    """Move the space at ``gap`` between "a" and "w" by one letter where that makes two words."""

    def word(s: str, glued: str) -> bool:
        return s in FUNCTION_WORDS or vocab.content(s, glued)

    if a + w[0] in FUNCTION_WORDS and len(w) > 2 and word(w[1:], w):
        deletes.add(gap)
        inserts[gap + 2] = " "
    elif len(a) >= 2 and a[:-1] in FUNCTION_WORDS and word(a[-1] + w, w):
        deletes.add(gap)
        inserts[gap - 1] = " "


def _apply(text: str, inserts: dict[int, str], deletes: Iterable[int]) -> tuple[str, OffsetMap]:
    """Apply insertions (before a source position) and deletions; build the offset map."""
    dels = set(deletes)
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    src = out = delta = 0
    for p in sorted(set(inserts) | dels):
        pieces.append(text[src:p])
        out += p - src
        src = p
        for ch in inserts.get(p, ""):
            d = p - out
            if d != delta:
                runs.append((out, d))
                delta = d
            pieces.append(ch)
            out += 1
        if p in dels:
            src = p + 1
        d = src - out
        if d != delta:
            runs.append((out, d))
            delta = d
    pieces.append(text[src:])
    return "".join(pieces), tuple(runs)
