"""Fuzzing every reader and the whole pipeline (Hypothesis, derandomised: the same cases every run).

Inputs: random bytes, random Unicode (combining marks, bidi controls, joiners, Devanagari,
Latin, digits, sentence ends), real sentences with such characters spliced in, tiny and long
inputs, deeply nested and malformed HTML, malformed JSON Lines.  Invariants: no exception
escapes, no document runs past its time budget, read = ok + failed, every offset is in range,
and every output validates against schema/document.schema.json.  Also: the linear-time
sentence splitter gives what the old quadratic one gave.  2,526 cases.
"""

from __future__ import annotations

import io
import json
import time

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ghatna.batch import Summary, process
from ghatna.budget import TimeBudget
from ghatna.document import STATUS_ERROR
from ghatna.pipeline import Pipeline
from ghatna.read.jsonl import read_jsonl
from ghatna.read.raw import RawDocument
from ghatna.read.sources import decode, iter_sources, read_path, sample_paths
from ghatna.store import Store
from ghatna.text.segment import sentence_spans, tokenize

BUDGET = TimeBudget(seconds_per_100k=2.0, minimum=2.0)
# A stage interrupted by the budget inside a garbage-collector callback (Hypothesis installs one)
# is reported as "unraisable"; the timer fires again and stops the stage anyway.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
# CPU seconds a document may overrun its budget by: the timer fires between Python bytecodes
SLACK = 1.0


def fuzz(examples: int):  # noqa: ANN201 - a settings decorator
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
JOINERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
COMBINING = "\u0300\u0301\u0308\u0327\u0338\u0901\u0902\u0903\u093c\u094d\u0951\u20dd\ufe0f"
PUNCTUATION = "।॥.?!…\"'“”‘’«»()[]-–—,:;/ \n\n\t\r"
characters = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(BIDI + JOINERS + COMBINING + PUNCTUATION),
    st.characters(min_codepoint=0x0900, max_codepoint=0x097F),  # Devanagari
    st.characters(min_codepoint=0x0041, max_codepoint=0x007A),  # ASCII letters
    st.sampled_from("0123456789०१२३४५६७८९"),
)
unicode_text = st.text(characters, max_size=600)


def _sentences() -> list[str]:
    found = []
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        found += [text[s:e] for s, e in sentence_spans(text)]
    return found


SENTENCES = _sentences()


SENTENCE_LISTS = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6)
SPLICE = st.text(characters, min_size=1, max_size=4)


@st.composite
def spliced_text(draw: st.DrawFn) -> str:
    """Real Hindi and English sentences with random characters spliced in: the full pipeline runs."""
    text = " ".join(draw(SENTENCE_LISTS))
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(SPLICE) + text[at:]
    return text


SPLICED_TEXT = spliced_text()
ANY_TEXT = st.one_of(unicode_text, SPLICED_TEXT)


TAGS = st.lists(st.sampled_from(["div", "p", "span", "b", "article", "section", "table", "td", "script", "style",
                                 "figure", "figcaption", "a", "html", "body"]), max_size=6)
ATTRIBUTE = st.text(characters, max_size=5)


@st.composite
def html_page(draw: st.DrawFn) -> str:
    """Markup: deeply nested, unclosed, with random attributes, entities and text."""
    tags = draw(TAGS)
    depth = draw(st.sampled_from([0, 1, 5, 50, 400, 2000]))
    inner = draw(ANY_TEXT)
    inner = draw(st.sampled_from([inner, inner.replace("<", "&lt;"), f"&#x{draw(st.integers(0, 0x10FFFF)):x};{inner}"]))
    opening = "".join(f"<{t} class='{draw(ATTRIBUTE)}'>" for t in tags)
    closing = "".join(f"</{t}>" for t in reversed(tags)) if draw(st.booleans()) else ""
    return ("<html><body>" + "<div>" * depth + opening + inner + closing + "</div>" * draw(st.integers(0, depth))
            + draw(st.sampled_from(["", "</body></html>", "<p", "<!--", "<![CDATA["])))


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                                       max_size=3),
                          max_leaves=8)
RECORD_TEXT = st.one_of(st.text(characters, max_size=80), st.sampled_from(SENTENCES))
META_VALUE = st.one_of(st.text(characters, max_size=12), st.integers(), st.none(),
                       st.sampled_from(["hi-IN", "HIN", "Hindi", "en_US", "xx", "und", "2024-03-06"]))
