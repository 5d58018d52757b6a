"""What the Hindi and English event detectors share: the candidate event, the sentence view, and
the mapping from entity mentions to the sentence's tokens."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

from ghatna.document import Document, Entity
from ghatna.text.normalise import match_key
from ghatna.text.segment import tokenize

# Entity types that cannot be an actor or recipient of an event.
NON_ACTOR_TYPES = frozenset({"DATE", "TIME", "NUM", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                             "ORDINAL", "LANGUAGE", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
PLACE_TYPES = frozenset({"LOC", "GPE", "FAC"})


class AgentRef(NamedTuple):
    """A generic actor noun (police, the government, protesters) found as an argument: its English
    name, CAMEO agent code, the country it belongs to (ISO 3166-1 alpha-3) where the text says,
    the unresolved organisation entity it heads, if any ("विदेश मंत्रालय" as a name), and the code
    its actor code begins with when that is not a country's (IGOWSTNAT for NATO's commander);
    `foreign` when its phrase places it abroad without naming where (विदेशी सैनिक)."""

    name: str
    code: str
    country: str | None = None
    entity: Entity | None = None
    prefix: str | None = None
    foreign: bool = False


@dataclass
class Candidate:
    """One event mention found in a sentence, with its arguments once they are attached."""

    sentence: int
    first: int  # first token index in the sentence
    last: int  # last token index + 1
    start: int  # trigger span, code points in doc.text
    end: int
    type: str
    mode: str | None
    source: str  # lexicon | crf | parse
    verbal: bool = True  # stated with a verb (not a bare noun)
    confidence: float = 0.7
    subtype: str | None = None  # the EDNIL type, when the CRF found it
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_precision: str | None = None
    negated: bool = False
    modality: str = "asserted"
    window_start: int = 0  # first token of the clause the arguments were taken from
    conditional: bool = False  # stated under a condition (unless, if / अगर, वरना)
    prohibitive: bool = False  # a refusal to allow something (अनुमति नहीं, will not allow)
    depth: int = 0  # distance from the root of the parse (English), to pick a sentence's main event


@dataclass
class SentenceView:
    index: int
    start: int
    end: int
    lang: str
    tokens: list[tuple[int, int]]
    words: list[str]
    keys: list[str]
    # (first token, last token + 1, entity) of each entity mention inside the sentence
    mentions: list[tuple[int, int, Entity]]

    def token_at(self, offset: int) -> int:
        """Index of the token that contains or follows a code-point offset."""
        return bisect.bisect_right([e for _, e in self.tokens], offset)

    def mention_starting(self, token: int) -> tuple[int, int, Entity] | None:
        for m in self.mentions:
            if m[0] == token:
                return m
        return None

    def entity_covering(self, token: int) -> tuple[int, int, Entity] | None:
        for m in self.mentions:
            if m[0] <= token < m[1]:
                return m
        return None


def sentence_views(doc: Document) -> list[SentenceView]:
    """Tokens and entity mentions of each sentence (mentions mapped to token ranges)."""
    mentions = sorted(((m.start, m.end, e) for e in doc.entities for m in e.mentions), key=lambda x: x[0])
    starts = [m[0] for m in mentions]
    views = []
    for index, s in enumerate(doc.sentences):
        tokens = tokenize(doc.text[s.start:s.end], s.start)
        words = [doc.text[a:b] for a, b in tokens]
        view = SentenceView(index, s.start, s.end, s.lang or doc.lang or "", tokens, words,
                            [match_key(w) for w in words], [])
        token_starts = [a for a, _ in tokens]
        token_ends = [b for _, b in tokens]
        lo = bisect.bisect_left(starts, s.start)
        for m_start, m_end, entity in mentions[lo:]:
            if m_start >= s.end:
                break
            if m_end > s.end:
                continue
            first = bisect.bisect_right(token_ends, m_start)
            last = bisect.bisect_left(token_starts, m_end)
            if first < last:
                view.mentions.append((first, last, entity))
        views.append(view)
    return views


def can_act(entity: Entity) -> bool:
    return entity.type not in NON_ACTOR_TYPES


def is_place(entity: Entity) -> bool:
    return entity.type in PLACE_TYPES or (entity.geo is not None)
