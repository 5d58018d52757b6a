"""Web archives: WARC files (`.warc`, `.warc.gz`; CC-NEWS is the reference source), read with
FastWARC.

Each HTML response record (HTTP 200, an HTML content type) becomes an `html` RawDocument whose
source names the file and record number and whose meta carries the target URL and the capture
date (WARC-Date; the document's publication date when the page itself gives none).  Every other
record (warcinfo, request, metadata, revisit, redirects and errors, non-HTML responses) is counted
by reason in `skipped` and not turned into a document.  A record too large or not decodable, or a
file that is not a readable WARC, becomes an error record: nothing is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ghatna.read.jsonl import too_large
from ghatna.read.raw import RawDocument

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _record_kind(record: object) -> str:
    return str(record.record_type.name if hasattr(record.record_type, "name") else record.record_type)


def read_warc(path: Path, max_bytes: int, skipped: Counter[str] | None = None) -> Iterator[RawDocument]:
    """The HTML response records of one WARC file, as RawDocuments, in file order."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    from ghatna.read.charset import decode

    skipped = skipped if skipped is not None else Counter()
    number = 0
    try:
        with path.open("rb") as stream:
            # auto_decode: undo HTTP transfer and content encodings (chunked, gzip, br)
            for number, record in enumerate(ArchiveIterator(stream, parse_http=True, auto_decode="all",
                                                            fsspec_args=False), start=1):
                source = f"{path}#{number}"
                if record.record_type != WarcRecordType.response:
                    skipped[f"{_record_kind(record)} record"] += 1
                    continue
                if not record.is_http:
                    skipped["response without HTTP headers"] += 1
                    continue
                status = record.http_headers.status_code
                if status != 200:
                    skipped[f"HTTP {status} response"] += 1
                    continue
                content_type = (record.http_content_type or "").split(";")[0].strip().lower()
                if content_type not in HTML_TYPES:
                    skipped[f"not HTML ({content_type or 'no content type'})"] += 1
                    continue
                url = record.headers.get("WARC-Target-URI")
                captured = record.record_date.isoformat() if record.record_date else None
                data = record.reader.read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield RawDocument(source=source, error=too_large(len(data), max_bytes))
                    continue
                text, error = _decode_html(data, record.http_charset, decode)
                if error:
                    yield RawDocument(source=source, error=error)
                    continue
                yield RawDocument(source=source, content=text, format="html",
                                  meta={"url": url, "captured": captured})
    except (OSError, ValueError) as exc:
        where = f" after record {number}" if number else ""
        yield RawDocument(source=str(path), error=f"not a readable WARC file{where}: {exc}")
        return
    if number == 0:
        yield RawDocument(source=str(path), error="empty WARC file: no records")


def _decode_html(data: bytes, charset: str | None, decode) -> tuple[str | None, str | None]:  # noqa: ANN001
    """UTF-8 first (the usual case and the reader's rules), else the charset the server declared."""
    text, error = decode(data)
    if text is not None or not charset or charset.lower().replace("-", "") == "utf8":
        return text, error
    try:
        return data.decode(charset), None
    except (LookupError, UnicodeDecodeError):
        return None, error
