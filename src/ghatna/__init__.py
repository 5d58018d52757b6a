"""ghatna: structured event data from Hindi and English news, offline.

    >>> import ghatna
    >>> doc = ghatna.extract("रूस ने सोमवार को ...")
    >>> doc.to_dict()["lang"]
    'hi'
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from ghatna.document import Document
from ghatna.pipeline import Pipeline
from ghatna.read.raw import RawDocument

__all__ = ["Document", "Pipeline", "RawDocument", "extract"]
__version__ = "0.1.0"


@cache
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str, lang: str | None = None, published: str | dt.date | None = None,
            title: str | None = None, source: str = "<text>") -> Document:
    """Run the full pipeline on one article given as text (a scraped plain-text article).

    `lang` forces the document language (else it is detected); `published` (ISO date)
    overrides any date found in the text.
    """
    if isinstance(published, dt.date):
        published = published.isoformat()
    meta = {"lang": lang, "published": published, "title": title}
    raw = RawDocument(source=source, content=text, format="text",
                      meta={k: v for k, v in meta.items() if v is not None})
    return _default_pipeline()(raw)
