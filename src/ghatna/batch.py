"""Running the pipeline over many inputs: ordered results, progress, and a summary that adds up.

Every input item ends as exactly one output document: `read = ok + failed`, where `ok`
counts processed documents (status `ok` or `unsupported_language`) and `failed` counts
error records.  Nothing is dropped.  Of `ok`, `duplicates` had the same text as an earlier
input of the batch (stored once, each input keeping its own `document_sources` row) and
`already_stored` were skipped by an ingest because an earlier run stored them.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ghatna.document import STATUS_ERROR, STATUS_UNSUPPORTED, Document
from ghatna.pipeline import Pipeline
from ghatna.read.raw import RawDocument
from ghatna.store import Store, WriteCounts

# How long an ingest waits for a store another process is using before it gives up.
WRITE_WAIT_SECONDS = 300.0


@dataclass
class Summary:
    read: int = 0
    ok: int = 0
    unsupported: int = 0  # part of `ok`: read and set aside, not an error
    failed: int = 0
    duplicates: int = 0  # part of `ok`: same text as an earlier input of this batch
    already_stored: int = 0  # part of `ok`: skipped, an earlier ingest stored this input
    characters: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    _seen: set[str] = field(default_factory=set, repr=False)  # doc_ids of this batch
    # items read that are not documents (WARC records other than HTML responses), by reason
    skipped: Counter[str] = field(default_factory=Counter)

    def add(self, doc: Document) -> None:
        self.read += 1
        if doc.status == STATUS_ERROR:
            self.failed += 1
            self.errors.append((doc.source, doc.error or "unknown error"))
        else:
            self.ok += 1
            self.unsupported += doc.status == STATUS_UNSUPPORTED
            self.characters += len(doc.text)
            self.duplicates += doc.doc_id in self._seen
            self._seen.add(doc.doc_id)

    def add_already_stored(self) -> None:
        self.read += 1
        self.ok += 1
        self.already_stored += 1

    @property
    def exit_code(self) -> int:
        """0 when every input succeeded, 1 when any failed."""
        return 1 if self.failed else 0


def process(raws: Iterable[RawDocument], summary: Summary, workers: int | None = None,
            pipeline: Pipeline | None = None, progress: bool | None = None,
            skip: Callable[[RawDocument], bool] | None = None) -> Iterator[Document]:
    """Run `pipeline` over `raws` in input order, counting every document into `summary`.

    Inputs for which `skip(raw)` is true are counted as already stored and not processed."""
    pipeline = pipeline or Pipeline()
    started = time.perf_counter()
    with _progress_bar(progress) as advance:

        def todo() -> Iterator[RawDocument]:
            for raw in raws:
                if skip is not None and not raw.error and skip(raw):
                    summary.add_already_stored()
                    advance()
                    continue
                yield raw

        for doc in pipeline.map(todo(), workers=workers):
            summary.add(doc)
            summary.seconds = time.perf_counter() - started
            advance()
            yield doc
        summary.seconds = time.perf_counter() - started


def ingest(raws: Iterable[RawDocument], db: str | Path, summary: Summary, workers: int | None = None,
           pipeline: Pipeline | None = None, progress: bool | None = None, reprocess: bool = False,
           wait: float = WRITE_WAIT_SECONDS, on_wait: Callable[[str], None] | None = None,
           stories: bool = False) -> WriteCounts:
    """Process `raws` into the store at `db`, resuming: inputs an earlier run stored (same source
    and input hash, not an error) are skipped unless `reprocess`.  The store is opened only to
    commit each small batch, so other processes can query it meanwhile.  `stories`: place each
    document in a story and link near-duplicates and canonical events as it is stored (the
    pipeline must end with the story signals: `Options(stories=True)`)."""
    with Store(db, wait=wait, on_wait=on_wait) as store:
        done = set() if reprocess else store.completed_inputs()
        tracker = None
        if stories:
            from ghatna.stories.tracker import StoryTracker

            tracker = StoryTracker(store)
        store.close()  # readers may come in while the first documents are analysed
        docs = process(raws, summary, workers=workers, pipeline=pipeline, progress=progress,
                       skip=lambda raw: (raw.source, raw.input_hash) in done)
        if tracker is not None:
            return store.write(tracker.track(docs), release=True, before_commit=tracker.before_commit)
        return store.write(docs, release=True)


@contextmanager
def _progress_bar(enabled: bool | None) -> Iterator:
    """A progress bar on stderr, shown only when stderr is a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), "[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task("documents", total=None)
        yield lambda: bar.advance(task)


def print_summary(summary: Summary, max_errors: int = 20) -> None:
    """The end-of-batch table, on stderr."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(stderr=True)
    rate = summary.read / summary.seconds if summary.seconds else 0.0
    table = Table(title="ghatna: summary", show_header=False)
    table.add_row("read", str(summary.read))
    table.add_row("ok", f"{summary.ok}  (of which unsupported language: {summary.unsupported})")
    if summary.duplicates:
        table.add_row("duplicates", f"{summary.duplicates}  (same text as an earlier input: analysed and "
                                    "stored once, each input keeps its own source record)")
    if summary.already_stored:
        table.add_row("already stored", f"{summary.already_stored}  (skipped: stored by an earlier run)")
    table.add_row("failed", str(summary.failed))
    if summary.skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(summary.skipped.items()))
        table.add_row("skipped", f"{sum(summary.skipped.values())} records that are not articles ({reasons})")
    table.add_row("time", f"{summary.seconds:.2f} s  ({rate:.1f} documents/s)")
    console.print(table)
    for source, reason in summary.errors[:max_errors]:
        console.print(f"[red]error[/red] {escape(source)}: {escape(reason)}", highlight=False)
    if len(summary.errors) > max_errors:
        console.print(f"... and {len(summary.errors) - max_errors} more errors")
