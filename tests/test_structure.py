"""Structure recovery: plain-text layout, HTML via trafilatura, records, and the `structure` eval suite."""

from __future__ import annotations

import pytest

from ghatna.eval import DataMissing
from ghatna.eval import structure as structure_suite
from ghatna.pipeline import Pipeline
from ghatna.read.plaintext import parse_date, recover, split_names
from ghatna.read.raw import RawDocument
from ghatna.read.sources import iter_sources, sample_paths
from ghatna.read.structure import structure
from ghatna.text.normalise import NormaliseStage, match_key

SEED_TITLE = "पुतिन ने सीएसटीओ बैठक में कज़ाख़स्तान में क्रांति को समाप्त करने का संकल्प लिया"


def _structure_file(path) -> object:
    (raw,) = list(iter_sources([str(path)]))
    return structure(raw)


def _text_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# ------------------------------------------------------------------------------------ the seed

def test_seed_fields(seed_path):
    doc = _structure_file(seed_path)
    assert doc.title == SEED_TITLE
    assert doc.published == "2022-01-12"
    assert doc.authors == ["Statecraft Staff"]
    assert len(doc.captions) == 1
    caption = doc.captions[0]
    assert caption.text.startswith("Russian President Vladimir Putin (L) on call with fellow CSTO leaders.")
    assert caption.credit == "KREMLIN"


def test_seed_text_has_no_boilerplate(seed_path):
    doc = _structure_file(seed_path)
    lines = _text_lines(doc.text)
    keys = {match_key(line) for line in lines}
    assert match_key(SEED_TITLE) not in keys
    assert not any(line.startswith(("IMAGE SOURCE", "Russian President", "जनवरी 12")) for line in lines)
    assert not {"लेखक", "Statecraft Staff", "Editorial Team"} & set(lines)
    # standfirst first, then the seven body paragraphs, a blank line between paragraphs
    assert lines[0].startswith("रूसी राष्ट्रपति व्लादिमीर पुतिन")
    assert lines[-1].startswith("रविवार को")
    assert doc.text.count("\n\n") == len(lines) - 1 == 7


def test_seed_through_pipeline_and_eval(shared_data):
    metrics = structure_suite.run(shared_data)
    assert metrics["seed.fields_correct"] == 1.0
    assert metrics["seed.boilerplate_lines_left"] == 0
    assert metrics["seed.body_paragraphs_kept"] == 1.0


def test_eval_needs_the_seed(tmp_path):
    with pytest.raises(DataMissing):
        structure_suite.run(tmp_path / "data")


# ------------------------------------------------------------------------------------ samples

def test_bundled_samples_exist():
    names = [p.name for p in sample_paths()]
    assert names == ["en_sample.txt", "hi_sample.txt"]


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_bundled_sample_structures_like_the_seed(path):
    # the expectation is read from the sample's layout, as the eval suite does
    expected = structure_suite.expected_from_layout(path.read_text(encoding="utf-8"))
    doc = Pipeline([NormaliseStage()])(next(iter_sources([str(path)])))
    assert doc.status == "ok"
    assert doc.title == expected.title
    assert doc.published == expected.published is not None
    assert [(c.text, c.credit) for c in doc.captions] == [(expected.caption, expected.credit)]
    assert doc.authors == expected.authors
    assert _text_lines(doc.text) == expected.paragraphs
    metrics = structure_suite.check(doc, expected)
    assert metrics == {"fields_correct": 1.0, "boilerplate_lines_left": 0.0, "body_paragraphs_kept": 1.0}


def test_eval_check_counts_leftover_boilerplate():
    path = sample_paths()[0]
    expected = structure_suite.expected_from_layout(path.read_text(encoding="utf-8"))
    doc = Pipeline([NormaliseStage()])(next(iter_sources([str(path)])))
    doc.text = f"{expected.boilerplate[1]}\n\n{doc.text}\n\n{expected.boilerplate[-1]}"
    doc.authors = []
    metrics = structure_suite.check(doc, expected)
    assert metrics["boilerplate_lines_left"] == 2
    assert metrics["fields_correct"] == pytest.approx(0.8)


# ------------------------------------------------------------------------------- plain text

def test_repeated_headline_with_other_spelling_is_dropped():
    text = ("कज़ाख़स्तान में सेना तैनात\n\nरूस ने सोमवार को सैनिक भेजे।\n\n"
            "कजाखस्तान में सेना तैनात\n\nसरकार ने इस्तीफा दिया।")
    layout = recover(text)
    assert layout.title == "कज़ाख़स्तान में सेना तैनात"
    assert layout.text == "रूस ने सोमवार को सैनिक भेजे।\n\nसरकार ने इस्तीफा दिया।"


