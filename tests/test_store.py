"""The DuckDB store: tables, idempotent re-ingest, batching, queries, stored contract objects."""

from __future__ import annotations

import datetime as dt

import pytest

from ghatna.document import (
    STATUS_UNSUPPORTED,
    Caption,
    Document,
    Entity,
    Event,
    Geo,
    Mention,
    Quantity,
    Quote,
    Sentence,
    Span,
    make_doc_id,
)
from ghatna.store import TABLES, Store


def _mention(text: str, needle: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), needle, label)


def _trigger(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def _sentences(text: str) -> list[Sentence]:
    """Sentences ending in a danda or full stop, by hand (the tests must not depend on the segmenter)."""
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch in "।.":
            sentences.append(Sentence(start, i + 1, None))
            start = i + 1
            while start < len(text) and text[start].isspace():
                start += 1
    return sentences


def build_documents() -> list[Document]:
    """Hand-built documents covering every table: a Hindi article with entities (with and without
    geo), events (one of each export case), a quote and a quantity; an English article whose one
    event has no date anywhere; an Urdu (unsupported) document; and an error record."""
    hi_text = (
        "पुतिन ने कज़ाख़स्तान में सेना भेजी। अल्माटी में सीएसटीओ की बैठक होगी।\n\n"
        "अल्माटी में बाढ़ से 12 लोग मारे गए। पुतिन ने कहा, \"क्रांति नहीं होने देंगे।\" "
        "रूस ने आरोप नहीं लगाया।"
    )
    sentences = _sentences(hi_text)
    hi = Document(
        text=hi_text, source="articles/putin.txt", doc_id=make_doc_id(hi_text), lang="hi",
        title="पुतिन ने सीएसटीओ बैठक में संकल्प लिया", published="2022-01-12",
        authors=["Statecraft Staff"], captions=[Caption("Putin at the CSTO meeting", "KREMLIN", "en")],
        sentences=sentences, url="https://example.org/putin",
    )
    hi.entities = [
        Entity("ent1", "Vladimir Putin", "PER", "RUS", "RUSGOV", None,
               [_mention(hi_text, "पुतिन", "PER"), _mention(hi_text, "पुतिन", "PER", 1)]),
        Entity("ent2", "Kazakhstan", "GPE", "KAZ", "KAZ", Geo(48.0, 68.0, 1522867, None, "country"),
               [_mention(hi_text, "कज़ाख़स्तान", "GPE")]),
        Entity("ent3", "Almaty", "GPE", "KAZ", "KAZ", Geo(43.25, 76.91667, 1526384, "02", "city"),
               [_mention(hi_text, "अल्माटी", "GPE"), _mention(hi_text, "अल्माटी", "GPE", 1)]),
        Entity("ent4", "Collective Security Treaty Organization", "ORG", None, "IGOCST", None,
               [_mention(hi_text, "सीएसटीओ", "ORG")]),
        Entity("ent5", "Russia", "GPE", "RUS", "RUS", Geo(60.0, 100.0, 2017370, None, "country"),
               [_mention(hi_text, "रूस", "GPE")]),
    ]
    hi.events = [
        Event("ev1", "MOBILIZE", _trigger(hi_text, "सेना भेजी"), 0, mode="troops", cameo="190",
              quad_class=4, intensity=-6.5, actors=["ent1"], recipients=["ent2"], place="ent3",
              date="2022-01-10", date_precision="day", confidence=0.9),
        Event("ev2", "CONSULT", _trigger(hi_text, "बैठक होगी"), 1, cameo="040", actors=["ent4"],
              place="ent3", modality="future", confidence=0.8),
        Event("ev3", "DISASTER", _trigger(hi_text, "बाढ़"), 2, mode="flood", place="ent3",
              date="2022-01", date_precision="month"),
        Event("ev4", "ACCUSE", _trigger(hi_text, "आरोप"), 4, cameo="112", quad_class=3, actors=["ent5"],
              negated=True),
    ]
    quote_text = "क्रांति नहीं होने देंगे।"
    quote_start = hi_text.index(quote_text)
    hi.quotes = [Quote(quote_text, quote_start, quote_start + len(quote_text), True, "ent1", "पुतिन", "कहा")]
    twelve = hi_text.index("12 लोग")
    hi.quantities = [Quantity(12.0, "12 लोग", twelve, twelve + len("12 लोग"), "exact", "लोग", "people", "ev3")]

    en_text = "Protesters in Almaty demanded new elections. Police arrested dozens."
    en = Document(text=en_text, source="articles/almaty.html", doc_id=make_doc_id(en_text), lang="en",
                  sentences=_sentences(en_text))
    en.entities = [Entity("ent1", "Almaty", "GPE", "KAZ", "KAZ", Geo(43.25, 76.91667, 1526384, "02", "city"),
                          [_mention(en_text, "Almaty", "GPE")]),
                   Entity("ent2", "police", "ORG", "KAZ", "KAZCOP", None, [_mention(en_text, "Police", "ORG")])]
    en.events = [Event("ev1", "COERCE", _trigger(en_text, "arrested"), 1, mode="arrest", cameo="173",
                       quad_class=4, actors=["ent2"], place="ent1")]

    ur_text = "صدر پوتن نے قازقستان میں فوج بھیجی۔"
    ur = Document(text=ur_text, source="articles/urdu.txt", doc_id=make_doc_id(ur_text), lang="ur",
                  status=STATUS_UNSUPPORTED)

    failed = Document.failed("articles/junk.bin", "binary file")
    return [hi, en, ur, failed]


def expected_counts(docs: list[Document]) -> dict[str, int]:
    stored = [d for d in docs if d.ok]
    return {
        "documents": len(stored),
        "entities": sum(len(d.entities) for d in stored),
        "mentions": sum(len(e.mentions) for d in stored for e in d.entities),
        "events": sum(len(d.events) for d in stored),
        "quotes": sum(len(d.quotes) for d in stored),
        "quantities": sum(len(d.quantities) for d in stored),
        "errors": sum(not d.ok for d in docs),
        "document_sources": len({(d.source, d.input_hash) for d in docs}),  # one row per input
    }


@pytest.fixture
def docs() -> list[Document]:
    return build_documents()


def test_write_fills_every_table(tmp_path, docs):
    with Store(tmp_path / "g.duckdb") as store:
        counts = store.write(docs)
        assert (counts.ok, counts.unsupported, counts.errors) == (2, 1, 1)
        assert store.counts() == expected_counts(docs)
        assert set(store.counts()) == set(TABLES)


def test_rewrite_is_idempotent(tmp_path, docs):
    path = tmp_path / "g.duckdb"
    with Store(path) as store:
        store.write(docs)
        first = store.counts()
    with Store(path) as store:  # reopening: schema creation must not fail or wipe anything
        store.write(build_documents())
        assert store.counts() == first
        # A doc_id repeated inside one batch is stored once.
        store.write(docs + docs)
        assert store.counts() == first


def test_rewrite_replaces_rows_of_a_changed_document(tmp_path, docs):
    with Store(tmp_path / "g.duckdb") as store:
        store.write(docs)
        changed = build_documents()[0]
        changed.entities = changed.entities[:1]
        changed.events, changed.quotes, changed.quantities = [], [], []
        store.write([changed])
        counts = store.counts()
        assert counts["entities"] == len(docs[1].entities) + 1
        assert counts["events"] == len(docs[1].events)
        assert counts["quotes"] == 0 and counts["quantities"] == 0
        assert counts["documents"] == 3


def test_small_batches_give_the_same_tables(tmp_path, docs):
    consumed = []

    def lazy():
        for doc in docs:
            consumed.append(doc.doc_id)
            yield doc

    with Store(tmp_path / "g.duckdb") as store:
        counts = store.write(lazy(), batch_size=1)
        assert counts.total == len(docs) == len(consumed)
        assert store.counts() == expected_counts(docs)


def test_query_returns_columns_and_typed_rows(tmp_path, docs):
    hi = docs[0]
    with Store(tmp_path / "g.duckdb") as store:
        store.write(docs)
        columns, rows = store.query(
            "SELECT e.event_id, e.actors, e.recipients, e.negated, d.published, d.authors "
            "FROM events e JOIN documents d USING (doc_id) WHERE e.cameo = '190'")
        assert columns == ["event_id", "actors", "recipients", "negated", "published", "authors"]
        assert rows == [("ev1", ["ent1"], ["ent2"], False, dt.date(2022, 1, 12), ["Statecraft Staff"])]

        columns, rows = store.query('SELECT m.text, m."start", m."end" FROM mentions m '
                                    "WHERE doc_id = ? AND entity_id = 'ent3' ORDER BY 2", [hi.doc_id])
        for text, start, end in rows:
            assert hi.text[start:end] == text == "अल्माटी"

        _, rows = store.query("SELECT lat, lon, geonames_id, admin1, geo_precision FROM entities "
                              "WHERE doc_id = ? AND entity_id = 'ent3'", [hi.doc_id])
        assert rows == [(43.25, 76.91667, 1526384, "02", "city")]

        _, rows = store.query("SELECT doc_id, source, reason FROM errors")
        assert rows == [(docs[3].doc_id, "articles/junk.bin", "binary file")]

        _, rows = store.query("SELECT lang, status FROM documents ORDER BY lang")
        assert rows == [("en", "ok"), ("hi", "ok"), ("ur", STATUS_UNSUPPORTED)]

        _, rows = store.query("SELECT captions->>'$[0].credit', json_array_length(sentences) FROM documents "
                              "WHERE doc_id = ?", [hi.doc_id])
        assert rows == [("KREMLIN", len(hi.sentences))]


def test_documents_round_trip_the_contract(tmp_path, docs):
    with Store(tmp_path / "g.duckdb") as store:
        store.write(docs)
        assert list(store.documents()) == [d.to_dict() for d in docs]
        assert list(store.documents(include_errors=False)) == [d.to_dict() for d in docs if d.ok]


def test_read_only(tmp_path, docs):
    path = tmp_path / "g.duckdb"
    with pytest.raises(FileNotFoundError):
        Store(path, read_only=True)
    with Store(path) as store:
        store.write(docs)
    with Store(path, read_only=True) as store:
        assert store.counts() == expected_counts(docs)
        with pytest.raises(PermissionError):
            store.write(docs)


def test_store_of_an_earlier_version_gains_new_columns(tmp_path, docs):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (doc_id VARCHAR, event_id VARCHAR)")  # an older, narrower table
    con.close()
    with Store(path) as store:
        store.write(docs)
        columns = [row[0] for row in store.con.execute("DESCRIBE events").fetchall()]
        assert columns[:2] == ["doc_id", "event_id"] and "duration" in columns
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == sum(len(d.events) for d in docs)


def _input(text: str, source: str, input_hash: str, url: str | None = None) -> Document:
    return Document(text=text, source=source, doc_id=make_doc_id(text), lang="en", input_hash=input_hash, url=url)


def test_each_input_keeps_its_source_row_and_nothing_is_left_unsourced(tmp_path):
    with Store(tmp_path / "g.duckdb") as store:
        story = "Officials met in Kathmandu on Wednesday."
        store.write([_input(story, "a.jsonl:1", "h1", "https://a.example"),
                     _input(story, "b.jsonl:1", "h2", "https://b.example")])
        assert (store.counts()["documents"], store.counts()["document_sources"]) == (1, 2)
        _, rows = store.query("SELECT source, url FROM document_sources ORDER BY source")
        assert rows == [("a.jsonl:1", "https://a.example"), ("b.jsonl:1", "https://b.example")]

        # an input that failed before and is read now leaves no stale error record, and back again
        failed = Document.failed("c.txt", "over the time budget")
        failed.input_hash = "h3"
        store.write([failed])
        assert store.counts()["errors"] == 1
        store.write([_input("Police arrested dozens.", "c.txt", "h3")])
        assert (store.counts()["errors"], store.counts()["documents"]) == (0, 2)
        store.write([failed])
        assert (store.counts()["errors"], store.counts()["documents"]) == (1, 1)

        # one of two inputs sharing an analysis now reads differently: the shared one stays for the other
        store.write([_input("A corrected story.", "a.jsonl:1", "h1")])
        _, rows = store.query("SELECT s.source, d.text FROM document_sources s JOIN documents d USING (doc_id) "
                              "ORDER BY s.source")
        assert rows == [("a.jsonl:1", "A corrected story."), ("b.jsonl:1", story)]
        assert store.counts()["document_sources"] == 3
