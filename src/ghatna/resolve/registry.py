"""The actor registry (`ghatna/data/registry/registry.json.gz`) and its lookup indexes.

Built by `ghatna.build.registry`; loaded lazily, once per process, by `registry()`.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ghatna.lang.hi.names import loose_key, skeleton
from ghatna.text.normalise import match_key

REGISTRY_PATH = Path(__file__).resolve().parents[1] / "data" / "registry" / "registry.json.gz"


@dataclass(frozen=True)
class Role:
    title: str
    code: str
    start: str  # YYYYMMDD or '' (unknown)
    end: str  # YYYYMMDD or '' (still holds it)

    def active(self, date: str | None) -> bool:
        if date is None:
            return not self.end
        return (not self.start or self.start <= date) and (not self.end or date < self.end)


@dataclass
class Actor:
    id: str
    name: str
    type: str  # GPE (country), ORG, PER
    country: str | None
    code: str | None
    roles: list[Role] = field(default_factory=list)
    hi: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    curated: bool = False  # has a hand-written or CLDR Hindi name (not only a generated one)

    def code_at(self, date: str | None) -> str | None:
        """The actor code for a document of this date (YYYYMMDD): the role held then, if any."""
        if self.roles and date:
            held = [r for r in self.roles if r.active(date)]
            if held:
                return max(held, key=lambda r: r.start).code
        return self.code

    def active(self, date: str | None) -> bool:
        return any(r.active(date) for r in self.roles) if date else True


INDEXES = ("exact", "loose", "skeleton", "surname", "acronym")


class Registry:
    """Actors and name indexes (key -> actor ids).  `indexes` are the ones the build stored
    (computing them takes seconds; loading them, a fraction of one)."""

    def __init__(self, actors: list[Actor], indexes: dict[str, dict[str, list[str]]] | None = None) -> None:
        self.actors = actors
        self.by_id = {a.id: a for a in actors}
        self.exact: dict[str, list[str]] = defaultdict(list)  # match key of any name
        self.loose: dict[str, list[str]] = defaultdict(list)  # loose key of Hindi names
        self.skeleton: dict[str, list[str]] = defaultdict(list)  # skeleton of any name
        self.surname: dict[str, list[str]] = defaultdict(list)  # skeleton of a person's last word
        self.acronym: dict[str, list[str]] = defaultdict(list)
        self.by_country: dict[str, str] = {}  # alpha-3 -> country actor id
        self.holders: dict[tuple[str, str], list[tuple[Role, str]]] = defaultdict(list)
        for a in actors:
            if a.type == "GPE" and a.country:
                self.by_country[a.country] = a.id
            for r in a.roles:
                country = r.code[:3] if not r.code.startswith("IGO") else r.code
                self.holders[(country, r.title)].append((r, a.id))
        if indexes is not None:
            for name in INDEXES:
                getattr(self, name).update(indexes[name])
            return
        for a in actors:
            for name in (*a.hi, *a.en):
                _add(self.exact, match_key(name), a.id)
                if len(name) >= 3:
                    _add(self.skeleton, skeleton(name), a.id)
                words = name.split()
                if a.type == "PER" and len(words) > 1 and len(words[-1]) > 2:
                    _add(self.surname, skeleton(words[-1]), a.id)
                if name.isupper() and 2 <= len(name.replace(".", "")) <= 8 and " " not in name:
                    _add(self.acronym, name.replace(".", ""), a.id)
                elif a.type == "ORG" and name.isalpha() and name.isascii() and len(name) <= 5:
                    _add(self.acronym, name.upper(), a.id)  # Phoenix writes CNN as a name: 'Cnn'
                elif a.type == "ORG" and name.isascii() and (a.code or "").startswith(("IGO", "NGO", "IGN")):
                    initials = initialism(name)
                    if initials:
                        _add(self.acronym, initials, a.id)
            for name in a.hi:
                _add(self.loose, loose_key(name), a.id)

    def indexes(self) -> dict[str, dict[str, list[str]]]:
        return {name: dict(getattr(self, name)) for name in INDEXES}

    def holder(self, country: str, title: str, date: str | None) -> Actor | None:
        """Who held `title` ('president', 'pm', ...) of `country` (alpha-3) at `date`."""
        found = [(r, aid) for r, aid in self.holders.get((country, title), []) if r.active(date)]
        if not found:
            return None
        return self.by_id[max(found, key=lambda x: x[0].start)[1]]

    def country(self, alpha3: str) -> Actor | None:
        aid = self.by_country.get(alpha3)
        return self.by_id[aid] if aid else None


_MINOR_WORDS = frozenset("of for and the in on to a an".split())


def initialism(name: str) -> str | None:
    """'European Bank for Reconstruction and Development' -> 'EBRD' (3+ significant words)."""
    words = [w for w in name.replace("-", " ").split() if w.casefold() not in _MINOR_WORDS]
    if len(words) < 3 or not all(w[:1].isalpha() for w in words):
        return None
    return "".join(w[0].upper() for w in words)


def _add(index: dict[str, list[str]], key: str, actor_id: str) -> None:
    if key and actor_id not in index[key]:
        index[key].append(actor_id)


def actors_from_json(records: list[dict]) -> list[Actor]:
    actors = []
    for d in records:
        hi = [n for n, _, _ in d["hi"]]
        actors.append(Actor(
            id=d["id"], name=d["name"], type=d["type"], country=d["country"], code=d["code"],
            roles=[Role(*r) for r in d["roles"]], hi=hi, en=d["en"],
            curated=any(src != "generated" for _, src, _ in d["hi"]),
        ))
    return actors


def load_registry(path: Path = REGISTRY_PATH) -> Registry:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        payload = json.load(f)
    return Registry(actors_from_json(payload["actors"]), payload.get("index"))


@cache
def registry() -> Registry:
    """The shipped registry, loaded once per process."""
    return load_registry()