def test_bbc_hindi_style_credit_and_caption_lines():
    text = ("यूक्रेन के राष्ट्रपति ने कहा, बातचीत जारी रहेगी\n\n"
            "लेखक, राहुल वर्मा\nपदनाम, संवाददाता\n१२ जनवरी २०२२\n\n"
            "इमेज स्रोत,Getty Images\nइमेज कैप्शन,कीव में एक बैठक के दौरान राष्ट्रपति\n\n"
            "राष्ट्रपति ने मंगलवार को कहा कि बातचीत जारी रहेगी।\n\n"
            "इमेज स्रोत,Reuters\nइमेज कैप्शन,सीमा पर तैनात सैनिक\n\n"
            "विदेश मंत्रालय ने आरोप लगाया कि हथियार भेजे जा रहे हैं।")
    layout = recover(text)
    assert layout.title == "यूक्रेन के राष्ट्रपति ने कहा, बातचीत जारी रहेगी"
    assert layout.published == "2022-01-12"
    assert layout.authors == ["राहुल वर्मा"]
    assert [(c.text, c.credit) for c in layout.captions] == [
        ("कीव में एक बैठक के दौरान राष्ट्रपति", "Getty Images"), ("सीमा पर तैनात सैनिक", "Reuters")]
    assert layout.text == ("राष्ट्रपति ने मंगलवार को कहा कि बातचीत जारी रहेगी।\n\n"
                           "विदेश मंत्रालय ने आरोप लगाया कि हथियार भेजे जा रहे हैं।")


def test_english_byline_published_line_and_inline_credits():
    text = ("Floods kill 12 in Assam\n\nBy Jane Doe and John Roe\nPublished: Monday, 3 July 2023\n\n"
            "Villagers wade through water in Morigaon. Photo: AP\n\n"
            "More than 200,000 people were affected by floods, officials said.\n\n"
            "Image source: Reuters\n\nRelief camps have been opened.")
    layout = recover(text)
    assert layout.title == "Floods kill 12 in Assam"
    assert layout.published == "2023-07-03"
    assert layout.authors == ["Jane Doe", "John Roe"]
    assert [(c.text, c.credit) for c in layout.captions] == [("Villagers wade through water in Morigaon.", "AP")]
    assert layout.text == ("More than 200,000 people were affected by floods, officials said.\n\n"
                           "Relief camps have been opened.")


def test_single_paragraph_gets_no_title():
    text = ("Russia said on Monday that it had sent troops to Kazakhstan after days of unrest, as the "
            "government resigned and protesters stormed buildings in Almaty.")
    layout = recover(text)
    assert layout.title is None and layout.published is None and not layout.authors and not layout.captions
    assert layout.text == text


def test_hard_wrapped_paragraph_is_rejoined_without_a_title():
    text = ("Russia said on Monday that it had sent troops to Kazakhstan\n"
            "after days of unrest, as the government resigned and protesters\n"
            "stormed buildings in Almaty. The deployment was requested by the\n"
            "president.")
    layout = recover(text)
    assert layout.title is None
    assert layout.text == " ".join(text.split("\n"))


@pytest.mark.parametrize("headline", [
    "भारत और नेपाल के विदेश मंत्रियों ने सीमा व्यापार पर बातचीत की",  # की as a verb
    "गठबंधन सरकार मुश्किल में",  # an elliptical headline ending in a postposition
    "Talks drag on",
])
def test_headline_without_layout_cues(headline):
    layout = recover(f"{headline}\n\nदोनों देशों के अधिकारियों ने बुधवार को मुलाकात की।\n\nबातचीत जारी रहेगी।")
    assert layout.title == headline
    assert layout.text.startswith("दोनों देशों")


def test_scraper_split_sentence_is_not_a_title():
    # a body text whose first sentence the scraper broke across paragraphs
    text = "पितृत्व से जुड़े विवाद में कांग्रेस के वरिष्ठ\n\nनेता ने अदालत के आदेश पर नमूना दिया और कहा कि"
    assert recover(text).title is None
    assert recover("ये बात अलग है कि\n\nखिलाड़ी पदक जीत चुके हैं।").title is None


def test_cue_words_inside_body_text_are_kept():
    text = ("Talks resume in Geneva\n\nPicture, if you will, a city without traffic for a week.\n\n"
            "He described the image: a burning car on the street.\n\nPhoto: the crowd outside the palace.")
    layout = recover(text)
    assert layout.text == ("Picture, if you will, a city without traffic for a week.\n\n"
                           "He described the image: a burning car on the street.")
    assert [(c.text, c.credit) for c in layout.captions] == [("the crowd outside the palace.", None)]


def test_author_marker_inside_body_is_kept():
    text = ("Talks resume in Geneva\n\nThe envoys met on Monday.\n\nAuthor\n\n"
            "The author of the report, a former diplomat, said the talks had been difficult for weeks.\n\n"
            "More talks are planned.")
    layout = recover(text)
    assert layout.authors == []
    assert "The author of the report" in layout.text


