"""PLOVER JSON Lines: one record per event, field names from the PLOVER manual's "Data Fields" chapter.

Required fields (manual, table "PLOVER JSON"): `id`, `date` (YYYY-MM-DD), `actor` (list of entity
objects), `event` (list of event categories).  Optional fields used here: `recipient`, `event_loc`
(the location object), `event_text`, `quad_code`, `event_scale`, `mode`, `context`, `text`,
`text_info`, `cite_info`, `coder`, `coded_date`, `coded_time`, `has_event`.  The manual lets
providers add named fields; ours keep each record traceable to the stored document: `doc_id`,
`event_id`, `cameo`, `date_precision`, `negated`, `modality`, `confidence`, `trigger`.

Events of our non-PLOVER type DISASTER are left out (and counted).  The manual makes `date`
required: an event is dated by its text, else by the publication date, else by the day the
document was stored (`date_precision` says which); `dated_in_text_only` leaves out (and counts)
those whose text states no date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ghatna import __version__
from ghatna.export.common import (
    ExportResult,
    actor_chunks,
    actor_code_groups,
    country_table,
    entity_index,
    event_key,
    export_date,
    is_admin1_code,
    nearest_mention,
    open_output,
    sentence_span,
)
from ghatna.store import Store, StoredDocument

# Our event types that are not PLOVER categories.
NON_PLOVER_TYPES = frozenset({"DISASTER"})

# Fields the manual marks required ("Required? Y").
REQUIRED_FIELDS = ("id", "date", "actor", "event")

# CAMEO international generic codes -> the manual's non-state "country" codes (table
# "International Non-state actor names"); the UN and EU get their own codes there.
_NON_STATE = {"IGO": "IGO", "NGO": "NGO", "NGM": "ISM", "IMG": "IMG", "MNC": "MNC"}
_KNOWN_GROUP_NON_STATE = {"UNO": "UNO", "EEC": "EUR"}

# Auxiliary modes go in `context` (manual, "Auxiliary modes").
_AUXILIARY_MODALITIES = frozenset({"historical", "future", "hypothetical"})

# Location `resolution`: 5=sub-city, 4=city, 3=district, 2=province, 1=country.
_RESOLUTION = {"country": 1, "admin1": 2, "admin2": 3, "city": 4, "point": 5}

CODER = f"ghatna {__version__}"


def entity_code_and_sector(entity: dict[str, Any]) -> tuple[str | None, str | None]:
    """The PLOVER entity `code` (country or non-state code) and `sector` (3 or 6 characters)."""
    groups = actor_code_groups()
    chunks = actor_chunks(entity.get("actor_code"))
    code = entity.get("country")
    rest = chunks
    if chunks and chunks[0] == code:
        rest = chunks[1:]
    elif chunks and chunks[0] in _NON_STATE:
        if code is None:
            known = next((_KNOWN_GROUP_NON_STATE[c] for c in chunks if c in _KNOWN_GROUP_NON_STATE), None)
            code = known or _NON_STATE[chunks[0]]
        rest = chunks[1:]
    elif chunks and code is None and not any(chunks[0] in groups[g] for g in groups):
        # A leading group that is no role, region or organisation code is the CAMEO country code.
        code, rest = chunks[0], chunks[1:]
    roles = [c for c in rest if c in groups["roles"]][:2]
    return code, "".join(roles) or None


def entity_object(entity: dict[str, Any], trigger_start: int) -> dict[str, Any]:
    """The manual's "Information object for entities" for one of our entities."""
    code, sector = entity_code_and_sector(entity)
    mention = nearest_mention(entity, trigger_start)
    return {
        "code": code,
        "sector": sector,
        "entity_text": mention["text"] if mention else entity.get("name"),
        "identifier_id": None,  # reserved for a Wikidata id, which ghatna does not resolve
        "identifier_text": entity.get("name"),
        "entity_id": entity["id"],
        "entity_type": entity.get("type"),
        "actor_code": entity.get("actor_code"),
    }


