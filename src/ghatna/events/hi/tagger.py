"""CRF sequence taggers for Hindi event triggers and event arguments (trained on EDNIL).

Two linear-chain CRFs (python-crfsuite) over ghatna's own tokens:
- the trigger tagger labels tokens B-/I- with an EDNIL event type (28 types: riots, shoot-outs,
  terrorist attacks, floods, ...);
- the argument tagger labels B-/I- PLACE, TIME, CASUALTIES, PARTICIPANT, with the trigger tags
  of the sentence as extra features, so arguments are found around the events.

Features are word identity (match keys), affixes (Devanagari has no capitals; suffixes carry
case and verb morphology), the neighbours, and the Hindi event lexicon's category of a word.
Models live in data/events/ and are built by `ghatna.train.events`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ghatna.resources import DATA_DIR
from ghatna.text.normalise import match_key

SHIPPED_MODEL_DIR = DATA_DIR / "events"
MODEL_DIR = SHIPPED_MODEL_DIR
TRIGGER_MODEL = MODEL_DIR / "ednil_triggers.crfsuite"
ARGUMENT_MODEL = MODEL_DIR / "ednil_arguments.crfsuite"


def use_model_dir(path: Path | None = None) -> None:
    """Load the taggers and their word lists from `path` (None: the shipped models) from now on in
    this process: for scoring dev with train-only models (`ghatna.train.events --tune --out DIR`)."""
    global MODEL_DIR, TRIGGER_MODEL, ARGUMENT_MODEL, PLACE_WORDS
    MODEL_DIR = Path(path) if path else SHIPPED_MODEL_DIR
    TRIGGER_MODEL = MODEL_DIR / "ednil_triggers.crfsuite"
    ARGUMENT_MODEL = MODEL_DIR / "ednil_arguments.crfsuite"
    PLACE_WORDS = MODEL_DIR / "place_words.txt"
    _tagger.cache_clear()
    _word_classes.cache_clear()
    from ghatna.events.hi import detect as events_hindi

    events_hindi._trigger_vocabulary.cache_clear()


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


PLACE_WORDS = MODEL_DIR / "place_words.txt"
TIME_WORDS = frozenset({"सुबह", "शाम", "रात", "दोपहर", "बजे", "तड़के", "तडके", "देर", "आज", "कल", "परसों",
                        "दिन", "सप्ताह", "हफ्ते", "महीने", "साल", "वर्ष", "घंटे", "मिनट"})


# The argument tagger sees the sentence's position in the document (EDNIL dev argument F1 0.494
# -> 0.496, times 0.478 -> 0.508) and the context classes (entity type, quantity) of the words
# within 2 (0.492 within 1, 0.494 within 2; 0.487 without them).
SENTENCE_POSITION = True
DOCUMENT_TYPE_FEATURE = True
CONTEXT_OFFSETS = (-2, -1, 0, 1, 2)


@cache
def _word_classes(place_path: Path | None = None) -> dict[str, str]:
    """Word key -> class (place, number, time) for the argument tagger: places shipped with the
    model (data/events/place_words.txt), numbers and months from the Hindi pack."""
    from ghatna.lang import get_pack
    from ghatna.lang.hi import events as hi_events
    from ghatna.lang.hi import numbers

    classes: dict[str, str] = {}
    place_path = place_path or PLACE_WORDS
    if place_path.is_file():
        classes.update(dict.fromkeys(place_path.read_text(encoding="utf-8").split(), "place"))
    for table in (numbers.CARDINALS, numbers.MULTIPLIERS, numbers.VAGUE_PLURALS):
        classes.update({match_key(w): "number" for w in table})
    for word in (*get_pack("hi").months, *hi_events.WEEKDAYS, *TIME_WORDS):
        classes[match_key(word)] = "time"
    return classes


def sentence_position(index: int, distance: int | None, document_type: str | None = None) -> list[str]:
    """Argument-tagger features of a whole sentence: its place in the document, how many
    sentences lie between it and the nearest one with an event trigger (None: no trigger), and
    the document's most frequent EDNIL event type."""
    if not SENTENCE_POSITION:
        return []
    out = [f"spos={min(index, 4)}", f"sdist={'none' if distance is None else min(distance, 4)}"]
    if DOCUMENT_TYPE_FEATURE and document_type:
        out.append(f"dtype={document_type}")
    return out


