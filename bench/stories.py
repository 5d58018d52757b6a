"""Ingest throughput with stories and duplicate detection on, and what the story index costs.

    python bench/stories.py [--data ../shared/data] [--workers 2] [--json FILE]

(1) `ingest`: the throughput corpus (bench/throughput.py: BBC Hindi and EDNIL unannotated, 539
    documents) through the full pipeline into a fresh DuckDB store, once with stories, near-
    duplicates and canonical events (`write_with_stories`, the `ingest` default) and once without
    (`--no-stories`); each configuration in a fresh process; documents/s and peak RSS of the tree.
(2) The story index per 100k documents: a stream of 100,000 documents whose signals are those of
    real documents (the corpus above) with their ids, names and words made unique per synthetic
    story (each story 1-5 documents), all dated the same day so that every one stays in the window
    (the worst case: a window of 100k documents); the index's memory (tracemalloc) and the time
    per assignment as the index grows.  This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from throughput import PeakRss, load_corpus  # noqa: E402


def run_ingest(data: Path, workers: int, stories: bool) -> dict:
    from ghatna.options import Options
    from ghatna.pipeline import Pipeline
    from ghatna.store import Store
    from ghatna.stories import write_with_stories

    raws = load_corpus(data)
    with PeakRss() as rss, tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        docs = Pipeline(options=Options(stories=stories)).map(raws, workers=workers)
        with Store(Path(tmp) / "bench.duckdb") as store:
            counts = write_with_stories(store, docs) if stories else store.write(docs)
            seconds = time.perf_counter() - started
            stats = {}
            if stories:
                stats = {f"{t}_rows": store.query(f"SELECT count(*) FROM {t}")[1][0][0]
                         for t in ("stories", "near_duplicates", "canonical_events", "events")}
    peak = rss.peak_kib
    return {"stories": stories, "workers": workers, "documents": counts.total, "failed": counts.errors,
            "seconds": round(seconds, 2), "docs_per_s": round(counts.total / seconds, 1),
            "peak_rss_mb": round(peak / 1024, 1), **stats}


def index_cost(data: Path, documents: int = 100_000, seed: int = 14) -> dict:
    """Memory and time of the story index over a synthetic stream of real documents' signals."""
    import numpy as np

    from ghatna.options import Options
    from ghatna.pipeline import Pipeline
    from ghatna.stories.cluster import StoryIndex
    from ghatna.stories.signals import StorySignals

    raws = load_corpus(data)[:200]
    real = [d.signals for d in Pipeline(options=Options(stories=True)).map(raws, workers=2)
            if d.signals is not None and d.signals.features]
    rng = random.Random(seed)
    tracemalloc.start()
    index = StoryIndex()
    base = tracemalloc.get_traced_memory()[0]
    timings, story, left = [], 0, 0
    template = real[0]
    started = time.perf_counter()
    for n in range(documents):
        if left == 0:
            story, left, template = story + 1, rng.randint(1, 5), rng.choice(real)
        left -= 1
        # the story's own features (ids, names, numbers, words made unique to it), shared by its documents
        features = Counter({f"{k}#{story}" if not k.startswith(("cc:", "ev:")) else k: v
                            for k, v in template.features.items()})
        signature = np.frombuffer(rng.randbytes(256), dtype=np.uint32).copy()
        signals = StorySignals(signature, features, template.lang, "2025-01-06", template.title, {})
        t0 = time.perf_counter()
        index.assign(f"doc{n}", signals)
        timings.append(time.perf_counter() - t0)
    seconds = time.perf_counter() - started
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    last = timings[-1000:]
    return {"documents": documents, "stories": len(index.stories), "index_mb": round(used / 2**20, 1),
            "signature_mb": round(index.duplicates.signatures.nbytes / 2**20, 1),
            "idf_table_mb": round(index.df.nbytes / 2**20, 1),
            "ms_per_document_mean": round(1000 * seconds / documents, 2),
            "ms_per_document_at_100k": round(1000 * sum(last) / len(last), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--documents", type=int, default=100_000, help="synthetic stream length for (2)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one configuration
    args = parser.parse_args()
    if args.one:
        result = (index_cost(args.data, args.documents) if args.one == "index"
                  else run_ingest(args.data, args.workers, args.one == "stories"))
        print(json.dumps(result))
        return
    report: dict = {"cpus": os.cpu_count(), "ingest": []}
    for one in ("no-stories", "stories", "index"):
        out = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--workers", str(args.workers),
                              "--documents", str(args.documents), "--one", one],
                             capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        if out.returncode:
            sys.exit(out.stderr)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        if one == "index":
            report["index"] = result
        else:
            report["ingest"].append(result)
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
