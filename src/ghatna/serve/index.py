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

# One entity reference as it appears in an event row.
_REF = ("{{'id': coalesce(m.m[{v}].key, e.doc_id || '/' || {v}), 'name': coalesce(m.m[{v}].name, {v}), "
        "'code': m.m[{v}].code}}")

_BUILD_EVENTS = f"""
CREATE TABLE ev AS
WITH emap AS (
    SELECT doc_id, map_from_entries(list((entity_id, {{'key': key, 'name': name, 'code': actor_code,
           'country': country, 'lat': lat, 'lon': lon, 'admin1': admin1, 'precision': geo_precision}}))) AS m
    FROM ent GROUP BY doc_id
), rows AS (
    SELECT e.event_id AS id, e.doc_id, e.type, e.mode, e.cameo, e.quad_class, e.intensity,
           e.date, e.date_precision, {_EVENT_DAY} AS event_day, d.published,
           [{_REF.format(v='a')} FOR a IN e.actors] AS actors,
           [{_REF.format(v='r')} FOR r IN e.recipients] AS recipients,
           CASE WHEN e.place IS NOT NULL THEN coalesce(m.m[e.place].key, e.doc_id || '/' || e.place) END AS place_id,
           m.m[e.place].name AS place_name, m.m[e.place].country AS country, m.m[e.place].admin1 AS admin1,
           m.m[e.place].lat AS lat, m.m[e.place].lon AS lon, m.m[e.place].precision AS geo_precision,
           e.negated, e.modality, e.confidence, e.duration, d.lang, d.title,
           e.trigger_start, e.trigger_end, e.trigger_text, e.sentence,
           (d.sentences->>('$[' || e.sentence || '].start'))::INTEGER AS sentence_start,
           (d.sentences->>('$[' || e.sentence || '].end'))::INTEGER AS sentence_end,
           d.text AS doc_text
    FROM store.events e
    JOIN store.documents d USING (doc_id)
    LEFT JOIN emap m USING (doc_id)
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
       trigger_start, trigger_end, trigger_text, sentence, sentence_start, sentence_end,
       substring(doc_text, sentence_start + 1, sentence_end - sentence_start) AS sentence_text
FROM rows
ORDER BY day, id
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

    def __init__(self, db: str | Path, memory_limit: str = "400MB", threads: int = 2) -> None:
        self.path = Path(db)
        if not self.path.is_file():
            raise FileNotFoundError(f"no store at {self.path}")
        self.con = duckdb.connect(":memory:", config={"memory_limit": memory_limit, "threads": threads})
        self.con.execute("SET enable_progress_bar = false")
        self.con.execute("ATTACH ? AS store (READ_ONLY)", [str(self.path)])
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'store'").fetchall()}
        missing = {"documents", "entities", "events"} - tables
        if missing:
            raise ValueError(f"{self.path} is not a ghatna store (no {', '.join(sorted(missing))} table)")
        self.store_tables = frozenset(tables)
        self.con.execute(_BUILD_ENTITIES)
        self.con.execute(_BUILD_EVENTS)
        self.con.execute(_BUILD_ACTORS)
        self.con.execute("DROP TABLE ent")
        self.known = self._known()
        self._lock = threading.Lock()

    def close(self) -> None:
        self.con.close()

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

    def events(self, query: EventQuery, fields: Sequence[str], limit: int) -> list[dict[str, Any]]:
        """One page of matching events (limit + 1 rows, so the caller can tell whether more follow)."""
        where = query.where(after_cursor=True)
        order = query.order_by()
        # the sort key and id always come back, for the next cursor; the caller drops what was not asked for
        columns = list(dict.fromkeys([*fields, "id", "day", "confidence"]))
        select = ", ".join(_column_sql(c) for c in columns)
        return self.rows(f"SELECT {select} FROM ev WHERE {where.sql} ORDER BY {order} LIMIT ?",
                         [*where.params, limit + 1])

    def iter_events(self, query: EventQuery, fields: Sequence[str], limit: int,
                    chunk: int = 2000) -> Iterator[dict[str, Any]]:
        """Matching events streamed in chunks (downloads), at most `limit + 1` of them."""
        where = query.where(after_cursor=True)
        columns = list(dict.fromkeys([*fields, "id", "day", "confidence"]))
        select = ", ".join(_column_sql(c) for c in columns)
        with self.cursor() as cur:
            result = cur.execute(
                f"SELECT {select} FROM ev WHERE {where.sql} ORDER BY {query.order_by()} LIMIT ?",
                [*where.params, limit + 1])
            names = [d[0] for d in result.description]
            while batch := result.fetchmany(chunk):
                for row in batch:
                    yield dict(zip(names, row, strict=True))

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

    def map_points(self, query: EventQuery, max_points: int) -> list[dict[str, Any]]:
        where = query.where()
        return self.rows(
            "SELECT place_id, any_value(place_name) AS name, any_value(country) AS country, "
            "any_value(admin1) AS admin1, lat, lon, count(*) AS n, histogram(type) AS types, "
            "histogram(quad_class) AS quad_classes, min(id) AS first_event "
            f"FROM ev WHERE {where.sql} AND lat IS NOT NULL AND lon IS NOT NULL "
            "GROUP BY place_id, lat, lon ORDER BY n DESC, place_id LIMIT ?",
            [*where.params, max_points + 1])

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


