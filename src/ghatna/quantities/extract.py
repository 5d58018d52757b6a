"""Quantities: the numbers news reports (troops, dead, arrested, businesses hit, days).

Finds numerals (Indian 1,00,000 and Western 100,000 grouping, decimals, Devanagari digits),
number words and their compounds (दो हज़ार, ढाई लाख, साढ़े तीन सौ, 1.5 लाख, five million),
vague plurals (सैकड़ों, thousands), qualifiers before and after the number, and the counted
noun after it.  Dates, years, times of day, ordinals and identifiers (धारा 144, G20) are not
quantities.  All word lists come from the language packs (`ghatna.lang.<code>.numbers`).

Quantities are tied to the events of their sentence (see `link_to_events`): casualty counts
(a count of people near a word such as मारे, घायल, killed), counted things (troops, equipment),
and time spans stated as how long an event lasted, which also set the event's `duration`.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache

from ghatna.document import Quantity
from ghatna.text.normalise import devanagari_digits_to_ascii, match_key

# Languages whose number data the stage uses; both are applied to every text (their word
# lists are in different scripts, so they cannot clash), which also covers mixed text.
NUMBER_LANGS = ("hi", "en")

_LETTERS = r"A-Za-z\u00C0-\u024F\u0900-\u0963\u0971-\u097F"
TOKEN_RE = re.compile(
    rf"(?P<num>[0-9]+(?:[.,][0-9]+)*)|(?P<word>[{_LETTERS}]+(?:[-'’][{_LETTERS}]+)*)|(?P<other>\S)"
)
_LETTER_RE = re.compile(rf"[{_LETTERS}]")
_WESTERN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INDIAN = re.compile(r"\d{1,2}(?:,\d{2})*,\d{3}(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")


def fold(text: str) -> str:
    """Lookup key of a token: its match key with chandrabindu written as anusvara."""
    return match_key(text).replace("\u0901", "\u0902")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    kind: str  # num | word | other
    text: str
    key: str


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` (digits of any script read as ASCII; offsets unchanged)."""
    ascii_text = devanagari_digits_to_ascii(text)
    return [Token(m.start(), m.end(), m.lastgroup or "other", m.group(), fold(m.group()))
            for m in TOKEN_RE.finditer(ascii_text)]


@dataclass(frozen=True)
class NumberLexicon:
    """The number data of all `NUMBER_LANGS` packs, with keys folded once."""

    cardinals: dict[str, float]
    weak: frozenset[str]
    multipliers: dict[str, float]
    fractions: dict[str, float]
    fraction_prefixes: dict[str, float]
    dozen: frozenset[str]
    vague: dict[str, float]
    several: frozenset[str]
    articles: frozenset[str]
    qualifiers_before: dict[tuple[str, ...], str]
    qualifiers_after: dict[tuple[str, ...], str]
    qualifiers_right_after: dict[tuple[str, ...], str]
    not_count_after: frozenset[str]
    not_count_before: frozenset[str]
    year_before: frozenset[str]
    year_after: frozenset[str]
    qualifiers_after_unit: dict[tuple[str, ...], str]
    unit_modifiers: frozenset[str]
    not_unit: frozenset[str]
    units: dict[tuple[str, ...], str]
    percent_words: frozenset[str]
    lemma_rules: tuple[tuple[str, str], ...]
    person_units: frozenset[str]
    casualty_words: frozenset[str]
    casualty_prefixes: tuple[str, ...]
    duration_before: frozenset[str]
    duration_after: frozenset[str]
    not_duration_before: frozenset[str]
    not_duration_after: frozenset[str]
    months: frozenset[str]
    max_unit_len: int


def _fold_keys(mapping: dict) -> dict:
    out = {}
    for key, value in mapping.items():
        folded = tuple(fold(k) for k in key) if isinstance(key, tuple) else fold(key)
        out[folded] = value
    return out


