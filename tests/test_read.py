"""Readers: files, directories, stdin, JSON Lines and bad input."""

from __future__ import annotations

import io
import json

import pytest

from ghatna.pipeline import Pipeline
from ghatna.read import sources
from ghatna.read.sources import iter_sources, sample_paths
from ghatna.text.normalise import NormaliseStage

GOOD_HI = "रूस ने कज़ाख़स्तान में सैनिक भेजे\n\nरूस ने सोमवार को कज़ाख़स्तान में सैनिक भेजे।\n"
GOOD_EN = "Troops arrive in Almaty\n\nRussian troops arrived in Almaty on Monday, officials said.\n"
GOOD_HTML = ("<html><head><title>Floods in Assam</title></head><body><article><p>"
             + "More than 200,000 people were affected by floods in Assam on Tuesday, officials said. " * 3
             + "</p></article></body></html>")


class _Stdin(io.TextIOWrapper):
    """A text stdin over bytes, with `.buffer`, like `sys.stdin`."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")


@pytest.fixture
def mixed_dir(tmp_path):
    """Good files and every kind of bad one, in nested folders."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a_good.txt").write_text(GOOD_HI, encoding="utf-8")
    (root / "b_empty.txt").write_bytes(b"")
    (root / "c_binary.bin").write_bytes(bytes(range(256)) * 8)
    (root / "d_latin1.txt").write_bytes("Caf\u00e9 in Paris: prot\u00e8sts grow\n".encode("latin-1"))
    (root / "e_big.txt").write_bytes(b"x" * 5001)  # over the limit the test sets
    records = [
        json.dumps({"text": "Troops arrived on Monday.", "title": "Troops", "published": "2022-01-12",
                    "lang": "en", "url": "https://example.org/t"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "सेना पहुंची।", "extra": 1}),
    ]
    (root / "f_records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (root / "g_page.html").write_text(GOOD_HTML, encoding="utf-8")
    (root / "h_broken.html").write_text("<html><body><div><p>broken <b", encoding="utf-8")
    (root / "sub" / "i_good.text").write_text(GOOD_EN, encoding="utf-8")
    (root / "sub" / "j_noext").write_text(GOOD_EN, encoding="utf-8")
    (root / ".hidden" / "k.txt").write_text(GOOD_EN, encoding="utf-8")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    return root


def test_directory_with_good_and_bad_files(mixed_dir, monkeypatch):
    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 5000)
    raws = list(iter_sources([str(mixed_dir)]))
    by_source = {raw.source.removeprefix(str(mixed_dir) + "/"): raw for raw in raws}
    assert list(by_source) == [
        "a_good.txt", "b_empty.txt", "c_binary.bin", "d_latin1.txt", "e_big.txt",
        "f_records.jsonl:1", "f_records.jsonl:3", "f_records.jsonl:4", "f_records.jsonl:5",
        "f_records.jsonl:6", "f_records.jsonl:7", "g_page.html", "h_broken.html",
        "sub/i_good.text", "sub/j_noext",
    ]
    errors = {name: raw.error for name, raw in by_source.items() if raw.error}
    assert errors["b_empty.txt"] == "empty file"
    assert "binary" in errors["c_binary.bin"]
    assert errors["d_latin1.txt"] == "not valid UTF-8 (byte 0xe9 at offset 3); ghatna reads UTF-8 only"
    assert errors["e_big.txt"] == "input is 5,001 bytes, over the limit of 5,000 bytes"
    assert errors["f_records.jsonl:3"].startswith("invalid JSON")
    assert errors["f_records.jsonl:4"] == "JSON Lines record is an array, not an object"
    assert errors["f_records.jsonl:5"] == "record has no `text` field"
    assert errors["f_records.jsonl:6"] == "record `text` is empty"
    assert set(errors) == {"b_empty.txt", "c_binary.bin", "d_latin1.txt", "e_big.txt", "f_records.jsonl:3",
                           "f_records.jsonl:4", "f_records.jsonl:5", "f_records.jsonl:6"}

    good = by_source["a_good.txt"]
    assert (good.format, good.content) == ("text", GOOD_HI)
    record = by_source["f_records.jsonl:1"]
    assert record.format == "record" and record.content == "Troops arrived on Monday."
    assert record.meta == {"title": "Troops", "url": "https://example.org/t", "published": "2022-01-12",
                           "lang": "en"}
    assert by_source["f_records.jsonl:7"].meta == {}
    assert by_source["g_page.html"].format == "html"
    assert by_source["sub/j_noext"].format == "text"

    # through the pipeline: one record per item, bad ones (and the broken page) as error records
    docs = list(Pipeline([NormaliseStage()]).map(raws, workers=1))
    assert [doc.source for doc in docs] == [raw.source for raw in raws]
    failed = {doc.source.removeprefix(str(mixed_dir) + "/"): doc.error for doc in docs if doc.status == "error"}
    assert set(failed) == set(errors) | {"h_broken.html"}
    assert "HTML" in failed["h_broken.html"]
    assert all(reason for reason in failed.values())
    ok = {doc.source.removeprefix(str(mixed_dir) + "/"): doc for doc in docs if doc.status != "error"}
    assert ok["a_good.txt"].title == "रूस ने कज़ाख़स्तान में सैनिक भेजे"
    assert ok["g_page.html"].title == "Floods in Assam"
    assert ok["f_records.jsonl:1"].published == "2022-01-12"


