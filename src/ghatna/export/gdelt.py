"""The GDELT 2.0 event table: one tab-separated line per event, every column in codebook order.

Column meanings follow ../shared/data/gdelt-cameo/gdelt_event_cookbook.md.  How ours map:
- GLOBALEVENTID: a stable integer from the document and event ids (`stable_int_id`).
- SQLDATE/MonthYear/Year/FractionDate: the event's date, else the document's publication date.
- Actor1 = the event's first actor, Actor2 = its first recipient.  ActorNCode is the entity's CAMEO
  actor code (else its country), broken out into CountryCode / KnownGroupCode / TypeNCode with the
  codebook's code groups (data/cameo/actor_codes.json).  Ethnic and religion codes stay blank:
  ghatna does not code them.
- EventCode/EventBaseCode/EventRootCode from the event's `cameo`; QuadClass from the event (else
  from the CAMEO root code); GoldsteinScale from the CAMEO Goldstein table (data/cameo/goldstein.json).
- Events (default `canonical`): one row per canonical event (ghatna.stories.events: the same event
  reported by several documents counted once), with the fields of its first mention and GDELT's
  NumMentions/NumSources/NumArticles; its GLOBALEVENTID is its first mention's, so the Mentions
  table (export/mentions.py) joins on it.  `raw`: one row per event of each document, counts 1.
  A store written without stories has no canonical events: every event is its own.
  AvgTone: 0 (not computed).
- Actor1Geo/Actor2Geo: the actor entity's own geo, if it has one; ActionGeo: the event's place.
  CountryCode is FIPS 10-4 (data/cameo/countries.json); FeatureID is the GeoNames id for cities.
- IsRootEvent: 1 when the event's sentence starts in the first paragraph (the lead).
- DATEADDED: when the document was stored (UTC); SOURCEURL: its URL, else its source path.

Events without a CAMEO code or negated (GDELT has no way to say an event did not happen) are left
out and counted.  Every other event has a date: its own, else the publication date, else the day
the document was stored; `dated_in_text_only` leaves out (and counts) those whose text states none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ghatna.export.common import (
    ExportResult,
    actor_chunks,
    actor_code_groups,
    country_table,
    entity_index,
    export_date,
    goldstein,
    is_admin1_code,
    open_output,
    quad_class_of,
    sentence_span,
    stable_int_id,
)
from ghatna.store import Store, StoredDocument

EVENT_MODES = ("canonical", "raw")

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)


def clean_field(value: Any) -> str:
    """A field as text: None is blank, and tabs or line breaks never split a record."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 4))
    return " ".join(str(value).split()) if any(c in str(value) for c in "\t\r\n") else str(value)


def actor_fields(entity: dict[str, Any] | None) -> list[Any]:
    """The ten ActorN columns for one entity (all blank without one)."""
    if entity is None:
        return [None] * len(_ACTOR_FIELDS)
    groups = actor_code_groups()
    chunks = actor_chunks(entity.get("actor_code"))
    country = entity.get("country")
    rest = chunks
    if chunks and (chunks[0] == country or (country is None and not any(chunks[0] in g for g in groups.values()))):
        country, rest = chunks[0], chunks[1:]
    known = next((c for c in rest if c in groups["known_groups"]), None)
    types = [c for c in rest if c in groups["roles"] or c in groups["international"]][:3]
    types += [None] * (3 - len(types))
    code = entity.get("actor_code") or entity.get("country")
    name = (entity.get("name") or "").upper() or None
    return [code, name, country, known, None, None, None, *types]


def _geo_type(precision: str | None, country: str | None) -> int:
    """Codebook: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).  GDELT has
    no district type: a district (admin2) is coded at state level, a point at city level."""
    us = country == "USA"
    if precision == "country":
        return 1
    if precision in ("admin1", "admin2"):
        return 2 if us else 5
    return 3 if us else 4


def geo_fields(entity: dict[str, Any] | None) -> list[Any]:
    """The eight *Geo_ columns for an entity with coordinates; type 0 and blanks otherwise."""
    geo = (entity or {}).get("geo")
    if not geo:
        return [0] + [None] * (len(_GEO_FIELDS) - 1)
    iso3 = entity.get("country")
    country = country_table().get(iso3 or "", {})
    fips = country.get("fips")
    precision = geo.get("precision")
    geo_type = _geo_type(precision, iso3)
    admin1 = geo.get("admin1")
    # GeoNames admin1 codes are mostly FIPS-derived, as GDELT's ADM1 codes are.
    admin1_is_code = is_admin1_code(admin1)
    adm1_code = (fips + admin1 if admin1_is_code else None) if fips and precision != "country" else fips
    names = [entity.get("name")]
    if precision != "country":
        if admin1 and not admin1_is_code and precision == "city":
            names.append(admin1)
        names.append(country.get("name"))
    full_name = ", ".join(dict.fromkeys(n for n in names if n))
    if geo_type in (3, 4) or precision == "admin2":
        feature = geo.get("geonames_id")
    else:
        feature = adm1_code if geo_type in (2, 5) else fips
    return [geo_type, full_name or None, fips, adm1_code, None, geo.get("lat"), geo.get("lon"), feature]