def location_object(entity: dict[str, Any], trigger_start: int) -> dict[str, Any]:
    """The manual's location object (Mordecai/GeoNames field names) for a place entity."""
    geo = entity.get("geo") or {}
    mention = nearest_mention(entity, trigger_start)
    precision = geo.get("precision")
    return {
        "extracted_place": mention["text"] if mention else None,
        "resolved_place": entity.get("name"),
        "geonameid": geo.get("geonames_id"),
        "lat": geo.get("lat"),
        "lon": geo.get("lon"),
        "city": entity.get("name") if precision == "city" else None,
        # Our admin1 is a GeoNames admin1 code or a name; the manual's `province` wants the name.
        "province": None if is_admin1_code(geo.get("admin1")) else geo.get("admin1"),
        "admin1_code": geo.get("admin1") if is_admin1_code(geo.get("admin1")) else None,
        "country": country_table().get(entity.get("country") or "", {}).get("name"),
        "country_code": entity.get("country"),
        "resolution": _RESOLUTION.get(precision) if precision else None,
        "entity_id": entity["id"],
    }


def plover_records(stored: StoredDocument, result: ExportResult,
                   dated_in_text_only: bool = False) -> Iterator[dict[str, Any]]:
    """The PLOVER records of one stored document's events; skipped events are counted in `result`."""
    doc = stored.doc
    entities = entity_index(doc)
    text = doc.get("text") or ""
    for event in doc.get("events") or []:
        if event["type"] in NON_PLOVER_TYPES:
            result.skipped["not a PLOVER type"] += 1
            continue
        dated = export_date(event, doc, stored.ingested_at.date(), result, dated_in_text_only)
        if dated is None:
            continue
        date, precision = dated
        trigger = event["trigger"]
        span = sentence_span(doc, event.get("sentence"))
        context = [c for c in (event.get("modality"),) if c in _AUXILIARY_MODALITIES]
        if event.get("negated"):
            context.append("negation")
        place = entities.get(event.get("place") or "")
        yield {
            "id": event_key(doc["doc_id"], event["id"]),
            "has_event": True,
            "date": date.isoformat(),
            "actor": [entity_object(entities[a], trigger["start"]) for a in event["actors"] if a in entities],
            "recipient": [entity_object(entities[r], trigger["start"])
                          for r in event["recipients"] if r in entities],
            "event": [event["type"]],
            "event_loc": location_object(place, trigger["start"]) if place else None,
            "event_text": [trigger["text"]],
            "quad_code": event.get("quad_class"),
            "event_scale": event.get("intensity"),
            "mode": [event["mode"]] if event.get("mode") else None,
            "context": context or None,
            "text": text[span[0] : span[1]] if span else None,
            "text_info": {"sequence": event.get("sentence"), "start": span[0], "end": span[1]} if span else None,
            "cite_info": {
                "citation": doc.get("source"),
                "url": stored.url,
                "title": doc.get("title"),
                "language": doc.get("lang"),
                "coder": CODER,
                "codebook": "plover",
            },
            "coder": CODER,
            "coded_date": stored.ingested_at.date().isoformat(),
            "coded_time": stored.ingested_at.time().isoformat(timespec="seconds"),
            "doc_id": doc["doc_id"],
            "event_id": event["id"],
            "cameo": event.get("cameo"),
            "date_precision": precision,
            "negated": bool(event.get("negated")),
            "modality": event.get("modality"),
            "confidence": event.get("confidence"),
            "trigger": {"start": trigger["start"], "end": trigger["end"], "text": trigger["text"]},
        }


def iter_plover(documents: Iterable[StoredDocument], result: ExportResult,
                dated_in_text_only: bool = False) -> Iterator[dict[str, Any]]:
    for stored in documents:
        yield from plover_records(stored, result, dated_in_text_only)


def write_plover(store: Store, out: Path | None, dated_in_text_only: bool = False) -> ExportResult:
    """Write every stored event as one PLOVER JSON record per line (stdout when `out` is None);
    with `dated_in_text_only`, only events whose text states their date."""
    result = ExportResult()
    with open_output(out) as stream:
        for record in iter_plover(store.stored_documents(), result, dated_in_text_only):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            result.written += 1
    return result