def test_order_is_stable_and_follows_the_arguments(mixed_dir, tmp_path):
    single = tmp_path / "single.txt"
    single.write_text(GOOD_EN, encoding="utf-8")
    first = [raw.source for raw in iter_sources([str(single), str(mixed_dir)])]
    again = [raw.source for raw in iter_sources([str(single), str(mixed_dir)])]
    assert first == again and first[0] == str(single)
    assert [raw.source for raw in iter_sources([str(mixed_dir), str(single)])][-1] == str(single)


def test_real_size_limit_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:  # sparse: no 10 MB written
        stream.truncate(sources.MAX_INPUT_BYTES + 1)
    (raw,) = list(iter_sources([str(big)]))
    assert sources.MAX_INPUT_BYTES == 10 * 1024 * 1024
    assert raw.error == "input is 10,485,761 bytes, over the limit of 10,485,760 bytes"


def test_missing_path_and_whitespace_file(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n  \n", encoding="utf-8")
    raws = list(iter_sources([str(tmp_path / "nope.txt"), str(blank)]))
    assert [raw.error for raw in raws] == ["no such file or directory", "empty file (only whitespace)"]


def test_mostly_control_bytes_is_binary(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x01\x02\x03\x1b[0m abc \x07\x08" * 50)
    (raw,) = list(iter_sources([str(junk)]))
    assert raw.error.startswith("binary data")


def test_byte_order_marks(tmp_path):
    utf8 = tmp_path / "bom8.txt"
    utf8.write_bytes(b"\xef\xbb\xbf" + GOOD_EN.encode("utf-8"))
    utf16 = tmp_path / "bom16.txt"
    utf16.write_bytes(GOOD_HI.encode("utf-16"))  # with its byte order mark
    raws = list(iter_sources([str(utf8), str(utf16)]))
    assert [raw.content for raw in raws] == [GOOD_EN, GOOD_HI]


def test_markup_in_a_file_without_extension_is_html(tmp_path):
    page = tmp_path / "page"
    page.write_text(GOOD_HTML, encoding="utf-8")
    (raw,) = list(iter_sources([str(page)]))
    assert raw.format == "html"


def test_stdin_plain_text():
    (raw,) = list(iter_sources(["-"], stdin=_Stdin(GOOD_HI.encode("utf-8"))))
    assert (raw.source, raw.format, raw.content, raw.error) == ("<stdin>", "text", GOOD_HI, None)


def test_stdin_without_buffer():
    (raw,) = list(iter_sources(["-"], stdin=io.StringIO(GOOD_EN)))
    assert raw.content == GOOD_EN


def test_stdin_json_lines():
    data = "\n" + json.dumps({"text": "One."}) + "\n\n" + "[1]\n" + json.dumps({"text": "Two.", "lang": "en"})
    raws = list(iter_sources(["-"], stdin=_Stdin(data.encode("utf-8"))))
    assert [(raw.source, raw.content, raw.error is None) for raw in raws] == [
        ("<stdin>:2", "One.", True), ("<stdin>:4", "", False), ("<stdin>:5", "Two.", True)]


def test_stdin_bad_bytes():
    (raw,) = list(iter_sources(["-"], stdin=_Stdin(b"abc \xff def")))
    assert raw.error == "not valid UTF-8 (byte 0xff at offset 4); ghatna reads UTF-8 only"
    (raw,) = list(iter_sources(["-"], stdin=_Stdin(b"")))
    assert raw.error == "empty file"


def test_jsonl_bad_line_encoding_and_empty_file(tmp_path):
    records = tmp_path / "r.ndjson"
    records.write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    empty = tmp_path / "e.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    raws = list(iter_sources([str(records), str(empty)]))
    assert raws[0].error.startswith("not valid UTF-8 (byte 0xe9")
    assert raws[1].content == "ok" and raws[1].source.endswith("r.ndjson:2")
    assert raws[2].error == "empty file (no JSON Lines records)"


def test_sample_paths_are_readable_articles():
    paths = sample_paths()
    assert len(paths) == 2 and all(p.is_file() for p in paths)
    raws = list(iter_sources([str(p) for p in paths]))
    assert all(raw.error is None and raw.format == "text" for raw in raws)
