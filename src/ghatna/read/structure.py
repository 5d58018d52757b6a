"""Structuring: a `RawDocument` becomes a `Document` with title, date, authors, captions and text.

Dispatches on the input format: `text` (a scraped plain-text article, layout recovered by
`ghatna.read.plaintext`), `html` (`ghatna.read.html`), `record` (fields given by the source,
text taken as is).  Metadata given with the input (`meta['title']`, `meta['published']`)
overrides what recovery found.  Offsets and `doc_id` are left to the normalise stage.
"""

from __future__ import annotations

from ghatna.document import Document
from ghatna.read import html, plaintext
from ghatna.read.plaintext import Layout
from ghatna.read.raw import RawDocument


def structure(raw: RawDocument) -> Document:
    """Raises ValueError with a reason when the input holds no article."""
    if raw.error:
        raise ValueError(raw.error)
    meta = raw.meta or {}
    given_title = _given(meta, "title")
    if raw.format == "text":
        layout = plaintext.recover(raw.content, known_title=given_title)
    elif raw.format == "html":
        layout = html.extract(raw.content)
    elif raw.format == "record":
        layout = Layout(text=raw.content.strip())
    else:
        raise ValueError(f"unknown input format {raw.format!r}")
    if not layout.text.strip():
        raise ValueError("no article text (the input is empty or holds only layout lines)")

    published = layout.published
    given_date = _given(meta, "published")
    if given_date:
        # an unreadable date given with the input is no reason to lose the article: keep ours
        parsed = plaintext.parse_date(given_date)
        published = parsed[0] if parsed else published
    captured = _given(meta, "captured")  # a web archive's capture date: the fallback publication date
    if not published and captured:
        parsed = plaintext.parse_date(captured[:10])
        published = parsed[0] if parsed else None
    return Document(
        text=layout.text,
        source=raw.source,
        title=given_title or layout.title,
        published=published,
        authors=list(layout.authors),
        captions=list(layout.captions),
        url=_given(meta, "url") or layout.url,
        lang_hint=_given(meta, "lang"),
    )


def _given(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    value = str(value).strip()
    return value or None
