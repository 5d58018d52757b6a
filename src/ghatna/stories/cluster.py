"""Online story clustering across languages, and the near-duplicate index.

A new document is compared only with the stories active in the last `window_days` days (by
publication date, else the day it was seen).  Its score against a story is

    score = cos(doc_x, story_x) + words_weight * cos(doc_w, story_w[doc.lang])

where `x` is the language-independent part of its features (resolved ids, name skeletons,
countries, numbers, event types; see `signals.py`), `w` its content words, which only ever
meet words of the same language, each weighted by kind and by an inverse document frequency
kept online (hashed into a fixed table, so its memory is fixed).  The document joins the best
story at or above `threshold`, else starts one.  The weights and the threshold are calibrated on
labelled pairs (`ghatna eval stories`, docs/stories.md), not guessed.

A story keeps only a pruned centroid (its `top_features` strongest features per part), and is
found through an inverted index of its `index_features` strongest ones; stories that fall out of
the window are evicted, so memory follows the window, not the stream.
"""

from __future__ import annotations

import math
import zlib
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from ghatna.stories.signals import MINHASH_PERMUTATIONS, StorySignals

WORD_KIND = "w"
IDF_BUCKETS = 1 << 20
MAX_POSTING = 50
TITLE_CHARS = 160


@dataclass(frozen=True)
class StoryParams:
    """Weights per feature kind, and the join threshold (calibrated: docs/stories.md)."""

    id: float = 1.0
    nm: float = 1.0
    cc: float = 0.3
    num: float = 1.0
    ev: float = 0.2
    words_weight: float = 0.25
    threshold: float = 0.30
    window_days: int = 3
    top_features: int = 48
    index_features: int = 16
    # estimated Jaccard of word 3-shingles at or above which two texts are near-duplicates
    near_duplicate: float = 0.4

    def kind_weight(self, kind: str) -> float:
        return getattr(self, kind, 0.0) if kind != WORD_KIND else 1.0