@cache
def lexicon() -> NumberLexicon:
    """Merged number data, built once per process."""
    from ghatna.lang import get_pack

    parts: dict[str, list] = {}
    months: set[str] = set()
    for code in NUMBER_LANGS:
        mod = importlib.import_module(f"ghatna.lang.{code}.numbers")
        for name in ("CARDINALS", "WEAK_CARDINALS", "MULTIPLIERS", "FRACTIONS", "FRACTION_PREFIXES",
                     "DOZEN", "VAGUE_PLURALS", "SEVERAL", "QUALIFIERS_BEFORE", "QUALIFIERS_AFTER",
                     "QUALIFIERS_RIGHT_AFTER_NUMBER", "NOT_A_COUNT_AFTER", "NOT_A_COUNT_BEFORE",
                     "YEAR_BEFORE", "YEAR_AFTER", "QUALIFIERS_AFTER_UNIT", "UNIT_MODIFIERS", "NOT_A_UNIT", "UNITS", "PERCENT_WORDS",
                     "LEMMA_RULES", "PERSON_UNITS", "CASUALTY_WORDS", "CASUALTY_PREFIXES",
                     "DURATION_BEFORE", "DURATION_AFTER", "NOT_DURATION_BEFORE", "NOT_DURATION_AFTER"):
            parts.setdefault(name, []).append(getattr(mod, name))
        parts.setdefault("ARTICLES", []).append(getattr(mod, "ARTICLES", frozenset()))
        months.update(fold(m) for m in get_pack(code).months)

    def merged_dict(name: str) -> dict:
        out: dict = {}
        for d in parts[name]:
            out.update(_fold_keys(d))
        return out

    def merged_set(name: str) -> frozenset[str]:
        return frozenset(fold(w) for s in parts[name] for w in s)

    units = merged_dict("UNITS")
    return NumberLexicon(
        cardinals=merged_dict("CARDINALS"), weak=merged_set("WEAK_CARDINALS"),
        multipliers=merged_dict("MULTIPLIERS"), fractions=merged_dict("FRACTIONS"),
        fraction_prefixes=merged_dict("FRACTION_PREFIXES"), dozen=merged_set("DOZEN"),
        vague=merged_dict("VAGUE_PLURALS"), several=merged_set("SEVERAL"),
        articles=merged_set("ARTICLES"), qualifiers_before=merged_dict("QUALIFIERS_BEFORE"),
        qualifiers_after=merged_dict("QUALIFIERS_AFTER"),
        qualifiers_right_after=merged_dict("QUALIFIERS_RIGHT_AFTER_NUMBER"),
        not_count_after=merged_set("NOT_A_COUNT_AFTER"),
        not_count_before=merged_set("NOT_A_COUNT_BEFORE"), year_before=merged_set("YEAR_BEFORE"),
        year_after=merged_set("YEAR_AFTER"), qualifiers_after_unit=merged_dict("QUALIFIERS_AFTER_UNIT"),
        unit_modifiers=merged_set("UNIT_MODIFIERS"), not_unit=merged_set("NOT_A_UNIT"),
        units=units, percent_words=merged_set("PERCENT_WORDS"),
        lemma_rules=tuple(rule for rules in parts["LEMMA_RULES"] for rule in rules),
        person_units=frozenset(u for s in parts["PERSON_UNITS"] for u in s),
        casualty_words=merged_set("CASUALTY_WORDS"),
        casualty_prefixes=tuple(fold(p) for ps in parts["CASUALTY_PREFIXES"] for p in ps),
        duration_before=merged_set("DURATION_BEFORE"), duration_after=merged_set("DURATION_AFTER"),
        not_duration_before=merged_set("NOT_DURATION_BEFORE"),
        not_duration_after=merged_set("NOT_DURATION_AFTER"),
        months=frozenset(months), max_unit_len=max(len(k) for k in units),
    )


# Glosses of time units: 'तक' after them means 'for' (दो दिन तक), not 'up to'.
DURATION_UNITS = frozenset({"days", "weeks", "months", "years", "hours", "minutes", "seconds",
                            "decades", "centuries", "nights"})


def parse_numeral(digits: str) -> float | None:
    """Value of a digit string with Western or Indian grouping; None if malformed (5,6)."""
    if "," in digits:
        if not (_WESTERN.fullmatch(digits) or _INDIAN.fullmatch(digits)):
            return None
        digits = digits.replace(",", "")
    if not _PLAIN.fullmatch(digits):
        return None  # 12.01.2022 and the like
    return float(digits)


@dataclass
class _Core:
    value: float
    end: int  # index after the last token of the number
    approx: str | None = None  # at_least for vague plurals, 'several thousand'
    weak: bool = False  # only a weak cardinal (एक, one)
    digits_only: bool = False  # one plain digit token, e.g. a possible year
    has_multiplier: bool = False


