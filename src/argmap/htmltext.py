"""Extract an article's text and metadata from an HTML page with the standard library's parser.

Drops scripts, styles, navigation, headers, footers, asides, forms and elements whose class, id
or role names page furniture; keeps paragraph breaks (one blank line between blocks). When the page
marks its article (``<article>`` or ``<main>``) with enough text, only that part is kept.

Publication dates are collected with where each came from, best first (``HtmlArticle.dates``):
``article:published_time``, JSON-LD ``datePublished``, other date ``<meta>`` tags, then a
``<time datetime>`` element (one marked ``itemprop="datePublished"`` or ``pubdate`` first, then one
inside the article; never one in a footer, navigation bar or aside). :mod:`argmap.dates` checks them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple

#: Elements whose whole content is never article text.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "nav", "header",
    "footer", "aside", "form", "button", "select", "textarea", "figcaption", "dialog", "menu"})
#: Elements that start a new block of text.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "figure", "address", "hr",
    "br", "body", "title"})
#: class/id words (split on - and _) marking furniture containers.
NOISE_NAMES = frozenset({
    "nav", "navbar", "navigation", "menu", "cookie", "cookies", "consent", "banner", "footer",
    "sidebar", "share", "sharing", "social", "subscribe", "subscription", "newsletter", "related",
    "comments", "advert", "advertisement", "ads", "promo", "breadcrumb", "breadcrumbs", "popup",
    "modal", "paywall", "skip", "masthead", "signup"})
NOISE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
VOID_TAGS = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "col"})
#: An <article>/<main> part is used alone when it holds at least this many characters.
MIN_ARTICLE_CHARS = 200

_META_FIELDS = {
    "og:title": "title", "twitter:title": "title", "dc.title": "title",
    "author": "author", "article:author": "author", "dc.creator": "author", "byl": "author",
    "article:published_time": "date", "date": "date", "pubdate": "date", "dc.date": "date",
    "citation_publication_date": "date", "og:site_name": "outlet", "og:url": "url",
    "description": "description", "og:description": "description",
}


#: <meta> names and properties that give a publication date, best first (article:published_time
#: outranks JSON-LD; the others come after it).
DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "date", "dc.date",
             "dc.date.issued", "dcterms.date", "dcterms.issued", "pubdate", "publishdate", "publish-date",
             "citation_publication_date", "citation_date", "parsely-pub-date", "sailthru.date")
#: A <time> inside these is never the article's date (update notes, archives, related stories).
NOT_DATE_PARENTS = frozenset({"footer", "nav", "aside"})


@dataclass
class HtmlArticle:
    """The text extracted from a page, the metadata its head declares, and its candidate
    publication dates as ``(source, value)`` pairs, best first."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)
    dates: list[tuple[str, str]] = field(default_factory=list)


