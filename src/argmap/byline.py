"""Find an article's author from its front matter, byline or closing author bio; find its date.

Regular expressions over the first and last lines only: no NLP model. A name is 2-4 capitalised
tokens (initials and particles such as "van" allowed). Organisation voices ("our project", "we")
are not guessed here: without a person byline the author stays None.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from argmap.text import slugify

TOP_LINES = 12  # bylines are searched in the first non-empty lines...
BOTTOM_LINES = 3  # ...and author bios in the last ones
BIO_WORDS = 20  # a bio line of a first-person piece further up is at most this long
FIRST_PERSON = re.compile(r"(?:^|[\s\u201c\"'(])I(?:\s|\u2019|')")  # 'I am', 'I\u2019ve', not 'I.' in a list
MAX_ROLE_LEN = 160

#: Capitalised words that are never part of a person's name (organisations, places, page words).
NAME_STOP = frozenset(re.findall(r"\S+", """
the a an this that these those it he she they we i in on at for by of and but or to from with
professional social work children children's childrens care review council councils county network
department government ministry minister secretary state education health local national association
institute foundation trust group board university college school schools magazine news now press
report reform family families service services england britain uk wales scotland ireland london
editor reporter correspondent chief executive director professor read more share sign subscribe
key latest live support us our your skip main content page home menu picture photo image stock
adobe getty monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december policy act programme program media agency
"""))
HONORIFICS = ("Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady",
              "Baroness", "Cllr", "Councillor")
#: Honours and letters after a name ("Anne Doe CBE", "Jo Bell MBE FRSA"): not part of the name.
POST_NOMINALS = ("CBE", "OBE", "MBE", "KBE", "DBE", "BEM", "QC", "KC", "MP", "MSP", "JP", "FRSA", "FRS", "FBA",
                 "PhD", "DL")
PARTICLES = ("de", "del", "della", "van", "von", "der", "den", "la", "le", "da", "di", "du", "bin", "al")
#: Job words that make a phrase a role ("PSW editor", "senior lecturer at ...").
ROLE_NOUNS = ("editor", "correspondent", "reporter", "writer", "columnist", "journalist", "chair",
              "director", "officer", "manager", "lecturer", "professor", "fellow", "researcher",
              "adviser", "advisor", "consultant", "worker", "practitioner", "founder", "member",
              "head", "lead", "chief", "president", "secretary", "trustee", "campaigner", "student",
              "author", "commissioner", "minister", "spokesperson", "analyst", "academic", "CEO", "ceo",
              "associate", "partner", "executive")
#: What opens a byline line before the writer's name ("By Jane Doe", "Posted by Jane Doe").
BYLINE_OPENERS = ("By", "Written by", "Words by", "Posted by", "Post by", "Blog by")
#: Document phrases whose 'by X' names their writer ("Written evidence submitted by X").
SUBMITTED = ("evidence submitted", "memorandum submitted", "submission made", "statement submitted", "response submitted",
             "evidence written")
#: Lowercase words allowed before a role noun in "<role> NAME looks at ..." introductions.
ROLE_MODIFIERS = ("our", "its", "the", "senior", "deputy", "assistant", "chief", "political",
                  "social", "affairs", "policy", "health", "education", "home", "news", "features",
                  "digital", "managing", "associate", "contributing", "care", "local", "government")
INTRO_VERBS = ("looks at", "looks", "examines", "explores", "reports", "writes", "asks", "considers",
               "investigates", "analyses", "analyzes", "reflects on", "argues", "explains",
               "sets out", "unpacks", "assesses", "reviews", "shares")

#: Words that label a headline's genre ("Opinion: ...", "Comment | ...", or the word alone on a line
#: over the headline: "Blogs").
GENRE_LABELS = {"opinion": "opinion", "comment": "opinion", "analysis": "analysis", "blog": "opinion",
                "blogs": "opinion", "editorial": "opinion", "letters": "opinion", "viewpoint": "opinion",
                "commentisfree": "opinion"}

_TOK = r"(?:[A-Z][’']?)?[A-Z][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)?(?:-[A-Z][a-zà-ÿ]+)?"
_PART = rf"(?:{_TOK}|[A-Z]\.|{'|'.join(PARTICLES)})"
NAME = rf"(?:(?:{'|'.join(HONORIFICS)})\.?\s+)?(?:{_TOK}|[A-Z]{{2}}(?=\s+{_TOK}))(?:\s+{_PART}){{1,4}}"  # 'EJ Ward'
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
DATE = re.compile(
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?"
    rf"\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)")
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%d")
#: A line that is only a day, a month and a two-digit year ("21 May 14"): a date line, not a date to read.
SHORT_DATE_LINE = re.compile(rf"\d{{1,2}}\s+{_MONTH}\s+\d{{2}}")


@dataclass(frozen=True)
class Byline:
    """Who wrote an article, their role, and where that was found."""

    name: str | None = None
    role: str | None = None
    source: str | None = None  # "front matter", "byline", "name line", "intro", "writes", "bio"
    labelled: str | None = None  # a genre the headline names ("Opinion: ...", "Comment | ...")

    @property
    def genre(self) -> str | None:
        """"opinion" when the headline says so ("Opinion: ..."), when the author signs off with a
        bio or is named in a standfirst ("..., writes X"); "analysis" when a named writer is
        introduced as examining the subject ("our editor X looks at ...")."""
        return self.labelled or {"bio": "opinion", "intro": "analysis", "writes": "opinion"}.get(self.source or "")


def detect_author(text: str, front: Mapping[str, str] | None = None) -> tuple[str | None, str | None]:
    """(name, role) of the article's author, or (None, None)."""
    found = find_byline(text, front)
    return found.name, found.role


