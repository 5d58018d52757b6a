"""Stories, near-duplicates and canonical events, on documents written for these tests (no models:
entities and events are given, as the pipeline would give them), through a real DuckDB store."""

from __future__ import annotations

import datetime as dt

import numpy as np

from ghatna.document import Document, Entity, Event, Geo, Mention, Sentence, Span
from ghatna.export import run_export
from ghatna.store import Store
from ghatna.stories import write_with_stories
from ghatna.stories.cluster import StoryIndex, StoryParams
from ghatna.stories.events import EntityRef, EventMention, link_events
from ghatna.stories.signals import jaccard_estimate, minhash, story_signals, text_words

QUAKE_EN = ("A strong earthquake struck Sulawesi on Friday and a tsunami hit the city of Palu, officials said. "
            "At least 384 people were killed and 540 injured. President Joko Widodo ordered the army to help. "
            "Rescue teams from Jakarta reached Palu on Saturday. The Red Cross said 16,000 people had moved.")
QUAKE_HI = ("शुक्रवार को सुलावेसी में तेज़ भूकंप आया और पालू शहर में सुनामी आई, अधिकारियों ने कहा। "
            "कम से कम 384 लोग मारे गए और 540 घायल हुए। राष्ट्रपति जोको विडोडो ने सेना को मदद का आदेश दिया। "
            "जकार्ता से बचाव दल शनिवार को पालू पहुँचे। रेड क्रॉस ने कहा कि 16,000 लोग हट गए हैं।")
VOTE_EN = ("Voters in Macedonia went to the polls on Sunday in a referendum on changing the country's name to "
           "North Macedonia. Prime Minister Zoran Zaev urged a yes vote; turnout was 36 percent by evening. "
           "Greece has blocked the country's bid to join NATO and the European Union for 27 years.")
PALU = Geo(lat=-0.8917, lon=119.8707, geonames_id=1633034, precision="city")


def _doc(text: str, lang: str, entities: list[Entity], events: list[Event] | None = None,
         published: str = "2018-09-29", title: str | None = None, source: str = "test") -> Document:
    from ghatna.text.normalise import NormaliseStage

    doc = Document(text=text, lang=lang, source=source, title=title, published=published,
                   sentences=[Sentence(0, len(text), lang)], entities=entities, events=events or [])
    doc = NormaliseStage()(doc)
    doc.signals = story_signals(doc)
    return doc


def _quake_entities(hindi: bool) -> list[Entity]:
    return [
        Entity("geonames:1633034", "Palu", "GPE", "IDN", "IDN", PALU, [Mention(0, 1, "x")] * 2),
        Entity("Q252", "Indonesia", "GPE", "IDN", "IDN", None, [Mention(0, 1, "x")]),
        Entity("e3", "Joko Vidodo" if hindi else "Joko Widodo", "PER", None, None, None, [Mention(0, 1, "x")]),
        Entity("e4", "Sulavesi" if hindi else "Sulawesi", "LOC", None, None, None, [Mention(0, 1, "x")]),
    ]


def _kill_event(doc_id_hint: str, actor: str = "e3") -> Event:
    return Event(id=f"{doc_id_hint}-ev0", type="ASSAULT", trigger=Span(40, 46, "struck"), sentence=0,
                 cameo="190", actors=[], recipients=[], place="geonames:1633034", date="2018-09-28",
                 date_precision="day")


def test_minhash_tells_copies_from_other_texts():
    words = text_words(QUAKE_EN)
    edited = text_words(QUAKE_EN.replace("Saturday", "Sunday").replace("16,000", "17,000"))
    same, copy, other = minhash(words), minhash(edited), minhash(text_words(VOTE_EN))
    assert jaccard_estimate(same, minhash(list(words))) == 1.0
    assert jaccard_estimate(same, copy) >= 0.6
    assert jaccard_estimate(same, other) <= 0.1
    assert minhash([]) is None
    assert same.dtype == np.uint32 and len(same) == 64


def test_english_and_hindi_reports_join_one_story_and_others_do_not():
    index = StoryIndex(StoryParams())
    en = _doc(QUAKE_EN, "en", _quake_entities(False))
    hi = _doc(QUAKE_HI, "hi", _quake_entities(True))
    vote = _doc(VOTE_EN, "en", [Entity("country:MKD", "North Macedonia", "GPE", "MKD", "MKD"),
                                Entity("Q41", "Greece", "GPE", "GRC", "GRC"),
                                Entity("e9", "Zoran Zaev", "PER")])
    a = index.assign(en.doc_id, en.signals)
    b = index.assign(vote.doc_id, vote.signals)
    c = index.assign(hi.doc_id, hi.signals)
    assert a.score is None and b.score is None  # each starts a story
    assert c.story_id == a.story_id and c.score >= index.params.threshold
    assert b.story_id != a.story_id
    story = index.stories[a.story_id]
    assert story.size == 2 and set(story.languages) == {"en", "hi"}


def test_near_duplicate_joins_its_original_and_old_stories_leave_the_window():
    index = StoryIndex(StoryParams())
    original = _doc(QUAKE_EN, "en", _quake_entities(False), title="Quake hits Palu")
    copy = _doc(QUAKE_EN.replace("officials said", "officials told reporters") + " (With agency inputs)", "en",
                _quake_entities(False), title="Tsunami kills hundreds in Indonesia")
    a = index.assign(original.doc_id, original.signals)
    b = index.assign(copy.doc_id, copy.signals)
    assert b.near_duplicate_of == original.doc_id and b.similarity >= index.params.near_duplicate
    assert b.story_id == a.story_id
    late = _doc(QUAKE_EN + " One week on.", "en", _quake_entities(False), published="2018-10-09")
    c = index.assign(late.doc_id, late.signals)
    assert c.score is None and c.near_duplicate_of is None  # beyond the 3-day window: a new story
    assert a.story_id not in index.stories and len(index.duplicates) == 1


