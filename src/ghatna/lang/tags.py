"""Language tags as sources write them, read as ghatna's language codes.

A source may say `hi`, `HI`, `hi-IN`, `hi_IN.UTF-8`, `hin`, `Hindi` or `हिंदी`; all mean `hi`.
Accepted: BCP 47 tags (the primary language subtag decides; region, script and variants are
dropped), ISO 639-1, 639-2/T, 639-2/B and 639-3 codes, and language names in English or in
the language itself, in any case.  The result is ISO 639-1 where the language has such a code,
else its ISO 639-3 code; `None` for tags that say the language is not known (`und`, `mul`,
`mis`, `zxx`), so that it is detected instead.  Anything else raises `UnknownLanguageTag`.
The table (`tags.txt`) is built by `python -m ghatna.build.langtags`.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ghatna.text.normalise import match_key

# ISO 639-2 special codes: undetermined, multiple, uncoded, no linguistic content.
UNDETERMINED_CODES = frozenset({"und", "mul", "mis", "zxx"})
_SUBTAG = re.compile(r"^[a-z0-9]{1,8}$")
_PRIMARY = re.compile(r"^[a-z]{2,3}$")


class UnknownLanguageTag(ValueError):
    """A language tag that names no language."""


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(code -> ghatna code, name key -> ghatna code); names shared by two languages are left out."""
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    text = (resources.files("ghatna.lang") / "tags.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        code = fields[0]
        codes[code] = code
        if len(fields) > 1:
            for other in fields[1].split():
                codes[other] = code
        if len(fields) > 2:
            for name in fields[2].split("|"):
                key = match_key(name)
                if names.get(key, code) != code:
                    ambiguous.add(key)
                names[key] = code
    for key in ambiguous:
        del names[key]
    return codes, names


def normalise_tag(tag: str) -> str | None:
    """ghatna's code for `tag`, None for an empty or 'undetermined' tag; raises UnknownLanguageTag."""
    given = tag.strip()
    if not given:
        return None
    codes, names = _table()
    by_name = names.get(match_key(given))
    if by_name:
        return by_name
    # POSIX locale names: hi_IN.UTF-8, sr_RS@latin
    subtags = re.split(r"[-_]", given.split(".")[0].split("@")[0].lower())
    primary = subtags[0]
    if _PRIMARY.match(primary) and all(_SUBTAG.match(s) for s in subtags[1:]):
        if primary in UNDETERMINED_CODES:
            return None
        if primary in codes:
            return codes[primary]
    raise UnknownLanguageTag(
        f"unknown language tag {tag!r}: not a BCP 47 tag, ISO 639 code or language name")
