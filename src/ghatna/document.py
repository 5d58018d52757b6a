"""The one `Document` type that passes through every stage, and its JSON contract.

Every offset is a Unicode code-point offset into `Document.text`.  `to_dict()` produces
exactly the object described by `schema/document.schema.json`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

STATUS_OK = "ok"
STATUS_UNSUPPORTED = "unsupported_language"
STATUS_ERROR = "error"


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    start: int
    end: int
    lang: str | None = None


@dataclass
class Caption:
    text: str
    credit: str | None = None
    lang: str | None = None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str | None = None  # NER label of this mention (PER, ORG, LOC, ...)


@dataclass
class Geo:
    lat: float
    lon: float
    geonames_id: int | None = None
    admin1: str | None = None
    precision: str = "city"  # country | admin1 | admin2 | city | point


@dataclass
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    actor_code: str | None = None
    geo: Geo | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Event:
    id: str
    type: str
    trigger: Span
    sentence: int
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_precision: str | None = None
    duration: str | None = None  # ISO 8601 (P2W), from a time span the text ties to the event
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 1.0


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None
    speaker_text: str | None = None
    cue: str | None = None


@dataclass
class Quantity:
    value: float
    text: str
    start: int
    end: int
    approx: str = "exact"  # exact | more_than | less_than | at_least | about | up_to
    unit: str | None = None
    unit_en: str | None = None
    event: str | None = None


# Fields of the JSON contract, in output order.
CONTRACT_FIELDS = (
    "doc_id", "source", "lang", "status", "error", "title", "published", "authors", "captions",
    "text", "sentences", "entities", "events", "quotes", "quantities",
)


@dataclass
class Document:
    """A news document and everything extracted from it.

    `tokens` is working state for later stages (code-point spans into `text`); it is not part
    of the JSON contract.
    """

    text: str
    source: str = "<text>"
    doc_id: str = ""
    lang: str | None = None
    status: str = STATUS_OK
    error: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list, repr=False)
    url: str | None = None
    lang_hint: str | None = field(default=None, repr=False)  # language given by the source, if any
    input_hash: str | None = field(default=None, repr=False)  # RawDocument.input_hash of the input
    story_id: str | None = None  # set by the story index when the document is stored
    signals: Any = field(default=None, repr=False)  # StorySignals, working state for the story index

    @property
    def ok(self) -> bool:
        return self.status != STATUS_ERROR

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def to_dict(self) -> dict[str, Any]:
        full = asdict(self)
        return {name: full[name] for name in CONTRACT_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """A Document from its contract object (`to_dict()`), e.g. one read back from a store."""
        entities = [Entity(**{**e, "geo": Geo(**e["geo"]) if e.get("geo") else None,
                              "mentions": [Mention(**m) for m in e.get("mentions") or []]})
                    for e in data.get("entities") or []]
        events = [Event(**{**e, "trigger": Span(**e["trigger"])}) for e in data.get("events") or []]
        return cls(
            text=data.get("text") or "", source=data.get("source") or "<text>", doc_id=data.get("doc_id") or "",
            lang=data.get("lang"), status=data.get("status") or STATUS_OK, error=data.get("error"),
            title=data.get("title"), published=data.get("published"), authors=list(data.get("authors") or []),
            captions=[Caption(**c) for c in data.get("captions") or []],
            sentences=[Sentence(**s) for s in data.get("sentences") or []], entities=entities, events=events,
            quotes=[Quote(**q) for q in data.get("quotes") or []],
            quantities=[Quantity(**q) for q in data.get("quantities") or []],
        )

    @classmethod
    def failed(cls, source: str, reason: str) -> Document:
        """An error record: the source could not be read or processed (`reason`, on one line)."""
        reason = " ".join(reason.split())
        digest = hashlib.sha1(f"{source}\x00{reason}".encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
        return cls(text="", source=source, doc_id=f"err_{digest}", status=STATUS_ERROR, error=reason)


def make_doc_id(normalised_text: str) -> str:
    """Stable id of a document: the first 16 hex digits of the SHA-1 of its normalised text."""
    return hashlib.sha1(normalised_text.encode("utf-8")).hexdigest()[:16]
