"""The feed registry and crawl state, kept in the store so that `poll` resumes after a restart.

Tables:
- `feeds`: one row per followed feed or sitemap: conditional-request validators (ETag,
  Last-Modified), the adaptive interval and the next fetch time, error count and last error.
- `feed_items`: every article link found, by canonical URL: pending, stored (with its doc_id),
  failed (after `attempts`) or skipped (robots.txt).  A link is fetched once, whatever feed lists it.
- `feed_hosts`: a host's pause after 429/5xx (Retry-After or backoff), kept across restarts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from ghatna.read.urls import canonical_url
from ghatna.store import Store

FEED_TABLES: dict[str, list[tuple[str, str]]] = {
    "feeds": [
        ("feed_id", "VARCHAR"), ("url", "VARCHAR"), ("kind", "VARCHAR"), ("title", "VARCHAR"),
        ("parent_id", "VARCHAR"), ("added_at", "TIMESTAMP"), ("etag", "VARCHAR"), ("last_modified", "VARCHAR"),
        ("interval_s", "DOUBLE"), ("next_fetch", "TIMESTAMP"), ("last_fetch", "TIMESTAMP"),
        ("last_status", "INTEGER"), ("last_changed", "TIMESTAMP"), ("error_count", "INTEGER"),
        ("last_error", "VARCHAR"), ("items_found", "INTEGER"),
    ],
    "feed_items": [
        ("canonical_url", "VARCHAR"), ("url", "VARCHAR"), ("feed_id", "VARCHAR"), ("title", "VARCHAR"),
        ("published", "VARCHAR"), ("found_at", "TIMESTAMP"), ("status", "VARCHAR"), ("attempts", "INTEGER"),
        ("next_attempt", "TIMESTAMP"), ("fetched_at", "TIMESTAMP"), ("doc_id", "VARCHAR"),
        ("last_error", "VARCHAR"),
    ],
    "feed_hosts": [("host", "VARCHAR"), ("paused_until", "TIMESTAMP"), ("backoff_s", "DOUBLE")],
}

DEFAULT_INTERVAL = 15 * 60.0


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def ensure_feed_tables(store: Store) -> None:
    store.ensure_tables(FEED_TABLES)


def feed_id_for(url: str) -> str:
    return "f_" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


@dataclass
class Feed:
    feed_id: str
    url: str
    kind: str | None
    title: str | None
    parent_id: str | None
    etag: str | None
    last_modified: str | None
    interval_s: float
    next_fetch: dt.datetime | None
    last_fetch: dt.datetime | None
    last_status: int | None
    error_count: int
    last_error: str | None
    items_found: int


_FEED_COLUMNS = ("feed_id, url, kind, title, parent_id, etag, last_modified, interval_s, next_fetch, last_fetch, "
                 "last_status, coalesce(error_count, 0), last_error, coalesce(items_found, 0)")


def add_feeds(store: Store, urls: Iterable[str], interval_s: float = DEFAULT_INTERVAL,
              parent_id: str | None = None) -> list[tuple[str, str]]:
    """Register feeds; returns (url, outcome) with outcome 'added', 'already followed' or a reason."""
    ensure_feed_tables(store)
    outcomes = []
    for given in urls:
        url = canonical_url(given)
        if url is None:
            outcomes.append((given, "not an http(s) URL"))
            continue
        feed_id = feed_id_for(url)
        if store.con.execute("SELECT 1 FROM feeds WHERE feed_id = ?", [feed_id]).fetchone():
            outcomes.append((url, "already followed"))
            continue
        store.con.execute(
            "INSERT INTO feeds (feed_id, url, parent_id, added_at, interval_s, next_fetch, error_count, items_found) "
            "VALUES (?, ?, ?, ?, ?, ?, 0, 0)", [feed_id, url, parent_id, now_utc(), interval_s, now_utc()])
        outcomes.append((url, "added"))
    return outcomes


def list_feeds(store: Store) -> list[Feed]:
    if not _has_feeds(store):
        return []
    rows = store.con.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY added_at, url").fetchall()
    return [Feed(*row) for row in rows]


def due_feeds(store: Store, at: dt.datetime) -> list[Feed]:
    rows = store.con.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE next_fetch IS NULL OR next_fetch <= ? "
                             "ORDER BY next_fetch, url", [at]).fetchall()
    return [Feed(*row) for row in rows]


def remove_feeds(store: Store, given: Iterable[str]) -> list[tuple[str, str]]:
    """Stop following feeds (by URL or feed id); their stored articles stay."""
    ensure_feed_tables(store)
    outcomes = []
    for value in given:
        url = canonical_url(value)
        feed_id = value if value.startswith("f_") else feed_id_for(url) if url else None
        found = feed_id and store.con.execute("SELECT url FROM feeds WHERE feed_id = ?", [feed_id]).fetchone()
        if not found:
            outcomes.append((value, "not followed"))
            continue
        store.con.execute("DELETE FROM feeds WHERE feed_id = ? OR parent_id = ?", [feed_id, feed_id])
        outcomes.append((found[0], "removed"))
    return outcomes


def _has_feeds(store: Store) -> bool:
    row = store.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'feeds'").fetchone()
    return bool(row and row[0])
