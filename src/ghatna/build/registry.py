"""Build the actor registry shipped in `ghatna/data/registry/registry.json.gz`.

Sources (see docs/registry.md):
- countries: pycountry (ISO 3166), Hindi names from CLDR via Babel (`Locale('hi').territories`)
  and pycountry's Hindi gettext catalogue, plus `sources/countries_hi.tsv` (news variants);
- international organisations: `sources/igos.tsv` (curated, CAMEO codes from the actor codebook)
  and Phoenix.International.actors.txt (English names, codes, date-ranged officials);
- militant and non-state groups: Phoenix.MilNonState.actors.txt, Hindi names from
  `sources/militant_hi.tsv`;
- people: `sources/persons.tsv` (curated leaders with role date ranges and Hindi names) and the
  date-ranged officials of Phoenix.Countries.actors.txt (from CountryInfo).

Every Hindi name is checked against the Hindi corpora in the data folder when it is there; the
flag `v` records that the exact spelling (nukta-folded) occurs in real text.  Rough English-to-
Devanagari transliterations are added for Phoenix people as extra variants, flagged `g`.

    python -m ghatna.build.registry --data ../shared/data
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ghatna.corpora.locators import hindi_texts
from ghatna.lang.hi.names import english_to_devanagari
from ghatna.text.normalise import DEVANAGARI as _DEVANAGARI
from ghatna.text.normalise import match_key

REGISTRY_DIR = Path(__file__).resolve().parents[1] / "data" / "registry"
SOURCES = REGISTRY_DIR / "sources"
OUT = REGISTRY_DIR / "registry.json.gz"

# Wikidata QIDs of countries (checked by hand; others get a 'country:XXX' slug).
COUNTRY_QIDS = {
    "USA": "Q30", "RUS": "Q159", "IND": "Q668", "CHN": "Q148", "GBR": "Q145", "FRA": "Q142",
    "DEU": "Q183", "JPN": "Q17", "ITA": "Q38", "ESP": "Q29", "CAN": "Q16", "AUS": "Q408",
    "BRA": "Q155", "PAK": "Q843", "BGD": "Q902", "NPL": "Q837", "LKA": "Q854", "AFG": "Q889",
    "IRN": "Q794", "IRQ": "Q796", "ISR": "Q801", "UKR": "Q212", "KAZ": "Q232", "TUR": "Q43",
    "EGY": "Q79", "SAU": "Q851", "SYR": "Q858", "PRK": "Q423", "KOR": "Q884", "MEX": "Q96",
    "ARM": "Q399", "BLR": "Q184", "TJK": "Q863", "KGZ": "Q813", "UZB": "Q265", "POL": "Q36",
    "NLD": "Q55", "SWE": "Q34", "NOR": "Q20", "CHE": "Q39", "GRC": "Q41", "PRT": "Q45",
    "IDN": "Q252", "MYS": "Q833", "THA": "Q869", "VNM": "Q881", "PHL": "Q928", "MMR": "Q836",
    "BTN": "Q917", "MDV": "Q826", "ZAF": "Q258", "NGA": "Q1033", "KEN": "Q114", "ETH": "Q115",
    "ARG": "Q414", "QAT": "Q846", "ARE": "Q878", "YEM": "Q805", "LBY": "Q1016", "SDN": "Q1049",
    "LBN": "Q822", "JOR": "Q810", "CUB": "Q241", "VEN": "Q717", "GEO": "Q230", "AZE": "Q227",
    "SGP": "Q334", "NZL": "Q664", "IRL": "Q27", "BEL": "Q31", "AUT": "Q40", "DNK": "Q35",
    "FIN": "Q33",
}

MAX_NAME_WORD_FREQUENCY = 200  # in the Hindi corpora; more often than that, a word is a common word
_DATE_RANGE = re.compile(r"^([<>])?(\d{6})(?:-(\d{6}))?$")
_CODE = re.compile(r"\[([^\]]*)\]")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _tsv(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


def _date(yymmdd: str) -> str:
    yy = int(yymmdd[:2])
    return f"{1900 + yy if yy >= 30 else 2000 + yy}{yymmdd[2:]}"


def _phoenix_name(raw: str) -> str:
    """'VLADIMIR_PUTIN_' -> 'Vladimir Putin'; acronyms in parentheses dropped."""
    name = raw.strip().strip("+").replace("_", " ")
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,")
    return " ".join(w if len(w) <= 4 and w.isupper() and "." in w else w.capitalize() for w in name.split())


def parse_phoenix(path: Path) -> list[dict]:
    """Blocks of a Phoenix .actors file: {'names': [...], 'codes': [(code, start, end)], 'comment'}.

    A block starts at a line that is not a '+' synonym nor indented, and takes every synonym and
    bracketed code until the next such line.
    """
    blocks: list[dict] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        body, _, comment = raw.partition("#")
        head = _CODE.split(body)[0]
        if raw[0] not in "+ \t" and head.strip():
            blocks.append({"names": [head], "codes": [], "comment": comment.strip()})
        elif not blocks:
            continue
        elif raw.startswith("+") and head.strip():
            blocks[-1]["names"].append(head)
        for inner in _CODE.findall(body):
            parts = inner.split()
            if not parts or parts[0].startswith("-"):
                continue
            code, start, end = parts[0], "", ""
            if len(parts) > 1:
                m = _DATE_RANGE.match(parts[1])
                if m:
                    kind, a, b = m.groups()
                    if kind == "<":
                        end = _date(a)
                    elif kind == ">":
                        start = _date(a)
                    else:
                        start, end = _date(a), _date(b) if b else ""
            blocks[-1]["codes"].append((code, start, end))
    for b in blocks:
        b["names"] = list(dict.fromkeys(n for n in (_phoenix_name(x) for x in b["names"]) if n))
    return [b for b in blocks if b["names"]]


# --- Hindi corpora, for checking spellings against real text ------------------------------------



_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f\w]+(?:-[\u0900-\u0963\u0971-\u097f\w]+)*")


def attested_names(data_dir: Path, names: set[str], max_words: int = 5) -> set[str]:
    """The names (match keys) that occur as whole words somewhere in the Hindi corpora."""
    keys = {match_key(n).replace("-", " ") for n in names}
    firsts = {k.split(" ")[0] for k in keys if k}
    found: set[str] = set()
    for _, _, text in hindi_texts(data_dir):
        words = [match_key(w) for w in _WORD.findall(text.replace("-", " "))]
        for i, w in enumerate(words):
            if w in firsts:
                for n in range(1, max_words + 1):
                    gram = " ".join(words[i : i + n])
                    if gram in keys:
                        found.add(gram)
    return found


MINING_CORPORA = ("bbc-hindi", "ednil")  # not NTREX: it is the cross-lingual test set


def mine_spellings(data_dir: Path, actors: list[dict], min_similarity: float = 0.85) -> dict[int, list[str]]:
    """Spellings in the Hindi corpora (BBC Hindi, EDNIL) of curated people's names of two or
    three words that the registry lacks: word n-grams with the same phonetic skeleton as a
    listed Hindi or English name that also sound alike.  Spellings on the `resolve` suite's
    variant list are left out, so that the list stays a test.  Returns {actor index: spellings}."""
    from ghatna.eval.resolve import read_variants
    from ghatna.lang import get_pack
    from ghatna.lang.hi.names import similarity, skeleton

    pack = get_pack("hi")
    common = {match_key(w) for w in (*pack.function_words, *pack.months)}
    wanted: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for i, a in enumerate(actors):
        if a["type"] != "PER" or not any(src == "curated" for src in a["hi"].values()):
            continue
        for name in (*a["hi"], *a["en"]):
            sk = tuple(skeleton(name).split())
            if len(sk) in (2, 3) and all(len(w) >= 2 for w in sk) and len("".join(sk)) >= 5:
                wanted.setdefault(sk, []).append((i, name))
    firsts = {sk[0] for sk in wanted}
    found: dict[int, set[str]] = {}
    frequency: Counter[str] = Counter()
    tested = {match_key(r["surface"]) for r in read_variants()}
    for corpus, _, text in hindi_texts(data_dir):
        words = [w for w in _WORD.findall(text) if _DEVANAGARI.search(w)]
        frequency.update(match_key(w) for w in words)
        if corpus not in MINING_CORPORA:
            continue
        for j, w in enumerate(words):
            if skeleton(w) not in firsts:
                continue
            for n in (2, 3):
                gram = words[j : j + n]
                if any(match_key(x) in common for x in gram):
                    continue  # 'मार्च करने' is not Mark Carney
                sk = tuple(skeleton(x) for x in gram)
                for i, name in wanted.get(sk, ()):
                    spelling = " ".join(gram)
                    if (spelling not in actors[i]["hi"] and match_key(spelling) not in tested
                            and similarity(spelling, name) >= min_similarity):
                        found.setdefault(i, set()).add(spelling)
    # A frequent word (इसका, 'its') is no part of a spelling, unless the listed names use it (अली).
    out: dict[int, list[str]] = {}
    for i, spellings in found.items():
        listed = {match_key(w) for n in actors[i]["hi"] for w in n.split()}
        keep = [sp for sp in spellings if all(frequency[match_key(w)] <= MAX_NAME_WORD_FREQUENCY
                                              or match_key(w) in listed for w in sp.split())]
        if keep:
            out[i] = sorted(keep)
    return out


# --- building ------------------------------------------------------------------------------------


def _actor(id_: str, name: str, type_: str, country: str | None, code: str | None) -> dict:
    return {"id": id_, "name": name, "type": type_, "country": country, "code": code,
            "roles": [], "hi": {}, "en": [name]}


def _add_hi(actor: dict, names: list[str], source: str) -> None:
    for n in names:
        n = n.strip()
        if n and _DEVANAGARI.search(n):
            actor["hi"].setdefault(n, source)


def _add_en(actor: dict, names: list[str]) -> None:
    for n in names:
        if n and n not in actor["en"]:
            actor["en"].append(n)


def build(data_dir: Path) -> list[dict]:
    import gettext

    import babel
    import pycountry

    actors: list[dict] = []
    by_en: dict[str, dict] = {}  # English name key -> actor, to merge Phoenix entries into curated ones

    def index(actor: dict) -> None:
        for n in actor["en"]:
            by_en.setdefault(match_key(n), actor)

    # Countries.
    territories = babel.Locale("hi").territories
    try:
        hi_iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["hi"])
    except OSError:
        hi_iso = gettext.NullTranslations()
    extra = {row[0]: row for row in _tsv(SOURCES / "countries_hi.tsv")}
    for c in pycountry.countries:
        a3 = c.alpha_3
        name = getattr(c, "common_name", None) or c.name
        actor = _actor(COUNTRY_QIDS.get(a3, f"country:{a3}"), name, "GPE", a3, a3)
        if a3 in extra:
            row = extra[a3]
            _add_hi(actor, _split(row[1]), "news")
            _add_en(actor, _split(row[2]) if len(row) > 2 else [])
            actor["name"] = (_split(row[2]) or [name])[0] if len(row) > 2 else name
        if c.alpha_2 in territories:
            _add_hi(actor, [territories[c.alpha_2]], "cldr")
        for en in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if en:
                _add_en(actor, [en])
                _add_hi(actor, [hi_iso.gettext(en)], "pycountry")
        actors.append(actor)
        index(actor)

    # Curated organisations (and a few national institutions named for their governments).
    for row in _tsv(SOURCES / "igos.tsv"):
        id_, name, code, acronyms, hi, en = (row + [""] * 6)[:6]
        country = code[:3] if not code.startswith(("IGO", "NGO", "IGN", "IMG")) else None
        actor = _actor(id_, name, "ORG", country, code)
        _add_en(actor, _split(acronyms) + _split(en))
        _add_hi(actor, _split(hi), "curated")
        actor["acronyms"] = _split(acronyms)
        actors.append(actor)
        index(actor)

    # Curated people.
    for row in _tsv(SOURCES / "persons.tsv"):
        id_, name, country, roles, hi, en = (row + [""] * 6)[:6]
        parsed = []
        for role in roles.split(";"):
            title, code, span = role.split(":")
            start, _, end = span.partition("-")
            parsed.append([title, code, start, end])
        current = max(parsed, key=lambda r: r[2])
        actor = _actor(id_, name, "PER", country or None, current[1])
        actor["roles"] = parsed
        _add_hi(actor, _split(hi), "curated")
        _add_en(actor, _split(en))
        actors.append(actor)
        index(actor)

    pdir = data_dir / "petrarch2-dictionaries"
    if not pdir.is_dir():
        raise FileNotFoundError(f"Phoenix dictionaries not found under {pdir}")
    country_codes = {a["country"] for a in actors if a["type"] == "GPE"}

    def merge_or_new(block: dict, type_: str, id_prefix: str) -> dict | None:
        for n in block["names"]:
            known = by_en.get(match_key(n))
            if known is not None and known["type"] == type_:
                _add_en(known, block["names"])
                return known
        codes = [c for c in block["codes"] if c[0]]
        if not codes:
            return None
        latest = max(codes, key=lambda c: (c[1], c[2] == ""))
        code = latest[0]
        country = code[:3] if code[:3] in country_codes else None
        actor = _actor(f"{id_prefix}:{_slug(block['names'][0])}", block["names"][0], type_, country, code)
        _add_en(actor, block["names"])
        actor["roles"] = [["official", c, s, e] for c, s, e in codes if s or e]
        actors.append(actor)
        index(actor)
        return actor

    # Militant and non-state groups (Hindi names from militant_hi.tsv).
    groups: dict[str, dict] = {}
    for block in parse_phoenix(pdir / "Phoenix.MilNonState.actors.txt"):
        if "CountryInfo" in block["comment"] or any(c[1] or c[2] for c in block["codes"]):
            continue  # a person listed under a group (e.g. Hamas leaders)
        actor = merge_or_new(block, "ORG", "group")
        if actor is not None:
            groups[match_key(block["names"][0])] = actor
    for row in _tsv(SOURCES / "militant_hi.tsv"):
        phoenix, code, country, hi, en = (row + [""] * 5)[:5]
        actor = groups.get(match_key(_phoenix_name(phoenix)))
        if actor is None:
            actor = _actor(f"group:{_slug(phoenix)}", _split(en)[0] if en else phoenix.title(), "ORG",
                           country or None, code or None)
            actors.append(actor)
            index(actor)
        if code:
            actor["code"] = code
        if country:
            actor["country"] = country
        if en:
            actor["name"] = _split(en)[0]
        _add_en(actor, _split(en))
        _add_hi(actor, _split(hi), "curated")

    # International organisations and their officials.
    for block in parse_phoenix(pdir / "Phoenix.International.actors.txt"):
        dated = any(c[1] or c[2] for c in block["codes"])
        merge_or_new(block, "PER" if dated else "ORG", "person" if dated else "org")

    # People with date-ranged roles (CountryInfo leaders and officials).
    for block in parse_phoenix(pdir / "Phoenix.Countries.actors.txt"):
        if "CountryInfo" not in block["comment"]:
            continue
        merge_or_new(block, "PER", "person")

    # Generated Devanagari variants for people who have no Hindi name yet.
    for actor in actors:
        if actor["type"] == "PER" and not actor["hi"]:
            _add_hi(actor, [english_to_devanagari(actor["name"])], "generated")

    # Other spellings of curated people's full names that real text uses (same skeleton, and
    # sounding alike): added as attested variants, source 'corpus'.
    for i, spellings in mine_spellings(data_dir, actors).items():
        _add_hi(actors[i], spellings, "corpus")

    # Which Hindi spellings real text attests.
    all_hi = {n for a in actors for n in a["hi"]}
    attested = attested_names(data_dir, all_hi)
    for actor in actors:
        actor["hi"] = [[n, src, 1 if match_key(n).replace("-", " ") in attested else 0]
                       for n, src in actor["hi"].items()]
    # Unique ids (Phoenix lists some people twice).
    seen: dict[str, int] = {}
    for actor in actors:
        n = seen.get(actor["id"], 0)
        seen[actor["id"]] = n + 1
        if n:
            actor["id"] = f"{actor['id']}-{n + 1}"
    return actors


def write(actors: list[dict], out: Path = OUT) -> None:
    from ghatna.resolve.registry import Registry, actors_from_json

    out.parent.mkdir(parents=True, exist_ok=True)
    # The lookup indexes are stored too, so that loading does not recompute name keys.
    index = Registry(actors_from_json(actors)).indexes()
    payload = {"version": 1, "actors": actors, "index": index}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(out, "wb", mtime=0) as f:  # mtime 0: a rebuild gives identical bytes
        f.write(raw)


def write_embeddings(actors: list[dict], out: Path | None = None) -> int:
    """Embed the English names of international organisations (and curated organisations) for
    `ghatna.resolve.embed`; float16, a few MB."""
    import numpy as np

    from ghatna.resolve.embed import EMBEDDINGS_PATH, embed

    ids: list[str] = []
    names: list[str] = []
    for a in actors:
        if a["type"] != "ORG":
            continue
        curated = any(src == "curated" for _, src, _ in a["hi"])
        if not (curated or (a["code"] or "").startswith(("IGO", "NGO", "IGN"))):
            continue
        chosen = [n for n in a["en"] if n == a["name"] or len(n.split()) >= 2][:3]
        ids.extend([a["id"]] * len(chosen))
        names.extend(chosen)
    vectors = np.concatenate([embed(names[i : i + 64]) for i in range(0, len(names), 64)])
    np.savez_compressed(out or EMBEDDINGS_PATH, ids=np.array(ids), vectors=vectors.astype(np.float16))
    return len(names)


def summary(actors: list[dict]) -> dict[str, int]:
    with_hi = [a for a in actors if a["hi"]]
    return {
        "actors": len(actors),
        "with_devanagari": len(with_hi),
        "with_checked_or_curated_devanagari": sum(
            1 for a in actors if any(src != "generated" for _, src, _ in a["hi"])),
        "with_attested_devanagari": sum(1 for a in actors if any(v for _, _, v in a["hi"])),
        "countries": sum(1 for a in actors if a["type"] == "GPE"),
        "people": sum(1 for a in actors if a["type"] == "PER"),
        "organisations": sum(1 for a in actors if a["type"] == "ORG"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-embeddings", action="store_true", help="skip embedding organisation names")
    args = parser.parse_args(argv)
    actors = build(args.data)
    write(actors, args.out)
    if not args.no_embeddings:
        print(f"embedded {write_embeddings(actors)} organisation names", file=sys.stderr)
    print(json.dumps(summary(actors), indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