def _lead_end(text: str) -> int:
    """End of the first paragraph (the lead): the first blank line, else the whole text."""
    end = text.find("\n\n")
    return len(text) if end < 0 else end


@dataclass(frozen=True)
class CanonicalRef:
    """An event mention's canonical event: whether it is the first mention, and the counts."""

    first: bool
    num_mentions: int
    num_sources: int
    num_articles: int


def canonical_index(store: Store) -> dict[tuple[str, str], CanonicalRef]:
    """(doc_id, event_id) -> its canonical event; empty for a store written without stories."""
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not {"canonical_events", "event_mentions"} <= tables:
        return {}
    rows = store.con.execute(
        "SELECT m.doc_id, m.event_id, m.doc_id = c.first_doc_id AND m.event_id = c.first_event_id, "
        "c.num_mentions, c.num_sources, c.num_articles "
        "FROM event_mentions m JOIN canonical_events c USING (canonical_id)").fetchall()
    return {(doc_id, event_id): CanonicalRef(bool(first), n_m, n_s, n_a)
            for doc_id, event_id, first, n_m, n_s, n_a in rows}


def gdelt_rows(stored: StoredDocument, result: ExportResult,
               canonical: dict[tuple[str, str], CanonicalRef] | None = None,
               dated_in_text_only: bool = False) -> Iterator[list[str]]:
    """The GDELT event rows of one stored document; skipped events are counted in `result`.
    With `canonical`, a mention that is not its canonical event's first is left to that event's
    row (counted in `result.merged`), and the first carries the canonical counts."""
    doc = stored.doc
    entities = entity_index(doc)
    lead_end = _lead_end(doc.get("text") or "")
    date_added = stored.ingested_at.strftime("%Y%m%d%H%M%S")
    source_url = stored.url or doc.get("source")
    for event in doc.get("events") or []:
        ref = canonical.get((doc["doc_id"], event["id"])) if canonical else None
        if ref is not None and not ref.first:
            result.merged += 1
            continue
        counts = (ref.num_mentions, ref.num_sources, ref.num_articles) if ref else (1, 1, 1)
        cameo = (event.get("cameo") or "").strip()
        if not cameo:
            result.skipped["no CAMEO code"] += 1
            continue
        if event.get("negated"):
            result.skipped["negated"] += 1
            continue
        dated = export_date(event, doc, stored.ingested_at.date(), result, dated_in_text_only)
        if dated is None:
            continue
        date: dt.date = dated[0]
        actor1 = next((entities[a] for a in event["actors"] if a in entities), None)
        actor2 = next((entities[r] for r in event["recipients"] if r in entities), None)
        place = entities.get(event.get("place") or "")
        span = sentence_span(doc, event.get("sentence"))
        sentence_start = span[0] if span else event["trigger"]["start"]
        quad_class = event.get("quad_class") or quad_class_of(cameo)
        score = goldstein(cameo)
        if score is None:
            score = event.get("intensity")
        row = [
            stable_int_id(doc["doc_id"], event["id"]),
            date.strftime("%Y%m%d"), date.strftime("%Y%m"), date.year,
            f"{date.year + (date.month * 30 + date.day) / 365:.4f}",
            *actor_fields(actor1),
            *actor_fields(actor2),
            1 if sentence_start < lead_end else 0,
            cameo, cameo[:3], cameo[:2], quad_class, score, *counts, 0,
            *geo_fields(actor1),
            *geo_fields(actor2),
            *geo_fields(place),
            date_added, source_url,
        ]
        yield [clean_field(v) for v in row]


def iter_gdelt(documents: Iterable[StoredDocument], result: ExportResult,
               canonical: dict[tuple[str, str], CanonicalRef] | None = None,
               dated_in_text_only: bool = False) -> Iterator[list[str]]:
    for stored in documents:
        yield from gdelt_rows(stored, result, canonical, dated_in_text_only)


def write_gdelt(store: Store, out: Path | None, header: bool = False, events: str = "canonical",
                dated_in_text_only: bool = False) -> ExportResult:
    """Write the stored events with a CAMEO code as GDELT 2.0 event-table lines (stdout when `out`
    is None): one per canonical event (`events="canonical"`) or per raw event (`"raw"`); no
    header line unless `header`; with `dated_in_text_only`, only events whose text states their date."""
    if events not in EVENT_MODES:
        raise ValueError(f"unknown events mode {events!r}; choose one of {', '.join(EVENT_MODES)}")
    result = ExportResult()
    canonical = canonical_index(store) if events == "canonical" else None
    with open_output(out) as stream:
        if header:
            stream.write("\t".join(GDELT_COLUMNS) + "\n")
        for row in iter_gdelt(store.stored_documents(), result, canonical, dated_in_text_only):
            stream.write("\t".join(row) + "\n")
            result.written += 1
    return result
