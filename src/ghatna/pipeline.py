"""A `Pipeline` turns raw inputs into `Document`s: structure, then an ordered list of stages.

A stage is any picklable callable `stage(doc) -> doc` with a `name`.  Stages keep no state
between documents; heavy resources are loaded lazily, once per process, so the same
`Pipeline` object runs unchanged in worker processes or in a distributed engine's workers.
A stage with `needs_supported_language = True` is skipped for documents whose language
ghatna does not process (status `unsupported_language`).

Each input has a time budget (`ghatna.budget`): a document that overruns it becomes an error
record naming the stage it was in, and the batch goes on.  With worker processes, a worker that
does not come back even then is killed and replaced (`ghatna.workers`).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Protocol

from ghatna.budget import Deadline, OverBudget, TimeBudget, deadline
from ghatna.document import STATUS_ERROR, STATUS_OK, Document
from ghatna.options import DEFAULT_OPTIONS, Options
from ghatna.read.raw import RawDocument


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


def default_stages(options: Options = DEFAULT_OPTIONS) -> list[Stage]:
    """The full pipeline after structuring, in data-flow order, configured by `options`."""
    from ghatna.events import EventsStage
    from ghatna.quantities import QuantitiesStage
    from ghatna.quotes import QuotesStage
    from ghatna.recognise import RecogniseStage
    from ghatna.resolve import ResolveStage
    from ghatna.text.langid import LangIdStage
    from ghatna.text.normalise import NormaliseStage
    from ghatna.text.segment import SegmentStage

    stages: list[Stage] = [NormaliseStage(), LangIdStage(), SegmentStage(), RecogniseStage(), ResolveStage(),
                           EventsStage(options), QuantitiesStage(), QuotesStage()]
    if options.stories:
        from ghatna.stories.signals import StorySignalsStage

        stages.append(StorySignalsStage())
    return stages


DEFAULT_BUDGET = TimeBudget()


class Pipeline:
    """`stages` (default: `default_stages(options)`) after structuring; `budget`: the time each
    document may take (None: no limit; see `ghatna.budget`)."""

    def __init__(self, stages: list[Stage] | None = None, options: Options = DEFAULT_OPTIONS,
                 budget: TimeBudget | None = DEFAULT_BUDGET) -> None:
        self.stages: list[Stage] = list(stages) if stages is not None else default_stages(options)
        self.budget = budget
        self._warm: set[str] = set()  # languages these stages have met in this process

    def __getstate__(self) -> dict:
        # a process that unpickles the pipeline has loaded nothing yet
        return {**self.__dict__, "_warm": set()}

    def __call__(self, raw: RawDocument) -> Document:
        """Structure one input and run every stage on it; any failure becomes an error record."""
        from ghatna.read.structure import structure

        if raw.error:
            return _failed(raw, raw.error)
        seconds = self.budget.seconds(len(raw.content)) if self.budget else None
        stage = "structure"
        try:
            with deadline(seconds) as timer:
                try:
                    doc = structure(raw)
                except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
                    return _failed(raw, f"structure: {type(exc).__name__}: {exc}")
                stage = ""
                doc = self.process(doc, timer)
        except OverBudget as exc:
            where = exc.stage or stage or "pipeline"
            return _failed(raw, f"{where}: {exc} for {len(raw.content):,} characters "
                                "(the document is too long or too hard; see --budget)")
        doc.input_hash = raw.input_hash
        if doc.status == STATUS_ERROR:
            doc.url = doc.url or (raw.meta or {}).get("url")
        return doc

    def process(self, doc: Document, timer: Deadline | None = None) -> Document:
        """Run the stages on an already structured document (`timer`: its running time budget)."""
        for stage in self.stages:
            if doc.status == STATUS_ERROR:
                break
            if doc.status != STATUS_OK and getattr(stage, "needs_supported_language", False):
                continue
            try:
                doc = stage(doc)
            except OverBudget as exc:
                exc.stage = exc.stage or stage.name
                raise
            except Exception as exc:  # noqa: BLE001
                return Document.failed(doc.source, f"{stage.name}: {type(exc).__name__}: {exc}")
            if timer is not None and doc.status == STATUS_OK:
                self._warm_up(doc, timer)
        return doc

    def _warm_up(self, doc: Document, timer: Deadline) -> None:
        """Before a document's stages first meet a language in this process, run them once on the
        bundled sample of that language with the clock stopped: loading models is not the
        document's time."""
        langs = {doc.lang, *(s.lang for s in doc.sentences)} - self._warm
        for lang in sorted(filter(None, langs)):
            self._warm.add(lang)
            sample = _sample(lang)
            if sample is None:
                continue
            from ghatna.read.structure import structure

            with timer.paused():
                try:
                    self.process(structure(RawDocument(f"<warm-up {lang}>", sample)))
                except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first document
                    pass

    def map(self, raws: Iterable[RawDocument], workers: int | None = None) -> Iterator[Document]:
        """Process `raws` lazily and in input order, with `workers` processes (default: all cores).

        With more than one worker, each document runs in a supervised worker process: one that
        overruns the hard time limit or dies becomes an error record and its worker is replaced.
        """
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        workers = workers or os.cpu_count() or 1
        raws = iter(raws)
        head = list(itertools.islice(raws, 2))
        if workers <= 1 or len(head) < 2:  # a pool only pays off for more than one document
            yield from map(self, itertools.chain(head, raws))
            return
        from ghatna.workers import supervised_map

        yield from supervised_map(self, itertools.chain(head, raws), workers,
                                  hard_limit=self._hard_limit, on_failure=_failed)

    def _hard_limit(self, raw: RawDocument) -> float | None:
        if self.budget is None or raw.error:
            return None
        return self.budget.hard_seconds(len(raw.content))


def _failed(raw: RawDocument, reason: str) -> Document:
    """The error record of an input, keeping what identifies the input (its hash and URL)."""
    doc = Document.failed(raw.source, reason)
    doc.input_hash = raw.input_hash
    doc.url = raw.meta.get("url") if raw.meta else None
    return doc


@cache
def _sample(lang: str) -> str | None:
    """The bundled sample article of a language, if ghatna ships one."""
    from ghatna.read.sources import sample_paths

    for path in sample_paths():
        if path.name.startswith(f"{lang}_"):
            return path.read_text(encoding="utf-8")
    return None
