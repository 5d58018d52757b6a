"""Helpers shared by the event exports (PLOVER, GDELT): ids, dates, entity look-ups, CAMEO tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass
class ExportResult:
    """Records written, and records left out by reason (never dropped silently)."""

    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    merged: int = 0  # event mentions folded into a canonical event's record (not left out)


def event_key(doc_id: str, event_id: str) -> str:
    """An event id unique across the whole store.  The pipeline's event ids already start with
    their doc_id (the contract's `doc_id` + index); other ids are prefixed with it."""
    return event_id if event_id.startswith(f"{doc_id}-") else f"{doc_id}-{event_id}"


def stable_int_id(doc_id: str, event_id: str) -> int:
    """A stable positive integer for an event: the first 60 bits of the SHA-1 of its key."""
    return int(hashlib.sha1(event_key(doc_id, event_id).encode("utf-8")).hexdigest()[:15], 16)


def parse_partial_date(value: str | None) -> tuple[dt.date, str] | None:
    """'2022-01-12' -> (date, 'day'); '2022-01' -> (2022-01-01, 'month'); '2022' -> (2022-01-01, 'year')."""
    if not value:
        return None
    match = _PARTIAL_DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return date, "day" if day else "month" if month else "year"


# `date_precision` of exported events dated by the document rather than by their own text: the
# publication date, else (a document with no publication date) the day it was stored, as GDELT
# dates an article it cannot date by the day it was added.
PUBLISHED, INGESTED = "published", "ingested"
NOT_FROM_TEXT = frozenset({PUBLISHED, INGESTED})


def resolve_event_date(event: dict[str, Any], doc: dict[str, Any],
                       ingested: dt.date | None = None) -> tuple[dt.date, str] | None:
    """The event's own date, else the document's publication date, else the day the document was
    stored (`ingested`); with where it came from.

    The precision is the event's `date_precision` when it has its own date (or what the string
    itself shows), 'published' when it falls back on the publication date and 'ingested' on the
    day it was stored.
    """
    own = parse_partial_date(event.get("date"))
    if own:
        return own[0], event.get("date_precision") or own[1]
    published = parse_partial_date(doc.get("published"))
    if published:
        return published[0], PUBLISHED
    if ingested:
        return ingested, INGESTED
    return None


def export_date(event: dict[str, Any], doc: dict[str, Any], ingested: dt.date | None,
                result: ExportResult, dated_in_text_only: bool) -> tuple[dt.date, str] | None:
    """An event's export date and precision, or None (counted in `result`) when it has none or,
    with `dated_in_text_only`, when its text states none."""
    dated = resolve_event_date(event, doc, ingested)
    if dated is None:
        result.skipped["no date"] += 1
        return None
    if dated_in_text_only and dated[1] in NOT_FROM_TEXT:
        result.skipped["no date in the text"] += 1
        return None
    return dated


def entity_index(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entity["id"]: entity for entity in doc.get("entities") or []}


def nearest_mention(entity: dict[str, Any], offset: int) -> dict[str, Any] | None:
    """The entity's mention closest to a text offset (the event trigger), so the quoted surface form
    is the one the event was coded from."""
    mentions = entity.get("mentions") or []
    if not mentions:
        return None
    return min(mentions, key=lambda m: (abs(m["start"] - offset), m["start"]))


def sentence_span(doc: dict[str, Any], index: int | None) -> tuple[int, int] | None:
    sentences = doc.get("sentences") or []
    if index is None or not 0 <= index < len(sentences):
        return None
    return sentences[index]["start"], sentences[index]["end"]


def is_admin1_code(admin1: str | None) -> bool:
    """Our Geo.admin1 holds a GeoNames admin1 code ("02", "ENG") or a name; codes are short."""
    return bool(admin1) and len(admin1) <= 3 and admin1.isalnum()


def actor_chunks(actor_code: str | None) -> list[str]:
    """A raw CAMEO actor code cut into its 3-letter groups."""
    code = (actor_code or "").strip().upper()
    return [code[i : i + 3] for i in range(0, len(code), 3) if len(code[i : i + 3]) == 3]


def _load(name: str) -> Any:
    path = resources.files("ghatna").joinpath("data", "cameo", f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def goldstein_table() -> dict[str, float]:
    return _load("goldstein")


@cache
def country_table() -> dict[str, dict[str, str]]:
    return _load("countries")


@cache
def actor_code_groups() -> dict[str, frozenset[str]]:
    return {group: frozenset(codes) for group, codes in _load("actor_codes").items()}


def goldstein(cameo: str) -> float | None:
    """Goldstein score of a CAMEO code, falling back to its base (3-digit) and root (2-digit) code."""
    table = goldstein_table()
    for code in (cameo, cameo[:3], cameo[:2]):
        if code in table:
            return table[code]
    return None


def quad_class_of(cameo: str) -> int | None:
    """CAMEO root code -> quad class: 01-05 verbal cooperation, 06-08 material cooperation,
    09-13 verbal conflict, 14-20 material conflict."""
    try:
        root = int(cameo[:2])
    except ValueError:
        return None
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


@contextmanager
def open_output(out: Path | None) -> Iterator[IO[str]]:
    """A text stream for `out`, or stdout when `out` is None."""
    if out is None:
        yield sys.stdout
        return
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as stream:
        yield stream
