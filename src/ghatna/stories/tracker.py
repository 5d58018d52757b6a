"""The story index bound to a store: assigns each document a story as it is written, links
near-duplicates, records canonical URLs, and recomputes the canonical events of the stories a
batch touched, all in the batch's transaction.

    with Store(path) as store:
        tracker = StoryTracker(store)
        store.write(tracker.track(docs), before_commit=tracker.before_commit)

The index of the last `window_days` days (stories, MinHash signatures, document frequencies) is
saved with each batch and loaded on start, so a restarted `ingest` or `poll` goes on where it
stopped.  A document already stored keeps its story (re-ingesting changes nothing).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import duckdb
import numpy as np

from ghatna.document import STATUS_ERROR, Document
from ghatna.read.urls import canonical_url
from ghatna.store.duckdb_store import Store, insert_columns
from ghatna.stories.cluster import Assignment, Centroid, Story, StoryIndex, StoryParams
from ghatna.stories.events import CanonicalEvent, EntityRef, EventMention, entity_key, link_events, source_of

ACTOR_TYPES = frozenset({"PER", "ORG", "NORP", "AGENT"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
MAIN_ENTITIES = 5

STORY_TABLES: dict[str, list[tuple[str, str]]] = {
    "stories": [
        ("story_id", "VARCHAR"), ("title", "VARCHAR"), ("first_seen", "DATE"), ("last_seen", "DATE"),
        ("size", "INTEGER"), ("languages", "VARCHAR[]"), ("main_actors", "VARCHAR[]"),
        ("main_actor_ids", "VARCHAR[]"), ("main_places", "VARCHAR[]"), ("main_place_ids", "VARCHAR[]"),
        ("updated_at", "TIMESTAMP"), ("state", "JSON"),
    ],
    # a document that is a near-copy of an earlier one: linked, not dropped
    "near_duplicates": [
        ("doc_id", "VARCHAR"), ("duplicate_of", "VARCHAR"), ("similarity", "DOUBLE"), ("found_at", "TIMESTAMP"),
    ],
    # every URL a document was met at, by canonical form (web archives: the capture time)
    "document_urls": [
        ("canonical_url", "VARCHAR"), ("url", "VARCHAR"), ("doc_id", "VARCHAR"), ("source", "VARCHAR"),
        ("seen_at", "TIMESTAMP"),
    ],
    "story_signatures": [("doc_id", "VARCHAR"), ("story_id", "VARCHAR"), ("day", "DATE"), ("minhash", "BLOB")],
    "story_index_state": [("name", "VARCHAR"), ("value", "BLOB"), ("updated_at", "TIMESTAMP")],
    "canonical_events": [
        ("canonical_id", "VARCHAR"), ("story_id", "VARCHAR"), ("type", "VARCHAR"), ("negated", "BOOLEAN"),
        ("date", "VARCHAR"), ("first_doc_id", "VARCHAR"), ("first_event_id", "VARCHAR"),
        ("actors", "VARCHAR[]"), ("recipients", "VARCHAR[]"), ("place", "VARCHAR"),
        ("num_mentions", "INTEGER"), ("num_sources", "INTEGER"), ("num_articles", "INTEGER"),
        ("first_seen", "TIMESTAMP"),
    ],
    "event_mentions": [
        ("canonical_id", "VARCHAR"), ("story_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("event_id", "VARCHAR"),
        ("sentence", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"), ("confidence", "DOUBLE"),
        ("source", "VARCHAR"), ("seen_at", "TIMESTAMP"),
    ],
}


def ensure_story_tables(store: Store) -> None:
    store.ensure_tables(STORY_TABLES)


def _columns(table: str) -> list[list]:
    return [[] for _ in STORY_TABLES[table]]


def _add(columns: list[list], row: Iterable) -> None:
    for column, value in zip(columns, row, strict=True):
        column.append(value)


@dataclass
class _Pending:
    doc: Document
    assignment: Assignment | None  # None: stored before, story kept


class StoryTracker:
    """Assigns stories to documents on their way into a store; see the module docstring."""

    def __init__(self, store: Store, params: StoryParams | None = None) -> None:
        ensure_story_tables(store)
        self.store = store
        self.index = StoryIndex(params)
        self.pending: dict[str, _Pending] = {}
        self.counts: Counter[str] = Counter()
        self._load()

    # -- state ------------------------------------------------------------------------------------

    def _load(self) -> None:
        con = self.store.connection()
        state = dict(con.execute("SELECT name, value FROM story_index_state").fetchall())
        if "df" in state and len(state["df"]) == self.index.df.nbytes:
            self.index.df = np.frombuffer(state["df"], dtype=np.uint32).copy()
            self.index.documents_seen = int(json.loads(state["meta"])["documents_seen"])
        latest = con.execute("SELECT max(last_seen) FROM stories").fetchone()[0]
        if latest is None:
            return
        oldest = latest - dt.timedelta(days=self.index.params.window_days)
        self.index.latest = latest
        for row in con.execute("SELECT story_id, title, first_seen, last_seen, size, state FROM stories "
                               "WHERE last_seen >= ? ORDER BY story_id", [oldest]).fetchall():
            self.index.restore(_story_from_row(row))
        for doc_id, story_id, day, blob in con.execute(
                "SELECT doc_id, story_id, day, minhash FROM story_signatures WHERE day >= ? "
                "ORDER BY day, doc_id", [oldest]).fetchall():
            self.index.duplicates.add_signature(doc_id, story_id, np.frombuffer(blob, dtype=np.uint32), day)

    def _stored_story(self, doc_id: str) -> str | None:
        row = self.store.connection().execute("SELECT story_id FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    # -- assignment -------------------------------------------------------------------------------

    def track(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Yield `docs` with `story_id` set (error records pass through untouched)."""
        for doc in docs:
            self.assign(doc)
            yield doc

    def assign(self, doc: Document) -> None:
        if doc.status == STATUS_ERROR or doc.signals is None:
            return
        earlier = self.pending.get(doc.doc_id)
        if earlier is not None:  # the same text twice in one batch
            doc.story_id = earlier.doc.story_id
            self.pending[doc.doc_id] = _Pending(doc, earlier.assignment)
            return
        stored = self._stored_story(doc.doc_id)
        if stored is not None:
            doc.story_id = stored
            self.pending[doc.doc_id] = _Pending(doc, None)
            self.counts["already stored"] += 1
            return
        seen = dt.datetime.now(dt.UTC).date()
        assignment = self.index.assign(doc.doc_id, doc.signals, seen=seen)
        doc.story_id = assignment.story_id
        self.pending[doc.doc_id] = _Pending(doc, assignment)
        self.counts["new story" if assignment.score is None else "joined story"] += 1
        if assignment.near_duplicate_of:
            self.counts["near-duplicate"] += 1

    # -- writing ----------------------------------------------------------------------------------

    def before_commit(self, con: duckdb.DuckDBPyConnection, batch: list[Document]) -> None:
        """Write what the batch's documents added (called by `Store.write` inside its transaction)."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        pending = [self.pending.pop(doc.doc_id) for doc in batch if doc.doc_id in self.pending]
        if not pending:
            return
        doc_ids = [p.doc.doc_id for p in pending]
        touched = sorted({p.doc.story_id for p in pending if p.doc.story_id})
        near, urls, signatures = _columns("near_duplicates"), _columns("document_urls"), _columns("story_signatures")
        for p in pending:
            doc, assignment = p.doc, p.assignment
            url = canonical_url(doc.url)
            if url:
                _add(urls, (url, doc.url, doc.doc_id, doc.source, now))
            if assignment is None:
                continue
            if assignment.near_duplicate_of:
                _add(near, (doc.doc_id, assignment.near_duplicate_of, assignment.similarity, now))
            if doc.signals.minhash is not None:
                day = dt.date.fromisoformat(doc.signals.date) if doc.signals.date else now.date()
                _add(signatures, (doc.doc_id, doc.story_id, day, doc.signals.minhash.tobytes()))
        con.execute("DELETE FROM near_duplicates WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids])
        insert_columns(con, "near_duplicates", STORY_TABLES["near_duplicates"], near)
        if urls[0]:
            con.execute("DELETE FROM document_urls WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) "
                        "AND canonical_url IN (SELECT unnest(?::VARCHAR[]))", [urls[2], urls[0]])
            insert_columns(con, "document_urls", STORY_TABLES["document_urls"], urls)
        con.execute("DELETE FROM story_signatures WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                    [signatures[0]])
        insert_columns(con, "story_signatures", STORY_TABLES["story_signatures"], signatures)
        self._write_stories(con, touched, now)
        self._write_state(con, now)
        write_canonical_events(con, touched)

    def _write_stories(self, con: duckdb.DuckDBPyConnection, story_ids: list[str], now: dt.datetime) -> None:
        rows = _columns("stories")
        for story_id in story_ids:
            story = self.index.stories.get(story_id)
            if story is not None:
                _add(rows, _story_row(story, now))
        if rows[0]:
            con.execute("DELETE FROM stories WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [rows[0]])
            insert_columns(con, "stories", STORY_TABLES["stories"], rows)

    def _write_state(self, con: duckdb.DuckDBPyConnection, now: dt.datetime) -> None:
        meta = json.dumps({"documents_seen": self.index.documents_seen}).encode()
        con.execute("DELETE FROM story_index_state WHERE name IN ('df', 'meta')")
        con.execute("INSERT INTO story_index_state VALUES ('df', ?, ?), ('meta', ?, ?)",
                    [self.index.df.tobytes(), now, meta, now])


# -- stories as rows ------------------------------------------------------------------------------

def _main(story: Story, types: frozenset[str]) -> list[tuple[str, str]]:
    ranked = [(entity_id, story.entity_names[entity_id][0]) for entity_id, _ in story.entities.most_common()
              if entity_id in story.entity_names and story.entity_names[entity_id][1] in types]
    return ranked[:MAIN_ENTITIES]


def _story_row(story: Story, now: dt.datetime) -> tuple:
    actors, places = _main(story, ACTOR_TYPES), _main(story, PLACE_TYPES)
    state = {
        "languages": dict(story.languages),
        "x": {str(k): v for k, v in story.centroid_x.as_dict().items()},
        "w": {lang: {str(k): v for k, v in words.as_dict().items()} for lang, words in story.centroid_w.items()},
        "entities": dict(story.entities.most_common(4 * MAIN_ENTITIES)),
        "names": {k: list(v) for k, v in story.entity_names.items() if k in dict(story.entities.most_common(
            4 * MAIN_ENTITIES))},
    }
    return (story.story_id, story.title, story.first_seen, story.last_seen, story.size,
            sorted(story.languages), [n for _, n in actors], [i for i, _ in actors], [n for _, n in places],
            [i for i, _ in places], now, json.dumps(state, ensure_ascii=False))


def _story_from_row(row: tuple) -> Story:
    story_id, title, first_seen, last_seen, size, state = row
    state = json.loads(state) if isinstance(state, str) else state
    return Story(
        story_id=story_id, title=title, first_seen=first_seen, last_seen=last_seen, size=size,
        languages=Counter(state.get("languages", {})),
        centroid_x=Centroid({int(k): v for k, v in state.get("x", {}).items()}),
        centroid_w={lang: Centroid({int(k): v for k, v in words.items()}) for lang, words in state.get("w", {}).items()},
        entities=Counter(state.get("entities", {})),
        entity_names={k: tuple(v) for k, v in state.get("names", {}).items()},
    )


# -- canonical events -----------------------------------------------------------------------------

_MENTION_SQL = """
SELECT e.doc_id, e.event_id, e.type, coalesce(e.negated, false), e.date, e.date_precision, e.actors,
       e.recipients, e.place, e.sentence, e.trigger_start, e.trigger_end, e.confidence, d.ingested_at,
       d.position, d.url, d.source, d.published, d.story_id
