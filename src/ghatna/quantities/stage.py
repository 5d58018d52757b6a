"""QuantitiesStage: fills `doc.quantities` and ties each quantity to the event of its sentence it
counts or times (`link_to_events`)."""

from __future__ import annotations

import bisect
import re

from ghatna.document import Document, Quantity
from ghatna.ontology import HARMFUL_TYPES
from ghatna.quantities.extract import (
    NumberLexicon,
    Token,
    extract_quantities,
    is_casualty_word,
    lexicon,
    tokenize,
)


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return [(m.start(), m.end()) for m in _FALLBACK_SENTENCE.finditer(doc.text)]


_FALLBACK_SENTENCE = re.compile(r"[^\n।?!.]+(?:[।?!.]+|$)")


def is_casualty_count(q: Quantity, toks: list[Token], lex: NumberLexicon) -> bool:
    """A count of people (or of unnamed things) with a casualty word close after or before."""
    if q.unit_en is not None and q.unit_en not in lex.person_units:
        return False
    idx = bisect.bisect_left([t.start for t in toks], q.start)
    end_idx = bisect.bisect_left([t.start for t in toks], q.end)
    window = toks[max(0, idx - 4):idx] + toks[end_idx:end_idx + 6]
    return any(is_casualty_word(t.key, lex) for t in window)


# ISO 8601 designators of the time units (glosses in DURATION_UNITS).
ISO_DURATION = {"seconds": ("T", 1, "S"), "minutes": ("T", 1, "M"), "hours": ("T", 1, "H"), "days": ("", 1, "D"),
                "nights": ("", 1, "D"), "weeks": ("", 1, "W"), "months": ("", 1, "M"), "years": ("", 1, "Y"),
                "decades": ("", 10, "Y"), "centuries": ("", 100, "Y")}


def iso_duration(q: Quantity) -> str | None:
    """'P2W' for two weeks, 'PT36H' for 36 hours; None when `q` is not a time span."""
    if q.unit_en not in ISO_DURATION:
        return None
    time_part, factor, designator = ISO_DURATION[q.unit_en]
    value = q.value * factor
    number = str(int(value)) if value == int(value) else f"{value:g}"
    return f"P{time_part}{number}{designator}"


def _duration_cue(q: Quantity, toks: list[Token], lex: NumberLexicon) -> str | None:
    """How a time span is tied to an event: 'before' (दो सप्ताह का आपातकाल, a two-week emergency:
    the event follows), 'after' (curfew for 10 days, 10 दिन तक कर्फ्यू: it precedes), or None
    when the span is not a duration (in the last two weeks, दो दिन पहले)."""
    starts = [t.start for t in toks]
    first, after = bisect.bisect_left(starts, q.start), bisect.bisect_left(starts, q.end)
    before = toks[first - 1].key if first > 0 else ""
    next_keys = [t.key for t in toks[after:after + 2]]
    if before in lex.not_duration_before or (next_keys and next_keys[0] in lex.not_duration_after):
        return None
    if "-" in q.text:
        return "before"
    if next_keys and next_keys[0] in lex.duration_after:
        return None if next_keys[1:] and next_keys[1] in lex.not_duration_after else "before"
    return "after" if before in lex.duration_before else None


def _nearest(events: list, q: Quantity, side: str | None = None):  # noqa: ANN202 - Event
    """The event whose trigger is nearest to `q` (those on `side` of it first)."""
    if side == "before":
        events = [e for e in events if e.trigger.start >= q.end] or events
    elif side == "after":
        events = [e for e in events if e.trigger.end <= q.start] or events
    return min(events, key=lambda e: min(abs(e.trigger.start - q.end), abs(q.start - e.trigger.end)))


def link_to_events(doc: Document, toks: list[Token]) -> None:
    """Tie each quantity to the event of its sentence it counts or times (`Quantity.event`): a
    casualty count to the nearest event (one of a type with casualties first), a time span stated
    as a duration to the event it qualifies (whose `duration` it sets: दो सप्ताह का आपातकाल ->
    P2W), any other count with a unit (troops, equipment) to the nearest event."""
    if not doc.events or not doc.quantities:
        return
    lex = lexicon()
    spans = _sentence_spans(doc)
    starts = [s for s, _ in spans]
    by_sentence: dict[int, list] = {}
    for event in doc.events:
        by_sentence.setdefault(event.sentence, []).append(event)
    for q in doc.quantities:
        candidates = by_sentence.get(bisect.bisect_right(starts, q.start) - 1, [])
        if not candidates:
            continue
        if iso_duration(q):
            side = _duration_cue(q, toks, lex)
            if side is not None:
                event = _nearest(candidates, q, side)
                q.event = event.id
                event.duration = event.duration or iso_duration(q)
        elif is_casualty_count(q, toks, lex):
            harmful = [e for e in candidates if e.type in HARMFUL_TYPES]
            q.event = _nearest(harmful or candidates, q).id
        elif q.unit_en is not None:
            q.event = _nearest(candidates, q).id


class QuantitiesStage:
    """Fills `doc.quantities` and ties them to `doc.events` (see `link_to_events`)."""

    name = "quantities"
    needs_supported_language = True

    def __call__(self, doc: Document) -> Document:
        toks = tokenize(doc.text)
        doc.quantities = extract_quantities(doc.text, toks)
        link_to_events(doc, toks)
        return doc