class _Open(NamedTuple):
    tag: str
    noise: bool  # inside furniture
    article: bool  # inside <article> or <main>
    byline: bool  # inside an author/byline element
    keep: str  # "title", "h1", "pre" or ""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = [_Open("", False, False, False, "")]
        self.blocks: list[tuple[bool, list[str]]] = [(False, [])]
        self.meta: dict[str, str] = {}
        self.found: dict[str, list[str]] = {"title": [], "h1": [], "byline": []}
        self.byline_done = False
        self.date_meta: dict[str, str] = {}  # DATE_META name -> first value
        self.ld_json: list[str] = []  # texts of <script type="application/ld+json">
        self._ld: list[str] | None = None
        self.times: list[tuple[int, int, str]] = []  # (rank, order, datetime) of <time> elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
        elif tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self._ld = []
        elif tag == "time" and a.get("datetime", "").strip():
            self._time(a)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.meta.setdefault("url", a["href"])
        if tag in BLOCK_TAGS:
            self._new_block()
        if tag in VOID_TAGS:
            return
        top = self.stack[-1]
        names = {w for v in (a.get("class", ""), a.get("id", "")) for w in re.split(r"[\s_-]+", v.lower())}
        noise = top.noise or tag in SKIP_TAGS or (
            tag not in {"article", "main", "body", "html"}
            and (bool(names & NOISE_NAMES) or a.get("role", "").lower() in NOISE_ROLES))
        byline = top.byline or bool(names & {"byline", "author"}) or "author" in (
            a.get("rel", ""), a.get("itemprop", ""))
        keep = tag if tag in {"title", "h1", "pre"} else top.keep
        self.stack.append(_Open(tag, noise, top.article or tag in {"article", "main"}, byline, keep))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._ld is not None:
            self.ld_json.append("".join(self._ld))
            self._ld = None
        if tag in VOID_TAGS or not any(o.tag == tag for o in self.stack[1:]):
            return
        while len(self.stack) > 1:
            closed = self.stack.pop()
            if closed.byline and not self.stack[-1].byline and "".join(self.found["byline"]).strip():
                self.byline_done = True
            if closed.tag == tag:
                break
        if tag in BLOCK_TAGS:
            self._new_block()

    def handle_data(self, data: str) -> None:
        if self._ld is not None:
            self._ld.append(data)
            return
        top = self.stack[-1]
        if top.keep in self.found:
            self.found[top.keep].append(data)
        if top.byline and not self.byline_done:
            self.found["byline"].append(data)
        if top.noise or top.keep == "title" or top.tag == "head":
            return
        if self.blocks[-1][0] != top.article:
            self._new_block()
        self.blocks[-1] = (top.article, self.blocks[-1][1])
        self.blocks[-1][1].append(data if top.keep == "pre" else re.sub(r"\s+", " ", data))

    def _new_block(self) -> None:
        if "".join(self.blocks[-1][1]).strip():
            self.blocks.append((self.stack[-1].article, []))

    def _time(self, a: dict[str, str]) -> None:
        if any(o.tag in NOT_DATE_PARENTS for o in self.stack):
            return
        marked = a.get("itemprop", "").lower() == "datepublished" or "pubdate" in a
        rank = 0 if marked else 1 if self.stack[-1].article else 2
        self.times.append((rank, len(self.times), a["datetime"].strip()))

    def dates(self) -> list[tuple[str, str]]:
        """Candidate publication dates, best first."""
        found = [(f"html meta {k}", self.date_meta[k]) for k in DATE_META if k in self.date_meta]
        ld = [("json-ld datePublished", v) for v in _ld_dates(self.ld_json)]
        found[1 if found and found[0][0] == "html meta article:published_time" else 0:0] = ld
        found += [("html <time datetime>", v) for _, _, v in sorted(self.times)[:1]]
        return found

    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        value = a.get("content", "").strip()
        if key in DATE_META and value:
            self.date_meta.setdefault(key, value)
        name = _META_FIELDS.get(key)
        if name and value and not (name == "author" and value.startswith("http")):
            self.meta.setdefault(name, value)


def extract_html(html: str) -> HtmlArticle:
    """The article text of an HTML page (blocks separated by blank lines) and its metadata."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    blocks = [(art, _tidy("".join(parts))) for art, parts in parser.blocks]
    blocks = [(art, b) for art, b in blocks if b]
    article = [b for art, b in blocks if art]
    chosen = article if sum(map(len, article)) >= MIN_ARTICLE_CHARS else [b for _, b in blocks]
    meta = dict(parser.meta)
    title = _tidy(" ".join(parser.found["h1"])) or _tidy(" ".join(parser.found["title"]))
    if title:
        meta.setdefault("title", title)
    byline = re.sub(r"^\s*by\s+", "", _tidy(" ".join(parser.found["byline"])), flags=re.IGNORECASE)
    byline = re.split(r"\s*[,|\u2013\u2014]\s*(?=\d|[A-Z][a-z]+day\b)", byline)[0]  # "Jo Bell, 12 March 2025"
    if byline and "author" not in meta and len(byline) <= 80:
        meta["author"] = byline
    return HtmlArticle("\n\n".join(chosen) + ("\n" if chosen else ""), meta, parser.dates())


def _ld_dates(texts: list[str]) -> list[str]:
    """``datePublished`` values in JSON-LD blocks, in document order (malformed blocks skipped)."""
    out: list[str] = []
    for text in texts:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        out += [v.strip() for v in _walk_ld(data, 0) if v.strip()]
    return out


def _walk_ld(node: object, depth: int) -> Iterator[str]:
    if depth > 20:
        return
    if isinstance(node, dict):
        value = node.get("datePublished")
        if isinstance(value, str):
            yield value
        for k, v in node.items():
            if k != "datePublished" and isinstance(v, (dict, list)):
                yield from _walk_ld(v, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _walk_ld(item, depth + 1)


def _tidy(text: str) -> str:
    lines = [ln.strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln).strip()
