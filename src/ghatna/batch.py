"""Running the pipeline over many inputs: ordered results, progress, and a summary that adds up.

Every input item ends as exactly one output document: `read = ok + failed`, where `ok`
counts processed documents (status `ok` or `unsupported_language`) and `failed` counts
error records.  Nothing is dropped.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ghatna.document import STATUS_ERROR, STATUS_UNSUPPORTED, Document
from ghatna.pipeline import Pipeline
from ghatna.read.raw import RawDocument


@dataclass
class Summary:
    read: int = 0
    ok: int = 0
    unsupported: int = 0  # part of `ok`: read and set aside, not an error
    failed: int = 0
    characters: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
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

    @property
    def exit_code(self) -> int:
        """0 when every input succeeded, 1 when any failed."""
        return 1 if self.failed else 0


def process(raws: Iterable[RawDocument], summary: Summary, workers: int | None = None,
            pipeline: Pipeline | None = None, progress: bool | None = None) -> Iterator[Document]:
    """Run `pipeline` over `raws` in input order, counting every document into `summary`."""
    pipeline = pipeline or Pipeline()
    started = time.perf_counter()
    with _progress_bar(progress) as advance:
        for doc in pipeline.map(raws, workers=workers):
            summary.add(doc)
            summary.seconds = time.perf_counter() - started
            advance()
            yield doc


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