def find_byline(text: str, front: Mapping[str, str] | None = None) -> Byline:
    """The author with role and source: front matter first, then a byline near the top, then a bio."""
    front = front or {}
    if front.get("author", "").strip():
        name, role = split_name_role(front["author"])
        return Byline(name, front.get("role") or role, "front matter")
    # (a run of spaces is where a line of page furniture was blanked out: the text on either side of it
    # stood on lines of its own)
    lines = [ln.strip().lstrip("*_ ").rstrip("*_ ") for row in text.splitlines() for ln in re.split(r" {4,}", row)]
    lines = [ln for ln in lines if ln]
    labelled = next((GENRE_LABELS[m.group(1).lower()] for ln in lines[:3]
                     if (m := re.match(rf"({'|'.join(GENRE_LABELS)})(?:\s*[:|\u2013\u2014-]\s|$)", ln, re.IGNORECASE))),
                    None)
    top = _top(lines[:TOP_LINES])
    if top is not None and top.source == "name line" and _said_in_lowercase(top.name or "", text):
        top = None  # 'Kinship Carers' over a date, and 'kinship carers' in the text: a title
    found = top or _bio(lines[-BOTTOM_LINES:]) or \
        (labelled == "opinion" and _bio(lines[:TOP_LINES])) or _bio_below_first_person(lines) or Byline()
    if not labelled and found.name and _column_address(front.get("url", ""), found.name):
        labelled = "opinion"
    if not labelled and found.name:
        labelled = _section_genre(front.get("url", ""))
    return Byline(found.name, found.role, found.source, labelled) if labelled else found


def _section_genre(url: str) -> str | None:
    """The genre of the section a page's address files it in ('.../blogs/article/...',
    '.../opinion/...'), the page's own name aside."""
    parts = [p.lower() for p in urlsplit(url.strip()).path.split("/") if p]
    return next((GENRE_LABELS[p] for p in parts[:-1] if p in GENRE_LABELS), None)


def _column_address(url: str, name: str) -> bool:
    """Whether a page's address is a column filed under its writer's name: a part of the path is
    the name ('.../lbc/jane-doe/why-this-matters') or the last part starts with it
    ('.../jane-doe-a-critique-of-the-reforms')."""
    parts = [p.lower() for p in urlsplit(url.strip()).path.split("/") if p]
    slug = slugify(name)
    return bool(parts) and (slug in parts[:-1] or parts[-1].startswith(slug + "-"))


