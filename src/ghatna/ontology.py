"""The PLOVER event ontology with its CAMEO fields, and ghatna's DISASTER extension.

Loaded from data/plover/ontology.json (built by `python -m ghatna.build.ontology` from the
PLOVER manual v0.8, CAMEO2PLOVER-2021 and the CAMEO Goldstein scores).  `code_event` gives
every field an event carries: type, mode, cameo, quad_class, intensity.

Natural and industrial disasters are not PLOVER events; EDNIL annotates them and Indian news
is full of them, so ghatna codes them as type DISASTER with the EDNIL subtype as mode, no CAMEO
code, no quad class and no intensity.  `is_plover` tells exporters which events are pure PLOVER.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from ghatna.resources import DATA_DIR

TABLE = DATA_DIR / "plover" / "ontology.json"


class EventType(StrEnum):
    """The 16 PLOVER event types in the manual's order, and ghatna's DISASTER.  Members are
    strings, so they compare equal to the type names in documents, stores and tables."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"
    DISASTER = "DISASTER"


(AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST,
 SANCTION, MOBILIZE, COERCE, ASSAULT, DISASTER) = EventType
# Types whose stated intention is a promise (AGREE) and whose refusal is REJECT; types whose
# stated intention is a threat (THREATEN): see events/recode.py.
COOPERATIVE_TYPES = frozenset({CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT})
COERCIVE_TYPES = frozenset({PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT})
# English names of the CAMEO agent codes (CAMEO codebook; an organisation named "<actor> <agent noun>").
AGENT_CODE_NAMES = {"OPP": "opposition", "GOV": "government", "COP": "police", "MIL": "military",
                    "REB": "rebels", "CVL": "civilians", "EDU": "education", "MED": "media",
                    "AGR": "farmers", "LAB": "workers", "JUD": "judiciary", "LEG": "legislature",
                    "HLH": "health workers", "REF": "refugees", "CRM": "criminals", "BUS": "business",
                    "UAF": "armed group", "SPY": "intelligence", "IGO": "international organisation",
                    "PTY": "party"}
# Types of acts that parties named together do to each other ("X and Y agreed", "X and Y met").
MUTUAL_TYPES = frozenset({AGREE, CONSULT, COOPERATE})
# Types of acts that have casualties (a death toll is linked to one of these first).
HARMFUL_TYPES = frozenset({ASSAULT, COERCE, PROTEST, MOBILIZE, DISASTER})
# EDNIL's disaster subtypes (natural and man-made accidents), kept as the DISASTER mode.
DISASTER_MODES = (
    "AVALANCHES", "BLIZZARD", "COLD_WAVE", "CYCLONE", "DROUGHT", "EARTHQUAKE", "FLOODS",
    "FOREST_FIRE", "HAIL_STORMS", "HEAT_WAVE", "HURRICANE", "LAND_SLIDE", "STORM", "TORNADO",
    "TSUNAMI", "VOLCANO", "FIRE", "INDUSTRIAL_ACCIDENT", "VEHICULAR_COLLISION", "TRAIN_COLLISION",
    "TRANSPORT_HAZARDS", "AVIATION_HAZARD",
)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Coding:
    type: str
    mode: str | None
    cameo: str | None
    quad_class: int | None
    intensity: float | None


@cache
def table() -> dict:
    return json.loads(TABLE.read_text(encoding="utf-8"))


def plover_types() -> list[str]:
    """The 16 PLOVER event types, in the manual's order."""
    return list(table()["types"])


def modes(event_type: str) -> list[str]:
    if event_type == DISASTER:
        return list(DISASTER_MODES)
    return list(table()["types"][event_type]["modes"])


def quad_class(event_type: str) -> int | None:
    info = table()["types"].get(event_type)
    return info["quad_class"] if info else None


def is_plover(event_type: str) -> bool:
    return event_type in table()["types"]


def intensity(event_type: str, mode: str | None = None) -> float | None:
    """PLOVER conflict-cooperation score (-10..10) of the type, or of type:mode where the manual has one."""
    info = table()["types"].get(event_type)
    if not info:
        return None
    if mode and mode in info["mode_intensity"]:
        return info["mode_intensity"][mode]
    return info["intensity"]


def cameo_code(event_type: str, mode: str | None = None) -> str | None:
    """The most general CAMEO event code for a PLOVER type (and mode, when one maps there)."""
    reverse = table()["plover_to_cameo"]
    if mode and f"{event_type}:{mode}" in reverse:
        return reverse[f"{event_type}:{mode}"]
    return reverse.get(event_type)


def goldstein(cameo: str | None) -> float | None:
    """Goldstein score of a CAMEO code, falling back to its parent codes."""
    scores = table()["goldstein"]
    while cameo:
        if cameo in scores:
            return scores[cameo]
        cameo = cameo[:-1]
    return None


def from_cameo(cameo: str) -> tuple[str, str | None] | None:
    """CAMEO code -> (PLOVER type, mode); None for the codes PLOVER drops (01, 02 statements, appeals)."""
    mapping = table()["cameo_to_plover"]
    code = cameo
    while len(code) >= 3:
        if code in mapping:
            entry = mapping[code]
            return entry["type"], entry["mode"]
        code = code[:-1]
    root = cameo[:2]
    if root in table()["dropped_cameo_roots"]:
        return None
    for code, entry in mapping.items():  # a bare root: its first listed code's type
        if code.startswith(root):
            return entry["type"], None
    return None


def code_event(event_type: str, mode: str | None = None) -> Coding:
    """Every ontology field of an event of this type and mode (an unknown mode is dropped)."""
    if event_type == DISASTER:
        return Coding(DISASTER, mode if mode in DISASTER_MODES else None, None, None, None)
    if event_type not in table()["types"]:
        raise KeyError(f"not a PLOVER type: {event_type!r}")
    if mode not in table()["types"][event_type]["modes"]:
        mode = None
    return Coding(event_type, mode, cameo_code(event_type, mode), quad_class(event_type),
                  intensity(event_type, mode))
