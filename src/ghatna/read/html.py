"""HTML articles: trafilatura finds the main text and the metadata (title, date, author).

The text trafilatura returns still goes through the plain-text layout cleaner, which drops
the headline repeated in the body, credit and caption lines and author trailers.  Image
captions come from `<figcaption>` elements, which trafilatura leaves out of the main text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ghatna.document import Caption
from ghatna.read.plaintext import Layout, parse_date, recover, split_caption_credit, split_names

_HAS_DOCUMENT_ELEMENT = re.compile(r"<(?:html|body)[\s>]", re.I)
_ANY_TAG = re.compile(r"<[a-zA-Z!?/][^>]*>")
_LETTERS = re.compile(r"[^\W\d_]")
# Less main text than this is a navigation stub or a broken page, not an article.
MIN_TEXT_LETTERS = 40


@cache
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura's timeout uses SIGALRM, which only works in a process's main thread
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def extract(content: str) -> Layout:
    """Title, date, authors, captions and main text of an HTML page.

    Raises ValueError with a reason when the page is not HTML or has no main text.
    """
    import trafilatura

    if not _ANY_TAG.search(content[:65536]):
        raise ValueError("not HTML: no markup found")
    if not _HAS_DOCUMENT_ELEMENT.search(content[:4096]):
        # bare markup such as '<DOCUMENT><P>...</P>': give it a body so the extractor sees text
        content = f"<html><body>{content}</body></html>"
    try:
        found = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False,
                                            include_tables=True, config=_trafilatura_config(),
                                            # dates from markup and metadata only: the extensive
                                            # search guesses from any number and takes seconds
                                            date_extraction_params={"extensive_search": False,
                                                                    "original_date": True})
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        raise ValueError(f"malformed HTML: {type(exc).__name__}: {exc}") from exc
    fields: dict[str, Any] = found.as_dict() if found is not None else {}
    text = (fields.get("text") or "").strip()
    if len(_LETTERS.findall(text)) < MIN_TEXT_LETTERS:
        raise ValueError("malformed HTML or no main text: the extractor found no article text"
                         + (f" (only {text[:40]!r})" if text else ""))
    title = (fields.get("title") or "").strip() or None
    # one paragraph per line in trafilatura's output; blank lines keep them apart for `recover`
    layout = recover(text.replace("\n", "\n\n"), find_title=title is None, known_title=title)
    if not layout.text:
        raise ValueError("no main text: only layout lines (headline, credits, bylines) were found")
    if title:
        layout.title = title
    date = fields.get("date")
    if date:
        parsed = parse_date(str(date))
        layout.published = parsed[0] if parsed else layout.published
    author = (fields.get("author") or "").strip()
    if author and not layout.authors:
        layout.authors = split_names(author)
    layout.captions = _figcaptions(content) + layout.captions
    layout.url = (fields.get("url") or "").strip() or None
    return layout


def _figcaptions(content: str) -> list[Caption]:
    """`<figcaption>` texts, with a trailing credit ('... Photo: Reuters') split off."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(content)
    except Exception:  # noqa: BLE001 - captions are optional; the main text was already found
        return []
    captions = []
    for element in tree.iter("figcaption"):
        text = " ".join(element.text_content().split())
        if text:
            caption, credit = split_caption_credit(text)
            captions.append(Caption(text=caption, credit=credit))
    return captions
