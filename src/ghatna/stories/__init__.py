"""Stories: near-duplicates, online story clustering across languages, and canonical events.

`StorySignalsStage` (a pipeline stage, run in the workers) computes what the indexes compare;
`StoryTracker` (in the single writer) assigns stories as documents are stored; `events` links the
event mentions of a story into canonical events.  See docs/stories.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ghatna.document import Document
    from ghatna.store import Store
    from ghatna.store.duckdb_store import WriteCounts
    from ghatna.stories.cluster import StoryParams


def write_with_stories(store: Store, docs: Iterable[Document], params: StoryParams | None = None,
                       batch_size: int | None = None) -> WriteCounts:
    """Store documents, placing each in a story and linking near-duplicates and canonical events."""
    from ghatna.stories.tracker import StoryTracker

    tracker = StoryTracker(store, params)
    kwargs = {"batch_size": batch_size} if batch_size else {}
    return store.write(tracker.track(docs), before_commit=tracker.before_commit, **kwargs)