def test_canonical_events_link_compatible_mentions_only():
    seen = dt.datetime(2018, 9, 29, 10)

    def mention(doc: str, kind: str = "ASSAULT", actors: frozenset = frozenset(), place: EntityRef | None = None,
                date: dt.date = dt.date(2018, 9, 28), source: str = "a.example") -> EventMention:
        return EventMention(doc, f"{doc}-ev0", kind, False, date, "day", actors, frozenset(), place, 0, 0, 5,
                            0.9, seen, 0, source)

    palu = EntityRef("geonames:1633034", -0.89, 119.87)
    near_palu = EntityRef("name:dngl", -0.67, 119.74)  # Donggala, ~30 km away
    jakarta = EntityRef("geonames:1642911", -6.2, 106.8)
    linked = link_events([
        mention("d1", place=palu), mention("d2", place=near_palu, source="b.example"),
        mention("d3", place=jakarta),  # far away: another event
        mention("d4", kind="PROTEST", place=palu),  # another type
        mention("d5", place=palu, date=dt.date(2018, 9, 20)),  # a week earlier
        mention("d6"),  # nothing agrees: not merged on type and date alone
    ], "st_x")
    sizes = {e.canonical_id: (e.num_mentions, e.num_articles, e.num_sources) for e in linked}
    assert sizes["ce_d1-ev0"] == (2, 2, 2)
    assert len(linked) == 5
    actors = link_events([mention("d7", actors=frozenset({"Q1"}), place=palu),
                          mention("d8", actors=frozenset({"Q2"}), place=palu)], None)
    assert len(actors) == 2  # disjoint actors conflict even at the same place
    # in one document a place alone does not make two sentences one event; the same sentence does
    one_doc = [mention("d9", place=palu), mention("d9", place=palu), mention("d9", place=palu)]
    one_doc[1].sentence, one_doc[1].event_id = 3, "d9-ev1"
    one_doc[2].event_id = "d9-ev2"
    assert sorted(e.num_mentions for e in link_events(one_doc, None)) == [1, 2]
    # a whole country is too coarse to join two reports
    indonesia = EntityRef("Q252", -2.0, 118.0, "country")
    assert len(link_events([mention("d10", place=indonesia), mention("d11", place=indonesia)], None)) == 2


def test_store_holds_stories_links_and_canonical_events(tmp_path):
    db = tmp_path / "news.duckdb"
    en = _doc(QUAKE_EN, "en", _quake_entities(False), [_kill_event("en")], source="en.txt")
    en.url = "https://news.example/quake?utm_source=rss"
    hi = _doc(QUAKE_HI, "hi", _quake_entities(True), [_kill_event("hi")], source="hi.txt")
    copy = _doc(QUAKE_EN.replace("officials said", "officials told reporters"), "en", _quake_entities(False),
                [_kill_event("cp")], title="Another headline", source="copy.txt")
    vote = _doc(VOTE_EN, "en", [Entity("country:MKD", "North Macedonia", "GPE", "MKD", "MKD")], source="vote.txt")
    with Store(db) as store:
        counts = write_with_stories(store, [en, vote], batch_size=1)
        assert counts.ok == 2
    with Store(db) as store:  # a restart: the index comes back from the store
        write_with_stories(store, [hi, copy, en])  # `en` again: keeps its story, counted once
        q = lambda sql: store.query(sql)[1]  # noqa: E731
        stories = {r[0]: r for r in q("SELECT story_id, size, languages, main_places FROM stories")}
        by_doc = dict(q("SELECT doc_id, story_id FROM documents"))
        assert by_doc[hi.doc_id] == by_doc[en.doc_id] == by_doc[copy.doc_id] != by_doc[vote.doc_id]
        quake = stories[by_doc[en.doc_id]]
        assert quake[1] == 3 and quake[2] == ["en", "hi"] and "Palu" in quake[3]
        assert q("SELECT doc_id, duplicate_of FROM near_duplicates") == [(copy.doc_id, en.doc_id)]
        assert q("SELECT canonical_url FROM document_urls") == [("https://news.example/quake",)]
        canonical = q("SELECT num_mentions, num_articles FROM canonical_events")
        assert canonical == [(3, 3)]
        assert q("SELECT count(*) FROM event_mentions")[0][0] == 3
        raw = run_export(store, "gdelt", tmp_path / "raw.tsv", events="raw")
        one = run_export(store, "gdelt", tmp_path / "canonical.tsv")
        mentions = run_export(store, "gdelt-mentions", tmp_path / "mentions.tsv")
    assert raw.written == 3 and one.written == 1 and one.merged == 2 and mentions.written == 3
    row = (tmp_path / "canonical.tsv").read_text().split("\t")
    from ghatna.export import GDELT_COLUMNS, MENTION_COLUMNS

    fields = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert (fields["NumMentions"], fields["NumArticles"]) == ("3", "3")
    mention_ids = {line.split("\t")[0] for line in (tmp_path / "mentions.tsv").read_text().splitlines()}
    assert mention_ids == {fields["GLOBALEVENTID"]}  # every mention points at the one canonical event
    assert len((tmp_path / "mentions.tsv").read_text().splitlines()[0].split("\t")) == len(MENTION_COLUMNS)
