"""Per-shard Parquet outputs ("parts") and loading them into a store.

A part holds one row per stored document or error record of one shard: the columns of the store's
`documents` table, `reason` (error records only, whose `status` is "error"), `shard` (the shard's
first input path), and one list-of-struct column per child table (`entities`, `mentions`, `events`,
`quotes`, `quantities`) whose fields are that table's columns without `doc_id`.  The rows are made by
the store itself: a worker writes its documents into a private on-disk DuckDB `Store` (so the same
flattening, the same replace-by-doc_id rule, and bounded memory on a big shard) and copies it out as
one Parquet file, written under a temporary name and renamed into place, so a part either exists
whole or not at all.  Its key/value metadata carries the shard's counts (`ghatna.read` and so on).

`load_parts` puts parts into a store in one process; engines that speak Parquet can query the parts
in place (docs/scale-out.md).
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ghatna.batch import Summary
from ghatna.document import Document
from ghatna.engines.shards import Shard
from ghatna.store import TABLES, Store

CHILD_TABLES = ("entities", "mentions", "events", "quotes", "quantities")
# One row per input (`document_sources`): nested in a part like a child table, but loaded from
# every part, not only the winning copy of a doc_id, as each input keeps its own record.
SOURCES = "document_sources"
ERROR_STATUS = "error"
TEMP_SUFFIX = ".tmp"
META_PREFIX = "ghatna."
# Parts loaded per transaction by `load_parts`: bounds the temporary table on a big load.
LOAD_CHUNK = 64
# Error records named back to the driver per shard (all of them are rows in the part).
ERRORS_REPORTED = 20
# DuckDB inside a worker: one thread (the worker is one CPU) and a bounded buffer pool.
WORKER_DUCKDB = {"threads": "1", "memory_limit": "256MB"}


@dataclass
class ShardResult:
    """What processing one shard gave, as read back from its part's metadata."""

    key: str
    shard: str
    part: str
    read: int = 0
    ok: int = 0
    unsupported: int = 0
    failed: int = 0
    characters: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, reason), the first few


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _quote(name: str) -> str:
    return f'"{name}"'


def _child_list_sql(table: str) -> str:
    fields = ", ".join(f"{_sql_string(name)}: {_quote(name)}" for name, _ in TABLES[table] if name != "doc_id")
    return (f"SELECT doc_id, list({{{fields}}} ORDER BY rowid) AS items FROM {table} GROUP BY doc_id")


def _part_select_sql(shard_path: str) -> str:
    """One row per document and error record of a store, with the child tables nested, in input order."""
    doc_columns = ", ".join(f"d.{_quote(name)}" for name, _ in TABLES["documents"])
    children = ", ".join(f"COALESCE({t}.items, []) AS {t}" for t in CHILD_TABLES)
    joins = " ".join(f"LEFT JOIN ({_child_list_sql(t)}) {t} ON {t}.doc_id = d.doc_id" for t in CHILD_TABLES)
    shard = _sql_string(shard_path)
    inputs = f"LEFT JOIN ({_child_list_sql(SOURCES)}) s ON s.doc_id = ALIAS.doc_id"
    return (f"SELECT {shard} AS shard, {doc_columns}, NULL::VARCHAR AS reason, {children}, "
            f"COALESCE(s.items, []) AS {SOURCES} FROM documents d {joins} {inputs.replace('ALIAS', 'd')} "
            f"UNION ALL BY NAME "
            f"SELECT {shard} AS shard, e.doc_id, e.source, {_sql_string(ERROR_STATUS)} AS status, e.reason, "
            f"e.ingested_at, e.position, e.doc, COALESCE(s.items, []) AS {SOURCES} FROM errors e {inputs.replace('ALIAS', 'e')} "
            f"ORDER BY position")


def part_path(out_dir: Path, shard: Shard) -> Path:
    return Path(out_dir) / shard.part_name