@pytest.mark.parametrize("line", [
    "जनवरी 12, 2022", "12 जनवरी 2022", "१२ जनवरी २०२२", "January 12, 2022", "12 Jan 2022", "Jan. 12th, 2022",
    "2022-01-12", "2022-01-12T10:00:00+05:30", "12/01/2022", "Wednesday, 12 January 2022, 10:30 AM IST",
    "Published: 12 January 2022", "प्रकाशित: बुधवार, 12 जनवरी 2022", "12 जनवरी, 2022 10:30 बजे",
])
def test_date_lines(line):
    assert parse_date(line)[0] == "2022-01-12"


@pytest.mark.parametrize("line", [
    "जनवरी 12, 2022 को हमला हुआ", "Monday", "31 February 2022", "2022", "12 Foo 2022",
    "Updated Tuesday", "He was born on 12 January 2022 in Almaty",
])
def test_not_date_lines(line):
    assert parse_date(line) is None


def test_update_date_yields_to_publication_date():
    assert parse_date("Updated: 13 January 2022") == ("2022-01-13", "updated")
    text = "Troops arrive in Almaty\n\nUpdated: 13 January 2022\nPublished: 12 January 2022\n\nTroops arrived."
    assert recover(text).published == "2022-01-12"


def test_split_names():
    assert split_names("Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert split_names("Jane Doe, Reuters") == ["Jane Doe"]
    assert split_names("राहुल वर्मा और सीमा जैन") == ["राहुल वर्मा", "सीमा जैन"]


# --------------------------------------------------------------------------- dispatch and meta

def test_meta_overrides_recovered_fields():
    text = "Floods in Assam\n\n12 January 2022\n\nThe river rose."
    doc = structure(RawDocument("x", text, "text",
                                meta={"title": "Given title", "published": "2023-07-04T08:00:00Z", "lang": "en"}))
    assert doc.title == "Given title"
    assert doc.published == "2023-07-04"
    assert doc.lang_hint == "en"
    assert doc.text == "The river rose."


def test_record_text_is_taken_as_is():
    text = "Floods in Assam\n\n12 January 2022\n\nThe river rose."
    doc = structure(RawDocument("a.jsonl:3", text, "record",
                                meta={"title": "T", "url": "https://example.org/a", "published": "2022-01-12"}))
    assert doc.text == text and doc.title == "T" and doc.url == "https://example.org/a"
    assert doc.published == "2022-01-12" and doc.source == "a.jsonl:3"


def test_unreadable_given_date_keeps_the_article():
    doc = structure(RawDocument("x", "The river rose.", "record", meta={"published": "sometime"}))
    assert doc.published is None and doc.text == "The river rose."


@pytest.mark.parametrize("raw", [
    RawDocument("x", "", "text"), RawDocument("x", "IMAGE SOURCE: KREMLIN", "text"),
    RawDocument("x", "text", "pdf"), RawDocument("x", error="empty file"),
])
def test_structure_refuses_non_articles(raw):
    with pytest.raises(ValueError):
        structure(raw)


# ------------------------------------------------------------------------------------- HTML

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Floods hit Assam | Example News</title>
<meta property="og:title" content="Floods hit Assam as rivers rise">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://example.org/assam-floods">
<meta property="article:published_time" content="2023-07-04T10:00:00+05:30">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Floods hit Assam as rivers rise</h1>
<figure><img src="a.jpg"><figcaption>Villagers wade through water in Morigaon. Photo: Reuters</figcaption></figure>
<p>More than 200,000 people were affected by floods in the north-eastern state of Assam on Tuesday,
officials said, as the Brahmaputra river rose above the danger mark.</p>
<p>The state disaster management authority said that 14 districts were under water and about 3,000
people had moved to relief camps set up by the government.</p>
</article>
<footer>Copyright 2023 Example News. All rights reserved.</footer>
</body></html>"""


def test_html_title_date_author_caption_and_text():
    doc = structure(RawDocument("page.html", ARTICLE_HTML, "html"))
    assert doc.title == "Floods hit Assam as rivers rise"
    assert doc.published == "2023-07-04"
    assert doc.authors == ["Jane Doe"]
    assert doc.url == "https://example.org/assam-floods"
    assert [(c.text, c.credit) for c in doc.captions] == [("Villagers wade through water in Morigaon.", "Reuters")]
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("More than 200,000 people") and paragraphs[1].endswith("government.")
    assert "Home" not in doc.text and "Copyright" not in doc.text and "Floods hit Assam" not in doc.text


def test_bare_markup_without_html_element():
    body = "<DOCUMENT><P>" + "नई दिल्ली में मंगलवार को भारी बारिश हुई और कई इलाकों में पानी भर गया। " * 3 + "</P></DOCUMENT>"
    doc = structure(RawDocument("x.xml", body, "html"))
    assert doc.text.startswith("नई दिल्ली में मंगलवार को भारी बारिश हुई")


@pytest.mark.parametrize("content", [
    "<html><body><div><p>unterminated <b", "plain words without any markup at all",
    "<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
])
def test_malformed_html_raises_a_clear_reason(content):
    with pytest.raises(ValueError, match="HTML"):
        structure(RawDocument("bad.html", content, "html"))
