"""Pipeline options: one object, built once (by the CLI or a caller) and handed to the stages,
so that no stage reads a module global or the environment.  Frozen and picklable, so the same
options travel with a `Pipeline` into any engine's workers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    # English: code verbs the event lexicon lacks with PETRARCH2's CAMEO verb dictionary (more
    # English events; off by default, as Hindi has no counterpart; see docs/events.md).
    cameo_dictionary: bool = False
    # Directory of the Hindi event trigger model (None: the shipped one, data/events/); for
    # scoring dev with train-only models (`ghatna train events --tune --out DIR`).
    events_model_dir: Path | None = None
    # End with the signals the story and near-duplicate indexes compare (ghatna.stories); on
    # when a store is written (ingest, poll).
    stories: bool = False


DEFAULT_OPTIONS = Options()
