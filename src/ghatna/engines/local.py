"""The local engine: this machine's process pool (`Pipeline.map`), writing the same parts as Ray.

All pending shards are read one after another into one ordered stream of documents, so the pool is
started once and every worker loads its models once, however many shards there are; results come
back in input order and are cut at shard boundaries into parts.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator

from ghatna.document import Document
from ghatna.engines.job import ShardJob
from ghatna.engines.parts import write_part
from ghatna.engines.shards import read_shard
from ghatna.read.raw import RawDocument


class _ShardFailed(Exception):
    pass


def local_round(job: ShardJob, indexes: list[int], workers: int | None = None) -> Iterator[tuple[int, str | None]]:
    """Process the shards `indexes` of `job` with `workers` processes (default: all cores)."""
    owners: collections.deque[int] = collections.deque()  # shard of each document sent, in order
    read_errors: dict[int, str] = {}

    def raws() -> Iterator[RawDocument]:
        for index in indexes:
            try:
                for raw in read_shard(job.shards[index], job.readers):
                    owners.append(index)
                    yield raw
            except Exception as exc:  # noqa: BLE001 - a reader that raises fails its shard, not the job
                read_errors[index] = f"read: {type(exc).__name__}: {exc}"

    stream = iter(job.pipeline.map(raws(), workers=workers))
    current: tuple[int, Document] | None = None

    def advance() -> None:
        nonlocal current
        doc = next(stream, None)
        current = None if doc is None else (owners.popleft(), doc)

    def documents_of(index: int) -> Iterator[Document]:
        while current is not None and current[0] == index:
            yield current[1]
            advance()
        # The reader stops before the next shard's first document is sent, so its error is known here.
        if index in read_errors:
            raise _ShardFailed(read_errors[index])

    order = {index: n for n, index in enumerate(indexes)}
    advance()
    for index in indexes:
        while current is not None and order[current[0]] < order[index]:
            advance()  # what is left of a shard whose writing failed
        try:
            write_part(job.out_dir, job.shards[index], documents_of(index))
        except Exception as exc:  # noqa: BLE001 - one shard's failure leaves the others going
            yield index, str(exc) if isinstance(exc, _ShardFailed) else f"{type(exc).__name__}: {exc}"
            continue
        yield index, None
