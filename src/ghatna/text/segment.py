"""Sentences and tokens for Hindi and English.

Sentences end at a danda (।), double danda (॥), ?, ! or a full stop, together with any
closing quotation marks or brackets that follow, and at paragraph breaks.  A full stop after
an abbreviation of either pack (डॉ., श्री., Dr., U.S.) or a single initial does not end a
sentence.  Each sentence gets its own language (an English caption inside a Hindi article).
Tokens are words, numbers (with their digit grouping: 1,00,000) and single punctuation marks.
"""

from __future__ import annotations

from functools import cache

import regex

from ghatna.document import Document, Sentence
from ghatna.lang import PACK_CODES, get_pack
from ghatna.text.langid import identify
from ghatna.text.normalise import match_key

TOKEN = regex.compile(r"\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\S")
# A candidate sentence end: terminators, then closing quotes/brackets, then space or the end
# (a danda ends a sentence even before a letter).  Linear time on any input: a run of stops
# is only tried from its first character, and possessive quantifiers never backtrack (a
# failed run can't succeed from inside itself, and giving back a stop or a closer only puts
# a non-space after the candidate).
_END = regex.compile(r"(?<![.?!…])[.?!…]++[\"'”’»)\]]*+(?=\s|$)|[।॥]++[\"'”’»)\]]*+")
# The word just before a full stop (letters, marks and inner stops), matched backwards from the
# stop so that each test costs the word's length, not the line's.
_WORD_BEFORE = regex.compile(r"(?r)[\p{L}\p{M}.]+")
_NEXT_CHAR = regex.compile(r"\s*(\S)")


@cache
def _abbreviations() -> frozenset[str]:
    """Abbreviations of every pack: Hindi text cites English titles and the other way round."""
    return frozenset().union(*(get_pack(c).abbreviations for c in PACK_CODES))


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes an abbreviation or an initial, not a sentence."""
    m = _WORD_BEFORE.match(text, 0, stop)
    if not m:
        return False
    word = m.group().strip(".")
    if not word:
        return False
    if match_key(word) in _abbreviations():
        return True
    if "." in word and all(len(part) <= 2 for part in word.split(".")):  # U.S, ए.के, e.g
        return True
    return len(word) == 1 and word.isupper()  # an initial: J. Smith


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never crossing a line break."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        start = 0
        for m in _END.finditer(line):
            if m.group().startswith(".") and _is_abbreviation(line, m.start()):
                continue
            nxt = _NEXT_CHAR.match(line, m.end())
            if m.group().rstrip("\"'”’»)]") == "." and nxt and nxt.group(1).islower():
                continue  # "approx. five" - a lower-case continuation is not a new sentence
            _add(spans, line, line_start, start, m.end())
            start = m.end()
        _add(spans, line, line_start, start, len(line))
    return spans


def _add(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((offset + start + lead, offset + start + lead + len(stripped)))


def tokenize(text: str, offset: int = 0) -> list[tuple[int, int]]:
    return [(m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


class SegmentStage:
    """Fills `doc.sentences` (with their language) and `doc.tokens`."""

    name = "segment"

    def __call__(self, doc: Document) -> Document:
        doc.sentences = []
        for start, end in sentence_spans(doc.text):
            lang, _ = identify(doc.text[start:end], prior=doc.lang)
            doc.sentences.append(Sentence(start, end, lang))
        doc.tokens = tokenize(doc.text)
        return doc
