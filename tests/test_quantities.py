"""Quantities: numerals, number words, qualifiers, counted nouns; dates are not quantities."""

from __future__ import annotations

import pickle

import pytest

from ghatna.document import Document, Event, Sentence, Span
from ghatna.quantities import QuantitiesStage
from ghatna.quantities.extract import extract_quantities, parse_numeral
from ghatna.text.normalise import normalise_text


def one(text: str):
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


def values(text: str) -> list[float]:
    return [q.value for q in extract_quantities(text)]


@pytest.mark.parametrize("digits, value", [
    ("1,00,000", 100000), ("100,000", 100000), ("1,200", 1200), ("12,34,567", 1234567),
    ("1.5", 1.5), ("7", 7), ("5,6", None), ("12.01.2022", None),
])
def test_digit_grouping(digits, value):
    assert parse_numeral(digits) == value


@pytest.mark.parametrize("text, value", [
    ("बाढ़ से 1,00,000 लोग प्रभावित हुए।", 100000),
    ("बाढ़ से 100,000 लोग प्रभावित हुए।", 100000),
    ("हादसे में १२ लोगों की मौत हुई।", 12),
    ("२१,००० लोग बेघर हो गए।", 21000),
    ("इक्कीस सैनिक लौट आए।", 21),
    ("दो हज़ार लोग जमा हुए।", 2000),
    ("दो हजार पांच सौ लोग जमा हुए।", 2500),
    ("ढाई लाख लोग प्रभावित हुए।", 250000),
    ("डेढ़ हज़ार किसान पहुंचे।", 1500),
    ("साढ़े तीन सौ जवान तैनात हैं।", 350),
    ("सवा लाख रुपये खर्च हुए।", 125000),
    ("पौने दो सौ घर डूब गए।", 175),
    ("5 करोड़ रुपये की मदद मिली।", 50000000),
    ("1.5 लाख लोग पहुंचे।", 150000),
    ("एक लाख बीस हज़ार लोग पहुंचे।", 120000),
    ("दो दर्जन पर्यटक फंसे हैं।", 24),
])
def test_hindi_numbers(text, value):
    assert one(text).value == value


@pytest.mark.parametrize("text, value, approx", [
    ("कम से कम 12 लोगों की मौत हुई।", 12, "at_least"),
    ("कम-से-कम 12 लोगों की मौत हुई।", 12, "at_least"),
    ("लगभग 300 घर जल गए।", 300, "about"),
    ("क़रीब 40 गांव डूबे।", 40, "about"),
    ("तकरीबन 40 गांव डूबे।", 40, "about"),
    ("500 से अधिक लोग घायल हैं।", 500, "more_than"),
    ("500 से ज़्यादा लोग घायल हैं।", 500, "more_than"),
    ("500 से ज्यादा लोग घायल हैं।", 500, "more_than"),
    ("50 से कम लोग बचे।", 50, "less_than"),
    ("किताब 300 रुपए तक हो सकती है।", 300, "up_to"),
    ("सैकड़ों प्रदर्शनकारियों ने धावा बोला।", 100, "at_least"),
    ("हज़ारों लोग सड़कों पर उतरे।", 1000, "at_least"),
    ("दर्जनों घर ढह गए।", 12, "at_least"),
    ("कई हज़ार लोग पहुंचे।", 1000, "at_least"),
    ("10-12 लोग घायल हुए।", 10, "at_least"),
])
def test_hindi_qualifiers(text, value, approx):
    q = one(text)
    assert (q.value, q.approx) == (value, approx)


@pytest.mark.parametrize("text, unit, unit_en", [
    ("2000 से अधिक सैनिकों को भेजा गया।", "सैनिकों", "troops"),
    ("पांच सैनिक घायल हुए।", "सैनिक", "troops"),
    ("दो सप्ताह के आपातकाल की घोषणा हुई।", "सप्ताह", "weeks"),
    ("तीन हफ्ते बाद लौटे।", "हफ्ते", "weeks"),
    ("20 महिलाओं को बचाया गया।", "महिलाओं", "women"),
    ("100 से अधिक शॉपिंग सेंटर लूटे गए।", "शॉपिंग सेंटर", "shopping centres"),
    ("14 अन्य लोग घायल हुए।", "लोग", "people"),
    ("10 प्रतिशत वोट मिले।", "%", "percent"),
    ("10% वोट मिले।", "%", "percent"),
])
def test_units(text, unit, unit_en):
    q = one(text)
    assert (q.unit, q.unit_en) == (unit, unit_en)


@pytest.mark.parametrize("text", [
    "6 जनवरी को सरकार ने इस्तीफा दिया।",
    "जनवरी 12, 2022 को बैठक हुई।",
    "वर्ष 2019 में चुनाव हुए।",
    "2022 में चुनाव होंगे।",
    "1979 क्रांति के बाद सब बदला।",
    "सुबह 10 बजे धमाका हुआ।",
    "रात 10:30 पर फ़ोन आया।",
    "12/01/2022 की घटना।",
    "धारा 144 लागू है।",
    "जी-20 सम्मेलन शुरू हुआ।",
    "वह 10वीं कक्षा में है।",
    "2019-20 में बजट बढ़ा।",
    "एक असाधारण बैठक हुई।",
    "On January 12, 2022 they met in 2019 terms.",
])
def test_not_quantities(text):
    assert extract_quantities(text) == []


def test_casualty_one_is_counted_but_article_is_not():
    assert values("एक की मौत हो गई।") == [1]
    assert values("एक व्यक्ति घायल हुआ।") == [1]
    assert values("एक और बैठक हुई।") == []


