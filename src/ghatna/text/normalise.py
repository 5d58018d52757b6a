"""Normalisation: one canonical form for `Document.text`, and match keys for comparison.

`normalise_text` fixes the text that all offsets point into: NFC, no zero-width or
soft-hyphen characters, unified line ends and spaces.  It keeps the original spelling
(nukta, Devanagari digits).  `match_key` folds what writers vary freely (nukta, digit
script, case, joiners) so that कज़ाख़स्तान and कजाखस्तान compare equal; a key is never used
as an offset base.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

from ghatna.document import Document, make_doc_id

# Invisible characters removed from text: ZW space, ZWNJ, ZWJ, word joiner, BOM, soft hyphen.
# Joiners only choose between glyph forms in Devanagari; they never change the spelling.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2002\u2003\u2009\t\u3000"), " ")
_NUKTA = "\u093c"
# Devanagari (and other Indic) digits to ASCII, for keys.
_DIGITS = {ord(c): str(i) for block in (0x0966, 0x09E6, 0x0A66, 0x06F0, 0x0660)
           for i, c in enumerate(chr(block + k) for k in range(10))}
_KEY_TABLE = {**_INVISIBLE, **_DIGITS, ord(_NUKTA): None}
_MULTISPACE = re.compile(r"[ ]{2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_KEY_SPACE = re.compile(r"\s+")

# Any character of the Devanagari script (Hindi's).
DEVANAGARI = regex.compile(r"\p{Devanagari}")


def normalise_text(text: str) -> str:
    """The canonical text that offsets refer to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MULTISPACE.sub(" ", text)
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def devanagari_digits_to_ascii(text: str) -> str:
    """Same length as the input, so offsets are kept."""
    return text.translate(_DIGITS)


@lru_cache(maxsize=1 << 17)  # names and words recur across a corpus; keys are pure functions
def match_key(text: str) -> str:
    """A comparison key: nukta-folded, ASCII digits, case-folded, single spaces."""
    key = unicodedata.normalize("NFC", text)
    key = unicodedata.normalize("NFD", key).translate(_KEY_TABLE)  # NFD splits क़ into क + nukta
    key = unicodedata.normalize("NFC", key).casefold()
    return _KEY_SPACE.sub(" ", key).strip()


class NormaliseStage:
    """Normalises title, captions and text, and gives the document its stable `doc_id`."""

    name = "normalise"

    def __call__(self, doc: Document) -> Document:
        doc.text = normalise_text(doc.text)
        if doc.title:
            doc.title = normalise_text(doc.title)
        for caption in doc.captions:
            caption.text = normalise_text(caption.text)
            if caption.credit:
                caption.credit = normalise_text(caption.credit)
        doc.authors = [normalise_text(a) for a in doc.authors]
        doc.doc_id = make_doc_id(f"{doc.title or ''}\n\n{doc.text}")
        return doc
