"""QuotesStage: fills `doc.quotes` (direct and indirect speech with its speaker)."""

from __future__ import annotations

from ghatna.document import Document
from ghatna.quotes.extract import extract_quotes


class QuotesStage:
    """Fills `doc.quotes`: direct and indirect speech with its speaker."""

    name = "quotes"
    needs_supported_language = True

    def __call__(self, doc: Document) -> Document:
        doc.quotes = extract_quotes(doc)
        return doc

