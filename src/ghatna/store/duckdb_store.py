"""The embedded DuckDB store: one table per kind of record, keyed on `doc_id`.

Writing a document replaces every row it had before (delete-then-insert across all tables in one
transaction per batch), so re-ingesting the same input never duplicates anything.  Rows go in
column-wise through `unnest` of bound lists: a single statement per table and batch, far faster
than `executemany` and with no pandas or pyarrow.

Identical texts share one analysis (one `documents` row per doc_id), but every input keeps its
own row in `document_sources` (source, URL, title, published, keyed by source and input hash),
pointing to the analysis or error record it became.

Crash safety and concurrency: a batch is one transaction, committed when it holds `batch_size`
documents or when `flush_seconds` have passed since the last commit, so a killed ingest loses
only the documents finished in the last couple of seconds; DuckDB's write-ahead log makes the
file whole again on the next open.  DuckDB lets one
process write a file, and no other process open it meanwhile; `Store.write(release=True)` opens
the file only for each batch, and every open waits (up to `wait` seconds) for a busy file, so
`ghatna query` can read while `ghatna ingest` runs, and two ingests take turns.

User SQL (`Store.user_query`, behind `ghatna query`) runs only on a store opened with
`sandbox=True`: read-only, with DuckDB's external access off (no files, no ATTACH, no COPY,
no extension install or load) and its configuration locked; only read statements are taken.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ghatna.document import STATUS_ERROR, STATUS_UNSUPPORTED, Document

# A batch is committed when it holds this many documents or this many seconds have passed since
# the last commit: a killed ingest loses at most the documents of the last seconds.
BATCH_SIZE = 200
FLUSH_SECONDS = 2.0
# Settings of a sandboxed connection (`ghatna query`): no file, network or extension access
# beyond the store itself, and no way to change that from SQL.
SANDBOX_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}
# Statement types a sandboxed query may run; anything else is refused before DuckDB sees it.
READ_STATEMENTS = frozenset({"SELECT", "EXPLAIN", "PRAGMA", "CALL"})
_LOCK_HOLDER = re.compile(r"PID (\d+)")


class StoreError(Exception):
    """The store cannot be used: missing, not a DuckDB file, busy, unreadable."""


class StoreMissing(StoreError, FileNotFoundError):
    """No store at the given path (opening read-only)."""


class StoreBusy(StoreError):
    """Another process holds the store for longer than we were willing to wait."""


class QueryError(ValueError):
    """User SQL that cannot run: a syntax or binding error, or a statement the sandbox refuses."""

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
    # One row per input (file, JSON Lines record, stdin), keyed by (source, input_hash); `doc_id`
    # is the documents (or errors) row it became, shared by inputs with identical text.
    "document_sources": [
        ("doc_id", "VARCHAR"), ("source", "VARCHAR"), ("input_hash", "VARCHAR"), ("status", "VARCHAR"),
        ("url", "VARCHAR"), ("title", "VARCHAR"), ("published", "DATE"), ("ingested_at", "TIMESTAMP"),
        ("position", "INTEGER"),
    ],
}
# Tables holding one document's analysis, replaced as a whole when the document is written again.
ANALYSIS_TABLES = tuple(t for t in TABLES if t != "document_sources")


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


def _input_hash(doc: Document) -> str:
    """The input a document came from: its reader's hash, or (a document built in code, read from
    no input) its own doc_id, so that two such documents of one source stay two inputs."""
    return doc.input_hash or f"doc:{doc.doc_id}"


def _add_source(rows: _Rows, doc: Document, ingested_at: dt.datetime, position: int) -> None:
    rows.add("document_sources", (
        doc.doc_id, doc.source, _input_hash(doc), doc.status, doc.url, doc.title, _iso_date(doc.published),
        ingested_at, position,
    ))


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


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def connect(path: Path, read_only: bool = False, sandbox: bool = False, wait: float = 0.0,
            on_wait: Callable[[str], None] | None = None) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, waiting up to `wait` seconds while another process holds it
    (`on_wait(message)` is called once if that takes more than half a second).

    Raises StoreMissing, StoreBusy or StoreError with a one-line reason."""
    if read_only and not path.exists():
        raise StoreMissing(f"no store at {path}")
    config = dict(SANDBOX_CONFIG) if sandbox else {}
    started = time.monotonic()
    delay = 0.02
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            message = _first_line(exc)
            if "not a valid DuckDB database" in message:
                raise StoreError(f"{path} is not a DuckDB store") from exc
            if "lock" not in message.lower():
                raise StoreError(f"cannot open store {path}: {message}") from exc
            holder = _LOCK_HOLDER.search(message)
            who = f"another process (PID {holder.group(1)})" if holder else "another process"
            waited = time.monotonic() - started
            if waited >= wait:
                raise StoreBusy(f"store {path} is in use by {who}"
                                + (f" (waited {waited:.0f} s)" if wait else "")
                                + "; try again when it is done, or wait longer (--wait)") from exc
            if on_wait is not None and not told and waited > 0.5:
                on_wait(f"waiting for store {path}: in use by {who}")
                told = True
            time.sleep(min(delay, max(0.0, wait - waited)))
            delay = min(delay * 2, 0.25)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {path}: {_first_line(exc)}") from exc


