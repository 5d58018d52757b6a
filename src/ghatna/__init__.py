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
from ghatna.options import DEFAULT_OPTIONS, Options
from ghatna.pipeline import Pipeline
from ghatna.read.raw import RawDocument

__all__ = ["Document", "Options", "Pipeline", "RawDocument", "extract"]
__version__ = "0.1.0"


@cache
def _pipeline(options: Options) -> Pipeline:
    return Pipeline(options=options)


def extract(text: str, lang: str | None = None, published: str | dt.date | None = None,
            title: str | None = None, source: str = "<text>", options: Options = DEFAULT_OPTIONS) -> Document:
    """Run the full pipeline on one article given as text (a scraped plain-text article).

    `lang` forces the document language (else it is detected); `published` (ISO date)
    overrides any date found in the text; `options` configure the stages (`ghatna.Options`).
    """
    if isinstance(published, dt.date):
        published = published.isoformat()
    meta = {"lang": lang, "published": published, "title": title}
    raw = RawDocument(source=source, content=text, format="text",
                      meta={k: v for k, v in meta.items() if v is not None})
    return _pipeline(options)(raw)
