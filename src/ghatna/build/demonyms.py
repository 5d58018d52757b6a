"""Build the English demonym table (`lang/en/demonyms.json`: "hungarian" -> HUN) from the country
blocks of PETRARCH2's Phoenix.Countries.actors.txt (MIT), where a country's aliases include its
adjectives (HUNGARY_ [HUN] / +HUNGARIAN_).

    python -m ghatna.build.demonyms --data ../shared/data

An alias is kept as a demonym when it has a demonym's ending and is not also a place name in
the shipped gazetteer (Tehran, Amman and Oman end like adjectives too) nor a country's own name.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from ghatna.resolve.gazetteer import gazetteer

OUT = Path(__file__).resolve().parents[1] / "lang" / "en" / "demonyms.json"
COUNTRY = re.compile(r"^([A-Z][A-Z_'.-]*?)_?\s+\[([A-Z]{3})\]\s*$")
ALIAS = re.compile(r"^\+([A-Z][A-Z_'.-]*?)_?\s*$")
# Endings of English adjectives of nationality (Hungarian, Korean, Sudanese, Turkish, Mexican,
# Ugandan, Cypriot, Israeli, Iraqi); an alias with one is a demonym when it also begins as the
# country's name does (Uganda/Ugandan, Morocco/Moroccan), which keeps out the provinces and
# towns Phoenix lists among a country's aliases (Fujian, Tehran).
ENDINGS = ("an", "ese", "ish", "ot", "i")
PLURAL_ENDINGS = ("an", "i")  # Ugandans, Iraqis


def demonyms(countries_file: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    names: set[str] = set()
    code = name = None
    for line in countries_file.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := COUNTRY.match(line):
            code, name = m.group(2), m.group(1).replace("_", " ").lower()
            names.add(name)
        elif (m := ALIAS.match(line)) and code and name:
            alias = m.group(1).replace("_", " ").lower()
            if " " not in alias and alias.endswith(ENDINGS) and len(alias) > 4 and alias[:4] == name[:4]:
                found.setdefault(alias, code)
                if alias.endswith(PLURAL_ENDINGS):
                    found.setdefault(alias + "s", code)
        elif not line.strip():
            code = name = None
    places = gazetteer()
    kept = {a: c for a, c in found.items() if a not in names and not places.candidates(a)[1]
            and not a.endswith(("stan", "stans"))}  # misspelt country names, not adjectives
    # a plural stays only with its singular (Mexicali is a town, so Mexicalis goes too)
    return {a: c for a, c in sorted(kept.items()) if not (a.endswith("s") and a[:-1] in found and a[:-1] not in kept)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    table = demonyms(args.data / "petrarch2-dictionaries" / "Phoenix.Countries.actors.txt")
    args.out.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} demonyms -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
