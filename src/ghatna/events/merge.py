"""Mentions of one event in a document (same type, compatible actors and recipients, same date,
same polarity and modality) become one event; the merged mentions' triggers are kept on the
event as `mentions` (not part of the JSON contract)."""

from __future__ import annotations

from ghatna.document import Event
from ghatna.ontology import DISASTER


def _compatible(a: Event, b: Event) -> bool:
    if (a.type, a.negated, a.modality) != (b.type, b.negated, b.modality):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.actors and b.actors and not set(a.actors) & set(b.actors):
        return False
    if a.recipients and b.recipients and not set(a.recipients) & set(b.recipients):
        return False
    return bool((a.actors and b.actors) or a.type == DISASTER and a.mode == b.mode and a.place == b.place)


def merge(events: list[Event]) -> list[Event]:
    """Mentions of the same event (type, actors, recipients, date, polarity) become one event."""
    merged: list[Event] = []
    for event in events:
        target = next((m for m in merged if _compatible(m, event)), None)
        if target is None:
            event.mentions = [event.trigger]
            merged.append(event)
            continue
        target.mentions.append(event.trigger)
        target.actors += [a for a in event.actors if a not in target.actors]
        target.recipients += [r for r in event.recipients if r not in target.recipients]
        target.place = target.place or event.place
        target.date, target.date_precision = (target.date, target.date_precision) if target.date else (
            event.date, event.date_precision)
        target.mode = target.mode or event.mode
        target.confidence = max(target.confidence, event.confidence)
    return merged
