"""Events: PLOVER/CAMEO events with actors, recipients, place, date and modality.

`stage` runs per sentence the language's detector (`hi/`: lexicon, case-marker roles and the
EDNIL trigger CRF; `en/`: spaCy's dependency parse), then dates, recodes and merges the
candidates (`candidates`, `dates`, `recode`, `merge`)."""

from ghatna.events.stage import EventsStage, main_event

__all__ = ["EventsStage", "main_event"]
