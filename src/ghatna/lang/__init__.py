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
from types import ModuleType, SimpleNamespace

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
    # The language's own names for itself in common use that ISO and CLDR may not list (for tags).
    endonyms: tuple[str, ...] = ()

    def part(self, name: str) -> ModuleType | SimpleNamespace:
        """The pack's data module `ghatna.lang.<code>.<name>` (structure, numbers, quotes, events,
        agents, dates, names, places, ...), imported on first use; an empty namespace where the pack
        has none, so a stage reads `getattr(part, WORDS, ())` without knowing which packs exist."""
        return _part(self.code, name)

    @property
    def structure(self) -> ModuleType | SimpleNamespace:
        return self.part("structure")

    @property
    def numbers(self) -> ModuleType | SimpleNamespace:
        return self.part("numbers")

    @property
    def quotes(self) -> ModuleType | SimpleNamespace:
        return self.part("quotes")

    @property
    def events(self) -> ModuleType | SimpleNamespace:
        return self.part("events")

    @property
    def agents(self) -> ModuleType | SimpleNamespace:
        return self.part("agents")

    @property
    def names(self) -> ModuleType | SimpleNamespace:
        return self.part("names")

    @property
    def places(self) -> ModuleType | SimpleNamespace:
        return self.part("places")


@cache
def _part(code: str, name: str) -> ModuleType | SimpleNamespace:
    try:
        return importlib.import_module(f"ghatna.lang.{code}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"ghatna.lang.{code}.{name}":
            raise
        return SimpleNamespace()


@cache
def get_pack(code: str) -> LanguagePack:
    if code not in PACK_CODES:
        raise KeyError(f"no language pack for {code!r}")
    return importlib.import_module(f"ghatna.lang.{code}").PACK


def all_packs() -> list[LanguagePack]:
    return [get_pack(code) for code in PACK_CODES]


def supported_languages() -> list[str]:
    return [p.code for p in all_packs() if p.supported]
