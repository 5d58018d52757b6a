"""The subject of a Hindi sentence, for an event whose own clause names no actor: the entity
marked by the ergative ने, else one that opens the sentence unmarked (nominative: "इजराइल ...
खाली कर देगा", "अमेरिका और जॉर्डन ... सहमत हो गए हैं"), with the entities coordinated with it."""

from __future__ import annotations

from functools import cache

from ghatna.events.candidates import SentenceView, can_act
from ghatna.lang import get_pack
from ghatna.text.normalise import match_key


@cache
def _complementisers() -> frozenset[str]:
    return frozenset(match_key(w) for w in get_pack("hi").quotes.COMPLEMENTISERS)


@cache
def _markers() -> tuple[str, frozenset[str], frozenset[str]]:
    """(the ergative, the first words of every case marker, the coordinators) as match keys."""
    hi = get_pack("hi").events
    firsts = {match_key(m.split()[0]) for group in (hi.ACTOR_MARKERS, hi.RECIPIENT_MARKERS, hi.GENITIVE_MARKERS,
                                                   hi.PLACE_MARKERS) for m in group}
    return match_key(hi.ERGATIVE), frozenset(firsts), frozenset(match_key(c) for c in hi.COORDINATORS)


# An unmarked subject opens its sentence: it may follow this many words (a date, "इस सप्ताह").
OPENING_WORDS = 4


def sentence_subjects(view: SentenceView, before: int) -> list[str]:
    """Entity ids of the subject of the sentence, found before token `before` (the event's trigger)."""
    ergative, markers, coordinators = _markers()
    mentions = sorted((m for m in view.mentions if m[1] <= before and can_act(m[2])), key=lambda m: m[0])
    marked = [m for m in mentions if m[1] < len(view.keys) and view.keys[m[1]] == ergative]
    if marked:
        chosen = marked[-1]
    else:
        opening = [m for m in mentions if m[0] <= OPENING_WORDS
                   and (m[1] >= len(view.keys) or view.keys[m[1]] not in markers)]
        if not opening:
            return []
        chosen = opening[0]
    # "X और Y ने", "X और Y ... सहमत हुए": the entities coordinated with the chosen one act with it
    at = mentions.index(chosen)
    lo = hi = at
    while lo > 0 and _coordinated(view, mentions[lo - 1], mentions[lo], coordinators):
        lo -= 1
    while hi + 1 < len(mentions) and _coordinated(view, mentions[hi], mentions[hi + 1], coordinators):
        hi += 1
    return list(dict.fromkeys(m[2].id for m in mentions[lo:hi + 1]))


def _coordinated(view: SentenceView, left: tuple, right: tuple, coordinators: frozenset[str]) -> bool:
    return right[0] - left[1] == 1 and view.keys[left[1]] in coordinators


# A demand's or warning's कि-clause follows the verb closely ("मांग की कि X ... करे").
COMPLEMENT_REACH = 3


def complement_subjects(view: SentenceView, after: int) -> list[str]:
    """Entity ids of the subject of the कि-clause right after token `after`: who is to act on a
    demand, appeal or warning ("चीन ने मांग की कि अमेरिका ... रद्द करे" -> the US)."""
    ergative, markers, _ = _markers()
    starts = [i for i in range(after, min(after + COMPLEMENT_REACH, len(view.keys)))
              if view.keys[i] in _complementisers()]
    if not starts:
        return []
    mentions = sorted((m for m in view.mentions if m[0] > starts[0] and can_act(m[2])), key=lambda m: m[0])
    for _, last, entity in mentions:
        following = view.keys[last] if last < len(view.keys) else ""
        if following == ergative or following not in markers:
            return [entity.id]
    return []
