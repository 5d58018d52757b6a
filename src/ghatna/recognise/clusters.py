"""Word clusters from unannotated Hindi text, a cheap stand-in for Brown clusters.

Each word gets a vector of its left and right neighbours (positive PMI over the most frequent
context words), reduced by a randomised SVD, then k-means at three granularities.  Words that
occur in similar contexts (names of people, of towns, of ministries) share clusters, which
lets the CRF generalise to names it never saw tagged.  numpy only; deterministic (fixed seed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ghatna.text.normalise import match_key

LEVELS = (32, 128, 512)  # number of clusters at each granularity


def _kmeans(x: object, k: int, iterations: int, seed: int) -> object:
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int32)
    for _ in range(iterations):
        # cosine k-means on unit vectors: the nearest centre is the one with the largest dot
        sims = np.empty((len(x),), dtype=np.float32)
        for lo in range(0, len(x), 8192):
            block = x[lo : lo + 8192] @ centres.T
            labels[lo : lo + 8192] = block.argmax(1)
            sims[lo : lo + 8192] = block.max(1)
        for c in range(k):
            members = x[labels == c]
            if len(members):
                v = members.sum(0)
                centres[c] = v / (np.linalg.norm(v) + 1e-8)
            else:  # re-seed an empty cluster with the worst-fitting point
                centres[c] = x[sims.argmin()]
                sims[sims.argmin()] = 1.0
    return labels


def build_clusters(sentences: Iterable[Sequence[str]], min_count: int = 3, contexts: int = 3000,
                   dims: int = 80, seed: int = 13) -> dict[str, str]:
    """Word (match key) -> 'a|b|c' cluster ids at the granularities of LEVELS."""
    vocab, vectors = word_vectors(sentences, min_count, contexts, dims, seed)
    levels = [_kmeans(vectors, k, iterations=15, seed=seed + k) for k in LEVELS]
    return {w: "|".join(str(int(lab[i])) for lab in levels) for i, w in enumerate(vocab)}


def word_vectors(sentences: Iterable[Sequence[str]], min_count: int = 3, contexts: int = 3000,
                 dims: int = 80, seed: int = 13) -> tuple[list[str], object]:
    """Vocabulary (match keys, by frequency) and unit-length word vectors (float32 array)."""
    import numpy as np

    keyed = [[match_key(w) for w in s] for s in sentences]
    counts = Counter(w for s in keyed for w in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = min(contexts, len(vocab))
    # Left and right neighbour counts over the n_ctx most frequent words (and sentence edges).
    pairs: Counter[tuple[int, int]] = Counter()
    for s in keyed:
        ids = [index.get(w, -1) for w in s]
        for pos, wid in enumerate(ids):
            if wid < 0:
                continue
            left = ids[pos - 1] if pos > 0 else n_ctx
            right = ids[pos + 1] if pos + 1 < len(ids) else n_ctx
            if 0 <= left <= n_ctx:
                pairs[(wid, left)] += 1
            if 0 <= right <= n_ctx:
                pairs[(wid, n_ctx + 1 + right)] += 1
    width = 2 * (n_ctx + 1)
    rows = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    cols = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    vals = np.fromiter(pairs.values(), dtype=np.float64, count=len(pairs))
    total = vals.sum()
    row_sum = np.bincount(rows, weights=vals, minlength=len(vocab))
    col_sum = np.bincount(cols, weights=vals, minlength=width) ** 0.75  # context smoothing
    col_sum = col_sum / col_sum.sum() * total
    pmi = np.log(vals * total / (row_sum[rows] * col_sum[cols]))
    keep = pmi > 0
    m = np.zeros((len(vocab), width), dtype=np.float32)
    m[rows[keep], cols[keep]] = pmi[keep]
    # Randomised SVD (Halko et al.): project, orthonormalise, one power iteration, exact SVD.
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(m @ rng.standard_normal((width, dims + 10)).astype(np.float32))
    q, _ = np.linalg.qr(m @ (m.T @ q))
    u, s, _ = np.linalg.svd(q.T @ m, full_matrices=False)
    vectors = (q @ u[:, :dims]) * np.sqrt(s[:dims])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    return vocab, vectors.astype(np.float32)
