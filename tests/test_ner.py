"""Named entities: the shipped Hindi model, variant grouping, English NER, the `ner` suite."""

from __future__ import annotations

import pytest

from ghatna.document import Document, Mention
from ghatna.lang.hi.ner import loose_key
from ghatna.lang.hi.translit import romanise
from ghatna.recognise import RecogniseStage
from ghatna.recognise.corpus import _map_bio
from ghatna.recognise.group import group_mentions
from ghatna.recognise.hindi import hindi_tagger
from ghatna.tagging import bio_spans
from ghatna.text.segment import SegmentStage


def _recognise(text: str, lang: str) -> Document:
    doc = Document(text=text, lang=lang)
    return RecogniseStage()(SegmentStage()(doc))


def _mentions(doc: Document) -> set[tuple[str, str]]:
    return {(m.text, m.type) for e in doc.entities for m in e.mentions}


def test_shipped_model_tags_a_hindi_sentence():
    words = "प्रधानमंत्री नरेंद्र मोदी ने दिल्ली में संयुक्त राष्ट्र के अधिकारियों से मुलाकात की ।".split()
    spans = {(" ".join(words[a:b]), t) for a, b, t in hindi_tagger().spans(words)}
    assert spans == {("नरेंद्र मोदी", "PER"), ("दिल्ली", "LOC"), ("संयुक्त राष्ट्र", "ORG")}


def test_stage_offsets_point_at_the_mention_text():
    doc = _recognise("कल भोपाल में शिवराज सिंह चौहान ने भारतीय जनता पार्टी की बैठक ली।", "hi")
    found = _mentions(doc)
    assert ("भोपाल", "LOC") in found and ("शिवराज सिंह चौहान", "PER") in found
    for entity in doc.entities:
        for m in entity.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_spelling_variants_and_short_names_group_into_one_entity():
    text = ("कज़ाख़स्तान के राष्ट्रपति टोकायव ने सोमवार को बयान दिया। तोकायेव ने कहा कि कजाकिस्तान सुरक्षित है। "
            "रूस के राष्ट्रपति व्लादिमीर पुतिन ने समर्थन किया। पुतिन ने कहा कि सेना लौटेगी।")
    doc = _recognise(text, "hi")
    by_text = {m.text: e.id for e in doc.entities for m in e.mentions}
    assert by_text["टोकायव"] == by_text["तोकायेव"]
    assert by_text["कज़ाख़स्तान"] == by_text["कजाकिस्तान"]
    assert by_text["पुतिन"] == by_text["व्लादिमीर पुतिन"]
    assert by_text["पुतिन"] != by_text["टोकायव"]
    putin = next(e for e in doc.entities if e.id == by_text["पुतिन"])
    assert putin.name == "Vladimir Putin" and putin.type == "PER"


def test_grouping_keeps_types_apart():
    mentions = [Mention(0, 4, "जॉर्डन", "PER"), Mention(10, 16, "जॉर्डन", "LOC"), Mention(20, 26, "जोर्डन", "LOC")]
    entities = group_mentions(mentions)
    assert [len(e.mentions) for e in entities] == [1, 2]


def test_loose_key_folds_variants_but_not_different_names():
    assert loose_key("टोकायव") == loose_key("तोकायेव")
    assert loose_key("कज़ाख़स्तान") == loose_key("कजाकिस्तान")
    assert loose_key("पुतिन") != loose_key("मोदी")
    assert loose_key("रहानी") != loose_key("रहन")  # the final vowel is kept


def test_person_names_one_edit_apart_group_but_places_do_not():
    mentions = [Mention(0, 11, "अहमदीनेजाद", "PER"), Mention(20, 30, "अमदीनेजाद", "PER"),
                Mention(40, 50, "स्लोवाकिया", "LOC"), Mention(60, 70, "स्लोवेनिया", "LOC")]
    assert [len(e.mentions) for e in group_mentions(mentions)] == [2, 1, 1]


@pytest.mark.parametrize(("hindi", "latin"), [
    ("पुतिन", "Putin"), ("व्लादिमीर पुतिन", "Vladimir Putin"), ("नरेंद्र मोदी", "Narendra Modi"),
    ("कज़ाख़स्तान", "Kazakhastan"), ("कासिम-जोमार्ट", "Kasim-Jomart"), ("कमला", "Kamla"),
])
def test_romanise_with_schwa_deletion(hindi, latin):
    assert romanise(hindi) == latin


def test_english_ner_maps_spacy_labels():
    doc = _recognise("Russian President Vladimir Putin met officials of NATO in Almaty on Monday.", "en")
    found = _mentions(doc)
    assert ("Vladimir Putin", "PER") in found
    assert ("NATO", "ORG") in found
    assert ("Almaty", "GPE") in found
    assert ("Russian", "NORP") in found
    assert not any(t in {"DATE", "CARDINAL"} for _, t in found)


def test_malformed_il_ner_tags_are_read_as_entities():
    tags = _map_bio(["-NEP", "-", "O", "B-NETI", "I-NEL", "B-NEO", "I-NEO"], {"NEP": "PER", "NEL": "LOC", "NEO": "ORG"})
    assert tags == ["B-PER", "I-PER", "O", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert bio_spans(tags) == [(0, 2, "PER"), (4, 5, "LOC"), (5, 7, "ORG")]


def test_ner_suite_on_a_slice(shared_data):
    from ghatna.eval import ner

    metrics = ner.run(shared_data, limit=150)
    for corpus in ("il_ner", "hiner"):
        assert 0.5 < metrics[f"{corpus}.test.micro_f1"] <= 1.0
        for t in ("PER", "LOC", "ORG"):
            assert f"{corpus}.test.{t}.f1" in metrics
    assert 0 < metrics["ms_per_sentence"] < 50


def test_seed_article_names(seed_path):
    from ghatna.eval.ner import seed_coverage

    found, missing, _ = seed_coverage(seed_path)
    assert missing == [] and found == 1.0
