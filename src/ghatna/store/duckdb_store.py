"""The embedded DuckDB store: one table per kind of record, keyed on `doc_id`.

Writing a document replaces every row it had before (delete-then-insert across all tables in one
transaction per batch), so re-ingesting the same input never duplicates anything.  Rows go in
column-wise through `unnest` of bound lists: a single statement per table and batch, far faster
than `executemany` and with no pandas or pyarrow.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ghatna.document import STATUS_ERROR, STATUS_UNSUPPORTED, Document

# Documents buffered before a flush: bounds memory on a big, lazily produced ingest.
BATCH_SIZE = 500

# (column, DuckDB type) per table, in column order.  `start`/`end` are quoted in SQL (END is reserved).
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "VARCHAR"), ("source", "VARCHAR"), ("url", "VARCHAR"), ("lang", "VARCHAR"),
        ("status", "VARCHAR"), ("title", "VARCHAR"), ("published", "DATE"), ("authors", "VARCHAR[]"),
        ("captions", "JSON"), ("text", "VARCHAR"), ("sentences", "JSON"), ("ingested_at", "TIMESTAMP"),
        ("position", "INTEGER"), ("doc", "JSON"), ("story_id", "VARCHAR"),
    ],
    "entities": [
        ("doc_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"),
        ("country", "VARCHAR"), ("actor_code", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
        ("geonames_id", "BIGINT"), ("admin1", "VARCHAR"), ("geo_precision", "VARCHAR"),
    ],
    "mentions": [
        ("doc_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("text", "VARCHAR"), ("type", "VARCHAR"),
    ],
    "events": [
        ("doc_id", "VARCHAR"), ("event_id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
        ("cameo", "VARCHAR"), ("quad_class", "INTEGER"), ("intensity", "DOUBLE"),
        ("actors", "VARCHAR[]"), ("recipients", "VARCHAR[]"), ("place", "VARCHAR"), ("date", "VARCHAR"),
        ("date_precision", "VARCHAR"), ("negated", "BOOLEAN"), ("modality", "VARCHAR"),
        ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("trigger_text", "VARCHAR"),
        ("sentence", "INTEGER"), ("confidence", "DOUBLE"), ("duration", "VARCHAR"),
    ],
    "quotes": [
        ("doc_id", "VARCHAR"), ("quote_index", "INTEGER"), ("speaker", "VARCHAR"),
        ("speaker_text", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("direct", "BOOLEAN"), ("cue", "VARCHAR"),
    ],
    "quantities": [
        ("doc_id", "VARCHAR"), ("quantity_index", "INTEGER"), ("value", "DOUBLE"), ("approx", "VARCHAR"),
        ("unit", "VARCHAR"), ("unit_en", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"),
        ("end", "INTEGER"), ("event", "VARCHAR"),
    ],
    "errors": [
        ("doc_id", "VARCHAR"), ("source", "VARCHAR"), ("reason", "VARCHAR"), ("ingested_at", "TIMESTAMP"),
        ("position", "INTEGER"), ("doc", "JSON"),
    ],
}


@dataclass
class WriteCounts:
    """What one `Store.write` call stored: documents by status."""

    ok: int = 0
    unsupported: int = 0
    errors: int = 0

    @property
    def total(self) -> int:
        return self.ok + self.unsupported + self.errors


@dataclass
class StoredDocument:
    """A stored contract object with the store's own fields that are not part of the contract."""

    doc: dict[str, Any]
    url: str | None
    ingested_at: dt.datetime


def _quote(name: str) -> str:
    return f'"{name}"'


def _list_type(sql_type: str) -> str:
    # JSON values are bound as text and cast per row; everything else binds as a typed list.
    return "VARCHAR[]" if sql_type == "JSON" else f"{sql_type}[]"


def _insert_sql(table: str, columns: Sequence[tuple[str, str]] | None = None) -> str:
    columns = columns if columns is not None else TABLES[table]
    selects = []
    for _name, sql_type in columns:
        item = f"unnest(?::{_list_type(sql_type)})"
        selects.append(f"{item}::JSON" if sql_type == "JSON" else item)
    names = ", ".join(_quote(name) for name, _ in columns)
    return f"INSERT INTO {table} ({names}) SELECT {', '.join(selects)}"


def insert_columns(con: duckdb.DuckDBPyConnection, table: str, spec: Sequence[tuple[str, str]],
                   columns: Sequence[list[Any]]) -> None:
    """Insert rows given column-wise (one list per column of `spec`), in one statement."""
    if columns and columns[0]:
        con.execute(_insert_sql(table, spec), list(columns))


