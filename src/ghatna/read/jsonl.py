"""JSON Lines: one article per line, `{"text": ..., "title", "url", "published", "lang"}`.

A bad line (invalid JSON, not an object, no usable `text`) becomes one error record and the
other lines still go through; blank lines are skipped.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from ghatna.read.raw import RawDocument

RECORD_META_FIELDS = ("title", "url", "published", "lang")
_SNIFF_BYTES = 64 * 1024


def too_large(size: int, max_bytes: int) -> str:
    """The reason given for an input over the size limit."""
    return f"input is {size:,} bytes, over the limit of {max_bytes:,} bytes"


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawDocument]:
    """One record per line; a bad line is one error record, blank lines are skipped."""
    head = stream.read(_SNIFF_BYTES)
    if b"\x00" in head:
        yield RawDocument(source=source, error="binary data (contains NUL bytes), not JSON Lines")
        return
    stream = prepend(head, stream.read)
    records = 0
    for number, line in enumerate(iter(lambda: stream.readline(max_bytes + 1), b""), start=1):
        item = f"{source}:{number}"
        if len(line) > max_bytes:
            yield RawDocument(source=item, error=too_large(len(line), max_bytes) + " (one JSON Lines record)")
            # skip the rest of this overlong line
            while line and not line.endswith(b"\n"):
                line = stream.readline(max_bytes + 1)
            records += 1
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        records += 1
        yield _record(item, line)
    if records == 0:
        yield RawDocument(source=source, error="empty file (no JSON Lines records)")


class _Prepended(io.RawIOBase):
    def __init__(self, head: bytes, read: Callable[[int], bytes]) -> None:
        self._head = memoryview(head)
        self._read = read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def prepend(head: bytes, read: Callable[[int], bytes]) -> BinaryIO:
    """A stream of `head` and then what `read` gives: bytes already read (to sniff) are put back
    in front of a stream that cannot seek, such as stdin."""
    return io.BufferedReader(_Prepended(head, read))


def _record(source: str, line: bytes) -> RawDocument:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RawDocument(source=source, error=(
            f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at offset {exc.start} of the line); "
            "ghatna reads UTF-8 only"))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return RawDocument(source=source, error=f"invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        return RawDocument(source=source, error=f"JSON Lines record is {_json_type(record)}, not an object")
    return record_document(source, record)


def record_document(source: str, record: dict[str, Any]) -> RawDocument:
    """A record with a `text` field and optional metadata (JSON Lines line, Parquet row) as a document."""
    body = record.get("text")
    if body is None:
        return RawDocument(source=source, error="record has no `text` field")
    if not isinstance(body, str):
        return RawDocument(source=source, error=f"record `text` is {_json_type(body)}, not a string")
    if not body.strip():
        return RawDocument(source=source, error="record `text` is empty")
    meta = {key: record[key].strip() for key in RECORD_META_FIELDS
            if isinstance(record.get(key), str) and record[key].strip()}
    for key, value in [("text", body), *meta.items()]:
        if not _encodable(value):  # a "\ud800" escape: no such character can be stored or written
            return RawDocument(source=source, error=f"record `{key}` holds an unpaired surrogate "
                                                    "(a \\uD800-\\uDFFF escape), not text")
    return RawDocument(source=source, content=body, format="record", meta=meta)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number",
             type(None): "null", dict: "an object"}
    return names.get(type(value), type(value).__name__)