def _parse_core(toks: list[Token], i: int, lex: NumberLexicon) -> _Core | None:
    n = len(toks)
    t = toks[i]
    nxt = toks[i + 1].key if i + 1 < n else ""
    if t.key in lex.several and nxt in lex.multipliers:
        return _Core(lex.multipliers[nxt], i + 2, "at_least", has_multiplier=True)
    if t.key in lex.articles:
        if nxt in lex.multipliers:
            return _Core(lex.multipliers[nxt], i + 2, has_multiplier=True)
        if nxt in lex.dozen:
            return _Core(12, i + 2)
        return None
    if t.key in lex.vague:
        value, j = lex.vague[t.key], i + 1
        # hundreds of thousands
        if j + 1 < n and toks[j].key == "of" and toks[j + 1].key in lex.vague:
            value *= lex.vague[toks[j + 1].key]
            j += 2
        return _Core(value, j, "at_least", has_multiplier=True)

    total = 0.0
    current: float | None = None
    last_mult: float | None = None  # last group-closing multiplier (हज़ार, लाख, thousand...)
    after_hundred = False
    prefix: float | None = None
    j = i
    kinds: list[str] = []
    while j < n:
        t = toks[j]
        key = t.key
        if t.kind == "num":
            if current is not None:
                break
            if last_mult is not None:
                # a digit after a multiplier continues the number only before a smaller one
                if not (j + 1 < n and toks[j + 1].key in lex.multipliers
                        and lex.multipliers[toks[j + 1].key] < last_mult):
                    break
            if j > i and toks[j - 1].end == t.start:
                break
            value = parse_numeral(t.text)
            if value is None:
                return None if j == i else _finish(total, current, j, kinds)
            current = value + prefix if prefix is not None else value
            prefix = None
            kinds.append("num")
        elif key in lex.cardinals:
            value = lex.cardinals[key]
            if current is not None:
                if after_hundred and value < 100:
                    current += value
                    after_hundred = False
                else:
                    break
            elif last_mult is not None and value >= last_mult:
                break
            else:
                current = value + prefix if prefix is not None else value
                prefix = None
            kinds.append("weak" if key in lex.weak else "word")
        elif key in lex.fractions:
            if current is not None:
                break
            current = lex.fractions[key]
            kinds.append("word")
        elif key in lex.fraction_prefixes:
            if current is not None or prefix is not None:
                break
            prefix = lex.fraction_prefixes[key]
            if j + 1 < n and toks[j + 1].key in lex.multipliers:
                current, prefix = 1 + prefix, None  # सवा लाख, पौने सौ
            kinds.append("word")
        elif key in lex.multipliers:
            mult = lex.multipliers[key]
            if mult == 100:
                if after_hundred:
                    break
                current = (current if current is not None else 1) * 100
                after_hundred = True
            elif current is None and last_mult is not None and mult > last_mult:
                total *= mult  # 1 लाख करोड़
                last_mult = mult
            else:
                if last_mult is not None and mult >= last_mult:
                    break
                total += (current if current is not None else 1) * mult
                current, last_mult, after_hundred = None, mult, False
            kinds.append("mult")
        elif key in lex.dozen:
            current = (current if current is not None else 1) * 12
            kinds.append("mult")
        elif key == "and" and after_hundred and j + 1 < n and toks[j + 1].key in lex.cardinals:
            kinds.append("and")
        else:
            break
        j += 1
    if prefix is not None:
        return None  # साढ़े with nothing after it
    return _finish(total, current, j, kinds)


def _finish(total: float, current: float | None, j: int, kinds: list[str]) -> _Core | None:
    if not kinds:
        return None
    value = total + (current or 0.0)
    return _Core(value, j, weak=kinds == ["weak"], digits_only=kinds == ["num"],
                 has_multiplier="mult" in kinds)


def _match_seq(toks: list[Token], i: int, table: dict[tuple[str, ...], str],
               backwards: bool = False) -> tuple[str, int] | None:
    """Longest entry of `table` ending just before `i` (backwards) or starting at `i`.

    Returns (label, first or last-exclusive token index)."""
    best: tuple[str, int] | None = None
    best_len = 0
    for seq, label in table.items():
        k = len(seq)
        if k <= best_len:
            continue
        if backwards:
            if i - k >= 0 and tuple(t.key for t in toks[i - k:i]) == seq:
                best, best_len = (label, i - k), k
        elif i + k <= len(toks) and tuple(t.key for t in toks[i:i + k]) == seq:
            best, best_len = (label, i + k), k
    return best


def lemma_candidates(key: str, lex: NumberLexicon) -> list[str]:
    out = [key]
    for suffix, repl in lex.lemma_rules:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            out.append(key[: -len(suffix)] + repl)
    return out


