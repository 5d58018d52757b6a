"""The `claims` evaluation suite: its gold reader, its EDNIL reader and the figures it reports."""

from __future__ import annotations

import pytest

from ghatna.eval import DataMissing, claims


@pytest.mark.parametrize("span, expected", [
    ("14 लोगों की मौत", {14}),
    ("१२ लोगों की मौत", {12}),
    ("47,471", {47471}),
    ("२१,००० लोग मारे गए", {21000}),
    ("1 लाख लोग बाढ़ से प्रभावित", {100000}),
    ("दो हजार लोग मारे जा चुके", {2000}),
    ("लगभग दो लाख बीस हजार लोग प्रभावित", {220000}),
    ("मृतकों की संख्या 14 से बढ़कर 20", {14, 20}),
    ("एक युवक की मौत", {1}),
    ("एक ही परिवार के तीन लोगों की मौत", {3}),
    ("कम से कम दो दर्जन विदेशी पर्यटक मारे गए", {24}),
    ("चारों ओर सैकड़ों फूलते शव", {100}),
    ("‘‘छह महिलाओं सहित 12 लोगों", {6, 12}),
    ("आसपास के कई क्षेत्र डूब गए।", set()),
])
def test_gold_numbers(span, expected):
    assert claims.gold_numbers(span) == expected


def test_one_ednil_reader_for_every_suite(tmp_path):
    from ghatna.corpora.ednil import read_doc

    xml = ('<?xml version="1.0" encoding="UTF-8"?><DOCUMENT><DESC/><TIME>1</TIME>'
           '<P><W> बाढ़ </W><W> से </W><CASUALTIES-ARG ID="6"><LINK EVENT_ARG="5" ID="2"/>'
           '<W> 12 </W><W>\u00a0लोगों </W><NATURAL_EVENT ID="5" TYPE="FLOODS"><W> की </W></NATURAL_EVENT>'
           '<W> मौत </W></CASUALTIES-ARG><W> हुई। </W></P><P><W> दूसरा </W></P></DOCUMENT>')
    path = tmp_path / "doc.xml"
    path.write_text(xml, encoding="utf-8")
    doc = read_doc(path)
    assert doc.text == "बाढ़ से 12 लोगों की मौत हुई।\nदूसरा"
    [casualties] = [a for a in doc.arguments if a.kind == "CASUALTIES-ARG"]
    assert doc.text[casualties.start:casualties.end] == "12 लोगों की मौत"
    [flood] = doc.events
    assert doc.text[flood.start:flood.end] == "की" and casualties.events == ["5"]


def test_labelled_sets_hold_locators_only():
    quantities = claims.read_labels("quantities.tsv")
    quotes = claims.read_labels("quotes.tsv")
    assert len(quantities) >= 100 and len(quotes) >= 50
    for row in quantities:
        assert set(row) == {"source", "doc", "offset", "length", "sha1", "value", "approx", "unit_en",
                            "batch"}
        assert row["approx"] in {"exact", "more_than", "less_than", "at_least", "about", "up_to"}
    for row in quotes:
        assert int(row["speaker_length"]) > 0 and len(row["speaker_sha1"]) == 8


def test_missing_data(tmp_path):
    with pytest.raises(DataMissing):
        claims.run(tmp_path)


def test_claims_suite_on_shared_data(shared_data):
    metrics = claims.run(shared_data)
    assert metrics["ednil.test.casualty_recall"] >= 0.85
    assert metrics["ednil.test.casualty_value_accuracy"] >= 0.90
    assert metrics["quantities.accuracy"] >= 0.90
    assert metrics["quotes.speaker_accuracy"] >= 0.85