def write_part(out_dir: Path, shard: Shard, docs: Iterable[Document]) -> ShardResult:
    """Store `docs` (one shard's, in order) as the shard's part; returns the counts.

    Consumes `docs` lazily; memory stays bounded by the store's batch size.  Nothing is left under
    the part's final name unless every document was written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    final = part_path(out_dir, shard)
    temp = out_dir / f".{final.name}.{uuid.uuid4().hex[:12]}"
    temp_db, temp_parquet = Path(f"{temp}.duckdb{TEMP_SUFFIX}"), Path(f"{temp}.parquet{TEMP_SUFFIX}")
    summary = Summary()
    started = time.perf_counter()

    def counted(stream: Iterable[Document]) -> Iterator[Document]:
        for doc in stream:
            summary.add(doc)
            yield doc

    try:
        with Store(temp_db) as store:
            for name, value in WORKER_DUCKDB.items():
                store.con.execute(f"SET {name} = {_sql_string(value)}")
            store.write(counted(docs))
            summary.seconds = time.perf_counter() - started
            result = ShardResult(shard.key, shard.label, final.name, summary.read, summary.ok,
                                 summary.unsupported, summary.failed, summary.characters,
                                 round(summary.seconds, 3), summary.errors[:ERRORS_REPORTED])
            metadata = ", ".join(f"{_sql_string(META_PREFIX + k)}: {_sql_string(v)}"
                                 for k, v in _metadata(shard, result).items())
            store.con.execute(f"COPY ({_part_select_sql(shard.paths[0])}) TO {_sql_string(str(temp_parquet))} "
                              f"(FORMAT PARQUET, KV_METADATA {{{metadata}}})")
        os.replace(temp_parquet, final)
    finally:
        for leftover in (temp_db, Path(f"{temp_db}.wal"), temp_parquet):
            leftover.unlink(missing_ok=True)
    return result


def _metadata(shard: Shard, result: ShardResult) -> dict[str, str]:
    return {"key": shard.key, "reader": shard.reader, "shard": shard.label, "first": shard.paths[0],
            "paths": str(len(shard.paths)),
            "read": str(result.read), "ok": str(result.ok), "unsupported": str(result.unsupported),
            "failed": str(result.failed), "characters": str(result.characters),
            "seconds": str(result.seconds), "errors": json.dumps(result.errors, ensure_ascii=False)}


def read_result(part: Path) -> ShardResult:
    """The counts a part was written with (from its Parquet key/value metadata)."""
    con = duckdb.connect(config={"threads": "1"})
    try:
        rows = con.execute("SELECT key, value FROM parquet_kv_metadata(?)", [str(part)]).fetchall()
    finally:
        con.close()
    meta = {bytes(k).decode(): bytes(v).decode() for k, v in rows if bytes(k).decode().startswith(META_PREFIX)}
    meta = {k.removeprefix(META_PREFIX): v for k, v in meta.items()}
    return ShardResult(
        key=meta.get("key", ""), shard=meta.get("shard", ""), part=Path(part).name,
        read=int(meta.get("read", 0)), ok=int(meta.get("ok", 0)), unsupported=int(meta.get("unsupported", 0)),
        failed=int(meta.get("failed", 0)), characters=int(meta.get("characters", 0)),
        seconds=float(meta.get("seconds", 0.0)),
        errors=[tuple(e) for e in json.loads(meta.get("errors", "[]"))])


def list_parts(source: Path | Sequence[Path]) -> list[Path]:
    """The parts in a directory (other Parquet files there are left out) or the given part files, in
    the order of their shards' first input paths.  A given file that is not a part is an error."""
    folder = isinstance(source, (str, Path)) and Path(source).is_dir()
    if folder:
        files = [p for p in Path(source).iterdir() if p.suffix == ".parquet" and not p.name.startswith(".")]
    else:
        files = [Path(p) for p in ([source] if isinstance(source, (str, Path)) else source)]
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"no such part: {missing[0]}")
    if not files:
        return []
    con = duckdb.connect()
    try:
        rows = con.execute("SELECT file_name, value FROM parquet_kv_metadata(?) WHERE key = ?",
                           [[str(p) for p in files], f"{META_PREFIX}first".encode()]).fetchall()
    except duckdb.Error as exc:
        raise ValueError(f"not a Parquet part: {str(exc).splitlines()[0]}") from exc
    finally:
        con.close()
    first_path = {name: bytes(value).decode() for name, value in rows}
    strangers = [p for p in files if str(p) not in first_path]
    if strangers and not folder:
        raise ValueError(f"not a ghatna part (no ghatna metadata): {strangers[0]}")
    parts = [p for p in files if str(p) in first_path]
    return sorted(parts, key=lambda p: (first_path[str(p)], p.name))


def remove_temporaries(out_dir: Path) -> int:
    """Delete what interrupted writers left behind; returns how many files."""
    removed = 0
    for leftover in Path(out_dir).glob(f".*{TEMP_SUFFIX}*"):
        leftover.unlink(missing_ok=True)
        removed += 1
    return removed


