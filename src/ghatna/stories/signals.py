"""What the story and duplicate indexes know of a document: a MinHash of its text and a bag of
language-independent features.  Computed by `StorySignalsStage` in the worker processes, so
the single writer that assigns stories only compares.

Features, each a string with a kind prefix (the kinds are weighted in `ScoreWeights`):
- `id:`  resolved entity ids (registry actors, gazetteer places): the same in Hindi and English;
- `nm:`  consonant skeletons of the words of unresolved names (PER/ORG/LOC/GPE/NORP), which the
         Hindi recogniser already romanises: 'Elin Jones' and 'एलिन जोन्स' share 'ln', 'jns';
- `cc:`  countries of the entities;
- `num:` numbers written with digits (Devanagari digits folded): 2011, 1.5, 300;
- `ev:`  event types;
- `w:`   content words (four letters or more, not a function word), which only ever match a
         document in the same language.

The MinHash is over word 3-shingles of the match-keyed text (title excluded, so a new headline
does not hide a copy): 64 minimum hashes of a family of universal hashes, estimated Jaccard =
share of equal minima.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from ghatna.document import STATUS_OK, Document
from ghatna.text.normalise import match_key

MINHASH_PERMUTATIONS = 64
SHINGLE_WORDS = 3
_PRIME = np.uint64(4294967291)  # largest prime below 2**32: a*x+b stays below 2**64
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LOCAL_ID = re.compile(r"^(?:e|ag)\d+$")  # document-local entity ids (unresolved names, agents)
NAME_TYPES = frozenset({"PER", "ORG", "LOC", "GPE", "NORP", "FAC", "EVENT"})
MIN_WORD_LETTERS = 4
MIN_SKELETON = 3  # shorter skeletons ('ln', 'mr') collide across unrelated names


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # a fixed seed: signatures are stored and compared across runs and processes
    rng = np.random.default_rng(0x6768617)
    a = rng.integers(1, int(_PRIME), size=MINHASH_PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, int(_PRIME), size=MINHASH_PERMUTATIONS, dtype=np.uint64)
    return a[:, None], b[:, None]


def minhash(words: list[str]) -> np.ndarray | None:
    """The MinHash signature (uint32[64]) of a word sequence's 3-shingles; None for no words."""
    if not words:
        return None
    n = max(1, len(words) - SHINGLE_WORDS + 1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(n)}
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64,
                         count=len(shingles))
    a, b = _permutations()
    return ((a * hashes[None, :] + b) % _PRIME).min(axis=1).astype(np.uint32)


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass
class StorySignals:
    """A document's MinHash and feature counts, with what story assignment needs besides."""

    minhash: np.ndarray | None
    features: Counter[str] = field(default_factory=Counter)
    lang: str | None = None
    date: str | None = None  # ISO date: publication date, else none
    title: str | None = None  # headline, else the first line of the text (for the story's title)
    # resolved entities: id -> (name, type), for a story's main actors and places
    entities: dict[str, tuple[str, str]] = field(default_factory=dict)


@cache
def _skeleton_word():  # noqa: ANN202 - the cross-script skeleton lives in the Hindi pack
    from ghatna.lang import get_pack

    return get_pack("hi").names.skeleton_word


@cache
def _function_words() -> frozenset[str]:
    from ghatna.lang import all_packs

    return frozenset(match_key(w) for pack in all_packs() for w in pack.function_words)


def text_words(text: str) -> list[str]:
    """Match-keyed words of a text (digits folded to ASCII), in order."""
    return _WORD.findall(match_key(text))


def document_features(doc: Document, words: list[str]) -> Counter[str]:
    features: Counter[str] = Counter()
    skeleton_word = _skeleton_word()
    for entity in doc.entities:
        weight = max(1, len(entity.mentions))
        if not _LOCAL_ID.match(entity.id):
            features[f"id:{entity.id}"] += weight
        elif entity.type in NAME_TYPES:
            for token in re.split(r"[\s\-]+", entity.name):
                skeleton = skeleton_word(token)
                if len(skeleton) >= MIN_SKELETON:
                    features[f"nm:{skeleton}"] += weight
        if entity.country:
            features[f"cc:{entity.country}"] += weight
    for event in doc.events:
        features[f"ev:{event.type}"] += 1
    function_words = _function_words()
    for word in words:
        if word[0].isdigit():
            continue
        if len(word) >= MIN_WORD_LETTERS and word not in function_words and not word.isdigit():
            features[f"w:{word}"] += 1
    for number in _NUMBER.findall(match_key(doc.text)):
        number = number.replace(",", "")
        if len(number) >= 2:
            features[f"num:{number}"] += 1
    return features


def story_signals(doc: Document) -> StorySignals:
    words = text_words(doc.text)
    features = document_features(doc, words) if doc.status == STATUS_OK else Counter()
    if doc.title and doc.status == STATUS_OK:
        # the headline's words count twice: it names what the story is about
        for word in text_words(doc.title):
            if len(word) >= MIN_WORD_LETTERS and word not in _function_words() and not word[0].isdigit():
                features[f"w:{word}"] += 2
    entities = {e.id: (e.name, e.type) for e in doc.entities if not _LOCAL_ID.match(e.id)}
    title = doc.title or (doc.text.split("\n", 1)[0][:200] if doc.text else None)
    return StorySignals(minhash=minhash(words), features=features, lang=doc.lang,
                        date=(doc.published or "")[:10] or None, title=title, entities=entities)


class StorySignalsStage:
    """Attaches `StorySignals` to `doc.signals` for the story and near-duplicate indexes.

    Runs on documents of every status but errors; unsupported-language documents get a MinHash
    (duplicates are found in any language) and no features."""

    name = "story_signals"

    def __call__(self, doc: Document) -> Document:
        doc.signals = story_signals(doc)
        return doc
