"""A sharded job, whatever the engine: which shards are left, rounds of retries, and the summary.

The parts on disk are the job's state.  A shard is done when its part exists, so a re-run skips it;
a shard whose round failed has no part and is tried again in the next round (up to `attempts`
rounds), alone; the summary is read back from the parts this run wrote, so counts survive a worker
that died after writing its part but before reporting.  Engines only supply `run_round`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ghatna.batch import Summary
from ghatna.document import Document
from ghatna.engines.parts import ShardResult, part_path, read_result, remove_temporaries, write_part
from ghatna.engines.shards import Shard, ShardReader, read_shard, shard_readers
from ghatna.pipeline import Pipeline

log = logging.getLogger(__name__)

DEFAULT_ATTEMPTS = 3
ERRORS_KEPT = 1000  # error records named in a job's summary (all of them are rows in the parts)
TIMEOUTS_SUFFIX = ".timeouts"
# Exit status of a worker stopped by its document watchdog (any non-zero status would do).
_WATCHDOG_EXIT = 75


@dataclass
class ShardJob:
    """What every worker needs, picklable: it travels to each worker once, not per shard."""

    shards: list[Shard]
    out_dir: str
    pipeline: Pipeline
    readers: dict[str, ShardReader] = field(default_factory=shard_readers)
    # Seconds one document may take in a worker before the worker is stopped and that document is
    # recorded as an error (None: no limit).  Only engines whose workers can be restarted use it.
    doc_timeout_s: float | None = None

    def documents(self, shard: Shard) -> Iterator[Document]:
        """The shard's documents through the pipeline, in order, one at a time."""
        timed_out = _timed_out_positions(self._timeouts_file(shard))
        watchdog = _Watchdog.get(self.doc_timeout_s) if self.doc_timeout_s else None
        for position, raw in enumerate(read_shard(shard, self.readers)):
            if position in timed_out:
                yield Document.failed(raw.source, f"timed out: took over {self.doc_timeout_s:g} s; "
                                                  "its worker was stopped")
                continue
            if watchdog is None:
                yield self.pipeline(raw)
                continue
            watchdog.arm(self._timeouts_file(shard), position)
            try:
                doc = self.pipeline(raw)
            finally:
                watchdog.disarm()
            yield doc

    def run_shard(self, index: int) -> ShardResult:
        """Process one shard into its part, unless its part is already there."""
        shard = self.shards[index]
        existing = part_path(Path(self.out_dir), shard)
        if existing.exists():  # done by an earlier attempt whose report was lost
            return read_result(existing)
        result = write_part(Path(self.out_dir), shard, self.documents(shard))
        self._timeouts_file(shard).unlink(missing_ok=True)  # now recorded as error rows in the part
        return result

    def _timeouts_file(self, shard: Shard) -> Path:
        return Path(self.out_dir) / f".{shard.key}{TIMEOUTS_SUFFIX}"


def _timed_out_positions(path: Path) -> set[int]:
    try:
        return {int(line) for line in path.read_text().split()}
    except FileNotFoundError:
        return set()