def _lookup_unit(toks: list[Token], k: int, lex: NumberLexicon) -> tuple[str, int] | None:
    """Gloss and end index of the longest lexicon noun starting at token k."""
    for size in range(min(lex.max_unit_len, len(toks) - k), 0, -1):
        seq = toks[k:k + size]
        if any(t.kind != "word" and t.text != "%" for t in seq):
            continue
        head = tuple(t.key for t in seq[:-1])
        for cand in lemma_candidates(seq[-1].key, lex):
            gloss = lex.units.get((*head, cand))
            if gloss:
                return gloss, k + size
    return None


def _is_boundary(tok: Token) -> bool:
    return tok.kind == "other" and tok.text not in "%+"


def _find_unit(toks: list[Token], k: int, lex: NumberLexicon
               ) -> tuple[int, int, str | None, bool] | None:
    """(first, end, gloss, from_lexicon) of the counted noun at or shortly after token k."""
    n = len(toks)
    if k >= n or _is_boundary(toks[k]):
        return None
    if toks[k].key in lex.percent_words or (toks[k].key == "per" and k + 1 < n and toks[k + 1].key == "cent"):
        end = k + 2 if toks[k].key == "per" else k + 1
        return k, end, "percent", True
    j = k
    for _ in range(3):  # skip up to two modifiers (अन्य, विदेशी, other) before a lexicon noun
        if j >= n or _is_boundary(toks[j]):
            break
        found = _lookup_unit(toks, j, lex)
        if found:
            return j, found[1], found[0], True
        key = toks[j].key
        if key not in lex.unit_modifiers and (
                toks[j].kind != "word" or key in lex.not_unit or key in lex.cardinals
                or key in lex.multipliers or key in lex.months):
            break
        j += 1
    t = toks[k]
    if (t.kind == "word" and t.key not in lex.not_unit and t.key not in lex.cardinals
            and t.key not in lex.multipliers and t.key not in lex.months
            and not any(seq[0] == t.key for seq in lex.qualifiers_after)):
        return k, k + 1, None, False
    return None


