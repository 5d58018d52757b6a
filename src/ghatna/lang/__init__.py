"""Language packs: everything ghatna knows about one language lives in `ghatna/lang/<code>/`.

Each pack module exposes `PACK`, a `LanguagePack`.  Stages ask the document's pack for
language data instead of holding any themselves, so a new language is a new pack.
Packs with `supported = False` carry only what language identification needs, so that those
languages are recognised (and set aside) instead of being mistaken for Hindi or English.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cache

# Every pack ghatna ships, by ISO 639-1 code.
PACK_CODES = ("hi", "en", "mr", "ne", "ur", "bn", "pa")


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str
    script: str  # ISO 15924 code of the language's usual script: Deva, Latn, Arab, Beng, Guru
    supported: bool  # whether ghatna processes documents in this language
    # Frequent words that set this language apart from others in the same script.
    function_words: frozenset[str] = frozenset()
    # Abbreviations whose full stop does not end a sentence (without the stop, match keys).
    abbreviations: frozenset[str] = frozenset()
    # Month names (match keys) -> month number, for date lines.
    months: dict[str, int] = field(default_factory=dict)


@cache
def get_pack(code: str) -> LanguagePack:
    if code not in PACK_CODES:
        raise KeyError(f"no language pack for {code!r}")
    return importlib.import_module(f"ghatna.lang.{code}").PACK


def all_packs() -> list[LanguagePack]:
    return [get_pack(code) for code in PACK_CODES]


def supported_languages() -> list[str]:
    return [p.code for p in all_packs() if p.supported]
