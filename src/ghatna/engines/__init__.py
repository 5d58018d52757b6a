"""Engines for sharded jobs: the same pipeline, one Parquet part per input shard.

- `local`: this machine's process pool (`Pipeline.map`).
- `ray`: a Ray Data actor pool on a Ray cluster, or on a Ray started here (`pip install 'ghatna[ray]'`).

Both write `<out_dir>/<name>-<shard key>.parquet` per shard (`ghatna.engines.parts`), skip shards
whose part exists, and retry failed shards alone (`ghatna.engines.job`).  `load_parts` puts the parts
into a DuckDB store, in one process.  How to run on a cluster: docs/scale-out.md.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from ghatna.batch import print_summary
from ghatna.engines.job import DEFAULT_ATTEMPTS, JobSummary, run_job
from ghatna.engines.parts import LoadCounts, iter_part_documents, list_parts, load_parts
from ghatna.engines.shards import Shard, ShardReader, list_shards, register_shard_reader
from ghatna.pipeline import Pipeline

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "JobSummary", "LoadCounts", "Shard", "ShardReader", "iter_part_documents", "list_parts",
           "list_shards", "load_parts", "print_job_summary", "register_shard_reader", "run"]


def run(paths: Iterable[str], out_dir: Path, engine: str = "local", pipeline: Pipeline | None = None,
        workers: int | None = None, address: str | None = None, actors: int | None = None,
        attempts: int = DEFAULT_ATTEMPTS, readers: dict[str, ShardReader] | None = None,
        doc_timeout_s: float | None = None, progress: bool = False) -> JobSummary:
    """Run `pipeline` over the shards of `paths`, writing one part per shard into `out_dir`.

    `workers`: local processes (default: all cores).  `address`, `actors`: the Ray cluster to use
    ("auto", "ray://host:port"; default: start Ray on this machine) and the actor count (default:
    one per CPU, less one per node).  `doc_timeout_s` (Ray only, default 300 s): a document that takes
    longer stops its worker and becomes an error record.
    """
    shards = list_shards(paths)
    if engine == "local":
        return run_job(shards, out_dir, functools.partial(_local_round, workers=workers), "local",
                       pipeline, attempts, readers)
    if engine != "ray":
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    from ghatna.engines import ray_engine

    started = ray_engine.connect(address)
    try:
        return run_job(shards, out_dir,
                       functools.partial(ray_engine.ray_round, actors=actors, progress=progress), "ray",
                       pipeline, attempts, readers,
                       ray_engine.DEFAULT_DOC_TIMEOUT_S if doc_timeout_s is None else doc_timeout_s)
    finally:
        if started:
            ray_engine.require_ray().shutdown()


def _local_round(job, indexes, workers=None):  # noqa: ANN001, ANN202 - see local_round
    from ghatna.engines.local import local_round

    return local_round(job, indexes, workers)


def print_job_summary(summary: JobSummary) -> None:
    """The batch summary of this run's documents, then the shards, on stderr."""
    from rich.console import Console
    from rich.markup import escape

    print_summary(summary.documents)
    console = Console(stderr=True)
    console.print(f"shards: {summary.shards}  written: {summary.written}  already done: {summary.skipped}  "
                  f"failed: {len(summary.failed_shards)}  ({summary.engine} engine, {summary.rounds} round(s); "
                  f"parts in {escape(str(summary.out_dir))})", highlight=False)
    for shard, reason in summary.failed_shards:
        console.print(f"[red]shard failed[/red] {escape(shard)}: {escape(reason)}", highlight=False)
