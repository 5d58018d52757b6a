"""The embedded DuckDB store (`ghatna ingest`, `ghatna query`, and the source of every export)."""

from ghatna.store.duckdb_store import BATCH_SIZE, TABLES, Store, StoredDocument, WriteCounts

__all__ = ["BATCH_SIZE", "TABLES", "Store", "StoredDocument", "WriteCounts"]