def _said_in_lowercase(name: str, text: str) -> bool:
    """Whether the words of a name line are also written in lower case in the text, as a common
    phrase is ('kinship carers') and a person's or organisation's name is not."""
    return bool(name) and re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text) is not None


def split_name_role(value: str) -> tuple[str, str | None]:
    """ "Jane Doe, health editor" -> ("Jane Doe", "health editor"); a bare value is all name."""
    value = re.sub(r"^\s*by\s+", "", value.strip(), flags=re.IGNORECASE)
    head, sep, tail = value.partition(",")
    if sep and as_name(head) and tail.strip() and not DATE.fullmatch(tail.strip()):
        return as_name(head) or head.strip(), tail.strip()
    return value, None


def as_name(candidate: str) -> str | None:
    """The person name in a candidate string (honorific and letters after the name dropped), or None
    if it is not one."""
    candidate = _POST_NOMINAL_TAIL.sub("", candidate.strip())
    m = re.fullmatch(NAME, candidate)
    if not m:
        return None
    words = candidate.split()
    if words[0].rstrip(".") in HONORIFICS:
        words = words[1:]
    caps = [w for w in words if w not in PARTICLES]
    if not 2 <= len(caps) <= 4 or any(w.lower().strip(".").replace("’", "'") in NAME_STOP for w in caps):
        return None
    if words[-1] in PARTICLES or re.fullmatch(r"[A-Z]\.", words[-1]):
        return None
    return " ".join(words)


_LETTERS = rf"(?:,?\s+(?:{'|'.join(POST_NOMINALS)})\b)*"  # honours after a name
_POST_NOMINAL_TAIL = re.compile(_LETTERS + "$")


def detect_date(text: str) -> str | None:
    """An ISO date from a short date line near the top ("Wednesday, June 1, 2022"), or None."""
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:TOP_LINES]:
        if len(line) <= 80 and (m := DATE.search(line)):
            return iso_date(m.group(0))
    return None


def iso_date(value: str) -> str:
    """A date written out in words as YYYY-MM-DD when it parses; the value unchanged otherwise."""
    plain = re.sub(r"^[A-Za-z]+day,?\s+|(?<=\d)(st|nd|rd|th)\b|,", "", value.strip())
    plain = re.sub(r"\s+", " ", plain.replace("Sept ", "Sep ")).strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(plain, fmt).date().isoformat()
        except ValueError:
            continue
    return value.strip()


def _top(lines: list[str]) -> Byline | None:
    role_re = rf"((?:(?:[A-Z][\w&’'-]*|{'|'.join(ROLE_MODIFIERS)})\s+){{0,3}}(?i:{'|'.join(ROLE_NOUNS)}))"
    for i, line in enumerate(lines):
        if m := re.match(rf"(?:{'|'.join(BYLINE_OPENERS)})\s+({NAME})\b{_LETTERS}\s*(?:[,|–—-]\s*(.+))?$", line):
            name = as_name(m.group(1))
            role = (m.group(2) or "").strip() or None
            if name:
                return Byline(name, None if role and DATE.search(role) else role, "byline")
        if (m := re.fullmatch(rf"by\s+({NAME})", line)) and (name := as_name(m.group(1))):
            return Byline(name, None, "byline")  # 'by Jane Doe' alone on its line, in lower case
        if _OPENER_AT_END.search(line) and i + 1 < len(lines) and (name := as_name(lines[i + 1])):
            return Byline(name, None, "byline")  # 'June 1, 2024 | by' over 'Jane Doe CBE'
        if m := re.match(rf"(?:{'|'.join(BYLINE_OPENERS)})\s+(?:[a-z]+\s+){{1,8}}({NAME})\.?$", line):
            if name := as_name(m.group(1)):  # 'Written by and published with the permission of Jo Bell.'
                return Byline(name, None, "byline")
        if m := re.search(rf"\b(?i:{'|'.join(SUBMITTED)})\s+by\s+({NAME})\b", line):
            if name := as_name(m.group(1)):  # 'Written evidence submitted by Jo Bell (CWSB99)'
                return Byline(name, None, "submitted by")
        if m := re.search(rf"(?:^|(?<=\s)){role_re}\s+({NAME})\s+(?:{'|'.join(INTRO_VERBS)})\b", line):
            name = as_name(m.group(2))
            if name:
                role = re.sub(r"^(our|its|the)\s+", "", m.group(1), flags=re.IGNORECASE)
                return Byline(name, role, "intro")
        if m := re.match(rf"({NAME})\s+writes\b|.*,\s*writes\s+({NAME})(?:\W*$|,\s)", line):  # '..., writes X, while Y say'
            name = as_name(m.group(1) or m.group(2))
            if name:
                return Byline(name, None, "writes")
        if i > 0 and (name := as_name(line)) and _near_date(lines, i):
            return Byline(name, None, "name line")
        if i > 0 and (name := as_name(line)) and i + 1 < len(lines) and (role := _role_line(lines[i + 1])):
            return Byline(name, role, "name line")  # a name over a role line
    return None


