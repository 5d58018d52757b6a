"""Hindi name keys for cross-script matching: a loose Devanagari key, a Latin phonetic
skeleton shared by Devanagari and English names, acronyms spelt in Devanagari letter names,
and a rough English-to-Devanagari transliteration for extra registry variants.

Writers vary foreign names freely in Devanagari (टोकायव / तोकायेव, कज़ाख़स्तान / कजाकिस्तान), and
English spellings vary too (Tokayev / Tokaev).  Vowels are what varies most, so the skeleton
keeps consonants (folded to one letter per sound) and drops vowels; a name's first vowel is kept
as a marker so that अकिलबेक does not collide with कलबक.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ghatna.text.normalise import match_key

_VIRAMA = "\u094d"


def romanise(text: str) -> str:
    """Latin spelling of Devanagari with schwa deletion (the recogniser's romaniser,
    `ghatna.lang.hi.translit`), lower-cased; for keys, not for display."""
    from ghatna.lang.hi.translit import romanise as display_romanise

    return display_romanise(text).casefold()


_LATIN_DIGRAPHS = (
    ("sch", "s"), ("tch", "c"), ("dzh", "j"), ("zh", "j"), ("ch", "c"), ("sh", "s"), ("ph", "f"),
    ("th", "t"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("bh", "b"), ("jh", "j"), ("ck", "k"),
    ("qu", "kv"), ("x", "ks"), ("q", "k"), ("w", "v"), ("z", "j"), ("ts", "s"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_VOWELS = set("aeiou")


_RH = re.compile(r"rh(?![aeiou])")  # गढ़ / गढ / -garh: one sound, written three ways
_FINAL_NV = re.compile(r"nv$")  # गाँव, -gaon
_FINAL_GE = re.compile(r"(?<=[aeiour])ge$")  # George, Gjorge: जॉर्ज
_INITIAL_GEO = re.compile(r"^geo")  # George, Georgia: जॉर्ज, जॉर्जिया


def _fold_latin(word: str) -> str:
    word = "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if c.isalpha())
    word = _INITIAL_GEO.sub("jo", _FINAL_GE.sub("j", _FINAL_NV.sub("n", _RH.sub("d", word))))
    word = _SOFT_C.sub("s", word)
    for a, b in _LATIN_DIGRAPHS:
        word = word.replace(a, b)
    return word.replace("c", "k")


@lru_cache(maxsize=65536)
def skeleton_word(word: str) -> str:
    """Consonant skeleton of one word (Latin or Devanagari): Tokayev, टोकायव, तोकायेव -> 'tkyv'.

    A leading vowel becomes 'a'; 'h' is dropped (aspiration is written inconsistently);
    'y' counts as a consonant only between vowels; doubled letters collapse.
    """
    if any("\u0900" <= c <= "\u097f" for c in word):
        word = romanise(word)
    w = _fold_latin(word)
    if not w:
        return ""
    # an initial 'yu' is written for an initial 'u' (यूटा: Utah, यूरोप: Europe): a vowel too
    out = ["a"] if w[0] in _VOWELS or w.startswith("yu") or (w[0] == "y" and len(w) > 1 and w[1] not in _VOWELS) else []
    for i, c in enumerate(w):
        if c in _VOWELS or c == "h":
            continue
        # 'y' is a consonant only between a/o/u and a vowel (Tokayev), not in Pashinyan / पशिनियन.
        if c == "y" and not (0 < i and w[i - 1] in "aou" and i + 1 < len(w) and w[i + 1] in _VOWELS):
            continue
        if out and out[-1] == c:
            continue
        out.append(c)
    return "".join(out)


_SPLIT = re.compile(r"[\s\-‐–_.,'’]+")


def name_tokens(name: str) -> list[str]:
    return [t for t in _SPLIT.split(name) if t]


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Skeletons of a name's words, space-separated, in order; a word with no consonant
    left (Ha, ए) keeps its place as 'a', so Kim Ha Joong does not become Kim Joong."""
    return " ".join(skeleton_word(t) or "a" for t in name_tokens(name) if any(c.isalpha() for c in t))


_VOWEL_RUNS = re.compile(r"([aeiou])\1+")


