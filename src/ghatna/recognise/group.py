"""Group one document's mentions into entities.

Two mentions are one entity when their loose keys are equal (spelling variants: टोकायव /
तोकायेव, कज़ाख़स्तान / कजाकिस्तान; case and 'the' in English) or, for long person names, one edit apart,
and their types agree (LOC and GPE count as one), or when a short person name is part of exactly one longer person name in the
same document (पुतिन -> व्लादिमीर पुतिन).  Resolving entities to actors is a later stage.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ghatna.document import Entity, Mention
from ghatna.lang.hi.ner import loose_key
from ghatna.lang.hi.translit import romanise
from ghatna.text.normalise import match_key

_PLACE_TYPES = {"LOC", "GPE"}
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_ENGLISH_ARTICLE = re.compile(r"^the\s+|['’]s$", re.I)


def _type_class(label: str | None) -> str:
    return "PLACE" if label in _PLACE_TYPES else (label or "")


def mention_key(text: str) -> str:
    """Loose key of a mention: phonetic for Devanagari, case- and article-folded otherwise."""
    if _DEVANAGARI.search(text):
        return " ".join(loose_key(w) for w in re.split(r"[\s\-]+", text) if w)
    return match_key(_ENGLISH_ARTICLE.sub("", text.strip()))


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by exactly one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def display_name(texts: list[str]) -> str:
    """The entity's name: the most frequent of its longest mentions, romanised if Devanagari."""
    longest = max(len(t) for t in texts)
    best = Counter(t for t in texts if len(t) == longest).most_common(1)[0][0]
    return romanise(best) if _DEVANAGARI.search(best) else _ENGLISH_ARTICLE.sub("", best.strip())


def group_mentions(mentions: list[Mention],
                   entity_type: Callable[[list[Mention]], str] | None = None) -> list[Entity]:
    """Entities (ids e1, e2, ... in order of first mention) from mentions in text order."""
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        groups.setdefault((_type_class(m.type), mention_key(m.text)), []).append(m)
    # Long person keys one edit apart are one name spelt two ways (अहमदीनेजाद / अमदीनेजाद); not
    # places, where one letter tells names apart (Slovakia / Slovenia, Gambia / Zambia).
    keys = [k for k in groups if k[0] == "PER"]
    for i, key in enumerate(keys):
        for earlier in keys[:i]:
            if earlier in groups and key in groups \
                    and min(len(key[1]), len(earlier[1])) >= 5 and _one_edit(key[1], earlier[1]):
                groups[earlier].extend(groups.pop(key))
                break
    # Short person names join the one longer name whose words contain theirs.
    full_names = [(k, set(k[1].split())) for k in groups if k[0] == "PER" and " " in k[1]]
    for key in [k for k in groups if k[0] == "PER"]:
        words = set(key[1].split())
        targets = [k for k, full in full_names if k != key and words < full]
        if len(targets) == 1 and targets[0] in groups:
            groups[targets[0]].extend(groups.pop(key))
    ordered = sorted(groups.values(), key=lambda ms: min(m.start for m in ms))
    entities = []
    for number, ms in enumerate(ordered, 1):
        ms.sort(key=lambda m: m.start)
        label = entity_type(ms) if entity_type else Counter(m.type for m in ms).most_common(1)[0][0]
        entities.append(Entity(id=f"e{number}", name=display_name([m.text for m in ms]),
                               type=label or "MISC", mentions=ms))
    return entities
