"""Mentions of one event in a document (same type, compatible actors and recipients, same date,
same polarity and modality) become one event; the merged mentions' triggers are kept on the
event as `mentions` (not part of the JSON contract)."""

from __future__ import annotations

from ghatna.document import Event
from ghatna.ontology import DISASTER

# A date taken from the publication date, not from the event's own words, conflicts with nothing.
BORROWED_DATE = "published"


def _own_date(e: Event) -> str | None:
    return e.date if e.date_precision != BORROWED_DATE else None


def _compatible(a: Event, b: Event) -> bool:
    if (a.type, a.negated, a.modality) != (b.type, b.negated, b.modality):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if _own_date(a) and _own_date(b) and _own_date(a) != _own_date(b):
        return False
    if a.actors and b.actors and not set(a.actors) & set(b.actors):
        return False
    if a.recipients and b.recipients and not set(a.recipients) & set(b.recipients):
        return False
    if a.type == DISASTER:
        return a.mode == b.mode and a.place == b.place
    # the same parties, or, in one sentence, a second word for the act that names no party
    # ("attacked ... in the attack"): one event per act
    return bool((a.actors and b.actors) or a.sentence == b.sentence and not (b.actors or b.recipients))


def _parties(e: Event) -> bool:
    return bool(e.actors or e.recipients)


# How much less sure an event is of parties it takes from an earlier report of the same act.
INHERITED_CONFIDENCE = 0.8


def merge(events: list[Event]) -> list[Event]:
    """Mentions of the same event (type, actors, recipients, date, polarity) become one event."""
    merged: list[Event] = []
    for event in events:
        target = next((m for m in merged if _compatible(m, event)), None)
        if target is None:
            event.mentions = [event.trigger]
            if not _parties(event):
                # a later sentence's "the attack", "the investigation": news names the parties
                # of an act once and refers back to it, so the reference takes them
                earlier = next((m for m in reversed(merged) if _parties(m) and m.type == event.type
                                and (m.negated, m.modality) == (event.negated, event.modality)), None)
                if earlier is not None:
                    event.actors, event.recipients = list(earlier.actors), list(earlier.recipients)
                    event.confidence = round(event.confidence * INHERITED_CONFIDENCE, 3)
            merged.append(event)
            continue
        target.mentions.append(event.trigger)
        target.actors += [a for a in event.actors if a not in target.actors]
        target.recipients += [r for r in event.recipients if r not in target.recipients]
        target.place = target.place or event.place
        if not _own_date(target) and event.date:
            target.date, target.date_precision = event.date, event.date_precision
        target.mode = target.mode or event.mode
        target.confidence = max(target.confidence, event.confidence)
    return merged
