"""The `stories` suite's parts: pair metrics, the hand-labelled NTREX groups, the copy maker."""

from __future__ import annotations

from ghatna.document import Document
from ghatna.eval.stories import Labelled, make_copies, pair_metrics, read_groups, role_of, split_of
from ghatna.pipeline import Pipeline
from ghatna.read.raw import RawDocument
from ghatna.stories.signals import StorySignalsStage, jaccard_estimate
from ghatna.text.normalise import NormaliseStage


def _labelled(key: str, lang: str) -> Labelled:
    return Labelled(key, lang, Document(text=f"{key} {lang}"))


def test_pair_metrics_strict_and_same_event():
    docs = [_labelled("a", "en"), _labelled("a", "hi"), _labelled("b", "en"), _labelled("b", "hi"),
            _labelled("c", "en"), _labelled("c", "hi")]
    groups = ([{"a", "b"}], [{"b", "c"}])
    # a-en, a-hi, b-en in one story; b-hi and c-en together (related: ignored); c-hi alone
    stories = {0: "s1", 1: "s1", 2: "s1", 3: "s2", 4: "s2", 5: "s3"}
    m = pair_metrics(docs, stories, groups, "x")
    assert m["x.en_hi_recall"] == 1 / 3  # only a's translations joined
    assert m["x.strict.precision"] == 1 / 4  # 4 joined pairs, one a translation
    # same-event: a-a, a-b (x2) right; b-hi/c-en ignored -> 3 of 3; gold pairs: 3 translations + 4 a-b
    assert m["x.events.precision"] == 1.0 and m["x.events.recall"] == 3 / 7


def test_groups_and_roles():
    same, related = read_groups()
    assert len(same) == 10 and len(related) == 7
    assert {"rt.com.91337", "reuters.218932"} in same
    assert split_of("bbc.381790") in ("dev", "test") and split_of("x") == split_of("x")
    assert role_of("ntrex.dev.en_hi_recall").startswith("dev ")
    assert role_of("ntrex.test.en_hi_recall").startswith("dev-used")


def test_copies_are_near_duplicates_of_their_originals():
    import random

    words = ("river council market school bridge farmers rain police court minister budget road train "
             "village water power hospital teachers workers festival election strike harvest flood").split()

    def article(seed: int) -> str:
        rng = random.Random(seed)
        return " ".join(" ".join(rng.choice(words) for _ in range(9)).capitalize() + "." for _ in range(12))

    articles = [article(a) for a in range(6)]
    pages = make_copies(articles)
    assert len(pages) == 6 and all(o != c for o, c in pages)
    pipeline = Pipeline([NormaliseStage(), StorySignalsStage()])
    original, copy, other = (pipeline(RawDocument(source=s, content=p, format="html"))
                             for s, p in (("a", pages[0][0]), ("b", pages[0][1]), ("c", pages[1][0])))
    assert "Site A" not in original.text and "The B Times" not in copy.text  # boilerplate gone
    assert original.title != copy.title
    assert jaccard_estimate(original.signals.minhash, copy.signals.minhash) >= 0.4
    assert jaccard_estimate(original.signals.minhash, other.signals.minhash) < 0.4