@lru_cache(maxsize=65536)
def sound_key(name: str) -> str:
    """A spelling with vowels kept but folded (long = short, no 'h', no doubles), to tell
    apart names that share a skeleton: भंडारा 'bandara' vs Bhayandar 'bayandar'."""
    if any("\u0900" <= c <= "\u097f" for c in name):
        name = romanise(name)
    out = []
    for word in name_tokens(name):
        w = _fold_latin(word).replace("h", "").replace("iy", "i").replace("y", "i")
        w = _VOWEL_RUNS.sub(r"\1", w)
        out.append(re.sub(r"(.)\1+", r"\1", w))
    return " ".join(out)


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """0..1 likeness of two names' sound keys."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, sound_key(a), sound_key(b), autojunk=False).ratio()


# Devanagari letter names of the Latin alphabet, as match keys (nukta folded), with variants.
LETTER_NAMES: dict[str, tuple[str, ...]] = {
    "A": ("ए",), "B": ("बी",), "C": ("सी",), "D": ("डी",), "E": ("ई",), "F": ("एफ",),
    "G": ("जी",), "H": ("एच", "एच्"), "I": ("आई",), "J": ("जे",), "K": ("के",), "L": ("एल",),
    "M": ("एम",), "N": ("एन",), "O": ("ओ",), "P": ("पी",), "Q": ("क्यू",), "R": ("आर",),
    "S": ("एस",), "T": ("टी",), "U": ("यू",), "V": ("वी",), "W": ("डब्ल्यू", "डबल्यू", "डब्लू"),
    "X": ("एक्स",), "Y": ("वाई",), "Z": ("जेड", "जेड्"),
}
_LETTER_PARSE = sorted(((match_key(n), letter) for letter, names in LETTER_NAMES.items() for n in names),
                       key=lambda x: -len(x[0]))


def spell_acronym(acronym: str) -> str:
    """CSTO -> सीएसटीओ."""
    return "".join(LETTER_NAMES[c][0] for c in acronym.upper() if c in LETTER_NAMES)


def read_acronym(text: str) -> str | None:
    """सीएसटीओ -> 'CSTO', यूएन -> 'UN', एस.सी.ओ. -> 'SCO'; None unless the whole text is letter names."""
    key = match_key(text).replace(".", "").replace(" ", "").replace("-", "")
    if not key:
        return None
    # Dynamic programming over prefixes: best[i] = letters spelling key[:i].
    best: list[str | None] = [None] * (len(key) + 1)
    best[0] = ""
    for i in range(len(key)):
        if best[i] is None:
            continue
        for name, letter in _LETTER_PARSE:
            if key.startswith(name, i) and best[i + len(name)] is None:
                best[i + len(name)] = best[i] + letter
    found = best[len(key)]
    return found if found and len(found) >= 2 else None


# Loose Devanagari key: vowel length, nasal marks and a few consonant swaps folded.
_LOOSE_TABLE = str.maketrans({
    "ी": "ि", "ू": "ु", "ै": "े", "ौ": "ो", "ॉ": "ा", "ॅ": "े", "ँ": "ं", "ई": "इ", "ऊ": "उ",
    "ऑ": "आ", "ष": "श", "ण": "न", "-": None, " ": None, ".": None, "\u094d": None,
})
_HALF_NASAL = re.compile(r"[नमङञण]\u094d(?=[क-ह])")


def loose_key(text: str) -> str:
    """कज़ाख़स्तान, कजाखस्तान -> one key; आर्मीनिया, आर्मिनिया -> one key."""
    key = _HALF_NASAL.sub("ं", match_key(text))
    return key.translate(_LOOSE_TABLE)


# --- a rough English -> Devanagari transliteration, for extra (generated) registry variants ---

_EN_CLUSTERS = (
    ("sch", "श"), ("tch", "च"), ("sh", "श"), ("ch", "च"), ("zh", "झ"), ("th", "थ"), ("ph", "फ"),
    ("kh", "ख"), ("gh", "घ"), ("dh", "ध"), ("bh", "भ"), ("ck", "क"), ("qu", "क्व"), ("ts", "त्स"),
    ("b", "ब"), ("c", "क"), ("d", "ड"), ("f", "फ"), ("g", "ग"), ("h", "ह"), ("j", "ज"), ("k", "क"),
    ("l", "ल"), ("m", "म"), ("n", "न"), ("p", "प"), ("q", "क"), ("r", "र"), ("s", "स"), ("t", "ट"),
    ("v", "व"), ("w", "व"), ("x", "क्स"), ("y", "य"), ("z", "ज़"),
)
_EN_VOWELS = (
    ("aa", "ा", "आ"), ("ee", "ी", "ई"), ("oo", "ू", "ऊ"), ("ai", "ै", "ऐ"), ("ay", "े", "ए"),
    ("au", "ॉ", "ऑ"), ("ou", "ौ", "औ"), ("ei", "े", "ए"), ("a", "ा", "अ"), ("e", "े", "ए"),
    ("i", "ि", "इ"), ("o", "ो", "ओ"), ("u", "ु", "उ"),
)


def english_to_devanagari(name: str) -> str:
    """Vladimir Putin -> व्लादिमीर पुतिन (roughly).  Generated spellings are only extra variants."""
    words = []
    for word in name_tokens(name):
        w = "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if c.isalpha())
        out: list[str] = []
        i = 0
        after_consonant = False
        while i < len(w):
            for seq, sign, letter in _EN_VOWELS:
                if w.startswith(seq, i):
                    if after_consonant:
                        if sign != "ा" or seq != "a" or i + 1 == len(w):
                            out.append(sign)
                        elif i + 1 < len(w):
                            out.append("ा")
                    else:
                        out.append(letter)
                    i += len(seq)
                    after_consonant = False
                    break
            else:
                for seq, cons in _EN_CLUSTERS:
                    if w.startswith(seq, i):
                        if after_consonant:
                            out.append(_VIRAMA)
                        out.append(cons)
                        i += len(seq)
                        after_consonant = True
                        break
                else:
                    i += 1
        words.append(unicodedata.normalize("NFC", "".join(out)))
    return " ".join(w for w in words if w)
