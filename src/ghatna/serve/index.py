"""The server's read-only view of a store: one flat, denormalised row per event, built once at start.

The store file is ATTACHed read-only to an in-memory DuckDB database; the flat `ev` table (actors,
recipients and place resolved to names, codes and coordinates; the event's sentence; an effective
day) and the `actor_index` table live in memory, so that each request is one query over one table.
Nothing is ever written to the store.  Every value from a request reaches SQL as a bound parameter;
only names from fixed whitelists (columns, sort keys, intervals) are spliced into SQL text.

Each request gets its own DuckDB cursor (a cursor is a connection to the same database), so the
thread pool that runs requests never shares one connection between threads.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ghatna.serve.filters import EventQuery, Known

# A document-local entity id (e3, ag1) means nothing outside its document; it becomes "<doc_id>/<id>".
_GLOBAL_ID = "(entity_id LIKE '%:%' OR regexp_matches(entity_id, '^Q[0-9]+$'))"
_EVENT_DAY = ("coalesce(try_strptime(e.date, '%Y-%m-%d'), try_strptime(e.date, '%Y-%m'), "
              "try_strptime(e.date, '%Y'))::DATE")

_BUILD_ENTITIES = f"""
CREATE TABLE ent AS
SELECT doc_id, entity_id, name, type, country, actor_code, lat, lon, admin1, geo_precision,
       CASE WHEN {_GLOBAL_ID} THEN entity_id ELSE doc_id || '/' || entity_id END AS key
FROM store.entities
QUALIFY row_number() OVER (PARTITION BY doc_id, entity_id) = 1  -- one row per id, whatever the store holds
"""

# Actor and recipient lists as {id, name, code} references, in the event's order (a join per side:
# far cheaper than map lookups per event on a big store).
_REFS = """
SELECT x.event_id, list({{'id': coalesce(n.key, x.doc_id || '/' || x.ref), 'name': coalesce(n.name, x.ref),
                         'code': n.actor_code}} ORDER BY x.pos) AS refs
FROM (SELECT event_id, doc_id, unnest({side}) AS ref, generate_subscripts({side}, 1) AS pos FROM store.events) x
LEFT JOIN ent n ON n.doc_id = x.doc_id AND n.entity_id = x.ref
GROUP BY x.event_id
"""

_BUILD_CORE = f"""
CREATE TABLE ev_core AS
WITH actor_refs AS ({_REFS.format(side="actors")}),
recipient_refs AS ({_REFS.format(side="recipients")}),
docs AS (SELECT doc_id, published, lang, title, sentences FROM store.documents),
rows AS (
    SELECT e.event_id AS id, e.doc_id, e.type, e.mode, e.cameo, e.quad_class, e.intensity,
           e.date, e.date_precision, {_EVENT_DAY} AS event_day, d.published,
           coalesce(a.refs, []) AS actors, coalesce(r.refs, []) AS recipients,
           CASE WHEN e.place IS NOT NULL THEN coalesce(p.key, e.doc_id || '/' || e.place) END AS place_id,
           p.name AS place_name, p.country, p.admin1, p.lat, p.lon, p.geo_precision,
           e.negated, e.modality, e.confidence, e.duration, d.lang, d.title,
           e.trigger_start, e.trigger_end, e.trigger_text, e.sentence,
           (d.sentences->>('$[' || e.sentence || '].start'))::INTEGER AS sentence_start,
           (d.sentences->>('$[' || e.sentence || '].end'))::INTEGER AS sentence_end
    FROM store.events e
    JOIN docs d USING (doc_id)
    LEFT JOIN ent p ON p.doc_id = e.doc_id AND p.entity_id = e.place
    LEFT JOIN actor_refs a ON a.event_id = e.event_id
    LEFT JOIN recipient_refs r ON r.event_id = e.event_id
)
SELECT id, doc_id, type, mode, cameo, quad_class, intensity, date, date_precision,
       coalesce(event_day, published) AS day,
       CASE WHEN event_day IS NOT NULL THEN 'text' WHEN published IS NOT NULL THEN 'published' END
           AS date_source,
       actors, recipients,
       list_distinct(list_concat([x.id FOR x IN actors], [x.code FOR x IN actors IF x.code IS NOT NULL]))
           AS actor_keys,
       list_distinct(list_concat([x.id FOR x IN recipients],
                                 [x.code FOR x IN recipients IF x.code IS NOT NULL])) AS recipient_keys,
       place_id, place_name, country, admin1, lat, lon, geo_precision,
       negated, modality, confidence, duration, lang, title,
       trigger_start, trigger_end, trigger_text, sentence, sentence_start, sentence_end
