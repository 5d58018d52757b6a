"""Readers: files, directories, stdin and JSON Lines become `RawDocument`s, lazily and in order.

Bad input never raises: an item that cannot be read becomes a `RawDocument` with `error`
set to a clear reason, which the pipeline turns into an error record, so nothing is
dropped silently.  Text must be UTF-8 (a UTF-8 BOM is fine; UTF-16 with a BOM is decoded).
HTML that is not UTF-8 is decoded with the charset it declares (`<meta charset>`, an XML
declaration) or, failing that, the one `charset-normalizer` detects.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import BinaryIO, TextIO

from ghatna.read.charset import decode
from ghatna.read.jsonl import prepend, read_jsonl, too_large
from ghatna.read.raw import RawDocument

# Larger inputs are refused before they are read: no news article is this long.  For JSON
# Lines the limit holds per record, since a file of many records may be any size.
MAX_INPUT_BYTES = 10 * 1024 * 1024

TEXT_EXTENSIONS = frozenset({".txt", ".text", ""})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".xml"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
STDIN_SOURCE = "<stdin>"

# Markup at the start of a file without a telling extension: '<!DOCTYPE html>', '<html>', '<DOCUMENT>'
_MARKUP_START = re.compile(r"^\s*<(?:!doctype\s|\?xml\s|[a-zA-Z][\w:-]*[\s>])", re.I)
# Reading stdin past the size limit only to say how big it was stops here.
_MAX_COUNTED_BYTES = 64 * MAX_INPUT_BYTES


def sample_paths() -> list[Path]:
    """The sample articles shipped with ghatna (one Hindi, one English)."""
    folder = resources.files("ghatna") / "data" / "samples"
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".txt"))


def iter_sources(paths: Iterable[str], stdin: TextIO | None = None,
                 skipped: Counter[str] | None = None) -> Iterator[RawDocument]:
    """One `RawDocument` per input item, in a stable order.

    '-' reads stdin (one plain-text article, or JSON Lines when it starts with '{');
    directories are walked recursively in sorted order, skipping hidden files; the format
    comes from the extension (.txt/.text/none: text, .html/.htm/.xml: html, .jsonl/.ndjson:
    one record per line; .warc/.warc.gz: its HTML responses, see `ghatna.read.warc`); any other
    extension is read as text.  Items that are no documents (WARC records other than HTML
    responses) are counted by reason in `skipped`.
    """
    for given in paths:
        if given == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        path = Path(given)
        if path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                yield from read_path(file, skipped)
            if not found:
                yield RawDocument(source=str(path), error="empty directory: no input files in it "
                                                          "(hidden files and folders are skipped)")
        else:
            yield from read_path(path, skipped)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, recursively, sorted by relative path; hidden files and folders skipped."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(root)
        for name in files:
            if not name.startswith("."):
                file = base / name
                found.append((file.relative_to(folder).parts, file))
    for _, file in sorted(found):
        yield file


def _format_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    return "text"


def read_path(path: Path, skipped: Counter[str] | None = None) -> Iterator[RawDocument]:
    """The item(s) in one file: one document, or one per JSON Lines record or WARC HTML response."""
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        yield RawDocument(source=source, error="no such file or directory")
        return
    except OSError as exc:
        yield RawDocument(source=source, error=f"cannot read: {exc.strerror or exc}")
        return
    if not path.is_file():
        yield RawDocument(source=source, error="not a regular file")
        return
    from ghatna.read.warc import is_warc, read_warc

    if is_warc(path):
        yield from read_warc(path, MAX_INPUT_BYTES, skipped)
        return
    fmt = _format_for(path)
    try:
        with path.open("rb") as stream:
            if fmt == "jsonl":
                yield from read_jsonl(stream, source, MAX_INPUT_BYTES)
                return
            if info.st_size > MAX_INPUT_BYTES:
                yield RawDocument(source=source, error=too_large(info.st_size, MAX_INPUT_BYTES))
                return
            data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        yield RawDocument(source=source, error=f"cannot read: {exc.strerror or exc}")
        return
    yield _document(source, data, fmt)


def _document(source: str, data: bytes, fmt: str) -> RawDocument:
    if len(data) > MAX_INPUT_BYTES:
        return RawDocument(source=source, error=too_large(len(data), MAX_INPUT_BYTES))
    markup = fmt == "html" or bool(_MARKUP_START.match(data[:512].decode("latin-1")))
    text, error = decode(data, html=markup)
    if error:
        return RawDocument(source=source, error=error)
    assert text is not None
    if fmt == "text" and _MARKUP_START.match(text[:512]) and "</" in text:
        fmt = "html"  # markup in a file without a telling extension
    return RawDocument(source=source, content=text, format=fmt)




def _read_all(read: Callable[[int], bytes], first: bytes) -> int:
    """The size of an input over the limit, read to its end (to at most _MAX_COUNTED_BYTES)."""
    size = len(first)
    while size < _MAX_COUNTED_BYTES:
        chunk = read(1 << 20)
        if not chunk:
            break
        size += len(chunk)
    return size


def _read_stdin(stdin: TextIO | None) -> Iterator[RawDocument]:
    if stdin is None:  # a process started without a stdin
        yield RawDocument(source=STDIN_SOURCE, error="no stdin to read")
        return
    buffer: BinaryIO | None = getattr(stdin, "buffer", None)
    read: Callable[[int], bytes] = buffer.read if buffer is not None else (
        lambda n: stdin.read(n).encode("utf-8"))
    try:
        data = read(MAX_INPUT_BYTES + 1)
        stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped.startswith(b"{"):  # JSON Lines: any number of records, each under the limit
            yield from read_jsonl(prepend(data, read), STDIN_SOURCE, MAX_INPUT_BYTES)
            return
        if len(data) > MAX_INPUT_BYTES:
            size = _read_all(read, data)
            yield RawDocument(source=STDIN_SOURCE, error=too_large(size, MAX_INPUT_BYTES)
                              if size < _MAX_COUNTED_BYTES else
                              f"input is more than {size:,} bytes, over the limit of {MAX_INPUT_BYTES:,} bytes")
            return
    except (OSError, UnicodeError) as exc:
        yield RawDocument(source=STDIN_SOURCE, error=f"cannot read stdin: {exc}")
        return
    yield _document(STDIN_SOURCE, data, "text")
