"""Web archives: a WARC of a few hundred records, written with warcio in the test, ingests with
counts that add up: HTML responses become documents with URL and capture date, every other record
is counted and skipped."""

from __future__ import annotations

import gzip
import io

import pytest

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from ghatna.batch import Summary  # noqa: E402
from ghatna.cli import main  # noqa: E402
from ghatna.read.sources import iter_sources  # noqa: E402
from ghatna.store import Store  # noqa: E402

TOWNS = ["Aizawl", "Bhuj", "Cuttack", "Dimapur", "Erode", "Faridkot", "Gaya", "Hassan", "Imphal", "Jorhat"]
THINGS = ["schools", "bridges", "clinics", "wells", "roads", "markets"]
HTML_PAGES = 40


def _article(i: int) -> bytes:
    town, thing = TOWNS[i % len(TOWNS)], THINGS[i % len(THINGS)]
    body = (f"The municipal council of {town} approved {i + 3} new {thing} on Monday, officials said. "
            f"The work will cost {12 + i} crore rupees and should be finished in {i % 11 + 2} months. "
            f"Residents of ward {i} had asked for the {thing} for years, the council chair told reporters.")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{town} council approves {thing} ({i})"
            f"</title></head><body><nav>Home | City</nav><article><h1>{town} council approves {thing}</h1>"
            f"<p>{body}</p></article><footer>Archive test page {i}</footer></body></html>").encode()


def _record(writer: WARCWriter, url: str, kind: str, payload: bytes, status: str = "200 OK",
            content_type: str = "text/html; charset=utf-8", extra: list | None = None) -> None:
    headers = None
    if kind == "response":
        headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    elif kind == "request":
        headers = StatusAndHeaders(f"GET {url} HTTP/1.1", [("User-Agent", "test")], is_http_request=True)
    record = writer.create_warc_record(url, kind, payload=io.BytesIO(payload), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": "2025-01-06T10:30:00Z"},
                                       warc_content_type="application/warc-fields" if kind == "metadata" else None)
    writer.write_record(record)


def make_warc(path) -> dict[str, int]:
    """A WARC with HTML pages and the records around them; returns how many of each were written."""
    written = {"html": 0, "other": 0}
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "ghatna tests"}))
        written["other"] += 1
        for i in range(HTML_PAGES):
            url = f"https://archive-test.example/news/{i}.html"
            _record(writer, url, "request", b"")
            if i % 5 == 0:  # compressed on the wire: the reader undoes it
                _record(writer, url, "response", gzip.compress(_article(i)), extra=[("Content-Encoding", "gzip")])
            else:
                _record(writer, url, "response", _article(i))
            _record(writer, url, "metadata", b"fetchTimeMs: 12\r\n")
            _record(writer, f"https://archive-test.example/img/{i}.png", "response", b"\x89PNG....",
                    content_type="image/png")
            _record(writer, f"https://archive-test.example/old/{i}", "response", b"", status="301 Moved Permanently",
                    extra=[("Location", url)])
            _record(writer, f"https://archive-test.example/api/{i}.json", "response", b'{"ok": 1}',
                    content_type="application/json")
            _record(writer, f"https://archive-test.example/gone/{i}", "response", b"gone", status="404 Not Found")
            written["html"] += 1
            written["other"] += 6
        # an HTML response with no article in it: an error record, not a silent drop
        _record(writer, "https://archive-test.example/empty.html", "response", b"<html><body></body></html>")
        written["html"] += 1
    return written


def test_warc_records_become_documents_and_counts_add_up(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    written = make_warc(path)
    assert written["html"] + written["other"] >= 280
    summary = Summary()
    raws = list(iter_sources([str(path)], skipped=summary.skipped))
    assert len(raws) == written["html"]
    assert sum(summary.skipped.values()) == written["other"]
    assert summary.skipped["request record"] == HTML_PAGES and summary.skipped["HTTP 404 response"] == HTML_PAGES
    assert summary.skipped["not HTML (image/png)"] == HTML_PAGES
    assert raws[0].meta["url"] == "https://archive-test.example/news/0.html"

    db = tmp_path / "archive.duckdb"
    code = main(["ingest", str(path), "--db", str(db), "--workers", "1", "--no-progress"])
    assert code == 1  # the empty page is an error record
    with Store(db, read_only=True) as store:
        docs = store.query("SELECT url, published, story_id FROM documents")[1]
        errors = store.query("SELECT source, reason FROM errors")[1]
        urls = store.query("SELECT count(DISTINCT canonical_url) FROM document_urls")[1][0][0]
    assert len(docs) + len(errors) == written["html"]  # read = ok + failed
    assert len(docs) == HTML_PAGES and urls == HTML_PAGES
    assert all(u.startswith("https://archive-test.example/news/") for u, _, _ in docs)
    assert {str(p) for _, p, _ in docs} == {"2025-01-06"}  # the capture date: the pages give none
    assert all(s for _, _, s in docs)
    assert errors[0][0].startswith(f"{path}#") and "no main text" in errors[0][1]


def test_unreadable_warc_is_an_error_record(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\r\n\r\n" * 10)
    raws = list(iter_sources([str(path)]))
    assert len(raws) == 1 and raws[0].error.startswith("not a readable WARC file")
    path.write_bytes(b"")
    raws = list(iter_sources([str(path)]))
    assert len(raws) == 1 and raws[0].error == "empty WARC file: no records"