FROM events e JOIN documents d USING (doc_id)
WHERE d.story_id IN (SELECT unnest(?::VARCHAR[]))
"""

_ENTITY_SQL = """
SELECT n.doc_id, n.entity_id, n.name, n.lat, n.lon, n.geo_precision
FROM entities n JOIN documents d USING (doc_id)
WHERE d.story_id IN (SELECT unnest(?::VARCHAR[]))
"""


def _parse_date(value: str | None) -> tuple[dt.date, str] | None:
    """'2022-01-12' -> (date, 'day'); '2022-01' -> (2022-01-01, 'month'); '2022' -> (.., 'year')."""
    if not value:
        return None
    try:
        numbers = [int(p) for p in value[:10].split("-")]
        precision = ("year", "month", "day")[min(len(numbers), 3) - 1]
        return dt.date(numbers[0], *(numbers[1:3] + [1, 1])[:2]), precision
    except (ValueError, IndexError, TypeError):
        return None


def story_mentions(con: duckdb.DuckDBPyConnection, story_ids: list[str]) -> dict[str, list[EventMention]]:
    """The event mentions of the documents of some stories, by story."""
    entities: dict[tuple[str, str], tuple[str, float | None, float | None, str | None]] = {}
    for doc_id, entity_id, name, lat, lon, precision in con.execute(_ENTITY_SQL, [story_ids]).fetchall():
        entities[(doc_id, entity_id)] = (name, lat, lon, precision)
    by_story: dict[str, list[EventMention]] = {}
    for row in con.execute(_MENTION_SQL, [story_ids]).fetchall():
        (doc_id, event_id, kind, negated, date, precision, actors, recipients, place, sentence, start, end,
         confidence, seen_at, position, url, source, published, story_id) = row

        def key(entity_id: str, doc_id: str = doc_id) -> str:
            return entity_key(entity_id, entities.get((doc_id, entity_id), (None,))[0])

        own = _parse_date(date)
        if own is not None:
            day, day_precision = own[0], precision or own[1]
        else:
            day, day_precision = published, "published" if published is not None else None
        place_ref = None
        if place:
            _, lat, lon, precision = entities.get((doc_id, place), (None, None, None, None))
            place_ref = EntityRef(key(place), lat, lon, precision)
        by_story.setdefault(story_id, []).append(EventMention(
            doc_id=doc_id, event_id=event_id, type=kind, negated=bool(negated),
            date=day, date_precision=day_precision,
            actors=frozenset(key(a) for a in actors or []), recipients=frozenset(key(r) for r in recipients or []),
            place=place_ref, sentence=sentence, trigger_start=start, trigger_end=end, confidence=confidence,
            seen_at=seen_at, position=position or 0, source=source_of(url, source)))
    return by_story


def write_canonical_events(con: duckdb.DuckDBPyConnection, story_ids: list[str]) -> list[CanonicalEvent]:
    """Recompute the canonical events and mentions of some stories."""
    if not story_ids:
        return []
    con.execute("DELETE FROM canonical_events WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [story_ids])
    con.execute("DELETE FROM event_mentions WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [story_ids])
    events_rows, mention_rows = _columns("canonical_events"), _columns("event_mentions")
    linked: list[CanonicalEvent] = []
    for story_id, mentions in sorted(story_mentions(con, story_ids).items()):
        for event in link_events(mentions, story_id):
            linked.append(event)
            first = event.first
            _add(events_rows, (
                event.canonical_id, story_id, first.type, first.negated,
                first.date.isoformat() if first.date else None, first.doc_id, first.event_id,
                sorted(event.actors), sorted(event.recipients), first.place.key if first.place else None,
                event.num_mentions, event.num_sources, event.num_articles, event.first_seen,
            ))
            for m in event.mentions:
                _add(mention_rows, (event.canonical_id, story_id, m.doc_id, m.event_id, m.sentence,
                                    m.trigger_start, m.trigger_end, m.confidence, m.source, m.seen_at))
    insert_columns(con, "canonical_events", STORY_TABLES["canonical_events"], events_rows)
    insert_columns(con, "event_mentions", STORY_TABLES["event_mentions"], mention_rows)
    return linked