#: A line that ends in a byline's opener, the name being on the next line ("| by", "Posted by").
_OPENER_AT_END = re.compile(rf"(?:^|[|\u00b7\u2022\u2013\u2014-]\s*)(?:{'|'.join(BYLINE_OPENERS)}|by)$")


def _role_line(line: str) -> str | None:
    """A short line that is only a role ('Columnist ·', 'Health editor', 'Director of Practice')."""
    words = re.findall(r"[A-Za-z]+", line)
    roles = {r.lower() for r in ROLE_NOUNS + ("columnist", "writer")}
    if 1 <= len(words) <= 4 and words[-1].lower() in roles:
        return " ".join(words)
    of = next((i for i, w in enumerate(words) if w in ("of", "for", "at")), None)
    if of is not None and 1 <= of <= 3 and len(words) <= 7 and words[of - 1].lower() in roles and \
            all(w[:1].isupper() or w in ("of", "for", "at", "and", "the") for w in words):
        return " ".join(words)  # a title: 'Director of Practice', 'Head of Policy and Research'
    return None


#: A page's note of how old the article is ("This article is more than 9 years old"): a date line.
AGE = re.compile(r"\b(?:more than|over|nearly|almost)\s+\w+\s+(?:years?|months?)\s+old\b", re.IGNORECASE)


def _near_date(lines: list[str], i: int) -> bool:
    return any(0 <= j < len(lines) and len(lines[j]) <= 80 and (DATE.search(lines[j]) or AGE.search(lines[j])
                                                                or SHORT_DATE_LINE.fullmatch(lines[j]))
               for j in (i - 1, i + 1))


def _bio_below_first_person(lines: list[str]) -> Byline | None:
    """A piece written in the first person ('I returned to it as a social worker') whose author bio
    ('Jane Doe is an author and social worker') stands on a line of its own below the body, with
    page furniture after it: the bio names the writer."""
    first_person = False
    for before, line in zip(lines, lines[1:]):
        first_person = first_person or bool(FIRST_PERSON.search(before))
        if first_person and len(line.split()) <= BIO_WORDS and (found := _bio([line])) is not None:
            return found
    return None


def _bio(lines: list[str]) -> Byline | None:
    for line in lines:
        line = re.sub(r"^About the author:?\s*", "", line)
        m = re.match(rf"({NAME})\s+is\s+(.+)", line)
        if not m or not (name := as_name(m.group(1))):
            continue
        rest = m.group(2)
        cut = re.search(r",?\s+and\s+(?:is\s+)?writ(?:ing|es)\b|,?\s+writing\b|\.(?:\s|$)|;", rest)
        role = re.sub(r"^(a|an|the)\s+", "", rest[: cut.start() if cut else len(rest)].strip())
        if role and len(role) <= MAX_ROLE_LEN and (
                re.search(rf"\b({'|'.join(ROLE_NOUNS)})s?\b", role) or re.search(r"\b(of|at)\b", role)):
            return Byline(name, role, "bio")
    return None