JUNK_LINE = st.binary(max_size=80).map(lambda b: b.replace(b"\n", b" "))


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """JSON Lines with good, odd and malformed records, blank lines and broken bytes."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            record = {"text": draw(RECORD_TEXT)}
            for key in ("title", "url", "published", "lang"):
                if draw(st.booleans()):
                    record[key] = draw(META_VALUE)
            line = json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8")
        elif kind == 1:
            line = json.dumps(draw(JSON_VALUE)).encode("utf-8")
        elif kind == 2:
            line = b'{"text": "\\ud800 lone surrogate", "title": "\\udfff"}'
        elif kind == 3:
            line = b""
        else:
            line = draw(JUNK_LINE)
        lines.append(line)
    return b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))


def check(doc, raw: RawDocument, validate) -> None:  # noqa: ANN001
    record = validate(doc.to_dict())  # also checks every offset against the text
    assert record["source"] == raw.source
    if doc.status == STATUS_ERROR:
        assert doc.error and "\n" not in doc.error
    for start, end in doc.tokens:
        assert 0 <= start < end <= len(doc.text)


def run(pipeline: Pipeline, raw: RawDocument, validate) -> None:  # noqa: ANN001
    cpu = time.process_time()
    doc = pipeline(raw)
    used = time.process_time() - cpu
    assert used <= BUDGET.seconds(len(raw.content)) + SLACK, f"{used:.1f} s of CPU for {len(raw.content)} characters"
    check(doc, raw, validate)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    pipeline = Pipeline(budget=BUDGET)
    for path in sample_paths():  # load the models outside the cases
        pipeline(RawDocument(str(path), path.read_text(encoding="utf-8")))
    return pipeline


# -- readers --------------------------------------------------------------------------------------

@fuzz(800)
@given(data=st.one_of(st.binary(max_size=2000), unicode_text.map(lambda t: t.encode("utf-8")),
                      unicode_text.map(lambda t: t.encode("utf-16")),
                      st.text(max_size=200).map(lambda t: t.encode("latin-1", errors="replace"))),
       html=st.booleans())
def test_decode_never_raises(data, html):
    text, error = decode(data, html=html)
    assert (text is None) != (error is None)
    if error:
        assert "\n" not in error
    else:
        assert text.strip()


@fuzz(400)
@given(data=jsonl_bytes())
def test_json_lines_reader_gives_one_item_per_record(data):
    raws = list(read_jsonl(io.BytesIO(data), "feed.jsonl", 10_000))
    records = sum(1 for line in data.removeprefix(b"\xef\xbb\xbf").split(b"\n") if line.strip())
    if b"\x00" in data:
        assert len(raws) == 1 and raws[0].error
    else:
        assert len(raws) == max(records, 1)
    for raw in raws:
        assert (raw.error is None) == bool(raw.content)
        if raw.content:
            raw.content.encode("utf-8")  # never a lone surrogate


@fuzz(200)
@given(data=st.one_of(st.binary(max_size=3000), jsonl_bytes(), html_page().map(str.encode)),
       suffix=st.sampled_from([".txt", ".html", ".jsonl", "", ".xml", ".bin"]))
def test_file_and_stdin_readers_never_raise(tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("fuzz", numbered=True)
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    from_file = list(read_path(path))
    assert from_file and all((r.error is None) != (not r.content) for r in from_file)

    class Stdin:
        buffer = io.BytesIO(data)

    from_stdin = list(iter_sources(["-"], stdin=Stdin()))
    assert from_stdin and all((r.error is None) != (not r.content) for r in from_stdin)


# -- the whole pipeline ---------------------------------------------------------------------------

@fuzz(400)
@given(text=unicode_text, fmt=st.sampled_from(["text", "record"]),
       lang=st.sampled_from([None, None, "hi", "en", "HI-in", "eng", "Hindi", "zz", "mr"]))
def test_pipeline_on_random_unicode(pipeline, validate, text, fmt, lang):
    meta = {"lang": lang} if lang else {}
    run(pipeline, RawDocument("fuzz", text, fmt, meta=meta), validate)


@fuzz(100)
@given(text=spliced_text(), fmt=st.sampled_from(["text", "record"]))
def test_pipeline_on_real_sentences_with_random_characters(pipeline, validate, text, fmt):
    run(pipeline, RawDocument("fuzz", text, fmt), validate)


@fuzz(80)
@given(page=html_page())
def test_pipeline_on_random_html(pipeline, validate, page):
    run(pipeline, RawDocument("fuzz.html", page, "html"), validate)


@pytest.fixture(scope="module")
def store():
    with Store(":memory:") as store:
        yield store


@fuzz(40)
@given(raws=st.lists(st.one_of(
    st.builds(RawDocument, source=st.just("t"), content=unicode_text, format=st.just("text")),
    st.builds(RawDocument, source=st.just("s"), content=spliced_text(), format=st.just("record")),
    st.builds(RawDocument, source=st.just("e"), error=st.sampled_from(["empty file", "binary data"])),
), max_size=3))
def test_batches_add_up_and_the_store_agrees(pipeline, store, validate, raws):
    summary = Summary()
    docs = list(process(raws, summary, workers=1, pipeline=pipeline, progress=False))
    assert len(docs) == len(raws) == summary.read == summary.ok + summary.failed
    assert summary.ok - summary.duplicates == len({d.doc_id for d in docs if d.ok})
    assert [d.source for d in docs] == [r.source for r in raws]
    for doc, raw in zip(docs, raws, strict=True):
        check(doc, raw, validate)
    assert store.write(docs).total == len(docs)
    for doc in docs:  # every input has its source row, pointing to its stored analysis or error
        _, rows = store.query("SELECT s.doc_id, s.status, (SELECT count(*) FROM documents d WHERE d.doc_id = s.doc_id), "
                              "(SELECT count(*) FROM errors e WHERE e.doc_id = s.doc_id) FROM document_sources s "
                              "WHERE s.source = ? AND s.input_hash = ?", [doc.source, doc.input_hash])
        assert rows == [(doc.doc_id, doc.status, int(doc.ok), int(not doc.ok))]


@fuzz(200)
@given(text=st.one_of(unicode_text, spliced_text()))
def test_segmentation_and_tokens_stay_in_range(text):
    for start, end in sentence_spans(text):
        assert 0 <= start < end <= len(text) and text[start:end] == text[start:end].strip()
    for start, end in tokenize(text):
        assert 0 <= start < end <= len(text)


_OLD_END = regex.compile(r"(?:[।॥]+|[.?!…]+)[\"'”’»)\]]*(?=\s|$)|[।॥]+[\"'”’»)\]]*")
_OLD_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}.]+)$")


def _old_sentence_spans(text: str) -> list[tuple[int, int]]:
    """The quadratic sentence splitter before issue 13, kept to check the linear one against it."""
    from ghatna.text import segment

    def is_abbreviation(line: str, stop: int) -> bool:
        m = _OLD_WORD_BEFORE.search(line, 0, stop)
        word = m.group(1).strip(".") if m else ""
        if not word:
            return False
        if segment.match_key(word) in segment._abbreviations():
            return True
        if "." in word and all(len(part) <= 2 for part in word.split(".")):
            return True
        return len(word) == 1 and word.isupper()

    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        start = 0
        for m in _OLD_END.finditer(line):
            if m.group().startswith(".") and is_abbreviation(line, m.start()):
                continue
            nxt = segment._NEXT_CHAR.match(line, m.end())
            if m.group().rstrip("\"'”’»)]") == "." and nxt and nxt.group(1).islower():
                continue
            segment._add(spans, line, line_start, start, m.end())
            start = m.end()
        segment._add(spans, line, line_start, start, len(line))
    return spans


PIECES = st.sampled_from(["Dr", "dr", "U.S", "e.g", "J", "x", "word", "Word", "डॉ", "श्री", "राम", "ए.के", "3.5",
                          ".", ". ", "..", "...", "?", "!", "?!", "…", "।", "॥", " ", "  ", "\n", "\"", "'", "”",
                          "’", "»", ")", "]", "(", "\u093c", "\u0301", "a", "B"])


@fuzz(300)
@given(pieces=st.lists(PIECES, max_size=40))
def test_sentence_splitting_matches_the_old_algorithm(pieces):
    text = "".join(pieces)
    assert sentence_spans(text) == _old_sentence_spans(text)


def test_long_inputs_end_within_the_budget(validate):
    """Tiny and long inputs: one character, and long single lines of real and of random text, under a
    budget of 1 s per 100,000 characters."""
    line = " ".join(SENTENCES).replace("\n", " ")
    tight = Pipeline(budget=TimeBudget(seconds_per_100k=0.5, minimum=1.0))
    for content in ["x", "।", line * (300_000 // len(line)), ("a." * 150_000), "\u093c" * 200_000,
                    "<div>" * 50_000 + line + "</div>" * 10]:
        fmt = "html" if content.startswith("<") else "text"
        raw = RawDocument("long", content, fmt)
        cpu = time.process_time()
        doc = tight(raw)
        assert time.process_time() - cpu <= tight.budget.seconds(len(content)) + SLACK
        check(doc, raw, validate)