FROM rows
"""

# The event's sentence, cut from the document text.  Documents stream past a hash table of the
# (small) event rows: with the join optimisers on, DuckDB may hash the documents instead, texts and
# all, which on a big store runs out of memory.
_BUILD_EVENTS = """
CREATE TABLE ev AS
SELECT c.*, substring(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence_text,
       -- sort keys without NULLs, so that keyset comparisons are total and top-N sorts a plain column
       coalesce(c.day, DATE '0001-01-01') AS sort_day, coalesce(c.confidence, -1.0) AS sort_confidence
FROM store.documents d JOIN ev_core c ON c.doc_id = d.doc_id
ORDER BY c.day, c.id
"""

# Integer ranks that sort like (sort key, id), and integer codes for grouping: a top-N or GROUP BY
# over integers is several times cheaper than over strings on a big store.
_RANK_EVENTS = """
CREATE TABLE ev2 AS SELECT *,
    row_number() OVER (ORDER BY sort_day, id) AS rank_date,
    row_number() OVER (ORDER BY sort_confidence, id) AS rank_confidence,
    row_number() OVER (ORDER BY id) AS rank_id,
    dense_rank() OVER (ORDER BY place_id) AS place_no
FROM ev ORDER BY sort_day, id;
DROP TABLE ev;
ALTER TABLE ev2 RENAME TO ev;
"""

# One row per event place, for the map (its points come back as counts per place and type).
_BUILD_PLACES = """
CREATE TABLE place_index AS
SELECT place_id, any_value(place_name) AS name, any_value(country) AS country, any_value(admin1) AS admin1,
       any_value(lat) AS lat, any_value(lon) AS lon
FROM ev WHERE place_id IS NOT NULL AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY place_id
"""

# Actors for autocomplete and filter checks: every actor code and every entity that is an actor or
# recipient of some event, with how many events it took part in on each side.
_BUILD_ACTORS = """
CREATE TABLE actor_index AS
WITH sides AS (
    SELECT unnest(actors) AS a, 'actor' AS side FROM ev
    UNION ALL SELECT unnest(recipients) AS a, 'recipient' AS side FROM ev
), keyed AS (
    SELECT a.id AS key, 'entity' AS kind, a.name, a.code, side FROM sides
    UNION ALL SELECT a.code, 'code', a.name, a.code, side FROM sides WHERE a.code IS NOT NULL
)
SELECT key, kind, CASE WHEN kind = 'code' THEN key ELSE mode(name) END AS name, any_value(code) AS code,
       list(DISTINCT name ORDER BY name)[1:5] AS names,
       count(*) FILTER (WHERE side = 'actor') AS as_actor,
       count(*) FILTER (WHERE side = 'recipient') AS as_recipient
FROM keyed GROUP BY key, kind
"""

# Columns an event row can return, in output order (`fields` picks from these).
EVENT_FIELDS: tuple[str, ...] = (
    "id", "doc_id", "type", "mode", "cameo", "quad_class", "intensity", "date", "date_precision", "day",
    "date_source", "actors", "recipients", "place_id", "place_name", "country", "admin1", "lat", "lon",
    "geo_precision", "negated", "modality", "confidence", "duration", "lang", "title", "trigger_text",
    "trigger_start", "trigger_end", "sentence", "sentence_text",
)


class EventIndex:
    """The store opened read-only, and the in-memory tables the API queries."""

    def __init__(self, db: str | Path, memory_limit: str = "256MB", threads: int = 2) -> None:
        self.path = Path(db)
        if not self.path.is_file():
            raise FileNotFoundError(f"no store at {self.path}")
        # DuckDB keeps store blocks cached up to its memory limit, so the limit bounds the server's
        # memory; building the tables may spill past it into a private temporary folder.
        self._spill = tempfile.mkdtemp(prefix="ghatna-serve-")
        self.con = duckdb.connect(":memory:", config={"memory_limit": memory_limit, "threads": threads,
                                                      "temp_directory": self._spill})
        self.con.execute("SET enable_progress_bar = false")
        self.con.execute("ATTACH ? AS store (READ_ONLY)", [str(self.path)])
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'store'").fetchall()}
        missing = {"documents", "entities", "events"} - tables
        if missing:
            raise ValueError(f"{self.path} is not a ghatna store (no {', '.join(sorted(missing))} table)")
        self.store_tables = frozenset(tables)
        self.con.execute(_BUILD_ENTITIES)
        self.con.execute(_BUILD_CORE)
        self.con.execute("DROP TABLE ent")
        self.con.execute("SET disabled_optimizers = 'join_order,build_side_probe_side'")
        self.con.execute(_BUILD_EVENTS)
        self.con.execute("RESET disabled_optimizers")
        self.con.execute("DROP TABLE ev_core")
        self.con.execute(_RANK_EVENTS)
        self.con.execute(_BUILD_ACTORS)
        self.con.execute(_BUILD_PLACES)
        self.known = self._known()
        self._lock = threading.Lock()

    def close(self) -> None:
        self.con.close()
        shutil.rmtree(self._spill, ignore_errors=True)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:  # creating a cursor touches the parent connection
            cur = self.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.cursor() as cur:
            result = cur.execute(sql, list(params))
            names = [d[0] for d in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.cursor() as cur:
            row = cur.execute(sql, list(params)).fetchone()
            return row[0] if row else None

    def _known(self) -> Known:
        def column(sql: str) -> frozenset[str]:
            return frozenset(r[0] for r in self.con.execute(sql).fetchall() if r[0] is not None)

        return Known(
            countries=column("SELECT DISTINCT country FROM ev"),
            langs=column("SELECT DISTINCT lang FROM ev"),
            places=column("SELECT DISTINCT place_id FROM ev"),
            actor_keys=column("SELECT key FROM actor_index"),
            has_stories=self.has_stories,
            has_canonical=self.has_canonical,
            stories=column("SELECT story_id FROM store.stories") if self.has_stories else frozenset(),
        )

    # -- stories and canonical events (issue 14) -----------------------------------------------------

    @property
    def has_stories(self) -> bool:
        """Stories exist once the store has a `stories` table; until then the `story` filter is refused."""
        return "stories" in self.store_tables

    @property
    def has_canonical(self) -> bool:
        return "canonical_events" in self.store_tables

    # -- events --------------------------------------------------------------------------------------

    def count(self, query: EventQuery) -> int:
        where = query.where()
        return self.value(f"SELECT count(*) FROM ev WHERE {where.sql}", where.params)

    def page_ids(self, query: EventQuery, limit: int) -> list[int]:
        """Row ids of the matching events in sort order after the cursor, at most `limit`.  Sorting one
        integer rank, then fetching whole rows by row id, keeps a page fast on a big store."""
        where = query.where(after_cursor=True)
        with self.cursor() as cur:
            rows = cur.execute(f"SELECT rowid FROM ev WHERE {where.sql} ORDER BY {query.order_by()} LIMIT ?",
                               [*where.params, limit]).fetchall()
        return [r[0] for r in rows]

    def rows_by_id(self, rowids: Sequence[int], fields: Sequence[str]) -> list[dict[str, Any]]:
        """Event rows for `rowids`, in that order, with `fields` and the sort keys (for the next cursor)."""
        if not rowids:
            return []
        columns = list(dict.fromkeys([*fields, "id", "day", "confidence"]))
        select = ", ".join(_column_sql(c) for c in columns)
        marks = ", ".join("?" * len(rowids))  # an IN list of row ids becomes direct row fetches
        found = {r.pop("_rowid"): r for r in self.rows(
            f"SELECT rowid AS _rowid, {select} FROM ev WHERE rowid IN ({marks})", [int(i) for i in rowids])}
        return [found[i] for i in rowids]

    def events(self, query: EventQuery, fields: Sequence[str], limit: int) -> list[dict[str, Any]]:
        """One page of matching events (limit + 1 rows, so the caller can tell whether more follow)."""
        return self.rows_by_id(self.page_ids(query, limit + 1), fields)

    def event(self, event_id: str) -> dict[str, Any] | None:
        select = ", ".join(_column_sql(c) for c in EVENT_FIELDS)
        rows = self.rows(f"SELECT {select}, sentence_start, sentence_end FROM ev WHERE id = ?", [event_id])
        return rows[0] if rows else None

    # -- aggregations --------------------------------------------------------------------------------

    def timeline(self, query: EventQuery, interval: str, by: str, max_buckets: int) -> tuple[list[dict], int]:
        """(rows of bucket, key, n) and the number of matching events without a day."""
        assert interval in ("day", "week", "month") and by in ("type", "country")
        where = query.where()
        rows = self.rows(
            f"SELECT date_trunc('{interval}', day)::DATE AS bucket, {by} AS key, count(*) AS n FROM ev "
            f"WHERE {where.sql} AND day IS NOT NULL GROUP BY ALL ORDER BY bucket, key LIMIT ?",
            [*where.params, max_buckets * 40])
        undated = self.value(f"SELECT count(*) FROM ev WHERE {where.sql} AND day IS NULL", where.params)
        return rows, undated

    def bucket_count(self, query: EventQuery, interval: str) -> int:
        assert interval in ("day", "week", "month")
        where = query.where()
        return self.value(f"SELECT count(DISTINCT date_trunc('{interval}', day)) FROM ev WHERE {where.sql}",
                          where.params)

    def map_points(self, query: EventQuery, max_points: int) -> tuple[list[dict[str, Any]], bool]:
        """Places with their event counts by type and quad class, busiest first; and whether more
        than `max_points` places matched."""
        where = query.where()
        counts = self.rows(
            "SELECT any_value(place_id) AS place_id, any_value(type) AS type, quad_class, n FROM ("
            f"SELECT place_no, type, quad_class, count(*) AS n FROM ev WHERE {where.sql} "
            "AND place_id IS NOT NULL AND lat IS NOT NULL GROUP BY place_no, type, quad_class) c "
            "JOIN (SELECT DISTINCT place_no, place_id FROM ev WHERE place_id IS NOT NULL) p USING (place_no) "
            "GROUP BY place_no, c.type, quad_class, n", where.params)
        places: dict[str, dict[str, Any]] = {}
        for row in counts:
            place = places.setdefault(row["place_id"], {"n": 0, "types": {}, "quad_classes": {}})
            place["n"] += row["n"]
            place["types"][row["type"]] = place["types"].get(row["type"], 0) + row["n"]
            if row["quad_class"] is not None:
                quad = str(row["quad_class"])
                place["quad_classes"][quad] = place["quad_classes"].get(quad, 0) + row["n"]
        busiest = sorted(places, key=lambda p: (-places[p]["n"], p))[:max_points]
        info = {r["place_id"]: r for r in self.rows(
            "SELECT place_id, name, country, admin1, lat, lon FROM place_index "
            "WHERE list_contains(?::VARCHAR[], place_id)", [busiest])}
        points = [{**info[p], **places[p],
                   "top_type": max(places[p]["types"], key=lambda t: (places[p]["types"][t], t))}
                  for p in busiest]
        return points, len(places) > max_points

    def map_regions(self, query: EventQuery) -> tuple[list[dict], list[dict], int]:
        where = query.where()
        countries = self.rows(f"SELECT country, count(*) AS n FROM ev WHERE {where.sql} AND country IS NOT NULL "
                              "GROUP BY country ORDER BY n DESC, country", where.params)
        admin1 = self.rows(f"SELECT country, admin1, count(*) AS n FROM ev WHERE {where.sql} "
                           "AND admin1 IS NOT NULL GROUP BY country, admin1 ORDER BY n DESC, country, admin1 "
                           "LIMIT 2000", where.params)
        unplaced = self.value(f"SELECT count(*) FROM ev WHERE {where.sql} AND lat IS NULL", where.params)
        return countries, admin1, unplaced

    def network(self, query: EventQuery, max_edges: int) -> list[dict[str, Any]]:
        """Actor -> recipient edges with counts; a node is an actor code where the entity has one."""
        where = query.where()
        return self.rows(
            "WITH f AS (SELECT actors, recipients FROM ev WHERE " + where.sql + " "
            "AND len(actors) > 0 AND len(recipients) > 0), "
            "a AS (SELECT unnest(actors) AS a, recipients FROM f), "
            "p AS (SELECT a, unnest(recipients) AS r FROM a) "
            "SELECT coalesce(a.code, a.id) AS source, coalesce(any_value(a.code), mode(a.name)) AS source_name, "
            "coalesce(r.code, r.id) AS target, coalesce(any_value(r.code), mode(r.name)) AS target_name, "
            "count(*) AS n "
            "FROM p WHERE coalesce(a.code, a.id) <> coalesce(r.code, r.id) "
            "GROUP BY source, target ORDER BY n DESC, source, target LIMIT ?",
            [*where.params, max_edges])

    def actors(self, prefix: str, limit: int) -> list[dict[str, Any]]:
        return self.rows(
            "SELECT key, kind, name, code, names, as_actor, as_recipient FROM actor_index "
            "WHERE starts_with(lower(name), lower(?)) OR starts_with(lower(key), lower(?)) "
            "ORDER BY as_actor + as_recipient DESC, kind, key LIMIT ?", [prefix, prefix, limit])

    def actor(self, key: str) -> dict[str, Any] | None:
        rows = self.rows("SELECT key, kind, name, code, names, as_actor, as_recipient FROM actor_index WHERE key = ? "
                         "ORDER BY kind DESC LIMIT 1", [key])
        return rows[0] if rows else None

    # -- documents -----------------------------------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.rows("SELECT doc_id, source, url, lang, status, title, published, authors, text, "
                         "sentences FROM store.documents WHERE doc_id = ?", [doc_id])
        return rows[0] if rows else None

    def document_parts(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        """Entities with mentions, quotes and quantities of one document."""
        parts = {
            "entities": self.rows(
                "SELECT entity_id, name, type, country, actor_code, lat, lon, admin1, geo_precision "
                "FROM store.entities WHERE doc_id = ? ORDER BY entity_id", [doc_id]),
            "mentions": self.rows(
                'SELECT entity_id, "start", "end", text, type FROM store.mentions WHERE doc_id = ? '
                'ORDER BY "start"', [doc_id]),
            "quotes": [], "quantities": [],
        }
        if "quotes" in self.store_tables:
            parts["quotes"] = self.rows(
                'SELECT quote_index, speaker, speaker_text, text, "start", "end", direct, cue FROM store.quotes '
                "WHERE doc_id = ? ORDER BY quote_index", [doc_id])
        if "quantities" in self.store_tables:
            parts["quantities"] = self.rows(
                'SELECT quantity_index, value, approx, unit, unit_en, text, "start", "end", event '
                "FROM store.quantities WHERE doc_id = ? ORDER BY quantity_index", [doc_id])
        return parts

    def document_events(self, doc_id: str) -> list[dict[str, Any]]:
        select = ", ".join(_column_sql(c) for c in EVENT_FIELDS)
        return self.rows(f"SELECT {select} FROM ev WHERE doc_id = ? ORDER BY trigger_start, id", [doc_id])

    # -- meta ----------------------------------------------------------------------------------------

    def store_counts(self) -> dict[str, int]:
        counts = {}
        for table in sorted(self.store_tables):
            counts[table] = self.value(f'SELECT count(*) FROM store."{table}"')
        return counts

    def summary(self) -> dict[str, Any]:
        row = self.rows("SELECT min(day) AS first_day, max(day) AS last_day, count(*) AS events, "
                        "count(day) AS dated, count(lat) AS placed FROM ev")[0]
        row["types"] = {r["type"]: r["n"] for r in self.rows(
            "SELECT type, count(*) AS n FROM ev GROUP BY type ORDER BY n DESC, type")}
        row["countries"] = {r["country"]: r["n"] for r in self.rows(
            "SELECT country, count(*) AS n FROM ev WHERE country IS NOT NULL GROUP BY country "
            "ORDER BY n DESC, country")}
        row["langs"] = {r["lang"]: r["n"] for r in self.rows(
            "SELECT lang, count(*) AS n FROM ev WHERE lang IS NOT NULL GROUP BY lang ORDER BY n DESC, lang")}
        return row


def _column_sql(name: str) -> str:
    if name not in EVENT_FIELDS and name not in ("sentence_start", "sentence_end"):
        raise ValueError(f"not an event field: {name}")
    return f'"{name}"'


