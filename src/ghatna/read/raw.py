"""What a reader hands to the pipeline: undecoded-format content plus source metadata."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass
class RawDocument:
    """One input item before structuring.

    `format` is how `content` is to be structured: `text` (a scraped plain-text article),
    `html`, or `record` (already-structured fields from JSON Lines or the Python API).
    `error` is set when the item could not be read at all; the pipeline turns it into an
    error record instead of dropping it.
    """

    source: str
    content: str = ""
    format: str = "text"
    meta: dict[str, Any] = field(default_factory=dict)  # title, url, published, lang
    error: str | None = None

    @cached_property
    def input_hash(self) -> str:
        """SHA-1 of this input as given (format, content and metadata): the same input read again,
        from anywhere, has the same hash.  A re-run of an ingest skips inputs it has stored."""
        meta = json.dumps(self.meta or {}, sort_keys=True, ensure_ascii=False, default=str)
        digest = hashlib.sha1()
        for part in (self.format, meta, self.error or "", self.content):
            digest.update(part.encode("utf-8", errors="surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()