def argument_features(words: list[str], trigger_tags: list[str], place_path: Path | None = None,
                      context: list[str] | None = None, position: list[str] | None = None) -> list[list[str]]:
    """Trigger-tagger features, word classes (place, number, time) around the word, what the
    pipeline's other stages say of the words around it (`context`: entity type, quantity; see
    `events_hindi.argument_context`), the sentence's place in the document (`position`, see
    `sentence_position`), and where the nearest trigger is and what type it has."""
    feats = trigger_features(words)
    for f, word_context in zip(feats, context or [""] * len(words), strict=True):
        for p in position or ():
            f += [p, f"{p}|ctx={word_context}"]
    if context:
        for i, f in enumerate(feats):
            for off in CONTEXT_OFFSETS:
                j = i + off
                if 0 <= j < len(words) and context[j]:
                    f.append(f"ctx{off:+d}={context[j]}")
    classes = _word_classes(place_path)
    keys = [match_key(w) for w in words]
    word_class = [classes.get(k, "num" if _shape(k) == "num" else "") for k in keys]
    for i, f in enumerate(feats):
        for off in (-2, -1, 0, 1, 2):
            j = i + off
            if 0 <= j < len(keys) and word_class[j]:
                f.append(f"cls{off:+d}={word_class[j]}")
        for off in (-3, 3):
            if 0 <= i + off < len(keys):
                f.append(f"w{off:+d}={keys[i + off]}")
    positions = [i for i, t in enumerate(trigger_tags) if t != "O"]
    for i, f in enumerate(feats):
        f.append(f"trig={trigger_tags[i]}")
        if positions:
            nearest = min(positions, key=lambda p: abs(p - i))
            distance = nearest - i
            bucket = "0" if distance == 0 else ("+" if distance > 0 else "-") + (
                "near" if abs(distance) <= 3 else "mid" if abs(distance) <= 8 else "far")
            f.append(f"tdist={bucket}")
            f.append(f"ttype={trigger_tags[nearest][2:]}")
        else:
            f.append("tdist=none")
    return feats


@cache
def _tagger(path: Path):  # noqa: ANN202 - pycrfsuite.Tagger
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def models_available() -> bool:
    return TRIGGER_MODEL.is_file() and ARGUMENT_MODEL.is_file()


def tag_triggers(words: list[str], lexicon_tags: list[str] | None = None) -> list[str]:
    if not words:
        return []
    return _tagger(TRIGGER_MODEL).tag(trigger_features(words, lexicon_tags))


# A token the argument CRF leaves O is still an argument when P(O) falls below this (tuned on
# EDNIL dev: the Viterbi path alone misses about half of the gold arguments; 0.85 -> 0.8 once
# arguments prefer strong triggers, dev 0.468 -> 0.473).
ARGUMENT_O_THRESHOLD = 0.8


def tag_arguments(words: list[str], trigger_tags: list[str], context: list[str] | None = None,
                  position: list[str] | None = None) -> list[str]:
    if not words:
        return []
    tagger = _tagger(ARGUMENT_MODEL)
    tags = tagger.tag(argument_features(words, trigger_tags, context=context, position=position))
    labels = [label for label in tagger.labels() if label != "O"]
    for i, tag in enumerate(tags):
        if tag == "O" and tagger.marginal("O", i) < ARGUMENT_O_THRESHOLD:
            best = max(labels, key=lambda label: tagger.marginal(label, i))
            continuing = i > 0 and tags[i - 1] != "O" and tags[i - 1][2:] == best[2:]
            tags[i] = ("I-" if continuing else "B-") + best[2:]
    return tags

