"""The argmap_actors component: people and organisations, their aliases, roles and affiliations.

Mentions come from three places: the taxonomy's known actors, the NER model's PERSON/ORG
entities (repaired: trimmed, filtered, surnames re-typed as people), and proper-noun subjects
of speech verbs that the NER model missed. Within a document, a surname or a titled name
("Ms Hinds") resolves to the full name mentioned elsewhere in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from argmap.lexicon import Lexicon, load_lexicon
from argmap.nlp.extensions import ACTOR_SPANS, install_extensions
from argmap.nlp.resources import doc_text, span_matches
from argmap.taxonomy import Taxonomy
from argmap.text import slugify

PERSON, ORG = "person", "organisation"
_BAD_CHARS = re.compile(r"[\n\u2022\u00b7\u25aa\u25cf|@#/\\]")
_NAME_TOKEN = re.compile(r"^[A-Z][\w'\u2019.-]*$")


@dataclass
class ActorInfo:
    """One actor as known inside a document."""

    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    affiliation: str | None = None
    known: bool = False


@dataclass
class ActorState:
    """What argmap_actors leaves on the Doc (doc._.argmap_actors)."""

    registry: dict[str, ActorInfo]
    mention_at: dict[int, str]  # token index -> actor key, for every token inside a mention
    role_tokens: set[int] = field(default_factory=set)  # tokens of role appositions

    def actor_of(self, token: Token) -> str | None:
        return self.mention_at.get(token.i)


# titles that stay part of a name given as title and surname ('Baroness Ilsley', 'Lord Halvergate')
_PEERAGE = frozenset({"lord", "baroness", "lady", "dame", "sir", "earl", "viscount", "countess"})
# words that end the name of a law or a draft law
_LAW_WORDS = frozenset({"bill", "act", "acts", "bills", "regulations", "order"})


class ActorFinder:
    """Finds actor mentions and builds the per-document actor registry."""

    def __init__(self, taxonomy: Taxonomy, lexicon: Lexicon):
        self.taxonomy = taxonomy
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        spans: list[tuple[Span, str, str, bool]] = []  # span, type, key, known
        spans += self._known(doc)
        spans += self._entities(doc)
        spans += self._speech_subjects(doc, spans)
        spans += self._named_with_role(doc, spans)
        spans = _non_overlapping(spans)
        registry, mentions = self._resolve(doc, spans)
        role_tokens = self._roles(doc, mentions, registry)
        self._author(doc, registry)
        group = []
        mention_at: dict[int, str] = {}
        for span, key in mentions:
            s = Span(doc, span.start, span.end, label=key)
            group.append(s)
            for i in range(span.start, span.end):
                mention_at[i] = key
        doc.spans[ACTOR_SPANS] = group
        doc._.argmap_actors = ActorState(registry, mention_at, role_tokens)
        return doc

    # ------------------------------------------------------------ candidate mentions
    def _known(self, doc: Doc):
        out = []
        for m in self.taxonomy.find_actors(doc_text(doc)):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            entry = self.taxonomy.actors[m.id]
            span = _trim(span, self.lex)
            if span is not None:
                out.append((span, entry.type or ORG, m.id, True))
        return out

    def _entities(self, doc: Doc):
        out = []
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "NORP"}:
                continue
            span = _trim(ent, self.lex)
            if span is None or not self._plausible(span):
                continue
            if ent.label_ in {"GPE", "LOC", "NORP"}:
                # a place tag swallowing a name: "commissioner for England Anne Longfield"
                span = _person_tail(span)
                if span is None:
                    continue
                out.append((span, PERSON, "", False))
                continue
            kind = PERSON if ent.label_ == "PERSON" else ORG
            if kind == ORG and self._looks_like_person(span):
                kind = PERSON
            if kind == PERSON and len(span) == 1:
                span = self._with_first_name(span)  # 'Superintendent Anjali Bhatt' tagged as 'Bhatt'
            cut = next((t.i for t in span if t.lower_ == "of"), None)
            head = span.doc[span.start:cut] if cut is not None else None
            if head is not None and 2 <= len(head) <= 3 and all(
                    t.is_alpha and t.is_title and t.lower_ not in self.lex.org_words for t in head):
                # 'Mina Ruel of Rights4Kids' tagged as one person: the name, then where she works
                out.append((span.doc[span.start:cut], PERSON, "", False))
                rest = _trim(span.doc[cut + 1:span.end], self.lex)
                if rest is not None and self._plausible(rest):
                    out.append((rest, ORG, "", False))
                continue
            out.append((span, kind, "", False))
        return out

    def _speech_subjects(self, doc: Doc, found):
        covered = {i for span, *_ in found for i in range(span.start, span.end)}
        out = []
        for tok in doc:
            if tok.lemma_.lower() not in self.lex.speech_verbs:
                continue
            for child in tok.children:
                if child.dep_ not in {"nsubj", "nsubjpass"} or child.pos_ != "PROPN" or child.i in covered:
                    continue
                if child.lower_ in self.lex.role_words or any(t.i in covered for t in child.subtree):
                    continue  # "Director of X at Y, Jane Doe told": the name is elsewhere in the phrase
                start = child.i
                while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
                    start -= 1
                span = _trim(doc[start : child.i + 1], self.lex)
                if span is not None and self._plausible(span):
                    span = _person_tail(span) or span
                    out.append((span, PERSON if len(span) <= 3 else ORG, "", False))
        return out

    def _with_first_name(self, span: Span) -> Span:
        """A one-word person extended over the capitalised first name just before it."""
        doc = span.doc
        i = span.start
        if i > 0:
            t = doc[i - 1]
            if t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.ent_type_ == "" and \
                    t.lower_ not in self.lex.titles and t.lower_ not in self.lex.role_words and \
                    t.lower_ not in self.lex.org_words and not (i - 1 == t.sent.start and t.lower_ in {"the"}):
                return doc[i - 1:span.end]
        return span

    def _looks_like_person(self, span: Span) -> bool:
        """An 'ORG' that is two or three plain name words followed by a role ('X Y, chief executive')."""
        words = [t for t in span]
        if not 2 <= len(words) <= 3 or any(t.lower_ in self.lex.org_words or not t.is_alpha or not t.is_title
                                           for t in words):
            return False
        doc = span.doc
        nxt = doc[span.end:span.end + 5]
        before = doc[max(0, span.start - 3):span.start]
        far = doc[max(0, span.start - 8):span.start]
        return (len(nxt) > 1 and nxt[0].text == "," and any(t.lower_ in self.lex.role_words for t in nxt[1:])) or \
            (len(before) > 0 and before[-1].lower_ in self.lex.role_words) or \
            (len(far) > 1 and far[-1].text == "," and any(t.lower_ in self.lex.role_words for t in far[:-1]))
            # 'The director of children's services, Anneliese Groombridge, said'

    def _named_with_role(self, doc: Doc, found):
        """Two or three capitalised proper nouns next to a role ('Jo Bell, director of X' /
        'chief executive Jo Bell') are a person even when the NER model missed them."""
        covered = {i for span, *_ in found for i in range(span.start, span.end)}
        out = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and j - i < 3 and doc[j].pos_ == "PROPN" and doc[j].is_title and doc[j].is_alpha \
                    and doc[j].lower_ not in self.lex.org_words and j not in covered:
                j += 1
            if j - i >= 2:
                span = doc[i:j]
                if self._looks_like_person(span) and self._plausible(span):
                    out.append((span, PERSON, "", False))
                i = j
            else:
                i += 1
        return out

    def _plausible(self, span: Span) -> bool:
        text = span.text
        if _BAD_CHARS.search(text) or len(text) < 2 or len(span) > 8:
            return False
        if text.lower() in self.lex.not_actors or text.lower().removeprefix("the ") in self.lex.not_actors:
            return False
        if not any(t.text[:1].isupper() for t in span) or any(t.like_num for t in span):
            return False
        if len(span) == 1 and span[0].lower_ in self.lex.role_words:
            return False
        doc = span.doc
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        and_after = doc[span.end + 1:span.end + 5] if after == "and" else []
        if span[-1].lower_ in _LAW_WORDS or after in _LAW_WORDS or any(t.lower_ in _LAW_WORDS for t in and_after):
            return False  # 'the Children's Wellbeing and Schools Bill' is a law, not an actor
        # a heading line is no actor, nor is "a National ... Framework" (a proposal)
        return not _is_heading(span) and not span_matches(span, self.taxonomy, "proposals")

    # ------------------------------------------------------------ canonical actors
    def _resolve(self, doc: Doc, spans):
        registry: dict[str, ActorInfo] = {}
        full_names: dict[str, str] = {}  # surname -> key of a multi-word person
        org_types = {}
        peers: dict[str, str] = {}  # surname -> 'Baroness Ilsley': a peer is named by title and surname
        for span, kind, key, known in spans:
            if kind == PERSON and not known:
                name = _name_text(span, self.lex)
                if len(name.split()) >= 2:
                    full_names.setdefault(name.split()[-1], slugify(name))
                doc = span.doc
                at = span.start if doc[span.start].lower_ in _PEERAGE else span.start - 1
                if len(name.split()) == 1 and at >= 0 and doc[at].lower_ in _PEERAGE:
                    peers.setdefault(name, f"{doc[at].text.title()} {name}")
        for surname, peer in peers.items():
            full_names.setdefault(surname, slugify(peer))
        mentions = []
        for span, kind, key, known in spans:
            name = _name_text(span, self.lex)
            if not name:
                continue
            if known:
                entry = self.taxonomy.actors[key]
                info = registry.setdefault(key, ActorInfo(key, entry.label, entry.type or ORG,
                                                          set(entry.aliases), known=True))
                info.aliases.add(name)
                mentions.append((span, key))
                continue
            if kind == ORG and len(name.split()) == 1 and name in full_names:
                kind = PERSON  # a surname the NER model took for an organisation
            if kind == PERSON:
                words = name.split()
                if len(words) == 1 and words[0] in full_names:
                    key = full_names[words[0]]
                else:
                    key = slugify(name)
                if len(words) == 1 and words[0] in peers:
                    name = peers[words[0]]
                info = registry.setdefault(key, ActorInfo(key, name, PERSON))
                if len(name) > len(info.name):
                    info.aliases.add(info.name)
                    info.name = name
                elif name != info.name:
                    info.aliases.add(name)
            else:
                known_entry = self.taxonomy.actor_for_name(name)
                if known_entry is not None:
                    key = known_entry.id
                    info = registry.setdefault(key, ActorInfo(key, known_entry.label, known_entry.type or ORG,
                                                              set(known_entry.aliases), known=True))
                else:
                    key = slugify(name)
                    info = registry.setdefault(key, ActorInfo(key, name, ORG))
                    org_types[key] = True
                if name != info.name:
                    info.aliases.add(name)
            mentions.append((span, key))
        # a lone surname mentioned before the full name still resolves to it
        for key in [k for k, v in registry.items() if v.type == PERSON and " " not in v.name]:
            target = full_names.get(registry[key].name)
            if target and target != key and target in registry:
                registry[target].aliases.add(registry[key].name)
                mentions = [(s, target if k == key else k) for s, k in mentions]
                del registry[key]
        return registry, mentions

    def _author(self, doc: Doc, registry: dict[str, ActorInfo]) -> None:
        """Register the article's author (from front matter or byline) and note its key in the meta."""
        meta = doc._.argmap_meta
        if not meta or not meta.get("author"):
            return
        name = " ".join(str(meta["author"]).split())
        known = self.taxonomy.actor_for_name(name)
        if known is not None:
            key = known.id
            registry.setdefault(key, ActorInfo(key, known.label, known.type or ORG, set(known.aliases), known=True))
        else:
            key = next((k for k, v in registry.items() if v.name == name or name in v.aliases), slugify(name))
            words = name.replace("'s", "").replace("\u2019s", "").lower().split()
            looks_org = any(w.strip(",.&") in self.lex.org_words for w in words) or "&" in name
            kind = PERSON if 2 <= len(words) <= 4 and not looks_org and meta.get("author_type") != ORG else ORG
            info = registry.setdefault(key, ActorInfo(key, name, kind))
            if meta.get("author_role") and not info.role:
                info.role = meta["author_role"]
        meta["author_key"] = key

    # ------------------------------------------------------------ roles and affiliations
    def _roles(self, doc: Doc, mentions, registry):
        key_at = {}
        role_tokens: set[int] = set()
        for span, key in mentions:
            for i in range(span.start, span.end):
                key_at[i] = key
        for span, key in mentions:
            info = registry.get(key)
            if info is None or info.type != PERSON:
                continue
            # 'Jane Doe, chief executive of X' or 'The children's minister, Jane Doe': the first that names a role
            found = [r for r in (_apposition_after(doc, span), _role_before(doc, span, self.lex)) if r and any(
                w.lower().strip(",.'\u2019s") in self.lex.role_words for w in r[0].split())]
            if not found:
                continue
            text, start, end = found[0]
            role_tokens.update(range(start, end))
            if info.role:
                continue
            info.role = text
            for i in range(start, end):
                org = key_at.get(i)
                if org and org != key and registry.get(org) and registry[org].type == ORG:
                    info.affiliation = org
                    break
        return role_tokens