class _Watchdog:
    """Stops this worker process when one document runs past its time.

    A document stuck in a stage cannot be interrupted from inside Python, but its worker can be
    restarted by the engine: before exiting, the watchdog records the document's position, and the
    retried shard turns that document into an error record instead of running it again.
    """

    _instance: _Watchdog | None = None

    def __init__(self, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self.lock = threading.Lock()
        self.deadline: float | None = None
        self.target: tuple[Path, int] | None = None
        threading.Thread(target=self._watch, name="ghatna-doc-watchdog", daemon=True).start()

    @classmethod
    def get(cls, timeout_s: float) -> _Watchdog:
        if cls._instance is None or cls._instance.timeout_s != timeout_s:
            cls._instance = cls(timeout_s)
        return cls._instance

    def arm(self, timeouts_file: Path, position: int) -> None:
        with self.lock:
            self.deadline = time.monotonic() + self.timeout_s
            self.target = (timeouts_file, position)

    def disarm(self) -> None:
        with self.lock:
            self.deadline = None

    def _watch(self) -> None:
        while True:
            time.sleep(min(1.0, self.timeout_s / 4))
            with self.lock:
                expired = self.deadline is not None and time.monotonic() > self.deadline
                target = self.target
            if expired and target is not None:
                timeouts_file, position = target
                with open(timeouts_file, "a", encoding="utf-8") as out:
                    out.write(f"{position}\n")
                    out.flush()
                    os.fsync(out.fileno())
                log.error("document %d of %s timed out; stopping this worker", position, timeouts_file)
                os._exit(_WATCHDOG_EXIT)


# An engine's round: process these shard indexes of the job, yielding (index, error or None) as each
# finishes.  It may also raise (e.g. the cluster went away); the job then retries what is left.
RunRound = Callable[[ShardJob, list[int]], Iterator[tuple[int, str | None]]]


@dataclass
class JobSummary:
    """The outcome of a job: shards done, skipped and failed, and the documents this run processed."""

    engine: str
    out_dir: Path
    shards: int = 0
    skipped: int = 0  # already done before this run
    written: int = 0  # parts this run wrote
    rounds: int = 0
    failed_shards: list[tuple[str, str]] = field(default_factory=list)  # (shard, last reason)
    documents: Summary = field(default_factory=Summary)  # over the parts this run wrote
    parts: list[Path] = field(default_factory=list)  # every part of the job's shards, in shard order

    @property
    def exit_code(self) -> int:
        """0 when every shard was written and every document succeeded, else 1."""
        return 1 if self.failed_shards or self.documents.failed else 0


def run_job(shards: Iterable[Shard], out_dir: Path, run_round: RunRound, engine: str,
            pipeline: Pipeline | None = None, attempts: int = DEFAULT_ATTEMPTS,
            readers: dict[str, ShardReader] | None = None, doc_timeout_s: float | None = None) -> JobSummary:
    """Process every shard without a part, in rounds of `run_round`, retrying failed shards."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_temporaries(out_dir)
    shards = list(shards)
    job = ShardJob(shards, str(out_dir), pipeline or Pipeline(),
                   readers if readers is not None else shard_readers(), doc_timeout_s)
    summary = JobSummary(engine, out_dir, shards=len(shards))
    done_before = {i for i, shard in enumerate(shards) if part_path(out_dir, shard).exists()}
    summary.skipped = len(done_before)
    started = time.perf_counter()
    last_error: dict[int, str] = {}
    for _ in range(max(1, attempts)):
        pending = [i for i, shard in enumerate(shards) if not part_path(out_dir, shard).exists()]
        if not pending:
            break
        summary.rounds += 1
        try:
            for index, error in run_round(job, pending):
                if error:
                    last_error[index] = error
                    log.warning("shard %s failed: %s", shards[index].label, error)
        except Exception as exc:  # noqa: BLE001 - the round is lost, not the job: retry what is left
            reason = f"{engine} round failed: {type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
            log.warning("%s", reason)
            for index in pending:
                last_error.setdefault(index, reason)
    remove_temporaries(out_dir)
    for i, shard in enumerate(shards):
        part = part_path(out_dir, shard)
        if not part.exists():
            summary.failed_shards.append((shard.label, last_error.get(i, "not processed")))
            continue
        summary.parts.append(part)
        if i not in done_before:
            summary.written += 1
            _add_result(summary.documents, read_result(part))
    summary.documents.seconds = time.perf_counter() - started
    return summary


def _add_result(total: Summary, result: ShardResult) -> None:
    total.read += result.read
    total.ok += result.ok
    total.unsupported += result.unsupported
    total.failed += result.failed
    total.characters += result.characters
    total.errors.extend(result.errors[:max(0, ERRORS_KEPT - len(total.errors))])
