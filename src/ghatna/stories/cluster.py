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
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from ghatna.stories.signals import MINHASH_PERMUTATIONS, StorySignals

WORD_KIND = "w"
IDF_BUCKETS = 1 << 20


@dataclass(frozen=True)
class StoryParams:
    """Weights per feature kind, and the join threshold (calibrated: docs/stories.md)."""

    id: float = 1.0
    nm: float = 1.0
    cc: float = 0.3
    num: float = 1.0
    ev: float = 0.2
    words_weight: float = 0.5
    threshold: float = 0.30
    window_days: int = 3
    top_features: int = 48
    index_features: int = 16
    # estimated Jaccard of word 3-shingles at or above which two texts are near-duplicates
    near_duplicate: float = 0.5

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


def _prune(vector: dict[int, float], keep: int) -> dict[int, float]:
    if len(vector) <= keep:
        return vector
    return dict(sorted(vector.items(), key=lambda kv: -kv[1])[:keep])


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


@dataclass
class Story:
    """An active story: its pruned centroids and what the `stories` table shows."""

    story_id: str
    title: str | None
    first_seen: date
    last_seen: date
    size: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    centroid_x: dict[int, float] = field(default_factory=dict)
    centroid_w: dict[str, dict[int, float]] = field(default_factory=dict)  # per language
    entities: Counter[str] = field(default_factory=Counter)  # resolved ids, by mentions
    entity_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    indexed: tuple[int, ...] = ()

    def norm_x(self) -> float:
        return math.sqrt(sum(v * v for v in self.centroid_x.values()))


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
        self.postings: dict[int, set[str]] = defaultdict(set)
        self.latest: date | None = None
        self.duplicates = NearDuplicateIndex(self.params.near_duplicate, self.params.window_days)

    # -- vectors ----------------------------------------------------------------------------------

    def _observe(self, features: Iterable[str]) -> None:
        self.documents_seen += 1
        for feature in features:
            self.df[feature_hash(feature) & (IDF_BUCKETS - 1)] += 1

    def _idf(self, feature: str) -> float:
        df = max(1, int(self.df[feature_hash(feature) & (IDF_BUCKETS - 1)]))
        return math.log((self.documents_seen + 1) / df)

    def vectors(self, signals: StorySignals) -> tuple[dict[int, float], dict[int, float]]:
        """(language-independent part, words part), each of unit length."""
        x: dict[int, float] = {}
        w: dict[int, float] = {}
        for feature, count in signals.features.items():
            kind = feature.split(":", 1)[0]
            weight = self.params.kind_weight(kind)
            if not weight:
                continue
            value = weight * (1 + math.log(count)) * self._idf(feature)
            if value > 0:
                (w if kind == WORD_KIND else x)[feature_hash(feature)] = value
        return _normalised(x), _normalised(w)

    # -- assignment -------------------------------------------------------------------------------

    def score(self, story: Story, x: dict[int, float], w: dict[int, float], lang: str | None) -> float:
        norm = story.norm_x()
        total = _dot(x, story.centroid_x) / norm if norm else 0.0
        words = story.centroid_w.get(lang or "")
        if words and w:
            w_norm = math.sqrt(sum(v * v for v in words.values()))
            total += self.params.words_weight * _dot(w, words) / w_norm
        return total

    def candidates(self, x: dict[int, float], w: dict[int, float], day: date) -> set[str]:
        found: set[str] = set()
        for key in (*x, *w):
            found.update(self.postings.get(key, ()))
        oldest = day - timedelta(days=self.params.window_days)
        return {s for s in found if self.stories[s].last_seen >= oldest}

    def assign(self, doc_id: str, signals: StorySignals, seen: date | None = None) -> Assignment:
        """Place a document in a story (new or existing) and update the index."""
        day = _parse_date(signals.date) or seen or date.today()
        self._advance(day)
        self._observe(signals.features)
        x, w = self.vectors(signals)
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
            self.stories[story_id] = Story(story_id, signals.title, day, day)
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
            story.title = signals.title
        centroid = dict(story.centroid_x)
        for k, v in x.items():
            centroid[k] = centroid.get(k, 0.0) + v
        story.centroid_x = _prune(centroid, p.top_features)
        if w:
            lang = signals.lang or "und"
            words = dict(story.centroid_w.get(lang, {}))
            for k, v in w.items():
                words[k] = words.get(k, 0.0) + v
            story.centroid_w[lang] = _prune(words, p.top_features)
        for entity_id in signals.entities:
            story.entities[entity_id] += signals.features.get(f"id:{entity_id}", 1)
        story.entity_names.update(signals.entities)
        self._reindex(story)

    def _reindex(self, story: Story) -> None:
        keep = self.params.index_features
        keys = [k for k, _ in sorted(story.centroid_x.items(), key=lambda kv: -kv[1])[:keep]]
        for words in story.centroid_w.values():
            keys += [k for k, _ in sorted(words.items(), key=lambda kv: -kv[1])[: keep // 2]]
        new = tuple(dict.fromkeys(keys))
        for key in set(story.indexed) - set(new):
            self.postings[key].discard(story.story_id)
            if not self.postings[key]:
                del self.postings[key]
        for key in new:
            self.postings[key].add(story.story_id)
        story.indexed = new

    def _advance(self, day: date) -> None:
        """Evict stories (and duplicate signatures) older than the window."""
        if self.latest is not None and day <= self.latest:
            return
        self.latest = day
        oldest = day - timedelta(days=self.params.window_days)
        for story_id in [s for s, story in self.stories.items() if story.last_seen < oldest]:
            story = self.stories.pop(story_id)
            for key in story.indexed:
                self.postings[key].discard(story_id)
                if not self.postings[key]:
                    del self.postings[key]
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
    """MinHash signatures of recent documents (256 bytes each), scanned with numpy."""

    def __init__(self, threshold: float, window_days: int) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.doc_ids: list[str] = []
        self.story_ids: list[str] = []
        self.days: list[date] = []
        self.signatures = np.zeros((0, MINHASH_PERMUTATIONS), dtype=np.uint32)
        self._pending: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self.doc_ids)

    def _matrix(self) -> np.ndarray:
        if self._pending:
            self.signatures = np.vstack([self.signatures, *self._pending])
            self._pending = []
        return self.signatures

    def find(self, signals: StorySignals) -> NearDuplicate | None:
        """The most similar recent document at or above the threshold."""
        if signals.minhash is None or not self.doc_ids:
            return None
        matrix = self._matrix()
        shares = np.count_nonzero(matrix == signals.minhash[None, :], axis=1) / matrix.shape[1]
        best = int(np.argmax(shares))
        if shares[best] < self.threshold:
            return None
        return NearDuplicate(self.doc_ids[best], self.story_ids[best], float(shares[best]))

    def add(self, doc_id: str, story_id: str, signals: StorySignals, day: date) -> None:
        if signals.minhash is not None:
            self.add_signature(doc_id, story_id, signals.minhash, day)

    def add_signature(self, doc_id: str, story_id: str, signature: np.ndarray, day: date) -> None:
        self.doc_ids.append(doc_id)
        self.story_ids.append(story_id)
        self.days.append(day)
        self._pending.append(signature[None, :])

    def evict(self, oldest: date) -> None:
        keep = [i for i, d in enumerate(self.days) if d >= oldest]
        if len(keep) == len(self.days):
            return
        matrix = self._matrix()
        self.doc_ids = [self.doc_ids[i] for i in keep]
        self.story_ids = [self.story_ids[i] for i in keep]
        self.days = [self.days[i] for i in keep]
        self.signatures = matrix[keep]
