"""English (en)."""

from ghatna.lang import LanguagePack

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

PACK = LanguagePack(
    code="en",
    name="English",
    script="Latn",
    supported=True,
    function_words=frozenset(
        "the of and to in a is that for on with as was by at from it his her are were be has "
        "have had this which said an not but they their will would its who been after".split()
    ),
    abbreviations=frozenset(
        "mr mrs ms dr prof sr jr st gen lt col maj capt sgt gov sen rep rev hon pres "
        "no vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec "
        "u.s u.k u.n e.g i.e a.m p.m".split()
    ),
    months=MONTHS,
)
