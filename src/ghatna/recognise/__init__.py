"""Named-entity recognition: Hindi (a CRF trained by ghatna) and English (spaCy), and the
grouping of one document's mentions into entities."""

from ghatna.recognise.stage import RecogniseStage

__all__ = ["RecogniseStage"]