def feature_hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _normalised(vector: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


class Centroid:
    """A story's pruned sparse centroid, packed (12 bytes a feature, strongest first), with its norm."""

    __slots__ = ("keys", "norm", "values")

    def __init__(self, vector: dict[int, float] | None = None, keep: int | None = None) -> None:
        ranked = sorted((vector or {}).items(), key=lambda kv: -kv[1])[:keep]
        self.keys = array("q", (k for k, _ in ranked))
        self.values = array("f", (v for _, v in ranked))
        self.norm = math.sqrt(sum(v * v for v in self.values))

    def __len__(self) -> int:
        return len(self.keys)

    def as_dict(self) -> dict[int, float]:
        return dict(zip(self.keys, self.values, strict=True))

    def plus(self, vector: dict[int, float], keep: int) -> Centroid:
        total = self.as_dict()
        for k, v in vector.items():
            total[k] = total.get(k, 0.0) + v
        return Centroid(total, keep)

    def cosine(self, vector: dict[int, float]) -> float:
        """Cosine with a unit-length vector."""
        if not self.norm:
            return 0.0
        get = vector.get
        return sum(v * get(k, 0.0) for k, v in zip(self.keys, self.values, strict=True)) / self.norm

    def strongest(self, n: int) -> list[int]:
        return list(self.keys[:n])


@dataclass
class Story:
    """An active story: its pruned centroids and what the `stories` table shows."""

    story_id: str
    title: str | None
    first_seen: date
    last_seen: date
    size: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    centroid_x: Centroid = field(default_factory=Centroid)
    centroid_w: dict[str, Centroid] = field(default_factory=dict)  # per language
    entities: Counter[str] = field(default_factory=Counter)  # resolved ids, by mentions
    entity_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    indexed: tuple[int, ...] = ()


@dataclass
class Assignment:
    story_id: str
    score: float | None  # None: a new story
    near_duplicate_of: str | None = None
    similarity: float | None = None  # estimated Jaccard with the near-duplicate


class StoryIndex:
    """Stories of the last few days, in memory; `assign` places one document."""

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self.df = np.zeros(IDF_BUCKETS, dtype=np.uint32)
        self.documents_seen = 0
        self.stories: dict[str, Story] = {}
        # feature -> stories indexed by it; lists, as most are short (a set costs four times as much)
        self.postings: dict[int, list[str]] = defaultdict(list)
        self.latest: date | None = None
        self.duplicates = NearDuplicateIndex(self.params.near_duplicate, self.params.window_days)

    # -- vectors ----------------------------------------------------------------------------------

    def vectors(self, signals: StorySignals, observe: bool = False) -> tuple[dict[int, float], dict[int, float]]:
        """(language-independent part, words part), each of unit length; `observe` first counts
        the document into the document frequencies."""
        items = [(f, c, f.split(":", 1)[0]) for f, c in signals.features.items()]
        keys = np.fromiter((feature_hash(f) for f, _, _ in items), dtype=np.int64, count=len(items))
        buckets = keys & (IDF_BUCKETS - 1)
        if observe:
            self.documents_seen += 1
            np.add.at(self.df, buckets, 1)
        frequencies = np.maximum(self.df[buckets], 1)
        idf = np.log((self.documents_seen + 1) / frequencies).tolist()
        x: dict[int, float] = {}
        w: dict[int, float] = {}
        for (_, count, kind), key, weight_idf in zip(items, keys.tolist(), idf, strict=True):
            weight = self.params.kind_weight(kind)
            value = weight * (1 + math.log(count)) * weight_idf
            if value > 0:
                (w if kind == WORD_KIND else x)[key] = value
        return _normalised(x), _normalised(w)

    # -- assignment -------------------------------------------------------------------------------

    def score(self, story: Story, x: dict[int, float], w: dict[int, float], lang: str | None) -> float:
        total = story.centroid_x.cosine(x)
        words = story.centroid_w.get(lang or "")
        if words is not None and w:
            total += self.params.words_weight * words.cosine(w)
        return total

    def candidates(self, x: dict[int, float], w: dict[int, float], day: date) -> set[str]:
        """Stories that share one of the document's strongest features (those a story is indexed
        by are its strongest too); a feature shared by very many stories tells none apart."""
        keep = self.params.index_features
        strongest = sorted(x, key=x.__getitem__, reverse=True)[: 2 * keep]
        strongest += sorted(w, key=w.__getitem__, reverse=True)[:keep]
        found: set[str] = set()
        for key in strongest:
            posting = self.postings.get(key, ())
            if len(posting) <= MAX_POSTING:
                found.update(posting)
        oldest = day - timedelta(days=self.params.window_days)
        return {s for s in found if self.stories[s].last_seen >= oldest}

    def assign(self, doc_id: str, signals: StorySignals, seen: date | None = None) -> Assignment:
        """Place a document in a story (new or existing) and update the index."""
        day = _parse_date(signals.date) or seen or date.today()
        self._advance(day)
        x, w = self.vectors(signals, observe=True)
        duplicate = self.duplicates.find(signals)
        story_id, score = None, None
        if duplicate is not None and duplicate.story_id in self.stories:
            # a copy of a recent document belongs to that document's story, whatever its score
            story_id = duplicate.story_id
            score = self.score(self.stories[story_id], x, w, signals.lang)
        else:
            for candidate in sorted(self.candidates(x, w, day)):
                value = self.score(self.stories[candidate], x, w, signals.lang)
                if value >= self.params.threshold and (score is None or value > score):
                    story_id, score = candidate, value
        if story_id is None:
            story_id = f"st_{doc_id}"
            self.stories[story_id] = Story(story_id, (signals.title or "")[:TITLE_CHARS] or None, day, day)
        self._add(self.stories[story_id], signals, x, w, day)
        self.duplicates.add(doc_id, story_id, signals, day)
        return Assignment(story_id, score, duplicate.doc_id if duplicate else None,
                          duplicate.similarity if duplicate else None)

    def _add(self, story: Story, signals: StorySignals, x: dict[int, float], w: dict[int, float],
             day: date) -> None:
        p = self.params
        story.size += 1
        story.languages[signals.lang or "und"] += 1
        story.first_seen = min(story.first_seen, day)
        story.last_seen = max(story.last_seen, day)
        if not story.title and signals.title:
            story.title = signals.title[:TITLE_CHARS]
        story.centroid_x = story.centroid_x.plus(x, p.top_features)
        if w:
            lang = signals.lang or "und"
            story.centroid_w[lang] = story.centroid_w.get(lang, Centroid()).plus(w, p.top_features)
        for entity_id in signals.entities:
            story.entities[entity_id] += signals.features.get(f"id:{entity_id}", 1)
        story.entity_names.update(signals.entities)
        self._reindex(story)

    def _reindex(self, story: Story) -> None:
        keep = self.params.index_features
        keys = story.centroid_x.strongest(keep)
        for words in story.centroid_w.values():
            keys += words.strongest(keep // 2)
        new = tuple(dict.fromkeys(keys))
        old = set(story.indexed)
        for key in old - set(new):
            self._unpost(key, story.story_id)
        for key in new:
            if key not in old:
                self.postings[key].append(story.story_id)
        story.indexed = new

    def _unpost(self, key: int, story_id: str) -> None:
        posting = self.postings.get(key)
        if posting is not None and story_id in posting:
            posting.remove(story_id)
            if not posting:
                del self.postings[key]

    def _advance(self, day: date) -> None:
        """Evict stories (and duplicate signatures) older than the window."""
        if self.latest is not None and day <= self.latest:
            return
        self.latest = day
        oldest = day - timedelta(days=self.params.window_days)
        for story_id in [s for s, story in self.stories.items() if story.last_seen < oldest]:
            story = self.stories.pop(story_id)
            for key in story.indexed:
                self._unpost(key, story_id)
        self.duplicates.evict(oldest)

    def restore(self, story: Story) -> None:
        """Put back a story loaded from the store (after a restart)."""
        self.stories[story.story_id] = story
        self._reindex(story)


@dataclass
class NearDuplicate:
    doc_id: str
    story_id: str
    similarity: float  # estimated Jaccard of word 3-shingles


class NearDuplicateIndex:
    """MinHash signatures of recent documents (256 bytes each) in one growing array, scanned with
    numpy: a scan of 100k signatures takes a few milliseconds."""

    def __init__(self, threshold: float, window_days: int) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.doc_ids: list[str] = []
        self.story_ids: list[str] = []
        self.days: list[date] = []
        self._signatures = np.zeros((1024, MINHASH_PERMUTATIONS), dtype=np.uint32)

    def __len__(self) -> int:
        return len(self.doc_ids)

    @property
    def signatures(self) -> np.ndarray:
        return self._signatures[: len(self.doc_ids)]

    def find(self, signals: StorySignals) -> NearDuplicate | None:
        """The most similar recent document at or above the threshold."""
        if signals.minhash is None or not self.doc_ids:
            return None
        matrix = self.signatures
        shares = np.count_nonzero(matrix == signals.minhash[None, :], axis=1) / matrix.shape[1]
        best = int(np.argmax(shares))
        if shares[best] < self.threshold:
            return None
        return NearDuplicate(self.doc_ids[best], self.story_ids[best], float(shares[best]))

    def add(self, doc_id: str, story_id: str, signals: StorySignals, day: date) -> None:
        if signals.minhash is not None:
            self.add_signature(doc_id, story_id, signals.minhash, day)

    def add_signature(self, doc_id: str, story_id: str, signature: np.ndarray, day: date) -> None:
        n = len(self.doc_ids)
        if n == len(self._signatures):  # amortised growth: doubling
            grown = np.zeros((2 * n, MINHASH_PERMUTATIONS), dtype=np.uint32)
            grown[:n] = self._signatures
            self._signatures = grown
        self._signatures[n] = signature
        self.doc_ids.append(doc_id)
        self.story_ids.append(story_id)
        self.days.append(day)

    def evict(self, oldest: date) -> None:
        keep = [i for i, d in enumerate(self.days) if d >= oldest]
        if len(keep) == len(self.days):
            return
        kept = self.signatures[keep]
        self._signatures = np.zeros((max(1024, 2 * len(keep)), MINHASH_PERMUTATIONS), dtype=np.uint32)
        self._signatures[: len(keep)] = kept
        self.doc_ids = [self.doc_ids[i] for i in keep]
        self.story_ids = [self.story_ids[i] for i in keep]
        self.days = [self.days[i] for i in keep]