def _is_heading(span: Span) -> bool:
    """A mention that is a whole short line by itself ("Practice & Systems") is a heading."""
    sent = span.sent
    words = [t for t in sent if not t.is_space and not t.is_punct]
    return len(words) <= 6 and not sent.text.strip().endswith((".", "?", "!", "\u201d", '"')) and \
        span.start - sent.start <= 1 and sent.end - span.end <= 2


def _trim(span: Span, lex: Lexicon) -> Span | None:
    """Drop leading determiners/titles/punctuation and trailing possessives from a name span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"the", "a", "an"} or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "\u2019s", "'"} or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _person_tail(span: Span) -> Span | None:
    """The trailing two capitalised tokens of a span that looks like '<place> First Last'."""
    toks = [t for t in span]
    if len(toks) >= 3 and all(_NAME_TOKEN.match(t.text) for t in toks[-2:]):
        prev = span.doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.pos_ == "ADP":
            return span.doc[span.end - 2 : span.end]
    return None if len(toks) >= 3 or span.label_ in {"GPE", "LOC", "NORP"} else span


def _name_text(span: Span, lex: Lexicon) -> str:
    start = span.start
    while start < span.end and (span.doc[start].is_space or span.doc[start].lower_.rstrip(".") in lex.titles):
        start += 1
    text = " ".join(span.doc[start:span.end].text.split())
    return text.replace(" - ", "-").replace(" -", "-").replace("- ", "-").replace("\u2019", "'").strip()


def _apposition_after(doc: Doc, span: Span):
    """'Jane Doe, chief executive of X, said' -> ('chief executive of X', start, end)."""
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while j < len(doc) and doc[j].text not in {",", ".", ";", ":", "\u201c", '"'} and j - i < 16 and not doc[j].is_space:
        if doc[j].pos_ == "VERB" and doc[j].dep_ in {"ROOT", "ccomp"} and j > i + 1:
            break
        j += 1
    if j <= i + 1 or j - i >= 16:
        return None
    first = doc[i + 1]
    if first.text[:1].isupper() and first.pos_ == "PROPN":
        return None  # a list of names, not a role
    return doc[i + 1 : j].text, i + 1, j


def _role_before(doc: Doc, span: Span, lex: Lexicon):
    """'children's minister Jane Doe' / 'Director of X at Y, Jane Doe' -> the role phrase."""
    sent = span.sent
    i = span.start
    if i > sent.start and doc[i - 1].text == ",":
        j = i - 1
        if all(t.text != "," for t in doc[sent.start : j]) and j - sent.start <= 14:
            start = sent.start
            while start < j and (doc[start].is_punct or doc[start].lower_ in {"however", "but", "and"}):
                start += 1
            if start < j:
                return doc[start:j].text, start, j
        return None
    j = i
    while j > sent.start and j > i - 10:
        t = doc[j - 1]
        if t.is_punct and t.text not in {"'", "\u2019", "-"} or t.pos_ in {"VERB", "AUX"} or t.lower_ in {"the", "by", "says", "said"}:
            break
        j -= 1
    if j < i:
        words = doc[j:i]
        if any(t.lower_ in lex.role_words for t in words):
            return words.text, j, i
    return None


def _non_overlapping(spans):
    """Keep known actors first, then longer spans, dropping overlaps."""
    order = sorted(spans, key=lambda s: (not s[3], -(s[0].end - s[0].start), s[0].start))
    taken: set[int] = set()
    out = []
    for item in order:
        span = item[0]
        idx = set(range(span.start, span.end))
        if idx & taken:
            continue
        taken |= idx
        out.append(item)
    return sorted(out, key=lambda s: s[0].start)


@Language.factory(
    "argmap_actors",
    default_config={"taxonomy": None, "cues": None},
    assigns=["doc._.argmap_actors", "doc.spans"],
    requires=["token.pos", "token.dep", "doc.ents"],
)
def make_actor_finder(nlp: Language, name: str, taxonomy: str | None, cues: str | None) -> ActorFinder:
    from argmap.nlp.resources import get_taxonomy

    return ActorFinder(get_taxonomy(taxonomy), load_lexicon(cues))
