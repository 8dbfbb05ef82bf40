"""The argmap_actors stage: apply the actor rules and build the document's actor registry."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon
from argmap.nlp.rules.actors import (
    MENTIONS, ROLES, ActorContext, Mention, a_first_name, abbreviates, actor_info, author_kind, bare_name,
    bracketed_initials, letters, name_text, name_word, non_overlapping, page_works, person_key,
    with_designation,
)
from argmap.nlp.state import ORG, PERSON, ActorInfo, meta, save_actors
from argmap.nlp.text import doc_matches, tokens
from argmap.taxonomy import Taxonomy
from argmap.text import slugify


def find_actors(doc: Doc, taxonomy: Taxonomy, lex: Lexicon) -> Doc:
    """Find actor mentions, resolve them to actors, note roles and the author; save on the Doc."""
    ctx = ActorContext(doc, taxonomy, lex)
    doc_matches(doc, taxonomy, "proposals", lex["nouns.verb_head"], lex["markers.name_fillers"],
                lex["markers.phrase_breaks"])  # found once
    found: list[Mention] = []
    for rule in MENTIONS:
        found += rule(ctx, found)
    found = [with_designation(ctx, m) for m in found]
    registry, mentions = _Resolver(ctx).resolve(non_overlapping(found))
    role_tokens = _roles(ctx, mentions, registry)
    _author(ctx, registry)
    _publisher(ctx, registry)
    _page_work(ctx, registry)
    save_actors(doc, registry, mentions, role_tokens)
    return doc


class _Resolver:
    """Turns mentions into actors: surnames and titled names join the full name."""

    def __init__(self, ctx: ActorContext):
        self.ctx = ctx
        self.registry: dict[str, ActorInfo] = {}
        self.full_names: dict[str, str] = {}  # surname -> key of a multi-word person
        self.peers: dict[str, str] = {}  # surname -> 'Baroness Ilsley'
        self._by_text: dict[str, list[Token]] | None = None

    def resolve(self, found: list[Mention]) -> tuple[dict[str, ActorInfo], list[tuple[Span, str]]]:
        self._collect_names(found)
        mentions = []
        for m in found:
            name = name_text(m.span, self.ctx.lex)
            if name:
                mentions.append((m.span, self._register(m, name)))
        self._bracketed_initials(mentions)
        mentions = self._merge_abbreviations(self._join_titled_first_names(self._join_lone_surnames(mentions)))
        return self.registry, self._join_short_names(self._join_name_tails(mentions))

    def _bracketed_initials(self, mentions: list[tuple[Span, str]]) -> None:
        """'The APPG for Adoption and Permanence (APPGAP)': the initials in brackets after an
        organisation's name are another name of it, when they spell it."""
        small = self.ctx.small_words
        for span, key in mentions:
            info = self.registry.get(key)
            short = bracketed_initials(span) if info is not None and info.type == ORG else None
            if short and abbreviates(short, info.name, small):
                info.aliases.add(short)

    def _collect_names(self, found: list[Mention]) -> None:
        peerage = self.ctx.lex["nouns.peerage"]
        for m in found:
            if m.type != PERSON:
                continue
            name = name_text(m.span, self.ctx.lex)
            words = name.split()
            if m.known:  # a taxonomy person named in full: 'Montague said' is them too
                if len(words) >= 2:
                    self.full_names.setdefault(words[-1], m.key)
                continue
            if len(words) >= 2:
                self.full_names.setdefault(words[-1], slugify(name))
            if len(words) >= 3 and words[1] in self.ctx.lex["markers.peer_designation"] and m.span[0].lower_ in peerage:
                self.full_names.setdefault(words[0], slugify(name))  # 'Baroness Hale' is 'Hale of Richmond'
            doc = m.span.doc
            at = m.span.start if doc[m.span.start].lower_ in peerage else m.span.start - 1
            if len(words) == 1 and at >= 0 and doc[at].lower_ in peerage:
                self.peers.setdefault(name, f"{doc[at].text.title()} {name}")
        for surname, peer in self.peers.items():
            self.full_names.setdefault(surname, slugify(peer))

    def _register(self, m: Mention, name: str) -> str:
        if m.known:
            info = self.registry.setdefault(m.key, actor_info(m.key, self.ctx.taxonomy.actors[m.key]))
            info.aliases.add(name)
            return m.key
        kind = m.type
        if kind == ORG and len(name.split()) == 1 and name in self.full_names:
            kind = PERSON  # a surname the NER model took for an organisation
        return self._person(name) if kind == PERSON else self._organisation(name)

    def _person(self, name: str) -> str:
        key = person_key(name, self.full_names)
        if len(name.split()) == 1 and name in self.peers:
            name = self.peers[name]
        info = self.registry.setdefault(key, ActorInfo(key, name, PERSON))
        if len(name) > len(info.name):
            info.aliases.add(info.name)
            info.name = name
        elif name != info.name:
            info.aliases.add(name)
        return key

    def _organisation(self, name: str) -> str:
        entry = self.ctx.taxonomy.actor_for_name(name)
        if entry is not None:
            key = entry.id
            info = self.registry.setdefault(key, actor_info(key, entry))
        else:
            key = slugify(name)
            info = self.registry.setdefault(key, ActorInfo(key, name, ORG))
        if name != info.name:
            info.aliases.add(name)
        return key

    def _join_lone_surnames(self, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """A lone surname (or a lone first name, when one full name starts with it) resolves to the
        full name mentioned elsewhere in the document; failing that, it takes the one first name the
        text puts before it, even where the NER model tagged nothing ('Rachel Reeves delivered ...',
        then 'Reeves said', with 'Reeves' tagged as an organisation)."""
        firsts = self._first_names()
        cut = self._cut_short(mentions)
        for key in [k for k, v in self.registry.items() if " " not in v.name and not v.known]:
            target = self._lone_name_key(key, firsts) or (self._cut_name_key(key) if key == cut else None)
            if target:
                mentions = [(s, target if k == key else k) for s, k in mentions]
        return mentions

    def _join_titled_first_names(self, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """Each titled first name ('Dame Rachel') joins the one person named in full with it."""
        firsts = self._first_names()
        for key in [k for k, v in self.registry.items() if v.type == PERSON and not v.known]:
            target = self._titled_first_name_key(key, firsts)
            if target:
                mentions = [(s, target if k == key else k) for s, k in mentions]
        return mentions

    def _titled_first_name_key(self, key: str, firsts: dict[str, set[str]]) -> str | None:
        """'Dame Rachel' after 'Dame Rachel de Souza': a title that goes with a first name
        (``nouns.first_name_titles``) and one name join the one person named in full with that first
        name (moving the titled name's actor there)."""
        words = self.registry[key].name.split()
        if len(words) != 2 or words[0].lower() not in self.ctx.lex["nouns.first_name_titles"]:
            return None
        found = firsts.get(words[1], set()) - {key}
        if len(found) != 1 or (target := found.pop()) not in self.registry:
            return None
        self.registry[target].aliases.add(self.registry.pop(key).name)
        return target

    def _first_names(self) -> dict[str, set[str]]:
        """First name -> the keys of the people named in full with it."""
        firsts: dict[str, set[str]] = {}
        for key, info in self.registry.items():
            if info.type == PERSON and " " in info.name:
                firsts.setdefault(info.name.split()[0], set()).add(key)
        return firsts

    def _lone_name_key(self, key: str, firsts: dict[str, set[str]]) -> str | None:
        """The key a one-word name joins (moving its actor there), if any."""
        info = self.registry[key]
        first = self._first_name_in_text(info)
        if info.type != PERSON and not first and len(firsts.get(info.name, ())) != 1:
            return None  # (a lone first name the NER model took for an organisation is still the person's)
        info.type = PERSON
        target = self._full_name_key(info.name, firsts)
        if not target and first and slugify(f"{first} {info.name}") not in self.registry:
            return self._named_in_full(key, first)
        if target and target != key and target in self.registry:
            self.registry[target].aliases.add(info.name)
            del self.registry[key]
            return target
        return None

    def _cut_short(self, mentions: list[tuple[Span, str]]) -> str | None:
        """The actor of a one-word name that the end of a text cut short ('... said Gall' where the
        stored opening stops): the text's last word, with no closing punctuation after it."""
        last = next((t for t in reversed(self.ctx.doc) if not t.is_space), None)
        return next((k for s, k in mentions if len(s) == 1 and s[0].i == last.i), None) if last is not None else None

    def _cut_name_key(self, key: str) -> str | None:
        """The one person named in full whose surname begins with a name cut short ('Gall' of
        'Galloway'), moving the cut name's actor there."""
        name = self.registry[key].name
        found = {k for surname, k in self.full_names.items() if surname.startswith(name) and surname != name}
        if len(name) < 3 or len(found) != 1:
            return None
        target = found.pop()
        if target == key or target not in self.registry:
            return None
        del self.registry[key]
        return target

    def _full_name_key(self, name: str, firsts: dict[str, set[str]]) -> str | None:
        """The key of the one person named in full whose surname (or first name) ``name`` is."""
        return self.full_names.get(name) or (next(iter(firsts[name])) if len(firsts.get(name, ())) == 1 else None)

    def _named_in_full(self, key: str, first: str) -> str:
        """Re-key a lone surname's actor under the full name the text gives it."""
        info = self.registry.pop(key)
        full = slugify(f"{first} {info.name}")
        info.aliases.add(info.name)
        info.name, info.key = f"{first} {info.name}", full
        self.registry[full] = info
        return full

    def _first_name_in_text(self, info: ActorInfo) -> str | None:
        """The one capitalised first name the document puts right before a lone name that is no
        organisation word, outside any organisation's name."""
        ctx = self.ctx
        if info.type != PERSON and ctx.is_org_word(info.name.lower()):
            return None
        firsts = {t.nbor(-1).text for t in self._tokens_of(info.name) if t.i > 0 and
                  t.ent_type_ in {"", "PERSON"} and a_first_name(ctx, t.nbor(-1))}
        return next(iter(firsts)) if len(firsts) == 1 else None

    def _tokens_of(self, text: str) -> list[Token]:
        """The document's tokens whose text is ``text`` (an index made on first use)."""
        if self._by_text is None:
            self._by_text = {}
            for t in tokens(self.ctx.doc):
                self._by_text.setdefault(t.text, []).append(t)
        return self._by_text.get(text, [])

    def _join_short_names(self, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """'the Commission' after 'the Northfold Commission on Care': an organisation named by one
        capitalised word that is the head word of one (and only one) organisation the document
        names in full is that organisation."""
        heads: dict[str, set[str]] = {}
        for span, key in mentions:
            for t in self._head_words(span) if self.registry[key].type == ORG else []:
                heads.setdefault(t.text, set()).add(key)
        for short, info in list(self.registry.items()):
            named = heads.get(info.name, set())
            if info.type != ORG or " " in info.name or short in named or len(named) != 1:
                continue
            full_key = next(iter(named))
            mentions = self._fold(short, full_key, mentions)
        return mentions

    def _head_words(self, span: Span) -> list[Token]:
        """The words an organisation's full name may be called by alone: its head and, when it is an
        organisation word, its last word ('the House of Commons Education Committee': 'Committee')."""
        root, last = span.root, span[-1]
        return [t for t in (root, last) if t.i > span.start and t.is_title and t.is_alpha and
                (t.i == root.i or self.ctx.is_org_word(t.lower_))]

    def _join_name_tails(self, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """'Employment Confederation' beside 'Recruitment and Employment Confederation', 'Lords
        Committee' beside 'House of Lords Public Services Committee': an organisation whose name of
        two or more words is the end of one (and only one) other organisation's name the document
        gives, or is words of it in their order with the same last word, is that organisation, cut
        short. Longer names are joined first (and a name of one word after all of them, by
        :meth:`_join_short_names`), so a shorter one may then find one organisation left."""
        orgs = {k: v.name for k, v in self.registry.items() if v.type == ORG}
        cut = {k: name for k, name in orgs.items() if not self.registry[k].known}
        for short, name in sorted(cut.items(), key=lambda kv: -len(kv[1].split())):
            if short not in self.registry or len(name.split()) < 2:
                continue
            longer = [k for k, other in orgs.items() if k != short and k in self.registry and _cut_short_of(name, other)]
            if len(longer) == 1:
                mentions = self._fold(short, longer[0], mentions)
        return mentions

    def _merge_abbreviations(self, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """An organisation named by its initials ('ADCS'), by shortened words ('Lib Dem') or with
        a slip of spelling ('Surfers Againist Sewage') is the organisation whose full name the
        document also gives."""
        small = self.ctx.small_words
        orgs = [(k, v.name) for k, v in self.registry.items() if v.type == ORG and len(v.name.split()) >= 2]
        for short, info in list(self.registry.items()):  # a 'person' may be an organisation shortened ('Lib Dem MP')
            if short not in self.registry:
                continue
            full = next((k for k, name in orgs if k != short and k in self.registry and
                         (abbreviates(info.name, name, small) or misspells(info.name, name))), None)
            if full is None:
                continue
            if _keeps(self.registry, short, full, mentions) == short:
                short, full = full, short
            mentions = self._fold(short, full, mentions)
        return mentions

    def _fold(self, short: str, full: str, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """Fold the actor ``short`` into ``full``: its names become aliases of ``full``, its mentions
        mentions of ``full``."""
        gone = self.registry.pop(short)
        self.registry[full].aliases |= {gone.name, *gone.aliases}
        return [(s, full if k == short else k) for s, k in mentions]


def _cut_short_of(name: str, other: str) -> bool:
    """Whether ``name`` is ``other`` cut short: its end, or two or more of its words in their order
    ending with its last word ('Lords Committee' of 'House of Lords Public Services Committee')."""
    if other.endswith(" " + name):
        return True
    words, others = name.split(), other.split()
    if len(words) < 2 or len(others) <= len(words) or words[-1] != others[-1]:
        return False
    rest = iter(others[:-1])
    return all(w in rest for w in words[:-1])


def _keeps(registry: dict[str, ActorInfo], a: str, b: str, mentions: list[tuple[Span, str]]) -> str:
    """Of two names for one organisation, the one kept: the taxonomy's actor, else the full name
    (not its shortening), else of two spellings the one met first."""
    if registry[a].known != registry[b].known:
        return a if registry[a].known else b
    if misspells(registry[a].name, registry[b].name):
        return a if _first(mentions, a) < _first(mentions, b) else b
    return b


def _first(mentions: list[tuple[Span, str]], key: str) -> int:
    return min((s.start for s, k in mentions if k == key), default=1 << 30)


@lru_cache(maxsize=1 << 16)
def misspells(slip: str, name: str) -> bool:
    """Whether ``slip`` is the organisation ``name`` of three or more words with one word misspelt:
    the same words but one, which has the same first letter, at least five letters and at most
    two letters' difference ('Againist' for 'Against')."""
    a, b = slip.split(), name.split()
    if len(a) != len(b) or len(a) < 3 or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and _slip(*diff[0])


def _slip(x: str, y: str) -> bool:
    if x[0] != y[0] or min(len(x), len(y)) < 5 or x.lower() == y.lower():
        return False
    return _distance(x.lower(), y.lower()) <= 2


def _distance(x: str, y: str) -> int:
    """Levenshtein distance between two short words."""
    row = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        prev, row[0] = row[0], i
        for j, cy in enumerate(y, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (cx != cy))
    return row[-1]


def _author(ctx: ActorContext, registry: dict[str, ActorInfo]) -> None:
    """Register the article's author (from front matter or byline) and note its key in the meta."""
    facts = meta(ctx.doc)
    if not facts.get("author") and facts.get("outlet") and _editorial(ctx, facts):
        facts["author"], facts["author_type"], facts["genre"] = facts["outlet"], ORG, "editorial"
    if not facts.get("author"):
        return
    name = " ".join(str(facts["author"]).split())
    known = ctx.taxonomy.actor_for_name(name)
    if known is not None:
        key = known.id
        registry.setdefault(key, actor_info(key, known))
    else:
        key = next((k for k, v in registry.items() if v.name == name or name in v.aliases), slugify(name))
        info = registry.setdefault(key, ActorInfo(key, name, author_kind(ctx, name, facts)))
        if facts.get("author_role") and not info.role:
            info.role = facts["author_role"]
    facts["author_key"] = key


def _editorial(ctx: ActorContext, facts: dict) -> bool:
    """Whether the page's address or title marks it as an editorial: the outlet's own voice."""
    words = set(re.findall(r"[a-z]+", urlsplit(str(facts.get("url") or "")).path.lower()))
    words |= set(re.findall(r"[a-z]+", str(facts.get("title") or "").lower()))
    return bool(words & ctx.lex["layout.editorial_marks"])


def _publisher(ctx: ActorContext, registry: dict[str, ActorInfo]) -> None:
    """Register the organisation that publishes the document, when it is a known actor (one whose
    taxonomy ``sites`` host its address, or whose name is its outlet), and note its key in the meta
    as ``publisher_key``: a page with no byline that speaks as 'we' is its own. An outlet the
    taxonomy does not know is left alone (aggregators, magazines and mirrors speak for nobody)
    unless the page names it as an organisation itself ('CoramBAAF has set up ...')."""
    facts = meta(ctx.doc)
    outlet = " ".join(str(facts.get("outlet") or "").split())
    known = ((ctx.taxonomy.actor_for_name(outlet) if outlet else None)  # 'Ofsted' on a shared government site
             or (ctx.taxonomy.actor_for_site(str(facts["url"])) if facts.get("url") else None))
    if known is None:
        named = _unknown_outlet(ctx, outlet, str(facts.get("url") or ""), registry) if outlet else None
        if named is None and (named := _member_page(ctx, str(facts.get("url") or ""), registry)):
            facts["member_page"] = True
        if named is not None:
            facts["publisher_key"] = named
        return
    if known.type == PERSON:
        return
    registry.setdefault(known.id, actor_info(known.id, known))
    facts["publisher_key"] = known.id


def _page_work(ctx: ActorContext, registry: dict[str, ActorInfo]) -> None:
    """Register the actor that speaks through the one work a page names (a review, a commission:
    a taxonomy actor's ``work``), and note its key and the character where the page first names
    the work in the meta as ``work_key`` and ``work_at``: a recommendation the page names after it,
    with no owner, is that work's."""
    _, only = page_works(ctx)
    if only is None:
        return
    key = ctx.taxonomy.speakers_through[only.id]
    known = ctx.taxonomy.actors.get(key)
    if known is None:
        return
    registry.setdefault(key, actor_info(key, known))
    facts = meta(ctx.doc)
    facts["work_key"], facts["work_at"] = key, only.start


def _unknown_outlet(ctx: ActorContext, outlet: str, url: str, registry: dict[str, ActorInfo]) -> str | None:
    """The organisation an outlet the taxonomy does not know stands for: one the page names as the
    outlet, a member's own site, a branch of an organisation the page names, or the outlet on its
    own organisation domain."""
    articles = ctx.lex["markers.name_article"]
    return (_named_outlet(outlet, registry, articles, ctx.small_words) or _member_site(ctx, outlet, registry)
            or _personal_site(ctx, outlet, registry) or _branch_outlet(outlet, registry, articles)
            or _own_domain(ctx, outlet, url, registry))


def _member_page(ctx: ActorContext, url: str, registry: dict[str, ActorInfo]) -> str | None:
    """A page a parliamentary site files under one member ('/mp/jane-doe/debate/...'), when the text
    names that member: the member's own speech. An address naming two members ('/mp/a/vs/b') names
    nobody's page."""
    parts = [p.lower() for p in urlsplit(url).path.split("/") if p]
    slugs = [parts[i + 1] for i, p in enumerate(parts[:-1]) if p in ctx.lex["layout.member_paths"]]
    people = [k for k, v in registry.items() if v.type == PERSON]
    found = {k for slug in slugs for k in people if _names_slug(registry[k], slug)}
    others = {k for part in parts for k in people if _names_slug(registry[k], part)} - found
    return found.pop() if len(found) == 1 and not others else None


def _names_slug(info: ActorInfo, slug: str) -> bool:
    """Whether an address's folder ('tim-farron', 'baroness-spielman') is this person's name."""
    words = set(slug.replace("_", "-").split("-"))
    return any(len(ws := slugify(n).split("-")) >= 2 and set(ws) <= words for n in {info.name, *info.aliases})


def _member_site(ctx: ActorContext, outlet: str, registry: dict[str, ActorInfo]) -> str | None:
    """An elected member's own site ('Jane Doe MP'): the member, registered as a person."""
    words = outlet.split()
    if len(words) < 3 or words[-1].lower().strip(".") not in ctx.lex["actors.post_nominal"]:
        return None
    name = " ".join(words[:-1])
    if not all(name_word(w, ctx.lex) for w in words[:-1]):
        return None
    key = next((k for k, v in registry.items() if v.type == PERSON and (v.name == name or name in v.aliases)),
               slugify(name))
    info = registry.setdefault(key, ActorInfo(key, name, PERSON))
    info.role = info.role or words[-1]
    return key


def _personal_site(ctx: ActorContext, outlet: str, registry: dict[str, ActorInfo]) -> str | None:
    """A person's own site ('Jane Doe's blog'): two or three name words, a possessive and a word
    for a personal site; the person, registered."""
    m = re.fullmatch(r"(.+?)['\u2019]s?\s+(\w+)", outlet)
    if m is None or m.group(2).lower() not in ctx.lex["layout.personal_sites"]:
        return None
    words = m.group(1).split()
    if not 2 <= len(words) <= 3 or not all(name_word(w, ctx.lex) for w in words) or \
            any(ctx.is_org_word(w.lower()) for w in words):
        return None
    name = " ".join(words)
    key = next((k for k, v in registry.items() if v.type == PERSON and (v.name == name or name in v.aliases)),
               slugify(name))
    registry.setdefault(key, ActorInfo(key, name, PERSON))
    return key


def _own_domain(ctx: ActorContext, outlet: str, url: str, registry: dict[str, ActorInfo]) -> str | None:
    """An outlet whose name is its site's own domain, on a domain kept for organisations ('The
    Fostering Network' at thefosteringnetwork.org.uk) or named as a body ('Family Hubs Network' at
    familyhubsnetwork.com): the organisation publishing on its own site. A news or commercial domain
    named like its outlet is no organisation speaking for itself."""
    host = urlsplit(url).hostname or ""
    body = outlet.split()[-1].lower() in ctx.lex["layout.body_names"] if outlet.split() else False
    if not body and not any(host.endswith("." + suffix) for suffix in ctx.lex["layout.organisation_domains"]):
        return None
    labels = [x for x in host.split(".") if x and x not in ctx.lex["layout.host_prefixes"]]
    if not labels or len(letters(outlet)) < 4 or not _named_domain(ctx, labels[0], outlet):
        return None
    key = next((k for k, v in registry.items() if v.type == ORG and v.name == outlet), slugify(outlet))
    registry.setdefault(key, ActorInfo(key, outlet, ORG))
    return key


def _named_domain(ctx: ActorContext, label: str, outlet: str) -> bool:
    """Whether a site's name is the outlet's name ('thefosteringnetwork', 'fosteringnetwork')."""
    return label in {letters(outlet), letters(bare_name(outlet, ctx.lex["markers.name_article"]))}


def _named_outlet(outlet: str, registry: dict[str, ActorInfo], articles: frozenset[str],
                  small: frozenset[str] = frozenset()) -> str | None:
    """The key of an organisation the page mentions whose name is the outlet (a leading 'The' aside)
    or the outlet's initials ('NLCBF'; then the outlet's name becomes its name, the initials an alias)."""
    key = _organisation_called(registry, bare_name(outlet, articles), articles)
    if key is not None:
        return key
    key = next((k for k, info in registry.items() if info.type == ORG and abbreviates(info.name, outlet, small)), None)
    if key is not None:
        info = registry[key]
        info.aliases.add(info.name)
        info.name = outlet
    return key


def _branch_outlet(outlet: str, registry: dict[str, ActorInfo], articles: frozenset[str]) -> str | None:
    """An outlet named as a branch of an organisation the page mentions: the organisation's name and
    one or two capitalised words more ('UNISON Manchester' on a page where 'UNISON joins ...')."""
    words = bare_name(outlet, articles).split()
    for cut in (len(words) - 1, len(words) - 2):
        rest = words[cut:]
        if cut < 1 or not all(w[:1].isupper() for w in rest):
            continue
        key = _organisation_called(registry, " ".join(words[:cut]), articles)
        if key is not None:
            return key
    return None


def _organisation_called(registry: dict[str, ActorInfo], name: str, articles: frozenset[str]) -> str | None:
    """The key of an organisation one of whose names is ``name`` (case and a leading 'The' aside)."""
    want = name.lower()
    return next((k for k, info in registry.items() if info.type == ORG and
                 any(bare_name(n, articles).lower() == want for n in {info.name, *info.aliases})), None)


def _roles(ctx: ActorContext, mentions: list[tuple[Span, str]], registry: dict[str, ActorInfo]) -> set[int]:
    """Role phrases of the people mentioned, and the organisation named in each role."""
    key_at = {i: key for span, key in mentions for i in range(span.start, span.end)}
    role_tokens: set[int] = set()
    for span, key in mentions:
        info = registry.get(key)
        if info is None or info.type != PERSON:
            continue
        found = ROLES.first(ctx, span)
        if found is None:
            continue
        text, start, end = found
        role_tokens.update(range(start, end))
        if not info.role:
            info.role = text
            info.affiliation = next((key_at[i] for i in range(start, end) if key_at.get(i) and key_at[i] != key
                                     and registry.get(key_at[i]) and registry[key_at[i]].type == ORG), None)
    return role_tokens