@dataclass
class LoadCounts:
    parts: int = 0
    documents: int = 0
    errors: int = 0


def load_parts(store: Store, parts: Sequence[Path], chunk: int = LOAD_CHUNK) -> LoadCounts:
    """Put parts into a store, replacing earlier rows with the same doc_id (so loading twice is a no-op).

    Parts are loaded in the order given (see `list_parts`), `chunk` per transaction; when a doc_id
    occurs in several, the last copy wins, as it does when one process ingests the same inputs in
    that order.  The counts are rows inserted (a doc_id found twice counts once).
    """
    counts = LoadCounts()
    for start in range(0, len(parts), chunk):
        files = [str(p) for p in parts[start:start + chunk]]
        documents, errors = _load_chunk(store.con, files)
        counts.parts += len(files)
        counts.documents += documents
        counts.errors += errors
    return counts


def _load_chunk(con: duckdb.DuckDBPyConnection, files: list[str]) -> tuple[int, int]:
    listed = "[" + ", ".join(_sql_string(f) for f in files) + "]"
    con.execute("BEGIN TRANSACTION")
    try:
        # Within the chunk the last copy of a doc_id wins (later part, then later position).  Decided on
        # three narrow columns; the wide ones are read once, straight into their tables.
        con.execute(
            "CREATE OR REPLACE TEMP TABLE winners AS SELECT doc_id, filename, position "
            f"FROM read_parquet({listed}, filename = true) "
            f"QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY list_position({listed}, filename) DESC, "
            "position DESC) = 1")
        incoming = (f"(SELECT p.* FROM read_parquet({listed}, filename = true, union_by_name = true) p "
                    "SEMI JOIN winners w ON p.filename = w.filename AND p.position = w.position)")
        for table in TABLES:
            if table != SOURCES:
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM winners)")
        names = ", ".join(_quote(name) for name, _ in TABLES["documents"])
        (documents,) = con.execute(f"INSERT INTO documents ({names}) SELECT {names} FROM {incoming} "
                                   f"WHERE status IS DISTINCT FROM {_sql_string(ERROR_STATUS)}").fetchone()
        (errors,) = con.execute("INSERT INTO errors (doc_id, source, reason, ingested_at, position, doc) "
                                f"SELECT doc_id, source, reason, ingested_at, position, doc FROM {incoming} "
                                f"WHERE status = {_sql_string(ERROR_STATUS)}").fetchone()
        for table in CHILD_TABLES:
            names = ", ".join(_quote(name) for name, _ in TABLES[table])
            con.execute(f"INSERT INTO {table} ({names}) SELECT doc_id, unnest({table}, recursive := true) "
                        f"FROM {incoming} WHERE len({table}) > 0")
        every = f"(SELECT unnest({SOURCES}, recursive := true) FROM read_parquet({listed}, union_by_name = true))"
        con.execute(f"CREATE OR REPLACE TEMP TABLE incoming_sources AS SELECT DISTINCT * FROM {every}")
        con.execute(f"DELETE FROM {SOURCES} USING incoming_sources i WHERE {SOURCES}.source = i.source "
                    f"AND {SOURCES}.input_hash IS NOT DISTINCT FROM i.input_hash")
        names = ", ".join(_quote(name) for name, _ in TABLES[SOURCES] if name != "doc_id")
        con.execute(f"INSERT INTO {SOURCES} (doc_id, {names}) SELECT doc_id, {names} FROM ("
                    f"SELECT doc_id, unnest({SOURCES}, recursive := true) FROM read_parquet({listed}, "
                    f"union_by_name = true)) QUALIFY row_number() OVER (PARTITION BY source, input_hash "
                    f"ORDER BY ingested_at DESC) = 1")
        con.execute("DROP TABLE winners")
        con.execute("DROP TABLE incoming_sources")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return documents, errors


def iter_part_documents(parts: Sequence[Path]) -> Iterator[dict[str, Any]]:
    """The contract objects (error records too) of the parts, part by part in input order."""
    con = duckdb.connect()
    try:
        for part in parts:
            cursor = con.execute("SELECT doc FROM read_parquet(?) ORDER BY position", [str(part)])
            while rows := cursor.fetchmany(256):
                for (doc,) in rows:
                    yield json.loads(doc)
    finally:
        con.close()
