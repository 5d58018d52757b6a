"""The poll loop: fetch due feeds, queue new article links, fetch the pages, extract, store.

Each round: every feed whose `next_fetch` has come is fetched with a conditional request
(If-None-Match / If-Modified-Since); new links (by canonical URL, unknown to `feed_items` and
`document_urls`) are queued in `feed_items`; the adaptive interval halves when a feed brought
something new and grows by half when not, within [`min_interval`, `max_interval`].  Then queued
pages are fetched, host by host as politeness allows, and go through the pipeline and the story
index into the store in batches of at most `batch_pages` pages: `poll` never holds more pages
than that in memory.  Every failure (feed or page) is a one-line record in the store's `errors`
table, and on the feed or item itself; a failed page is retried later (backoff), up to
`max_attempts` times.

`once`: one round, then return (pages on a host paused for longer than `max_wait` stay queued).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field

from ghatna.document import Document
from ghatna.feeds.fetch import FEED_TYPES, HTML_TYPES, Fetcher, FetchError, FetchPolicy
from ghatna.feeds.parse import FeedError, parse_feed
from ghatna.feeds.registry import Feed, add_feeds, due_feeds, ensure_feed_tables, now_utc
from ghatna.read.charset import decode
from ghatna.read.raw import RawDocument
from ghatna.read.urls import canonical_url, host_of
from ghatna.store import Store


@dataclass(frozen=True)
class PollConfig:
    once: bool = False
    min_interval: float = 5 * 60.0
    max_interval: float = 6 * 3600.0
    batch_pages: int = 16
    max_attempts: int = 3
    max_wait: float = 60.0  # `once`: the longest wait for a paused host before leaving its pages queued
    idle_sleep: float = 30.0  # `run`: the longest sleep between rounds
    workers: int = 1


@dataclass
class PollReport:
    """What one round did."""

    feeds_fetched: int = 0
    feeds_unchanged: int = 0  # 304, or nothing new
    feed_errors: int = 0
    links_found: int = 0
    links_new: int = 0
    pages_fetched: int = 0
    documents_stored: int = 0
    page_errors: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def add(self, other: PollReport) -> None:
        for name in ("feeds_fetched", "feeds_unchanged", "feed_errors", "links_found", "links_new",
                     "pages_fetched", "documents_stored", "page_errors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped.update(other.skipped)


@dataclass
class _Item:
    canonical_url: str
    url: str
    title: str | None
    published: str | None
    attempts: int


class Poller:
    """Polls the feeds registered in `store`; see the module docstring."""

    def __init__(self, store: Store, config: PollConfig | None = None, policy: FetchPolicy | None = None,
                 pipeline: object | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        from ghatna.options import Options
        from ghatna.pipeline import Pipeline
        from ghatna.stories.tracker import ensure_story_tables

        ensure_feed_tables(store)
        ensure_story_tables(store)
        self.store = store
        self.config = config or PollConfig()
        self.fetcher = Fetcher(policy or FetchPolicy(), sleep=sleep)
        self.pipeline = pipeline or Pipeline(options=Options(stories=True))
        self.sleep = sleep
        self._tracker = None
        self._load_hosts()

    # -- host pauses survive restarts -----------------------------------------------------------------

    def _load_hosts(self) -> None:
        for host, paused_until, backoff in self.store.con.execute(
                "SELECT host, paused_until, backoff_s FROM feed_hosts").fetchall():
            state = self.fetcher.host(f"http://{host}/")
            if paused_until is not None:
                state.paused_until = max(state.paused_until, paused_until.replace(tzinfo=dt.UTC).timestamp())
            state.backoff = backoff or 0.0

    def _save_hosts(self) -> None:
        rows = [(s.host, dt.datetime.fromtimestamp(s.paused_until, dt.UTC).replace(tzinfo=None)
                 if s.paused_until else None, s.backoff) for s in self.fetcher.hosts.values()]
        self.store.con.execute("DELETE FROM feed_hosts")
        if rows:
            self.store.con.executemany("INSERT INTO feed_hosts VALUES (?, ?, ?)", rows)

    # -- errors -----------------------------------------------------------------------------------

    def _record_error(self, source: str, reason: str) -> None:
        self.store.write([Document.failed(source, reason)])

    # -- feeds ------------------------------------------------------------------------------------

    def fetch_feeds(self, report: PollReport) -> None:
        for feed in self._in_host_order(due_feeds(self.store, now_utc()), lambda f: f.url):
            self._fetch_feed(feed, report)

    def _in_host_order(self, things: list, url_of: Callable) -> list:
        """Interleave hosts (a, b, c, a, b, c, ...) so that one host's delay does not stall the others."""
        queues: dict[str, deque] = {}
        for thing in things:
            queues.setdefault(host_of(url_of(thing)), deque()).append(thing)
        ordered = []
        while queues:
            for host in list(queues):
                ordered.append(queues[host].popleft())
                if not queues[host]:
                    del queues[host]
        return ordered

    def _fetch_feed(self, feed: Feed, report: PollReport) -> None:
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
                             "text/plain;q=0.5"}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        fetched_at = now_utc()
        parsed = None
        try:
            response = self.fetcher.fetch(feed.url, FEED_TYPES, headers)
            status = response.status
            new = 0
            if status != 304:
                parsed = parse_feed(response.body, response.content_type, response.url)
                if parsed.sitemaps:
                    add_feeds(self.store, parsed.sitemaps, feed.interval_s, parent_id=feed.feed_id)
                report.links_found += len(parsed.items)
                new = self._queue(feed, parsed.items, fetched_at)
                report.links_new += new
        except (FetchError, FeedError) as exc:
            reason = getattr(exc, "reason", None) or str(exc)
            report.feed_errors += 1
            self._record_error(feed.url, f"feed: {reason}")
            errors = feed.error_count + 1
            wait = min(self.config.max_interval, max(self.config.min_interval, feed.interval_s) * 2 ** min(errors, 6))
            retry_after = getattr(exc, "retry_after", None)
            wait = max(wait, retry_after or 0.0) if not self.config.once else wait
            self.store.con.execute(
                "UPDATE feeds SET last_fetch = ?, last_status = ?, error_count = ?, last_error = ?, next_fetch = ? "
                "WHERE feed_id = ?", [fetched_at, getattr(exc, "status", None), errors, reason,
                                      fetched_at + dt.timedelta(seconds=wait), feed.feed_id])
            return
        report.feeds_fetched += 1
        changed = new > 0
        report.feeds_unchanged += not changed
        interval = feed.interval_s / 2 if changed else feed.interval_s * 1.5
        interval = min(self.config.max_interval, max(self.config.min_interval, interval))
        etag = response.headers.get("etag") or feed.etag
        last_modified = response.headers.get("last-modified") or feed.last_modified
        self.store.con.execute(
            "UPDATE feeds SET etag = ?, last_modified = ?, interval_s = ?, next_fetch = ?, last_fetch = ?, "
            "last_status = ?, last_changed = CASE WHEN ? THEN ? ELSE last_changed END, error_count = 0, "
            "last_error = NULL, items_found = coalesce(items_found, 0) + ?, "
            "kind = coalesce(?, kind), title = coalesce(?, title) WHERE feed_id = ?",
            [etag, last_modified, interval, fetched_at + dt.timedelta(seconds=interval), fetched_at, status,
             changed, fetched_at, new, parsed.kind if parsed else None, parsed.title if parsed else None,
             feed.feed_id])

    def _queue(self, feed: Feed, items: list, found_at: dt.datetime) -> int:
        """Queue the links not seen before; returns how many were new."""
        fresh: dict[str, tuple] = {}
        for item in items:
            url = canonical_url(item.url)
            if url and url not in fresh:
                fresh[url] = (url, item.url, feed.feed_id, item.title, item.published, found_at, "pending", 0,
                              found_at, None, None, None)
        if not fresh:
            return 0
        known = {row[0] for row in self.store.con.execute(
            "SELECT canonical_url FROM feed_items WHERE canonical_url IN (SELECT unnest(?::VARCHAR[])) "
            "UNION SELECT canonical_url FROM document_urls WHERE canonical_url IN (SELECT unnest(?::VARCHAR[]))",
            [list(fresh), list(fresh)]).fetchall()}
        rows = [row for url, row in fresh.items() if url not in known]
        if rows:
            self.store.con.executemany(
                "INSERT INTO feed_items (canonical_url, url, feed_id, title, published, found_at, status, attempts, "
                "next_attempt, fetched_at, doc_id, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    # -- pages ------------------------------------------------------------------------------------

    def _pending(self) -> list[_Item]:
        rows = self.store.con.execute(
            "SELECT canonical_url, url, title, published, attempts FROM feed_items "
            "WHERE status = 'pending' AND (next_attempt IS NULL OR next_attempt <= ?) ORDER BY found_at, canonical_url",
            [now_utc()]).fetchall()
        return [_Item(*row) for row in rows]

    def fetch_pages(self, report: PollReport) -> None:
        queue = deque(self._in_host_order(self._pending(), lambda i: i.url))
        batch: list[tuple[_Item, RawDocument]] = []
        while queue:
            item = self._next_ready(queue)
            if item is None:
                break
            raw = self._fetch_page(item, report)
            if isinstance(raw, _Item):  # to be tried again in this round, once its host allows
                queue.append(raw)
                continue
            if raw is not None:
                batch.append((item, raw))
            if len(batch) >= self.config.batch_pages:
                self._store_pages(batch, report)
                batch = []
        if batch:
            self._store_pages(batch, report)

    def _next_ready(self, queue: deque) -> _Item | None:
        """The first queued item whose host may be asked now; else wait for the soonest host
        (in `once` mode only up to `max_wait`, leaving the rest queued for the next run)."""
        wait, index = min((self.fetcher.wait_seconds(item.url), i) for i, item in enumerate(queue))
        if wait > 0:
            if self.config.once and wait > self.config.max_wait:
                return None
            self.sleep(wait)
        item = queue[index]
        del queue[index]
        return item

    def _fetch_page(self, item: _Item, report: PollReport) -> RawDocument | _Item | None:
        """The page as a RawDocument; on failure None, or the item again when it may be retried."""
        fetched_at = now_utc()
        try:
            response = self.fetcher.fetch(item.url, HTML_TYPES, {"Accept": "text/html, application/xhtml+xml"})
            text, error = decode(response.body)
            if text is None and response.charset:
                try:
                    text, error = response.body.decode(response.charset), None
                except (LookupError, UnicodeDecodeError):
                    pass
            if text is None:
                raise FetchError(error or "undecodable page", response.status)
        except FetchError as exc:
            report.page_errors += 1
            self._record_error(item.url, f"page: {exc.reason}")
            attempts = item.attempts + 1
            disallowed = exc.reason.startswith(("disallowed", "refused"))
            # 429, 5xx, timeouts and broken connections may pass; a 404, a loop, a PDF will not
            transient = exc.status is None or exc.status == 429 or exc.status >= 500
            transient = transient and not disallowed and not exc.reason.startswith("too large")
            retry = transient and attempts < self.config.max_attempts
            status = "pending" if retry else "skipped" if disallowed else "failed"
            next_attempt = fetched_at + dt.timedelta(seconds=self.fetcher.wait_seconds(item.url))
            self.store.con.execute(
                "UPDATE feed_items SET status = ?, attempts = ?, last_error = ?, fetched_at = ?, next_attempt = ? "
                "WHERE canonical_url = ?", [status, attempts, exc.reason, fetched_at, next_attempt,
                                            item.canonical_url])
            if disallowed:
                report.skipped[exc.reason.split(":")[0]] += 1
            return _Item(item.canonical_url, item.url, item.title, item.published, attempts) if retry else None
        report.pages_fetched += 1
        meta = {"url": response.url, "title": item.title, "published": item.published}
        return RawDocument(source=item.url, content=text, format="html", meta={k: v for k, v in meta.items() if v})

    def _store_pages(self, batch: list[tuple[_Item, RawDocument]], report: PollReport) -> None:
        from ghatna.stories.tracker import StoryTracker

        if self._tracker is None:  # one story index for the whole run, loaded from the store once
            self._tracker = StoryTracker(self.store)
        raws = [raw for _, raw in batch]
        docs = list(self.pipeline.map(raws, workers=self.config.workers))
        for (item, raw), doc in zip(batch, docs, strict=True):
            doc.url = raw.meta.get("url", item.url)  # where it was fetched, not a URL named in its markup
        counts = self.store.write(self._tracker.track(docs), before_commit=self._tracker.before_commit)
        report.documents_stored += counts.ok + counts.unsupported
        report.page_errors += counts.errors
        fetched_at = now_utc()
        for (item, _), doc in zip(batch, docs, strict=True):
            status, error = ("stored", None) if doc.ok else ("failed", doc.error)
            self.store.con.execute(
                "UPDATE feed_items SET status = ?, attempts = attempts + 1, fetched_at = ?, doc_id = ?, last_error = ? "
                "WHERE canonical_url = ?", [status, fetched_at, doc.doc_id if doc.ok else None, error,
                                            item.canonical_url])

    # -- rounds -----------------------------------------------------------------------------------

    def poll_round(self) -> PollReport:
        report = PollReport()
        self.fetch_feeds(report)
        self.fetch_pages(report)
        self._save_hosts()
        return report

    def run(self, max_rounds: int | None = None, on_round: Callable[[PollReport], None] | None = None) -> PollReport:
        """Rounds until stopped (KeyboardInterrupt) or `max_rounds`; `once` is one round."""
        total = PollReport()
        rounds = 0
        try:
            while True:
                report = self.poll_round()
                total.add(report)
                rounds += 1
                if on_round is not None:
                    on_round(report)
                if self.config.once or (max_rounds is not None and rounds >= max_rounds):
                    return total
                self.sleep(self._until_next())
        except KeyboardInterrupt:
            self._save_hosts()
            return total

    def _until_next(self) -> float:
        row = self.store.con.execute(
            "SELECT least((SELECT min(next_fetch) FROM feeds), "
            "(SELECT min(next_attempt) FROM feed_items WHERE status = 'pending'))").fetchone()
        if not row or row[0] is None:
            return self.config.idle_sleep
        return min(self.config.idle_sleep, max(1.0, (row[0] - now_utc()).total_seconds()))