@pytest.mark.parametrize("text, value, approx, unit_en", [
    ("More than 2,000 troops were sent.", 2000, "more_than", "troops"),
    ("They brought 250 pieces of equipment.", 250, "exact", "equipment"),
    ("About 1,200 businesses were hit.", 1200, "about", "businesses"),
    ("Hundreds of protesters gathered.", 100, "at_least", "protesters"),
    ("At least five people died.", 5, "at_least", "people"),
    ("Up to 3 million people fled.", 3000000, "up_to", "people"),
    ("A dozen soldiers were hurt.", 12, "exact", "soldiers"),
    ("Hundreds of thousands of people marched.", 100000, "at_least", "people"),
    ("Twenty-five houses burned.", 25, "exact", "houses"),
])
def test_english(text, value, approx, unit_en):
    q = one(text)
    assert (q.value, q.approx, q.unit_en) == (value, approx, unit_en)


def test_offsets_point_into_text():
    text = "कल रात कम से कम 12 लोगों की मौत हुई और 45 घायल हुए।"
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.text
    assert [q.text for q in extract_quantities(text)] == ["कम से कम 12 लोगों", "45 घायल"]


def test_casualty_count_links_to_nearest_event_in_sentence():
    text = "बस हादसे में 12 लोगों की मौत हुई। अगले दिन 3 मंत्री पहुंचे।"
    crash = text.index("हादसे")
    visit = text.index("पहुंचे")
    first_end = text.index("।") + 1
    doc = Document(
        text=text, lang="hi",
        sentences=[Sentence(0, first_end, "hi"), Sentence(first_end + 1, len(text), "hi")],
        events=[Event(id="e1", type="DISASTER", trigger=Span(crash, crash + 5, "हादसे"), sentence=0),
                Event(id="e2", type="CONSULT", trigger=Span(visit, visit + 6, "पहुंचे"), sentence=1)],
    )
    doc = QuantitiesStage()(doc)
    by_value = {q.value: q for q in doc.quantities}
    assert by_value[12].event == "e1"
    assert by_value[3].event == "e2"  # the ministers are counted in the visit, not as its casualties


def _one_event_doc(text: str, trigger: str, lang: str = "hi") -> Document:
    at = text.index(trigger)
    return Document(text=text, lang=lang, sentences=[Sentence(0, len(text), lang)],
                    events=[Event(id="e1", type="COERCE", trigger=Span(at, at + len(trigger), trigger), sentence=0)])


@pytest.mark.parametrize(("text", "trigger", "lang", "duration"), [
    ("टोकायव ने दो सप्ताह के आपातकाल की घोषणा की।", "आपातकाल", "hi", "P2W"),
    ("प्रशासन ने शहर में 10 दिन तक कर्फ्यू लगाया।", "कर्फ्यू", "hi", "P10D"),
    ("Tokayev declared a two-week state of emergency.", "state of emergency", "en", "P2W"),
    ("The army imposed a curfew for 36 hours.", "curfew", "en", "PT36H"),
    ("पिछले दो सप्ताह में कर्फ्यू लगाया गया।", "कर्फ्यू", "hi", None),
    ("दो दिन पहले कर्फ्यू लगाया गया।", "कर्फ्यू", "hi", None),
    ("The curfew was imposed two weeks ago.", "curfew", "en", None),
])
def test_time_span_sets_event_duration(text, trigger, lang, duration):
    doc = QuantitiesStage()(_one_event_doc(text, trigger, lang))
    assert doc.events[0].duration == duration
    assert [q.event for q in doc.quantities] == (["e1"] if duration else [None])


def test_no_events_no_links():
    doc = QuantitiesStage()(Document(text="हादसे में 12 लोगों की मौत हुई।", lang="hi"))
    assert [q.event for q in doc.quantities] == [None]


def test_stage_is_picklable():
    stage = pickle.loads(pickle.dumps(QuantitiesStage()))
    assert stage.name == "quantities" and stage.needs_supported_language


def test_seed_quantities(seed_path):
    text = normalise_text(seed_path.read_text(encoding="utf-8"))
    found = {(q.value, q.approx, q.unit_en) for q in extract_quantities(text)}
    for expected in [(2000, "more_than", "troops"), (250, "more_than", "equipment"),
                     (1200, "more_than", "businesses"), (100, "more_than", "shopping centres"),
                     (100, "at_least", "protesters"), (2, "exact", "weeks")]:
        assert expected in found
    # no date or year of the article is a quantity
    assert not any(q.value in (6, 12, 2022) for q in extract_quantities(text))


def test_hyphenated_counts():
    found = [(q.value, q.unit_en) for q in extract_quantities(
        "A two-week emergency followed a 10-day siege of a five-year-old town.")]
    assert found == [(2, "weeks"), (10, "days"), (5, "years old")]


def test_casualty_count_prefers_event_with_casualties():
    text = "बैठक के बाद हुए हमले में 7 लोग मारे गए।"
    meeting, attack = text.index("बैठक"), text.index("हमले")
    doc = Document(
        text=text, lang="hi", sentences=[Sentence(0, len(text), "hi")],
        events=[Event(id="m", type="CONSULT", trigger=Span(meeting, meeting + 4, "बैठक"), sentence=0),
                Event(id="a", type="ASSAULT", trigger=Span(attack, attack + 4, "हमले"), sentence=0)],
    )
    [q] = QuantitiesStage()(doc).quantities
    assert q.event == "a"
