"""Parquet input: one article per row of a file with a `text` column (and optionally `title`, `url`,
`published`, `lang`), the columnar counterpart of JSON Lines.

Read with DuckDB, streamed in chunks, so a large file is never all in memory.  As with every reader,
bad input never raises: an unreadable file or one without a `text` column is one error record, a row
without usable text is one error record, and the other rows still go through.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb

from ghatna.read.jsonl import RECORD_META_FIELDS, record_document
from ghatna.read.raw import RawDocument

_CHUNK_ROWS = 256
_TEXT_TYPES = ("VARCHAR", "JSON")


def read_parquet(path: str | Path) -> Iterator[RawDocument]:
    """One document per row, in file order; each row's source is `<path>:<row number from 1>`."""
    source = str(path)
    con = duckdb.connect(config={"threads": 1})  # one reader per worker: no thread pool of its own
    try:
        try:
            described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [source]).fetchall()
        except (duckdb.Error, OSError) as exc:
            yield RawDocument(source=source, error=f"cannot read Parquet: {_first_line(exc)}")
            return
        types = {name: column_type for name, column_type, *_ in described}
        if "text" not in types:
            yield RawDocument(source=source, error="Parquet file has no `text` column")
            return
        if types["text"] not in _TEXT_TYPES:
            yield RawDocument(source=source, error=f"Parquet `text` column is {types['text']}, not text")
            return
        # Metadata columns are read as text whatever their type (a `published` DATE becomes ISO text).
        columns = ["text"] + [name for name in RECORD_META_FIELDS if name in types]
        select = ", ".join(f'CAST("{name}" AS VARCHAR)' for name in columns)
        try:
            cursor = con.execute(f"SELECT {select} FROM read_parquet(?)", [source])
            number = 0
            while rows := cursor.fetchmany(_CHUNK_ROWS):
                for row in rows:
                    number += 1
                    yield record_document(f"{source}:{number}", dict(zip(columns, row, strict=True)))
        except (duckdb.Error, OSError) as exc:
            yield RawDocument(source=f"{source}:{number + 1}", error=f"cannot read Parquet: {_first_line(exc)}")
            return
        if number == 0:
            yield RawDocument(source=source, error="empty file (no Parquet rows)")
    finally:
        con.close()


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
