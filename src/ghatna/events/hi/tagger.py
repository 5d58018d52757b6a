"""CRF sequence tagger for Hindi event triggers (trained on EDNIL by `ghatna.train.events`).

A linear-chain CRF (python-crfsuite) over ghatna's own tokens labels tokens B-/I- with an EDNIL
event type (28 types: riots, shoot-outs, terrorist attacks, floods, ...).  Features are word
identity (match keys), affixes (Devanagari has no capitals; suffixes carry case and verb
morphology), the neighbours, and the Hindi event lexicon's category of a word.  A model
directory holds `ednil_triggers.crfsuite` and `trigger_words.txt` (the words seen inside a
trigger: the tagger only runs on sentences holding one); the shipped one is data/events/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ghatna.resources import DATA_DIR
from ghatna.text.normalise import match_key

SHIPPED_MODEL_DIR = DATA_DIR / "events"
TRIGGER_MODEL = "ednil_triggers.crfsuite"
TRIGGER_WORDS = "trigger_words.txt"

# EDNIL type -> (ghatna type, mode); anything not listed is DISASTER with the EDNIL type as mode.
EDNIL_TO_ONTOLOGY: dict[str, tuple[str, str | None]] = {
    "RIOTS": ("PROTEST", "riot"),
    "SHOOT_OUT": ("ASSAULT", "firearms"),
    "SUICIDE_ATTACK": ("ASSAULT", "suicide-attack"),
    "TERRORIST_ATTACK": ("ASSAULT", None),
    "NORMAL_BOMBING": ("ASSAULT", "explosives"),
    "ARMED_CONFLICTS": ("ASSAULT", None),
}


def ontology_type(ednil_type: str) -> tuple[str, str | None]:
    from ghatna.ontology import DISASTER

    return EDNIL_TO_ONTOLOGY.get(ednil_type, (DISASTER, ednil_type))


def _shape(word: str) -> str:
    if any(c.isdigit() for c in word):
        return "num"
    if not any(c.isalpha() for c in word):
        return "punct"
    if word.isascii():
        return "latin"
    return "word"


def trigger_features(words: list[str], lexicon_tags: list[str] | None = None) -> list[list[str]]:
    """crfsuite attribute lists for each word of one sentence."""
    keys = [match_key(w) for w in words]
    n = len(keys)
    lexicon_tags = lexicon_tags or [""] * n
    feats: list[list[str]] = []
    for i, key in enumerate(keys):
        f = [
            "bias", f"w={key}", f"s2={key[-2:]}", f"s3={key[-3:]}", f"p2={key[:2]}", f"p3={key[:3]}",
            f"shape={_shape(key)}", f"len={min(len(key), 8)}",
        ]
        if lexicon_tags[i]:
            f.append(f"lex={lexicon_tags[i]}")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.append(f"w{off:+d}={keys[j]}")
                if abs(off) == 1:
                    f.append(f"s3{off:+d}={keys[j][-3:]}")
                    if lexicon_tags[j]:
                        f.append(f"lex{off:+d}={lexicon_tags[j]}")
            else:
                f.append(f"w{off:+d}=<edge>")
        if i > 0:
            f.append(f"bi-={keys[i - 1]}|{key}")
        if i + 1 < n:
            f.append(f"bi+={key}|{keys[i + 1]}")
        feats.append(f)
    return feats


@dataclass(frozen=True)
class TriggerTagger:
    crf: Any  # pycrfsuite.Tagger
    vocabulary: frozenset[str]  # match keys of the words seen inside a trigger

    def tag(self, words: list[str], lexicon_tags: list[str] | None = None) -> list[str]:
        return self.crf.tag(trigger_features(words, lexicon_tags)) if words else []


@cache
def trigger_tagger(model_dir: Path = SHIPPED_MODEL_DIR) -> TriggerTagger | None:
    """The trigger tagger of `model_dir`, loaded once per process; None when it holds no model."""
    model, words = Path(model_dir) / TRIGGER_MODEL, Path(model_dir) / TRIGGER_WORDS
    if not model.is_file():
        return None
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    vocabulary = frozenset(words.read_text(encoding="utf-8").split()) if words.is_file() else frozenset()
    return TriggerTagger(crf, vocabulary)
