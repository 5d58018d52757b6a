"""One event counted once: the events of a story's documents linked into canonical events.

Two event mentions are the same event (GDELT's deduplication, made explicit) when they are in the
same story (near-duplicates always are), have the same type and negation, their dates are within
a day (the event's own date, else the document's publication date), nothing conflicts (actor sets
that share no one, recipients likewise, places more than `MAX_PLACE_KM` apart) and at least one
thing agrees: a shared actor or recipient; or, for reports in different documents, the same or a
nearby place below country level; or, in one document, the same sentence.  Entities are compared
by what is the same across documents and languages: a resolved id (registry actor, gazetteer
place) as is; an unresolved name by its consonant skeleton (so the Hindi 'Elin Jons' meets the
English 'Elin Jones'); an agent by its name.

Mentions join the first compatible canonical event in reading order (first seen, then document
and event order), so a canonical event's id is that of its first mention and stays put when
later reports arrive.  The canonical event keeps its first mention's fields and counts
`num_mentions` (event mentions), `num_articles` (documents) and `num_sources` (hosts, else
sources), with `first_seen`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ghatna.stories.signals import _skeleton_word

MAX_PLACE_KM = 100.0
NEAR_PLACE_KM = 50.0
MAX_DAYS_APART = 1
_LOCAL_ENTITY = re.compile(r"^e\d+$")
_AGENT = re.compile(r"^ag\d+$")


@dataclass(frozen=True)
class EntityRef:
    """What an event's actor, recipient or place is, comparably across documents."""

    key: str
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # country | admin1 | city (gazetteer places)


@dataclass
class EventMention:
    """One raw event of one document, with what comparing it needs."""

    doc_id: str
    event_id: str
    type: str
    negated: bool
    date: dt.date | None
    date_precision: str | None  # 'day', 'month', 'year', or 'published' (the document's date)
    actors: frozenset[str]
    recipients: frozenset[str]
    place: EntityRef | None
    sentence: int | None
    trigger_start: int
    trigger_end: int
    confidence: float | None
    seen_at: dt.datetime | None
    position: int  # order of the document within its batch
    source: str  # host of the document's URL, else its source


@dataclass
class CanonicalEvent:
    canonical_id: str
    story_id: str | None
    first: EventMention
    mentions: list[EventMention] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)
    places: list[EntityRef] = field(default_factory=list)

    @property
    def num_mentions(self) -> int:
        return len(self.mentions)

    @property
    def num_articles(self) -> int:
        return len({m.doc_id for m in self.mentions})

    @property
    def num_sources(self) -> int:
        return len({m.source for m in self.mentions})

    @property
    def first_seen(self) -> dt.datetime | None:
        seen = [m.seen_at for m in self.mentions if m.seen_at is not None]
        return min(seen) if seen else None

    def add(self, mention: EventMention) -> None:
        self.mentions.append(mention)
        self.actors |= mention.actors
        self.recipients |= mention.recipients
        if mention.place is not None:
            self.places.append(mention.place)


def entity_key(entity_id: str, name: str | None) -> str:
    """A key that is equal for the same entity in two documents (and two languages)."""
    if _AGENT.match(entity_id):
        return f"agent:{(name or '').casefold()}"
    if _LOCAL_ENTITY.match(entity_id):
        skeleton = " ".join(s for s in (_skeleton_word()(t) for t in re.split(r"[\s\-]+", name or "")) if s)
        return f"name:{skeleton}"
    return entity_id


def source_of(url: str | None, source: str) -> str:
    host = urlsplit(url).netloc.lower() if url else ""
    return host.removeprefix("www.") or source


def _km(a: EntityRef, b: EntityRef) -> float | None:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_relation(places: Sequence[EntityRef], place: EntityRef | None) -> str:
    """'agree', 'conflict' or 'unknown' between a canonical event's places and a mention's.  A
    whole country agrees with nothing (too many events share one) but still conflicts."""
    if place is None or not places:
        return "unknown"
    for known in places:
        if known.key == place.key:
            return "unknown" if place.precision == "country" else "agree"
        km = _km(known, place)
        if km is not None and km <= NEAR_PLACE_KM:
            return "agree"
    far = [_km(known, place) for known in places]
    if all(km is None or km > MAX_PLACE_KM for km in far):
        return "conflict"
    return "unknown"


def _dates_compatible(a: EventMention, b: EventMention) -> bool:
    if a.date is None or b.date is None:
        return True
    coarse = {"month", "year"}
    if a.date_precision in coarse or b.date_precision in coarse:
        if "year" in (a.date_precision, b.date_precision):
            return a.date.year == b.date.year
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return abs((a.date - b.date).days) <= MAX_DAYS_APART


def compatible(event: CanonicalEvent, mention: EventMention) -> bool:
    first = event.first
    if mention.type != first.type or mention.negated != first.negated:
        return False
    if not _dates_compatible(first, mention):
        return False
    agreements = 0
    for known, new in ((event.actors, mention.actors), (event.recipients, mention.recipients)):
        if known and new:
            if known.isdisjoint(new):
                return False
            agreements += 1
    place = _place_relation(event.places, mention.place)
    if place == "conflict":
        return False
    if agreements:
        return True
    # A place alone joins reports from different documents, not two mentions in one document
    # (an article that says 'help' four times about one town tells of several acts of help),
    # unless they are in the same sentence.
    same_document = [m for m in event.mentions if m.doc_id == mention.doc_id]
    if same_document:
        return any(m.sentence == mention.sentence for m in same_document)
    return place == "agree"


def _event_key(mention: EventMention) -> str:
    # the pipeline's event ids already start with their doc_id (as export.common.event_key says)
    event_id = mention.event_id
    return event_id if event_id.startswith(f"{mention.doc_id}-") else f"{mention.doc_id}-{event_id}"


def link_events(mentions: Iterable[EventMention], story_id: str | None) -> list[CanonicalEvent]:
    """Canonical events of one story's event mentions."""
    ordered = sorted(mentions, key=lambda m: (m.seen_at or dt.datetime.min, m.position, m.doc_id,
                                              m.trigger_start, m.event_id))
    events: list[CanonicalEvent] = []
    for mention in ordered:
        target = next((e for e in events if compatible(e, mention)), None)
        if target is None:
            target = CanonicalEvent(f"ce_{_event_key(mention)}", story_id, mention)
            events.append(target)
        target.add(mention)
    return events
