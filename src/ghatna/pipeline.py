"""A `Pipeline` turns raw inputs into `Document`s: structure, then an ordered list of stages.

A stage is any picklable callable `stage(doc) -> doc` with a `name`.  Stages keep no state
between documents; heavy resources are loaded lazily, once per process, so the same
`Pipeline` object runs unchanged in worker processes or in a distributed engine's workers.
A stage with `needs_supported_language = True` is skipped for documents whose language
ghatna does not process (status `unsupported_language`).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from typing import Protocol

from ghatna.document import STATUS_ERROR, STATUS_OK, Document
from ghatna.read.raw import RawDocument


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


def default_stages(cameo_dictionary: bool = False, stories: bool = False) -> list[Stage]:
    """The full pipeline after structuring, in data-flow order (`cameo_dictionary`: see EventsStage;
    `stories`: end with the signals the story and near-duplicate indexes compare, see ghatna.stories)."""
    from ghatna.code.events import EventsStage
    from ghatna.code.quantities import QuantitiesStage
    from ghatna.code.quotes import QuotesStage
    from ghatna.recognise import RecogniseStage
    from ghatna.resolve import ResolveStage
    from ghatna.text.langid import LangIdStage
    from ghatna.text.normalise import NormaliseStage
    from ghatna.text.segment import SegmentStage

    stages: list[Stage] = [NormaliseStage(), LangIdStage(), SegmentStage(), RecogniseStage(), ResolveStage(),
                           EventsStage(cameo_dictionary), QuantitiesStage(), QuotesStage()]
    if stories:
        from ghatna.stories.signals import StorySignalsStage

        stages.append(StorySignalsStage())
    return stages


class Pipeline:
    def __init__(self, stages: list[Stage] | None = None) -> None:
        self.stages: list[Stage] = list(stages) if stages is not None else default_stages()

    def __call__(self, raw: RawDocument) -> Document:
        """Structure one input and run every stage on it; any failure becomes an error record."""
        from ghatna.read.structure import structure

        if raw.error:
            return Document.failed(raw.source, raw.error)
        try:
            doc = structure(raw)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            return Document.failed(raw.source, f"structure: {type(exc).__name__}: {exc}")
        return self.process(doc)

    def process(self, doc: Document) -> Document:
        """Run the stages on an already structured document."""
        for stage in self.stages:
            if doc.status == STATUS_ERROR:
                break
            if doc.status != STATUS_OK and getattr(stage, "needs_supported_language", False):
                continue
            try:
                doc = stage(doc)
            except Exception as exc:  # noqa: BLE001
                return Document.failed(doc.source, f"{stage.name}: {type(exc).__name__}: {exc}")
        return doc

    def map(self, raws: Iterable[RawDocument], workers: int | None = None,
            chunksize: int = 4) -> Iterator[Document]:
        """Process `raws` lazily and in input order, with `workers` processes (default: all cores)."""
        workers = workers or os.cpu_count() or 1
        raws = iter(raws)
        head = list(itertools.islice(raws, 2))
        if workers <= 1 or len(head) < 2:  # a pool only pays off for more than one document
            yield from map(self, itertools.chain(head, raws))
            return
        raws = itertools.chain(head, raws)
        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ctx.Pool(workers) as pool:
            yield from pool.imap(self, raws, chunksize=chunksize)
