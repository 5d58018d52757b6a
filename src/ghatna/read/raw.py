"""What a reader hands to the pipeline: undecoded-format content plus source metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
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
