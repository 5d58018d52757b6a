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
# Cypriot, Israeli, Iraqi, Bangladeshi, Pakistani); a bare -an or -i ending is too often a place
# (Tehran, Karnali), so those stay in the hand-kept list of lang/en/agents.py.
ENDINGS = ("ian", "ean", "ese", "ish", "ican", "iot", "eli", "aqi", "eshi", "stani")


# Regions that Phoenix lists among a country's aliases and that end like adjectives, but that
# the gazetteer (cities and countries) does not hold: read by hand from this script's output.
NOT_DEMONYMS = frozenset({"fujian", "taian", "bandeli", "dodecanese", "peloponnese"})


def demonyms(countries_file: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    names: set[str] = set()
    code = None
    for line in countries_file.read_text(encoding="utf-8", errors="replace").splitlines():
        if m := COUNTRY.match(line):
            code = m.group(2)
            names.add(m.group(1).replace("_", " ").lower())
        elif (m := ALIAS.match(line)) and code:
            alias = m.group(1).replace("_", " ").lower()
            if " " not in alias and alias.endswith(ENDINGS) and len(alias) > 4:
                found.setdefault(alias, code)
        elif not line.strip():
            code = None
    places = gazetteer()
    return {a: c for a, c in sorted(found.items()) if a not in names | NOT_DEMONYMS and not places.candidates(a)[1]}


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
