"""The GDELT 2.0 Mentions table: one tab-separated line per mention of an event in a document,
columns in codebook order (../shared/data/gdelt-cameo/gdelt_event_cookbook.md, "Mentions table").

How ours map:
- GlobalEventID: the canonical event's GLOBALEVENTID in the event table (that of its first
  mention); with `events="raw"`, the raw event's own id.
- EventTimeDate: when the event was first seen (its canonical `first_seen`, else the document's
  ingest time); MentionTimeDate: when this document was stored.  Both YYYYMMDDHHMMSS, UTC.
- MentionType: 1 (WEB) with a URL, else 2 (CITATIONONLY); MentionSourceName: the URL's host,
  else the document's source; MentionIdentifier: the URL, else the source.
- SentenceID: the sentence index + 1; Actor1/Actor2CharOffset: the actor's / recipient's mention
  nearest the trigger (-1 without one); ActionCharOffset: the trigger's start.  Offsets are code
  points of the document's own text (not of an English translation: ghatna translates nothing).
- InRawText: 1 (events are coded from the text itself); Confidence: the event's confidence as a
  percent; MentionDocLen: characters of the text; MentionDocTone: 0 (not computed);
  MentionDocTranslationInfo and Extras: blank.

Events the event table leaves out (no CAMEO code, no date, negated) are left out here too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ghatna.export.common import (
    ExportResult,
    entity_index,
    nearest_mention,
    open_output,
    resolve_event_date,
    stable_int_id,
)
from ghatna.export.gdelt import EVENT_MODES, clean_field
from ghatna.store import Store, StoredDocument
from ghatna.stories.events import source_of

MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)


def _canonical_firsts(store: Store) -> dict[tuple[str, str], tuple[int, object]]:
    """(doc_id, event_id) -> (GlobalEventID of its canonical event, that event's first_seen)."""
    tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not {"canonical_events", "event_mentions"} <= tables:
        return {}
    rows = store.con.execute(
        "SELECT m.doc_id, m.event_id, c.first_doc_id, c.first_event_id, c.first_seen "
        "FROM event_mentions m JOIN canonical_events c USING (canonical_id)").fetchall()
    return {(d, e): (stable_int_id(fd, fe), seen) for d, e, fd, fe, seen in rows}


def mention_rows(stored: StoredDocument, result: ExportResult,
                 canonical: dict[tuple[str, str], tuple[int, object]]) -> Iterator[list[str]]:
    doc = stored.doc
    entities = entity_index(doc)
    text_length = len(doc.get("text") or "")
    mention_time = stored.ingested_at.strftime("%Y%m%d%H%M%S")
    source = doc.get("source") or ""
    for event in doc.get("events") or []:
        if not (event.get("cameo") or "").strip():
            result.skipped["no CAMEO code"] += 1
            continue
        if event.get("negated"):
            result.skipped["negated"] += 1
            continue
        if resolve_event_date(event, doc) is None:
            result.skipped["no date"] += 1
            continue
        global_id, first_seen = canonical.get((doc["doc_id"], event["id"]),
                                              (stable_int_id(doc["doc_id"], event["id"]), None))
        trigger = event["trigger"]

        def offset(ids: list[str], at: int = trigger["start"]) -> int:
            entity = next((entities[i] for i in ids if i in entities), None)
            mention = nearest_mention(entity, at) if entity else None
            return mention["start"] if mention else -1

        sentence = event.get("sentence")
        confidence = event.get("confidence")
        row = [
            global_id, (first_seen or stored.ingested_at).strftime("%Y%m%d%H%M%S"), mention_time,
            1 if stored.url else 2, source_of(stored.url, source), stored.url or source,
            sentence + 1 if sentence is not None else None, offset(event.get("actors") or []),
            offset(event.get("recipients") or []), trigger["start"], 1,
            round(100 * confidence) if confidence is not None else None, text_length, 0, None, None,
        ]
        yield [clean_field(v) for v in row]


def write_mentions(store: Store, out: Path | None, header: bool = False, events: str = "canonical") -> ExportResult:
    """Write the GDELT Mentions table (stdout when `out` is None)."""
    if events not in EVENT_MODES:
        raise ValueError(f"unknown events mode {events!r}; choose one of {', '.join(EVENT_MODES)}")
    result = ExportResult()
    canonical = _canonical_firsts(store) if events == "canonical" else {}
    with open_output(out) as stream:
        if header:
            stream.write("\t".join(MENTION_COLUMNS) + "\n")
        for stored in store.stored_documents():
            for row in mention_rows(stored, result, canonical):
                stream.write("\t".join(row) + "\n")
                result.written += 1
    return result
