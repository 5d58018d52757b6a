"""Parquet export: one `<table>.parquet` file per store table (stories' and feeds' tables too, when
the store has them), written by DuckDB itself."""

from __future__ import annotations

from pathlib import Path

from ghatna.export.common import ExportResult
from ghatna.store import TABLES, Store


def write_parquet(store: Store, out: Path | None) -> ExportResult:
    """Write every table into the directory `out`; the result counts documents and error records."""
    if out is None:
        raise ValueError("parquet export needs an output directory (-o DIR)")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"parquet export writes one file per table into a directory; {out} is a file")
    out.mkdir(parents=True, exist_ok=True)
    # the document tables, and those stories and feeds add when present
    present = [r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name").fetchall()]
    for table in [*TABLES, *(t for t in present if t not in TABLES)]:
        target = str(out / f"{table}.parquet").replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT PARQUET)")
    counts = store.counts()
    return ExportResult(written=counts["documents"] + counts["errors"])
