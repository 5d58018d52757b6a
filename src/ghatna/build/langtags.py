"""Build the language-tag table shipped in `ghatna/lang/tags.txt` (read by `ghatna.lang.tags`).

Sources: ISO 639-3 codes with their ISO 639-1 and 639-2/B equivalents and English names (the
`pycountry` package, from Debian's iso-codes, LGPL-2.1), and Unicode CLDR's English names and
endonyms (the `babel` package, Unicode licence).  Codes and names are facts of the standards.

One line per language: ghatna's code for it (ISO 639-1 where it has one, else ISO 639-3), then
its other codes, then its names, tab-separated; codes and names space- and '|'-separated.
Names are given for languages with a 639-1 or 639-2/B code or a CLDR name; the other 639-3
codes are listed alone.  An individual language that ghatna reads as its macrolanguage's pack
(Nepali `npi` -> `ne`) is listed with the macrolanguage.

    pip install -e '.[build]' && python -m ghatna.build.langtags
"""

from __future__ import annotations

import re
from pathlib import Path

from ghatna.lang import all_packs

OUT = Path(__file__).resolve().parents[1] / "lang" / "tags.txt"
# Individual languages that ghatna's packs cover under their macrolanguage's code.
INDIVIDUAL_TO_PACK = {"npi": "ne"}
# Spellings in common use that neither source lists: each pack's endonyms.
EXTRA_NAMES = {p.code: list(p.endonyms) for p in all_packs() if p.endonyms}
_PARENTHESES = re.compile(r"\s*\((?:macrolanguage|individual language)\)")
HEADER = """\
# Language tags: ghatna's code<TAB>other ISO 639 codes<TAB>names (English, CLDR English, endonym).
# Built by `python -m ghatna.build.langtags` from pycountry (ISO 639-3 via Debian iso-codes,
# LGPL-2.1) and babel (Unicode CLDR, Unicode licence).  Do not edit by hand.
"""


def build() -> list[str]:
    import pycountry
    from babel import Locale, UnknownLocaleError

    english = Locale("en").languages
    lines = []
    for lang in pycountry.languages:
        three = lang.alpha_3
        if three in INDIVIDUAL_TO_PACK:
            continue
        code = getattr(lang, "alpha_2", None) or three
        others = [three] if code != three else []
        if getattr(lang, "bibliographic", None):
            others.append(lang.bibliographic)
        others += [c for c, pack in INDIVIDUAL_TO_PACK.items() if pack == code]
        names: list[str] = []
        if code != three or getattr(lang, "bibliographic", None) or code in english:
            names.append(_PARENTHESES.sub("", lang.name))
            if getattr(lang, "common_name", None):
                names.append(lang.common_name)
            if code in english:
                names.append(english[code])
            try:
                native = Locale(code).languages.get(code)
            except (UnknownLocaleError, ValueError):
                native = None
            if native:
                names.append(native)
        names += EXTRA_NAMES.get(code, [])
        names = list(dict.fromkeys(n.strip() for n in names if n and "\t" not in n and "|" not in n))
        lines.append("\t".join([code, " ".join(others), "|".join(names)]).rstrip("\t"))
    return sorted(lines)


def main() -> None:
    lines = build()
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} languages to {OUT}")


if __name__ == "__main__":
    main()
