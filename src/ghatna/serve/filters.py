"""Request parameters -> a checked `EventQuery` -> a parameterised WHERE clause over the `ev` table.

Every parameter arrives as text and is checked here: a value that is malformed, out of range or
unknown to the store raises `BadRequest` with a one-line message naming the parameter, so the API
answers 400 and never runs a query it cannot answer.  Values only ever reach SQL as bound
parameters; the SQL text is built from fixed fragments.

`story` (events of one story's documents) and `canonical` (one row per canonical event: its first
report) need the tables stories add (`stories`, `canonical_events`); a store ingested with
`--no-stories` refuses them with a 400.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import datetime as dt
import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ghatna import ontology

MAX_VALUE_CHARS = 500  # any one parameter value
MAX_LIST_ITEMS = 50  # items in a comma-separated list
MAX_Q_WORDS = 10
MODALITIES = ("asserted", "future", "hypothetical", "reported")
SORTS = ("-date", "date", "-confidence", "confidence", "-id", "id")
FORMATS = ("json", "csv", "geojson", "jsonl")

# The filters that every event endpoint (list, aggregations, network) accepts.
FILTER_PARAMS = (
    "start", "end", "type", "country", "actor", "recipient", "party", "place", "bbox", "lang", "story",
    "q", "min_confidence", "modality", "negated", "canonical",
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CAMEO_PREFIX = re.compile(r"^\d{2,4}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_LANG = re.compile(r"^[a-z]{2,3}$")


class BadRequest(ValueError):
    """A request parameter that cannot be answered; the message says which and why."""


@dataclass
class Sql:
    sql: str
    params: list[Any] = field(default_factory=list)


@cache
def event_types() -> tuple[str, ...]:
    return (*ontology.plover_types(), ontology.DISASTER)


@cache
def _cameo_codes() -> frozenset[str]:
    return frozenset(ontology.table()["goldstein"])


def check_text(name: str, value: str, max_chars: int = MAX_VALUE_CHARS) -> str:
    """A parameter value as text: bounded in length, no control characters."""
    if len(value) > max_chars:
        raise BadRequest(f"{name}: value is {len(value)} characters, over the limit of {max_chars}")
    if _CONTROL.search(value):
        raise BadRequest(f"{name}: control characters are not allowed")
    return value


def _items(name: str, value: str) -> list[str]:
    items = [v.strip() for v in check_text(name, value).split(",")]
    items = [v for v in items if v]
    if not items:
        raise BadRequest(f"{name}: empty value")
    if len(items) > MAX_LIST_ITEMS:
        raise BadRequest(f"{name}: {len(items)} values, over the limit of {MAX_LIST_ITEMS}")
    return list(dict.fromkeys(items))


def _sample(values: Any, n: int = 12) -> str:
    values = sorted(values)
    shown = ", ".join(values[:n])
    return shown + (f", ... ({len(values)} in all)" if len(values) > n else "")


def parse_date(name: str, value: str, end: bool = False) -> dt.date:
    """YYYY, YYYY-MM or YYYY-MM-DD; as a range end, the last day of the period."""
    m = _DATE.match(check_text(name, value.strip(), 10))
    if not m:
        raise BadRequest(f"{name}: '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        if day is None:
            day_n = calendar.monthrange(year, month)[1] if end else 1
        else:
            day_n = int(day)
        return dt.date(year, month, day_n)
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise BadRequest(f"{name}: '{value}' is not a valid date ({exc})") from None


def parse_bool(name: str, value: str) -> bool:
    lowered = check_text(name, value).strip().lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise BadRequest(f"{name}: '{value}' is not true or false")


def parse_float(name: str, value: str, low: float, high: float) -> float:
    try:
        number = float(check_text(name, value, 40))
    except ValueError:
        raise BadRequest(f"{name}: '{value}' is not a number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise BadRequest(f"{name}: {value} is outside {low:g}..{high:g}")
    return number


def parse_int(name: str, value: str, low: int, high: int) -> int:
    text = check_text(name, value, 40).strip()
    if not re.fullmatch(r"[+-]?\d+", text):
        raise BadRequest(f"{name}: '{value}' is not a whole number")
    number = int(text)
    if not low <= number <= high:
        raise BadRequest(f"{name}: {number} is outside {low}..{high}")
    return number


def parse_choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    text = check_text(name, value).strip()
    if text not in choices:
        raise BadRequest(f"{name}: '{text}' is not one of {', '.join(choices)}")
    return text


@dataclass
class Known:
    """Values the store holds (and codes ghatna knows), against which filter values are checked."""

    countries: frozenset[str]
    langs: frozenset[str]
    places: frozenset[str]
    actor_keys: frozenset[str]
    has_stories: bool = False
    has_canonical: bool = False
    stories: frozenset[str] = frozenset()  # story ids, when the store has stories


@dataclass
class EventQuery:
    """Checked filters, sort order and cursor position of one request."""

    start: dt.date | None = None
    end: dt.date | None = None
    types: list[str] = field(default_factory=list)
    cameo_prefixes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    langs: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    min_confidence: float | None = None
    modalities: list[str] = field(default_factory=list)
    negated: bool | None = None
    story: str | None = None
    canonical: bool = False  # one row per canonical event (its first report), not per document event
    sort: str = "-date"
    after: tuple[Any, str] | None = None  # (sort value, id) of the last row of the previous page

    # -- SQL -----------------------------------------------------------------------------------------

    def where(self, after_cursor: bool = False) -> Sql:
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            clauses.append(sql)
            params.extend(values)

        if self.start:
            add("day >= ?", self.start)
        if self.end:
            add("day <= ?", self.end)
        if self.types or self.cameo_prefixes:
            either = []
            if self.types:
                either.append("list_contains(?::VARCHAR[], type)")
                params.append(self.types)
            for prefix in self.cameo_prefixes:
                either.append("starts_with(cameo, ?)")
                params.append(prefix)
            clauses.append("(" + " OR ".join(either) + ")")
        if self.countries:
            add("list_contains(?::VARCHAR[], country)", self.countries)
        if self.actors:
            add("list_has_any(actor_keys, ?::VARCHAR[])", self.actors)
        if self.recipients:
            add("list_has_any(recipient_keys, ?::VARCHAR[])", self.recipients)
        if self.parties:
            add("(list_has_any(actor_keys, ?::VARCHAR[]) OR list_has_any(recipient_keys, ?::VARCHAR[]))",
                self.parties, self.parties)
        if self.places:
            add("list_contains(?::VARCHAR[], place_id)", self.places)
        if self.bbox:
            west, south, east, north = self.bbox
            add("lat BETWEEN ? AND ?", south, north)
            if west <= east:
                add("lon BETWEEN ? AND ?", west, east)
            else:  # the box crosses the antimeridian
                add("(lon >= ? OR lon <= ?)", west, east)
        if self.langs:
            add("list_contains(?::VARCHAR[], lang)", self.langs)
        for word in self.words:
            add("contains(lower(sentence_text), ?)", word.lower())
        if self.min_confidence is not None:
            add("confidence >= ?", self.min_confidence)
        if self.modalities:
            add("list_contains(?::VARCHAR[], modality)", self.modalities)
        if self.negated is not None:
            add("negated = ?", self.negated)
        if self.story is not None:
            add("doc_id IN (SELECT doc_id FROM store.documents WHERE story_id = ?)", self.story)
        if self.canonical:
            add("EXISTS (SELECT 1 FROM store.canonical_events c WHERE c.first_doc_id = doc_id "
                "AND c.first_event_id = id)")
        if after_cursor and self.after is not None:
            value, last_id = self.after
            key, descending = self._sort_key()
            op = "<" if descending else ">"
            if key is None:
                add(f"id {op} ?", last_id)
            else:
                add(f"({key} {op} ? OR ({key} = ? AND id {op} ?))", value, value, last_id)
        return Sql(" AND ".join(clauses), params)

    def _sort_key(self) -> tuple[str | None, bool]:
        descending = self.sort.startswith("-")
        name = self.sort.lstrip("-")
        # columns of `ev` without NULLs, so that keyset comparisons are total
        keys = {"date": "sort_day", "confidence": "sort_confidence", "id": None}
        return keys[name], descending

    def order_by(self) -> str:
        """An integer rank that orders rows exactly as (sort key, id) do."""
        direction = "DESC" if self.sort.startswith("-") else "ASC"
        return f"rank_{self.sort.lstrip('-')} {direction}"

    # -- cursors -------------------------------------------------------------------------------------

    def cursor_after(self, row: Mapping[str, Any]) -> str:
        """The cursor that continues after `row` (which carries `id`, `day` and `confidence`)."""
        name = self.sort.lstrip("-")
        if name == "date":
            value: Any = (row["day"] or dt.date(1, 1, 1)).isoformat()
        elif name == "confidence":
            value = row["confidence"] if row["confidence"] is not None else -1.0
        else:
            value = None
        payload = json.dumps([self.sort, value, row["id"]], separators=(",", ":"))
        return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(value: str, sort: str) -> tuple[Any, str]:
    """(sort value, id) from a cursor made by `EventQuery.cursor_after` for the same sort order."""
    text = check_text("cursor", value.strip(), 600)
    if not re.fullmatch(r"[A-Za-z0-9_-]+", text):
        raise BadRequest("cursor: malformed (not a cursor returned by this API)")
    try:
        payload = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError, ValueError):
        raise BadRequest("cursor: malformed (not a cursor returned by this API)") from None
    if not (isinstance(payload, list) and len(payload) == 3 and isinstance(payload[2], str)
            and len(payload[2]) <= 200):
        raise BadRequest("cursor: malformed (not a cursor returned by this API)")
    cursor_sort, raw, last_id = payload
    if cursor_sort != sort:
        raise BadRequest(f"cursor: made for sort={cursor_sort!s:.20}, not sort={sort}; start again without it")
    name = sort.lstrip("-")
    if name == "date":
        if not isinstance(raw, str):
            raise BadRequest("cursor: malformed (bad date)")
        try:
            return dt.date.fromisoformat(raw), last_id
        except ValueError:
            raise BadRequest("cursor: malformed (bad date)") from None
    if name == "confidence":
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
            raise BadRequest("cursor: malformed (bad confidence)")
        return float(raw), last_id
    if raw is not None:
        raise BadRequest("cursor: malformed")
    return None, last_id


def parse_event_query(params: Mapping[str, str], known: Known, boundary_countries: frozenset[str]) -> EventQuery:
    """Check every filter parameter in `params` (a str -> str mapping) into an EventQuery."""
    query = EventQuery()
    get: Callable[[str], str | None] = params.get
    if (value := get("start")) is not None:
        query.start = parse_date("start", value)
    if (value := get("end")) is not None:
        query.end = parse_date("end", value, end=True)
    if query.start and query.end and query.start > query.end:
        raise BadRequest(f"start {query.start} is after end {query.end}")
    if (value := get("type")) is not None:
        for item in _items("type", value):
            if _CAMEO_PREFIX.match(item):
                if not any(code.startswith(item) for code in _cameo_codes()):
                    raise BadRequest(f"type: no CAMEO code starts with '{item}'")
                query.cameo_prefixes.append(item)
            elif item.upper() in event_types():
                query.types.append(item.upper())
            else:
                raise BadRequest(f"type: unknown event type '{item}' (a PLOVER type: {', '.join(event_types())}; "
                                 "or a CAMEO code prefix such as 14)")
    if (value := get("country")) is not None:
        for item in _items("country", value):
            code = item.upper()
            if not _COUNTRY.match(code):
                raise BadRequest(f"country: '{item}' is not an ISO 3166-1 alpha-3 code (e.g. IND)")
            if code not in known.countries and code not in boundary_countries:
                raise BadRequest(f"country: unknown country code '{code}'")
            query.countries.append(code)
    for name, target in (("actor", query.actors), ("recipient", query.recipients), ("party", query.parties)):
        if (value := get(name)) is not None:
            for item in _items(name, value):
                if item not in known.actor_keys:
                    raise BadRequest(f"{name}: no actor '{item}' in this store (an actor code such as IND or "
                                     "an entity id; see /api/actors?prefix=)")
                target.append(item)
    if (value := get("place")) is not None:
        for item in _items("place", value):
            if item not in known.places:
                raise BadRequest(f"place: no event place '{item}' in this store (an entity id such as "
                                 "geonames:1261481)")
            query.places.append(item)
    if (value := get("bbox")) is not None:
        parts = check_text("bbox", value).split(",")
        if len(parts) != 4:
            raise BadRequest("bbox: give west,south,east,north in degrees")
        west, east = (parse_float("bbox", parts[i], -180, 180) for i in (0, 2))
        south, north = (parse_float("bbox", parts[i], -90, 90) for i in (1, 3))
        if south > north:
            raise BadRequest("bbox: south is above north")
        query.bbox = (west, south, east, north)
    if (value := get("lang")) is not None:
        from ghatna.lang import PACK_CODES

        for item in _items("lang", value):
            code = item.lower()
            if not _LANG.match(code) or (code not in PACK_CODES and code not in known.langs):
                raise BadRequest(f"lang: unknown language '{item}' (one of {_sample(set(PACK_CODES) | known.langs)})")
            query.langs.append(code)
    if (value := get("story")) is not None:
        check_text("story", value)
        if not known.has_stories:
            raise BadRequest("story: this store has no stories (it was ingested with --no-stories)")
        if value not in known.stories:
            raise BadRequest(f"story: unknown story '{value}'")
        query.story = value
    if (value := get("canonical")) is not None:
        query.canonical = parse_bool("canonical", value)
        if query.canonical and not known.has_canonical:
            raise BadRequest("canonical: this store has no canonical events (it was ingested with "
                             "--no-stories); leave canonical out or set it to false for raw events")
    if (value := get("q")) is not None:
        words = check_text("q", value, 200).split()
        if not words:
            raise BadRequest("q: empty value")
        if len(words) > MAX_Q_WORDS:
            raise BadRequest(f"q: {len(words)} words, over the limit of {MAX_Q_WORDS}")
        query.words = words
    if (value := get("min_confidence")) is not None:
        query.min_confidence = parse_float("min_confidence", value, 0.0, 1.0)
    if (value := get("modality")) is not None:
        for item in _items("modality", value):
            if item.lower() not in MODALITIES:
                raise BadRequest(f"modality: '{item}' is not one of {', '.join(MODALITIES)}")
            query.modalities.append(item.lower())
    if (value := get("negated")) is not None:
        query.negated = parse_bool("negated", value)
    if (value := get("sort")) is not None:
        query.sort = parse_choice("sort", value, SORTS)
    return query
