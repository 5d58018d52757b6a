"""The Ray engine: shards run in a Ray Data actor pool, one ghatna `Pipeline` per actor.

Each actor is a long-lived worker process that receives the job once (pipeline, readers, output
folder), loads its models on its first document and keeps them; Ray Data hands it one shard at a
time (`batch_size=1`), and the actor streams that shard's documents through its pipeline into the
shard's part, flushing every `ghatna.store.BATCH_SIZE` documents.  Only a few numbers per shard
come back to the driver; documents never pass through it or through the object store.

Pitfalls designed around:
- Actors on every CPU starve everything else: by default each node keeps one CPU free (`actors`).
- The object store is sized when ghatna starts Ray itself (`object_store_mb`); little goes through
  it, since inputs are read and outputs written by the actors.
- Dead actors do not hang the job: an actor is restarted at most `max_restarts` times and a shard
  retried on a restarted actor at most `max_task_retries` times; actors that cannot be placed fail
  the round after `actor_start_timeout_s`; a round that makes no progress for `stall_timeout_s`
  fails; a document that runs past `doc_timeout_s` stops its actor and becomes an error record.
  A failed round leaves the shards without parts to the next round (`ghatna.engines.job`).
- Ray Data sends at most one shard to each actor at a time, so a slow shard holds up no other.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterator
from typing import Any

from ghatna.engines.job import ShardJob

log = logging.getLogger(__name__)

DEFAULT_OBJECT_STORE_MB = 512
DEFAULT_MAX_RESTARTS = 3
DEFAULT_MAX_TASK_RETRIES = 3
DEFAULT_ACTOR_START_TIMEOUT_S = 600
DEFAULT_STALL_TIMEOUT_S = 4 * 3600  # no shard finished for this long: a big shard takes about an hour
DEFAULT_DOC_TIMEOUT_S = 300.0
# A scheduling hint so that Ray never packs more actors on a node than its memory holds (peak RSS of
# one pipeline process is about 0.4 GB; see docs/benchmarks.md).
ACTOR_MEMORY_BYTES = 1 << 30


class EngineUnavailable(RuntimeError):
    """Ray is not installed, or the cluster cannot be reached."""


def require_ray() -> Any:  # noqa: ANN401 - the ray module
    try:
        import ray
    except ImportError as exc:
        raise EngineUnavailable("the ray engine needs Ray: pip install 'ghatna[ray]'") from exc
    return ray


def connect(address: str | None = None, num_cpus: int | None = None,
            object_store_mb: int = DEFAULT_OBJECT_STORE_MB) -> bool:
    """Connect to Ray: `address` ("auto", "ray://host:port", "host:port") or, without one, a Ray
    started here.  Returns True when this call started or joined Ray (and so should shut it down)."""
    ray = require_ray()
    if ray.is_initialized():
        return False
    if address:
        try:
            ray.init(address=address, log_to_driver=False)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise EngineUnavailable(f"cannot connect to Ray at {address}: {str(exc).strip().splitlines()[0]}") from exc
    else:
        ray.init(num_cpus=num_cpus or os.cpu_count() or 1, object_store_memory=object_store_mb << 20,
                 include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    return True


def default_actors() -> int:
    """One actor per CPU, less one CPU per node (at least one actor)."""
    ray = require_ray()
    nodes = [n for n in ray.nodes() if n.get("Alive")]
    total = sum(max(1, int(n.get("Resources", {}).get("CPU", 0)) - 1) for n in nodes
                if n.get("Resources", {}).get("CPU", 0) >= 1)
    return max(1, total)


class _ShardWorker:
    """A Ray Data actor: one pipeline for its whole life, one shard per call."""

    def __init__(self, job: ShardJob) -> None:
        self.job = job

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        indexes, errors = [], []
        for index in batch["index"]:
            index = int(index)
            try:
                self.job.run_shard(index)
                errors.append("")
            except Exception as exc:  # noqa: BLE001 - reported to the driver, which retries the shard
                errors.append(f"{type(exc).__name__}: {exc}")
            indexes.append(index)
        return {"index": indexes, "error": errors}


def ray_round(job: ShardJob, indexes: list[int], actors: int | None = None,
              max_restarts: int = DEFAULT_MAX_RESTARTS, max_task_retries: int = DEFAULT_MAX_TASK_RETRIES,
              actor_start_timeout_s: float = DEFAULT_ACTOR_START_TIMEOUT_S,
              stall_timeout_s: float = DEFAULT_STALL_TIMEOUT_S,
              progress: bool = False) -> Iterator[tuple[int, str | None]]:
    """Process the shards `indexes` of `job` on the connected Ray cluster (see `connect`)."""
    ray = require_ray()
    from ray.data import ActorPoolStrategy, DataContext

    actors = max(1, min(actors or default_actors(), len(indexes)))
    context = DataContext.get_current()
    context.wait_for_min_actors_s = int(actor_start_timeout_s)
    context.execution_no_progress_timeout_s = float(stall_timeout_s)
    context.actor_task_retry_on_errors = False  # shard errors come back as rows; the job retries them
    context.enable_progress_bars = progress
    context.print_on_execution_start = progress
    if not progress:  # Ray Data logs each execution's start and end at INFO
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    # One block per shard, so that shards are handed out one by one.
    shards = ray.data.from_items([{"index": i} for i in indexes], override_num_blocks=len(indexes))
    with warnings.catch_warnings():
        # Restart and retry limits have no named parameter yet; unbounded (Ray Data's default) a
        # shard that kills its actor every time would be retried for ever.
        warnings.filterwarnings("ignore", message="`ray_remote_args` is deprecated")
        results = shards.map_batches(
            _ShardWorker, fn_constructor_args=(job,), batch_size=1, zero_copy_batch=True,
            compute=ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=1),
            num_cpus=1, memory=ACTOR_MEMORY_BYTES,
            max_restarts=max_restarts, max_task_retries=max_task_retries)
    for row in results.iter_rows():
        yield int(row["index"]), row["error"] or None
