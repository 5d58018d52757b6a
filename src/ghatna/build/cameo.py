"""Build the small CAMEO/GDELT lookup tables shipped in this folder from the reference data.

    python -m ghatna.build.cameo [--data ../shared/data]

Writes, beside this script:
- goldstein.json: CAMEO event code -> Goldstein score (gdelt-cameo/cameo_goldstein.json, values only);
- countries.json: ISO 3166-1 alpha-3 -> {"fips": FIPS 10-4 code, "name": English name}
  (countryinfo/CountryInfo.txt), because GDELT's *Geo_CountryCode columns are FIPS and its
  *Geo_Fullname columns end in a country name, while our entities carry ISO alpha-3;
- actor_codes.json: the 3-letter CAMEO actor code groups (gdelt-cameo/chapter_3_actor_codebook.md)
  needed to break a raw actor code into GDELT's CountryCode / KnownGroupCode / TypeNCode columns.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "cameo"
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def goldstein(data_dir: Path) -> dict[str, float]:
    table = json.loads((data_dir / "gdelt-cameo" / "cameo_goldstein.json").read_text(encoding="utf-8"))
    return {code: float(entry["value"]) for code, entry in sorted(table.items())}


def _english_name(stored: str) -> str:
    """AMERICAN_SAMOA -> American Samoa; UNITED_STATES_OF_AMERICA -> United States of America."""
    words = stored.replace("_", " ").lower().split()
    small = {"of", "and", "the"}
    return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))


def countries(data_dir: Path) -> dict[str, dict[str, str]]:
    # CountryInfo.txt is tag-delimited, not XML, and not all UTF-8: latin-1 reads every byte.
    text = (data_dir / "countryinfo" / "CountryInfo.txt").read_text(encoding="latin-1")
    mapping: dict[str, dict[str, str]] = {}
    for block in text.split("<Country>")[1:]:
        iso3 = re.search(r"<ISO3166-alpha3>\s*([A-Z]{3})\s*</", block)
        code = re.search(r"<FIPS-10>\s*([A-Z]{2})\s*</", block)
        name = re.search(r"<CountryName>\s*([^<]+?)\s*</", block)
        if iso3 and code:
            # Names are stored as e.g. AMERICAN_SAMOA.
            english = _english_name(name.group(1)) if name else ""
            mapping[iso3.group(1)] = {"fips": code.group(1), "name": english}
    return dict(sorted(mapping.items()))


def _table_codes(lines: list[str], pattern: str) -> list[str]:
    return [m.group(1) for line in lines if (m := re.match(pattern, line))]


def actor_codes(data_dir: Path) -> dict[str, list[str]]:
    text = (data_dir / "gdelt-cameo" / "chapter_3_actor_codebook.md").read_text(encoding="utf-8")
    sections = re.split(r"^Table 3\.(\d): .*$", text, flags=re.MULTILINE)
    tables = {sections[i]: sections[i + 1].splitlines() for i in range(1, len(sections) - 1, 2)}
    # Table 3.1: role codes as first cells; PTY (party) is defined in the prose of 3.1.4.
    roles = _table_codes(tables["1"], r"^\|\s*([A-Z]{3})\s*\|") + ["PTY"]
    international = _table_codes(tables["2"], r"^\|\s*([A-Z]{3})\s*\|")
    regions = _table_codes(tables["3"], r"^\|[^|]+\|\s*([A-Z]{3})\s*\|")
    # Table 3.4: full codes in the last cell; the organisation's own code is the last three letters
    # (codebook 3.1.8: "used as the last three characters").
    full_codes = _table_codes(tables["4"], r"^\|.*\|\s*([A-Z]{6,})\s*\|\s*$")
    generic = set(roles) | set(international) | set(regions)
    known_groups = sorted({code[-3:] for code in full_codes} - generic)
    return {
        "roles": sorted(set(roles)),
        "international": sorted(set(international)),
        "regions": sorted(set(regions)),
        "known_groups": known_groups,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the reference data folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the tables")
    args = parser.parse_args(argv)
    for name, table in [("goldstein", goldstein(args.data)), ("countries", countries(args.data)),
                        ("actor_codes", actor_codes(args.data))]:
        path = args.out / f"{name}.json"
        path.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(table)} entries)")


if __name__ == "__main__":
    main()
