"""Devanagari -> Latin romanisation for display names (पुतिन -> Putin, कज़ाख़स्तान -> Kazakhstan).

A readable, lossy scheme (no diacritics), with Hindi schwa deletion: the inherent vowel is
dropped at the end of a word (unless it closes a conjunct: नरेंद्र -> Narendra) and between
two consonants when a vowel precedes and follows (कमला -> Kamla).  Non-Devanagari characters
pass through unchanged.
"""

from __future__ import annotations

CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh",
    "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d",
    "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r",
    "ल": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s", "ह": "h", "ळ": "l",
}
NUKTA_CONSONANTS = {"क": "q", "ख": "kh", "ग": "gh", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f", "य": "y"}
PRECOMPOSED_NUKTA = {"क़": "क", "ख़": "ख", "ग़": "ग", "ज़": "ज", "ड़": "ड", "ढ़": "ढ", "फ़": "फ", "य़": "य"}
VOWEL_SIGNS = {"ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai",
               "ो": "o", "ौ": "au", "ॅ": "e", "ॉ": "o", "ॆ": "e", "ॊ": "o"}
VOWELS = {"अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ai",
          "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e", "ऎ": "e", "ऒ": "o"}
DIGITS = {chr(0x0966 + i): str(i) for i in range(10)}
VIRAMA, NUKTA, ANUSVARA, CHANDRABINDU, VISARGA = "्", "़", "ं", "ँ", "ः"
INHERENT = "\x00"  # marks a consonant that carries the inherent vowel (schwa)


def _units(word: str) -> list[list[str]]:
    """[consonant, vowel, nasal] per syllable unit; vowel is INHERENT, '' (virama) or a value."""
    units: list[list[str]] = []
    chars = [PRECOMPOSED_NUKTA.get(c, c) for c in word]
    chars = [x for c in chars for x in (c if len(c) == 1 else (c[0], NUKTA))]
    i = 0
    while i < len(chars):
        c = chars[i]
        if c in CONSONANTS:
            roman = CONSONANTS[c]
            if i + 1 < len(chars) and chars[i + 1] == NUKTA:
                roman = NUKTA_CONSONANTS.get(c, roman)
                i += 1
            units.append([roman, INHERENT, ""])
        elif c in VOWEL_SIGNS and units and units[-1][1] == INHERENT:
            units[-1][1] = VOWEL_SIGNS[c]
        elif c == VIRAMA and units:
            units[-1][1] = ""
        elif c in VOWELS:
            units.append(["", VOWELS[c], ""])
        elif c in (ANUSVARA, CHANDRABINDU) and units:
            units[-1][2] = "n"
        elif c == VISARGA and units:
            units[-1][2] = "h"
        elif c == NUKTA:
            pass
        else:
            units.append([DIGITS.get(c, c), "", ""])
        i += 1
    return units


def romanise_word(word: str) -> str:
    units = _units(word)
    consonant_count = sum(1 for u in units if u[1] == INHERENT or (u[0] and u[0] not in DIGITS.values()
                                                                     and u[1] in VOWEL_SIGNS.values()))
    # Right to left, so each decision sees the already-decided next unit.
    for i in range(len(units) - 1, -1, -1):
        cons, vowel, nasal = units[i]
        if vowel != INHERENT:
            continue
        is_last = i == len(units) - 1
        after_conjunct = i > 0 and units[i - 1][1] == "" and bool(units[i - 1][0])
        if is_last:
            # a final conjunct ending in r, y or v keeps its vowel (मित्र mitra, अन्य anya), others
            # lose it (जोमार्ट jomart)
            keep = (after_conjunct and cons in ("r", "y", "v")) or consonant_count == 1 or bool(nasal)
        else:
            nxt = units[i + 1]
            prev_has_vowel = i > 0 and units[i - 1][1] != ""
            next_has_vowel = bool(nxt[0]) and nxt[1] != ""
            # Ohala's rule: V C [a] C V -> V C C V; never open a three-consonant cluster.
            keep = not (prev_has_vowel and next_has_vowel and not nasal and not after_conjunct)
        units[i][1] = "a" if keep else ""
    text = "".join(cons + vowel + nasal for cons, vowel, nasal in units)
    return text


def romanise(text: str) -> str:
    """Romanised, capitalised words: 'व्लादिमीर पुतिन' -> 'Vladimir Putin'."""
    words = []
    for word in text.replace("-", " - ").split():
        roman = romanise_word(word)
        words.append(roman[:1].upper() + roman[1:] if roman != "-" else roman)
    return " ".join(words).replace(" - ", "-")
