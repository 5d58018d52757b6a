"""The embedded DuckDB store (`ghatna ingest`, `ghatna query`, and the source of every export)."""

from ghatna.store.duckdb_store import (
    BATCH_SIZE,
    FLUSH_SECONDS,
    TABLES,
    QueryError,
    Store,
    StoreBusy,
    StoredDocument,
    StoreError,
    StoreMissing,
    WriteCounts,
)

__all__ = ["BATCH_SIZE", "FLUSH_SECONDS", "TABLES", "QueryError", "Store", "StoreBusy", "StoreError",
           "StoreMissing", "StoredDocument", "WriteCounts"]