def _adjacent_letter(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and bool(_LETTER_RE.match(text[pos]))


def _is_excluded(text: str, toks: list[Token], i: int, core: _Core, lex: NumberLexicon) -> bool:
    """Dates, years, times, ordinals and identifiers are not counts."""
    first, last = toks[i], toks[core.end - 1]
    n = len(toks)
    if first.kind == "num" and core.digits_only:
        before = text[first.start - 1] if first.start else ""
        after = text[last.end] if last.end < len(text) else ""
        # glued to letters (G20, MH17, 10वीं, 21st), or a time, date or ratio (10:30, 12/01)
        if _adjacent_letter(text, first.start - 1) or _adjacent_letter(text, last.end):
            return True
        if before in "-–" and first.start >= 2 and (
                _adjacent_letter(text, first.start - 2) or text[first.start - 2].isdigit()):
            return True  # जी-20, COVID-19, the second year of 2019-20
        if after in ":/" and last.end + 1 < len(text) and text[last.end + 1].isdigit():
            return True
        if before in ":/" and first.start >= 2 and text[first.start - 2].isdigit():
            return True
    prev = toks[i - 1].key if i > 0 else ""
    nxt = toks[core.end].key if core.end < n else ""
    if prev in lex.months or nxt in lex.months:
        return True
    if prev in lex.not_count_before or nxt in lex.not_count_after:
        return True
    # Month 12, 2022: the year after the day
    if prev == "," and i >= 3 and toks[i - 2].kind == "num" and toks[i - 3].key in lex.months:
        return True
    return False


def _is_year(toks: list[Token], i: int, core: _Core, lex: NumberLexicon, unit_known: bool,
             qualified: bool) -> bool:
    if not core.digits_only or "," in toks[i].text or "." in toks[i].text:
        return False
    value = core.value
    if not (1000 <= value <= 2100 and len(toks[i].text) == 4):
        return False
    nxt = toks[core.end].key if core.end < len(toks) else ""
    prev = toks[i - 1].key if i > 0 else ""
    if nxt in lex.year_after or prev in lex.year_before:
        return True
    # '2000 से अधिक सैनिकों' is a count; '1979 क्रांति', 'in 2022' are years
    return not (unit_known or qualified)


def extract_quantities(text: str, toks: list[Token] | None = None) -> list[Quantity]:
    """All quantities in `text`, in text order."""
    lex = lexicon()
    toks = tokenize(text) if toks is None else toks
    n = len(toks)
    out: list[Quantity] = []
    i = 0
    while i < n:
        t = toks[i]
        if t.kind == "word" and "-" in t.key:
            compound = _hyphenated(t, lex)  # two-week, five-year-old
            if compound:
                out.append(compound)
                i += 1
                continue
        if t.kind == "other" or (t.kind == "word" and not _may_start(t.key, lex)):
            i += 1
            continue
        core = _parse_core(toks, i, lex)
        if core is None:
            i += 1
            continue
        if _is_excluded(text, toks, i, core, lex):
            i = core.end
            continue
        approx = core.approx
        start_idx = i
        pre = _match_seq(toks, i, lex.qualifiers_before, backwards=True)
        if pre:
            approx, start_idx = pre
        k = core.end
        # a range: 10-12 लोग, 10 to 12 -> at least the lower bound
        if k + 1 < n and toks[k].text in "-–" and toks[k + 1].kind == "num" and core.digits_only \
                and toks[k].start == toks[k - 1].end:
            second = _parse_core(toks, k + 1, lex)
            if second and second.value > core.value:
                if _is_year(toks, i, core, lex, False, False):
                    i = second.end
                    continue
                k = second.end
                approx = approx or "at_least"
        post = _match_seq(toks, k, lex.qualifiers_right_after) or _match_seq(toks, k, lex.qualifiers_after)
        if post and approx in (None, "exact", "about"):
            approx = post[0]
            k = post[1]
        elif post:
            k = post[1]
        if k + 1 < n and toks[k].text == "-" and toks[k].start == toks[k - 1].end \
                and toks[k + 1].start == toks[k].end and toks[k + 1].kind == "word":
            k += 1  # 10-day, 5-सदस्यीय
        unit = _find_unit(toks, k, lex)
        if unit:
            k = unit[1]
            if not post:
                post_unit = _match_seq(toks, k, lex.qualifiers_after)
                if post_unit:
                    approx, k = post_unit[0] if approx in (None, "exact") else approx, post_unit[1]
            if unit[2] not in DURATION_UNITS:
                post_unit = _match_seq(toks, k, lex.qualifiers_after_unit)
                if post_unit and approx in (None, "exact"):
                    approx, k = post_unit
        unit_known = bool(unit and unit[3])
        qualified = bool(pre or post)
        if _is_year(toks, i, core, lex, unit_known, qualified):
            i = core.end
            continue
        if core.weak and not (unit_known or qualified or core.has_multiplier
                              or _casualty_follows(toks, core.end, lex)):
            i = core.end
            continue
        unit_text = text[toks[unit[0]].start:toks[unit[1] - 1].end] if unit else None
        unit_en = unit[2] if unit else None
        if unit_en == "percent":
            unit_text = "%"
        start, end = toks[start_idx].start, toks[k - 1].end
        out.append(Quantity(value=_clean(float(core.value)), text=text[start:end], start=start, end=end,
                            approx=approx or "exact", unit=unit_text, unit_en=unit_en))
        i = max(k, core.end)
    return out


def _hyphenated(t: Token, lex: NumberLexicon) -> Quantity | None:
    """A number word joined to its noun by a hyphen: two-week, दो-दिवसीय."""
    head, _, tail = t.key.partition("-")
    if head not in lex.cardinals or not tail:
        return None
    for cand in lemma_candidates(tail, lex):
        gloss = lex.units.get((cand,))
        if gloss:
            cut = t.text.index("-")
            return Quantity(value=float(lex.cardinals[head]), text=t.text, start=t.start, end=t.end,
                            unit=t.text[cut + 1:], unit_en=gloss)
    return None


def _casualty_follows(toks: list[Token], k: int, lex: NumberLexicon) -> bool:
    """'एक की मौत', 'one was killed': a casualty word within the next three tokens."""
    for t in toks[k:k + 3]:
        if t.kind == "other":
            return False
        if is_casualty_word(t.key, lex):
            return True
    return False


def is_casualty_word(key: str, lex: NumberLexicon) -> bool:
    return key in lex.casualty_words or key.startswith(lex.casualty_prefixes)


def _may_start(key: str, lex: NumberLexicon) -> bool:
    return (key in lex.cardinals or key in lex.multipliers or key in lex.fractions
            or key in lex.fraction_prefixes or key in lex.vague or key in lex.several
            or key in lex.articles or key in lex.dozen)


def _clean(value: float) -> float:
    """Round away float noise (1.5 * 100000)."""
    return round(value, 6)