def _iso_date(value: str | None) -> dt.date | None:
    """The DATE column takes full ISO dates only; anything else stays in the `doc` JSON."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Rows:
    """Rows for one batch, collected column-wise per table."""

    def __init__(self) -> None:
        self.columns: dict[str, list[list[Any]]] = {t: [[] for _ in cols] for t, cols in TABLES.items()}

    def add(self, table: str, row: Sequence[Any]) -> None:
        for column, value in zip(self.columns[table], row, strict=True):
            column.append(value)


def _add_document(rows: _Rows, doc: Document, ingested_at: dt.datetime, position: int) -> None:
    contract = doc.to_dict()
    doc_id = doc.doc_id
    if doc.status == STATUS_ERROR:
        rows.add("errors", (doc_id, doc.source, doc.error, ingested_at, position, _json(contract)))
        return
    rows.add("documents", (
        doc_id, doc.source, doc.url, doc.lang, doc.status, doc.title, _iso_date(doc.published),
        list(doc.authors), _json(contract["captions"]), doc.text, _json(contract["sentences"]),
        ingested_at, position, _json(contract), doc.story_id,
    ))
    for entity in doc.entities:
        geo = entity.geo
        rows.add("entities", (
            doc_id, entity.id, entity.name, entity.type, entity.country, entity.actor_code,
            geo.lat if geo else None, geo.lon if geo else None, geo.geonames_id if geo else None,
            geo.admin1 if geo else None, geo.precision if geo else None,
        ))
        for mention in entity.mentions:
            rows.add("mentions", (doc_id, entity.id, mention.start, mention.end, mention.text, mention.type))
    for event in doc.events:
        rows.add("events", (
            doc_id, event.id, event.type, event.mode, event.cameo, event.quad_class, event.intensity,
            list(event.actors), list(event.recipients), event.place, event.date, event.date_precision,
            event.negated, event.modality, event.trigger.start, event.trigger.end, event.trigger.text,
            event.sentence, event.confidence, event.duration,
        ))
    for index, quote in enumerate(doc.quotes):
        rows.add("quotes", (
            doc_id, index, quote.speaker, quote.speaker_text, quote.text, quote.start, quote.end,
            quote.direct, quote.cue,
        ))
    for index, quantity in enumerate(doc.quantities):
        rows.add("quantities", (
            doc_id, index, quantity.value, quantity.approx, quantity.unit, quantity.unit_en, quantity.text,
            quantity.start, quantity.end, quantity.event,
        ))


class Store:
    """A DuckDB file holding documents and everything extracted from them.

    Use as a context manager.  Opened read-write (tables created if missing) unless `read_only`.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path}")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self._create_schema()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def _create_schema(self) -> None:
        self.ensure_tables(TABLES)

    def ensure_tables(self, tables: dict[str, list[tuple[str, str]]]) -> None:
        """Create tables (and columns added since) that are missing; other packages' tables too."""
        for table, columns in tables.items():
            body = ", ".join(f"{_quote(name)} {sql_type}" for name, sql_type in columns)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
            # a store written by an earlier version gains the columns added since
            for name, sql_type in columns:
                self.con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {_quote(name)} {sql_type}")

    # -- writing ---------------------------------------------------------------------------------

    def write(self, docs: Iterable[Document], batch_size: int = BATCH_SIZE,
              before_commit: Callable[[duckdb.DuckDBPyConnection, list[Document]], None] | None = None,
              ) -> WriteCounts:
        """Store documents (ok and unsupported_language) and error records, replacing earlier rows
        with the same doc_id.  Consumes `docs` lazily, `batch_size` documents per transaction.
        `before_commit(con, batch)` writes what other packages derive from a batch (stories,
        canonical events) in the same transaction."""
        if self.read_only:
            raise PermissionError(f"store {self.path} is open read-only")
        counts = WriteCounts()
        ingested_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        batch: dict[str, tuple[int, Document]] = {}
        for position, doc in enumerate(docs):
            if doc.status == STATUS_ERROR:
                counts.errors += 1
            elif doc.status == STATUS_UNSUPPORTED:
                counts.unsupported += 1
            else:
                counts.ok += 1
            # Within a batch the last copy of a doc_id wins, as it would across batches.
            batch.pop(doc.doc_id, None)
            batch[doc.doc_id] = (position, doc)
            if len(batch) >= batch_size:
                self._flush(batch, ingested_at, before_commit)
                batch = {}
        if batch:
            self._flush(batch, ingested_at, before_commit)
        return counts

    def _flush(self, batch: dict[str, tuple[int, Document]], ingested_at: dt.datetime,
               before_commit: Callable[[duckdb.DuckDBPyConnection, list[Document]], None] | None = None,
               ) -> None:
        rows = _Rows()
        for position, doc in batch.values():
            _add_document(rows, doc, ingested_at, position)
        doc_ids = list(batch)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [doc_ids])
            for table, columns in rows.columns.items():
                if columns[0]:
                    self.con.execute(_insert_sql(table), columns)
            if before_commit is not None:
                before_commit(self.con, [doc for _, doc in batch.values()])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # -- reading ---------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run SQL; return (column names, rows).  Statements without a result give ([], [])."""
        cursor = self.con.execute(sql, params) if params is not None else self.con.execute(sql)
        if cursor.description is None:
            return [], []
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()

    def stored_documents(self, include_errors: bool = False, chunk: int = 200) -> Iterator[StoredDocument]:
        """Stored documents in ingest order, fetched in chunks so a big store is never all in memory."""
        sql = "SELECT doc, url, ingested_at, position FROM documents"
        if include_errors:
            sql += " UNION ALL SELECT doc, NULL, ingested_at, position FROM errors"
        cursor = self.con.cursor()
        try:
            cursor.execute(f"SELECT doc, url, ingested_at FROM ({sql}) ORDER BY ingested_at, position")
            while rows := cursor.fetchmany(chunk):
                for doc, url, ingested_at in rows:
                    yield StoredDocument(json.loads(doc), url, ingested_at)
        finally:
            cursor.close()

    def documents(self, include_errors: bool = True) -> Iterator[dict[str, Any]]:
        """The stored contract objects (error records too, by default), in ingest order."""
        for stored in self.stored_documents(include_errors=include_errors):
            yield stored.doc

    def counts(self) -> dict[str, int]:
        """Row count per table."""
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
