"""Typed shapes of the API's JSON answers (they are also the OpenAPI schema at /api/openapi.json)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field


class Error(BaseModel):
    error: str = Field(description="one line saying what was wrong with the request")


class ActorRef(BaseModel):
    id: str = Field(description="entity id (registry id, or <doc_id>/<local id> for a document-local entity)")
    name: str
    code: str | None = Field(None, description="CAMEO-style actor code")


class EventRow(BaseModel):
    """One event.  With `fields`, only the named fields are present."""

    id: str
    doc_id: str
    type: str = Field(description="PLOVER type, or DISASTER")
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    date: str | None = Field(None, description="the event's date as the text gives it (YYYY, YYYY-MM, YYYY-MM-DD)")
    date_precision: str | None = None
    day: dt.date | None = Field(None, description="day used to filter and sort: the event date (first day of "
                                                  "its period), else the document's publication date")
    date_source: str | None = Field(None, description="text | published | null")
    actors: list[ActorRef] = []
    recipients: list[ActorRef] = []
    place_id: str | None = None
    place_name: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 of the event's place")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str | None = None
    negated: bool | None = None
    modality: str | None = None
    confidence: float | None = None
    duration: str | None = None
    lang: str | None = None
    title: str | None = None
    trigger_text: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    sentence: int | None = None
    sentence_text: str | None = None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters")
    count: int = Field(description="events on this page")
    next: str | None = Field(None, description="cursor for the next page, or null on the last")
    events: list[EventRow]


class Span(BaseModel):
    start: int
    end: int
    text: str


class Mention(BaseModel):
    entity_id: str
    role: str = Field(description="actor | recipient | place")
    start: int
    end: int
    text: str


class Provenance(BaseModel):
    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    sentence: int
    sentence_span: Span
    trigger: Span


class EventDetail(BaseModel):
    event: EventRow
    provenance: Provenance
    mentions: list[Mention]
    quantities: list[dict[str, Any]]


class Highlight(BaseModel):
    start: int
    end: int
    kind: str = Field(description="entity | place | actor | recipient | trigger | quote | quantity")
    label: str
    ref: str | None = Field(None, description="entity id, event id, quote index or quantity index")


class DocumentView(BaseModel):
    doc_id: str
    source: str | None
    url: str | None
    lang: str | None
    title: str | None
    published: dt.date | None
    authors: list[str]
    text: str
    sentences: list[dict[str, Any]]
    highlights: list[Highlight]
    entities: list[dict[str, Any]]
    events: list[EventRow]
    quotes: list[dict[str, Any]]
    quantities: list[dict[str, Any]]


class TimelineBucket(BaseModel):
    start: dt.date
    total: int
    counts: dict[str, int]


class Timeline(BaseModel):
    interval: str
    by: str
    keys: list[str] = Field(description="the series, largest first")
    buckets: list[TimelineBucket]
    undated: int = Field(description="matching events with neither an event date nor a publication date")


class MapPoint(BaseModel):
    place_id: str
    name: str | None
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    n: int
    types: dict[str, int]
    quad_classes: dict[str, int]
    top_type: str


class RegionCount(BaseModel):
    country: str
    admin1: str | None = None
    n: int


class MapAggregation(BaseModel):
    points: list[MapPoint]
    truncated: bool = Field(description="true when more places matched than `max_points`")
    countries: list[RegionCount]
    admin1: list[RegionCount]
    unplaced: int = Field(description="matching events without coordinates")


class Actor(BaseModel):
    key: str = Field(description="the value to pass as actor/recipient/party")
    kind: str = Field(description="code | entity")
    name: str
    code: str | None
    names: list[str]
    as_actor: int
    as_recipient: int


class Actors(BaseModel):
    actors: list[Actor]


class NetworkNode(BaseModel):
    id: str
    name: str
    n: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    n: int


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Meta(BaseModel):
    version: str
    store: str
    counts: dict[str, int]
    summary: dict[str, Any]
    codebooks: dict[str, Any]
    features: dict[str, bool]
    limits: dict[str, int]


class SqlResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