class Store:
    """A DuckDB file holding documents and everything extracted from them.

    Use as a context manager.  Opened read-write (tables created if missing) unless `read_only`;
    `sandbox` (implies read-only) is for SQL from users.  `wait`: seconds to wait for a store
    another process holds (`on_wait` hears about it).
    """

    def __init__(self, path: str | Path, read_only: bool = False, *, sandbox: bool = False,
                 wait: float = 0.0, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only or sandbox
        self.sandbox = sandbox
        self.wait = wait
        self.on_wait = on_wait
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con: duckdb.DuckDBPyConnection | None = None
        self._open()
        if not self.read_only:
            self._create_schema()

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open connection, opened again if `close` (or a releasing write) closed it."""
        return self._open()

    def _open(self) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            self.con = connect(self.path, self.read_only, self.sandbox, self.wait, self.on_wait)
        return self.con

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (and let other processes in); any later call opens it again."""
        if self.con is not None:
            self.con.close()
            self.con = None

    def _create_schema(self) -> None:
        self.ensure_tables(TABLES)

    def ensure_tables(self, tables: dict[str, list[tuple[str, str]]]) -> None:
        """Create tables (and columns added since) that are missing; other packages' tables too."""
        con = self._open()
        existing: dict[str, set[str]] = {}
        for table, column in con.execute("SELECT table_name, column_name FROM information_schema.columns "
                                         "WHERE table_schema = 'main'").fetchall():
            existing.setdefault(table, set()).add(column)
        for table, columns in tables.items():
            if table not in existing:
                body = ", ".join(f"{_quote(name)} {sql_type}" for name, sql_type in columns)
                con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
                continue
            # a store written by an earlier version gains the columns added since
            for name, sql_type in columns:
                if name not in existing[table]:
                    con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {_quote(name)} {sql_type}")

    # -- writing ---------------------------------------------------------------------------------

    def write(self, docs: Iterable[Document], batch_size: int = BATCH_SIZE,
              flush_seconds: float = FLUSH_SECONDS, release: bool = False,
              before_commit: Callable[[duckdb.DuckDBPyConnection, list[Document]], None] | None = None,
              ) -> WriteCounts:
        """Store documents (ok and unsupported_language), error records and one `document_sources`
        row per input, replacing earlier rows with the same doc_id (or source and input hash).

        Consumes `docs` lazily; commits when `batch_size` documents wait or `flush_seconds` have
        passed since the last commit.  `release`: close the file between batches so other processes
        can use it.  `before_commit(con, batch)` writes what other packages derive from a batch
        (stories, canonical events) in the same transaction."""
        if self.read_only:
            raise PermissionError(f"store {self.path} is open read-only")
        counts = WriteCounts()
        ingested_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        batch: list[tuple[int, Document]] = []
        last_flush = float("-inf")
        for position, doc in enumerate(docs):
            if doc.status == STATUS_ERROR:
                counts.errors += 1
            elif doc.status == STATUS_UNSUPPORTED:
                counts.unsupported += 1
            else:
                counts.ok += 1
            batch.append((position, doc))
            # documents that come slowly are committed one by one, a fast stream in batches: what
            # is not yet committed was produced in the last `flush_seconds`
            if len(batch) >= batch_size or time.monotonic() - last_flush >= flush_seconds:
                self._flush(batch, ingested_at, release, before_commit)
                batch = []
                last_flush = time.monotonic()
        if batch:
            self._flush(batch, ingested_at, release, before_commit)
        return counts

    def _flush(self, batch: list[tuple[int, Document]], ingested_at: dt.datetime, release: bool,
               before_commit: Callable[[duckdb.DuckDBPyConnection, list[Document]], None] | None = None,
               ) -> None:
        rows = _Rows()
        analyses: dict[str, tuple[int, Document]] = {}
        inputs: dict[tuple[str, str | None], tuple[int, Document]] = {}
        for position, doc in batch:  # within a batch the last copy wins, as it would across batches
            analyses.pop(doc.doc_id, None)
            analyses[doc.doc_id] = (position, doc)
            inputs.pop((doc.source, _input_hash(doc)), None)
            inputs[(doc.source, _input_hash(doc))] = (position, doc)
        for position, doc in analyses.values():
            _add_document(rows, doc, ingested_at, position)
        for position, doc in inputs.values():
            _add_source(rows, doc, ingested_at, position)
        doc_ids = list(analyses)
        sources = [source for source, _ in inputs]
        hashes = [input_hash for _, input_hash in inputs]
        these_inputs = ("(SELECT unnest(?::VARCHAR[]) AS source, unnest(?::VARCHAR[]) AS input_hash) k "
                        "WHERE document_sources.source = k.source "
                        "AND document_sources.input_hash IS NOT DISTINCT FROM k.input_hash")
        con = self._open()
        con.execute("BEGIN TRANSACTION")
        try:
            # earlier rows of these analyses; the big tables are only searched when there are any
            stored = [row[0] for row in con.execute(
                "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) UNION "
                "SELECT doc_id FROM errors WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                [doc_ids, doc_ids]).fetchall()]
            # analyses these inputs pointed to before, when they point elsewhere now (an input
            # that failed before and is read now, or the other way round)
            replaced = [row[0] for row in con.execute(
                f"SELECT DISTINCT document_sources.doc_id FROM document_sources, {these_inputs} "
                "AND document_sources.doc_id NOT IN (SELECT unnest(?::VARCHAR[]))",
                [sources, hashes, doc_ids]).fetchall()]
            if stored:
                for table in ANALYSIS_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [stored])
            con.execute(f"DELETE FROM document_sources USING {these_inputs}", [sources, hashes])
            for table, columns in rows.columns.items():
                if columns[0]:
                    con.execute(_insert_sql(table), columns)
            if replaced:  # ... and which no input points to any more: nothing is left unsourced
                orphans = [row[0] for row in con.execute(
                    "SELECT unnest(?::VARCHAR[]) EXCEPT SELECT doc_id FROM document_sources", [replaced]).fetchall()]
                for table in ANALYSIS_TABLES if orphans else ():
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [orphans])
            if before_commit is not None:
                before_commit(con, [doc for _, doc in analyses.values()])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            if release:
                self.close()

    # -- reading ---------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run SQL; return (column names, rows).  Statements without a result give ([], [])."""
        con = self._open()
        cursor = con.execute(sql, params) if params is not None else con.execute(sql)
        if cursor.description is None:
            return [], []
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()

    def user_query(self, sql: str) -> tuple[list[str], list[tuple]]:
        """Run SQL from a user on a sandboxed store: read statements only.  Raises QueryError."""
        if not self.sandbox:
            raise PermissionError("user SQL runs only on a store opened with sandbox=True")
        con = self._open()
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(_first_line(exc)) from exc
        if not statements:
            raise QueryError("no SQL statement given")
        for statement in statements:
            kind = statement.type.name
            if kind not in READ_STATEMENTS:
                raise QueryError(f"{kind} statements are not allowed: ghatna query only reads "
                                 f"({', '.join(sorted(READ_STATEMENTS))})")
        try:
            return self.query(sql)
        except duckdb.Error as exc:
            raise QueryError(_first_line(exc)) from exc

    def completed_inputs(self) -> set[tuple[str, str]]:
        """(source, input_hash) of every input stored with a result other than an error: what a
        re-run of an ingest can skip."""
        _, rows = self.query("SELECT source, input_hash FROM document_sources "
                             "WHERE status <> 'error' AND input_hash IS NOT NULL")
        return set(rows)

    def stored_documents(self, include_errors: bool = False, chunk: int = 200) -> Iterator[StoredDocument]:
        """Stored documents in ingest order, fetched in chunks so a big store is never all in memory."""
        sql = "SELECT doc, url, ingested_at, position FROM documents"
        if include_errors:
            sql += " UNION ALL SELECT doc, NULL, ingested_at, position FROM errors"
        cursor = self._open().cursor()
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
        con = self._open()
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
