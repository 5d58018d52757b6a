"""English number words, qualifiers and counted nouns, for the quantities stage.

Keys are lower case.  Vague plurals (dozens, hundreds, thousands, ...) take the base as value
with the qualifier `at_least`; 'hundreds of thousands' multiplies (100,000, at_least).
"""

from __future__ import annotations

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
    "fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}

CARDINALS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)}
CARDINALS.update(_TENS)
# twenty-one .. ninety-nine, written with a hyphen
CARDINALS.update({f"{tens}-{unit}": value + n for tens, value in _TENS.items()
                  for n, unit in enumerate(_UNITS[1:10], start=1)})

# 'one' is also a pronoun ('one of them'): counted only before a noun, multiplier or qualifier.
WEAK_CARDINALS = frozenset({"one"})

MULTIPLIERS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000,
    "crores": 10_000_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
}
FRACTIONS: dict[str, float] = {"half": 0.5}
FRACTION_PREFIXES: dict[str, float] = {}
DOZEN = frozenset({"dozen"})
VAGUE_PLURALS: dict[str, int] = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
    "billions": 1_000_000_000, "tens": 10,
}
SEVERAL = frozenset({"several", "a few", "few"})
# 'a' before a multiplier or dozen: 'a dozen' = 12, 'a million' = 1,000,000.
ARTICLES = frozenset({"a", "an"})

QUALIFIERS_BEFORE: dict[tuple[str, ...], str] = {
    ("more", "than"): "more_than", ("over",): "more_than", ("above",): "more_than",
    ("upwards", "of"): "more_than", ("in", "excess", "of"): "more_than",
    ("fewer", "than"): "less_than", ("less", "than"): "less_than", ("under",): "less_than",
    ("below",): "less_than",
    ("at", "least"): "at_least", ("no", "fewer", "than"): "at_least",
    ("about",): "about", ("around",): "about", ("nearly",): "about", ("almost",): "about",
    ("approximately",): "about", ("roughly",): "about", ("some",): "about",
    ("an", "estimated"): "about", ("close", "to"): "about", ("approx",): "about",
    ("up", "to"): "up_to", ("as", "many", "as"): "up_to", ("at", "most"): "up_to",
    ("only",): "exact", ("just",): "exact", ("exactly",): "exact",
}
QUALIFIERS_AFTER: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least", ("or", "so"): "about", ("plus",): "more_than", ("+",): "more_than",
    ("or", "fewer"): "up_to", ("or", "less"): "up_to",
}
QUALIFIERS_RIGHT_AFTER_NUMBER: dict[tuple[str, ...], str] = {}

NOT_A_COUNT_AFTER = frozenset({"th", "st", "nd", "rd", "am", "pm", "a.m", "p.m", "o'clock", "hrs", "gmt", "ist"})
NOT_A_COUNT_BEFORE = frozenset({
    "section", "article", "no", "number", "ward", "sector", "flight", "route", "page",
    "chapter", "room", "gate", "platform", "highway", "class", "covid", "g",
})
YEAR_BEFORE = frozenset({"year"})
YEAR_AFTER = frozenset({"ad", "bc", "bce", "ce"})
QUALIFIERS_AFTER_UNIT: dict[tuple[str, ...], str] = {}
UNIT_MODIFIERS = frozenset({"other", "more", "additional", "new", "extra", "of"})
NOT_A_UNIT = frozenset(
    "the a an of to in on at by for from with and or but is are was were be been has have had "
    "will would to that this these those which who it its their his her than as per percent "
    "more less people's were".split()
) - {"percent"}

UNITS: dict[tuple[str, ...], str] = {
    ("people",): "people", ("person",): "people", ("persons",): "people", ("civilian",): "civilians",
    ("man",): "men", ("men",): "men", ("woman",): "women", ("women",): "women",
    ("child",): "children", ("children",): "children", ("boy",): "boys", ("girl",): "girls",
    ("farmer",): "farmers", ("worker",): "workers", ("employee",): "employees",
    ("student",): "students", ("passenger",): "passengers", ("tourist",): "tourists",
    ("pilgrim",): "pilgrims", ("patient",): "patients", ("villager",): "villagers",
    ("family",): "families", ("families",): "families", ("member",): "members",
    ("leader",): "leaders", ("activist",): "activists", ("protester",): "protesters",
    ("protestor",): "protesters", ("demonstrator",): "protesters", ("rioter",): "rioters",
    ("terrorist",): "terrorists", ("militant",): "militants", ("fighter",): "fighters",
    ("rebel",): "rebels", ("suspect",): "suspects", ("prisoner",): "prisoners",
    ("hostage",): "hostages", ("refugee",): "refugees", ("migrant",): "migrants",
    ("body",): "bodies", ("bodies",): "bodies", ("troop",): "troops", ("soldier",): "soldiers",
    ("police", "officer"): "police officers", ("policeman",): "police officers",
    ("policemen",): "police officers", ("officer",): "officers", ("official",): "officials",
    ("doctor",): "doctors", ("journalist",): "journalists", ("personnel",): "personnel",
    ("firefighter",): "firefighters", ("voter",): "voters", ("candidate",): "candidates",
    ("house",): "houses", ("home",): "houses", ("building",): "buildings",
    ("village",): "villages", ("district",): "districts", ("state",): "states",
    ("country",): "countries", ("countries",): "countries", ("city",): "cities",
    ("cities",): "cities", ("shop",): "shops", ("business",): "businesses",
    ("company",): "companies", ("companies",): "companies", ("bank",): "banks",
    ("shopping", "centre"): "shopping centres", ("shopping", "center"): "shopping centres",
    ("school",): "schools", ("hospital",): "hospitals", ("camp",): "camps", ("seat",): "seats",
    ("vehicle",): "vehicles", ("car",): "cars", ("bus",): "buses", ("truck",): "trucks",
    ("aircraft",): "aircraft", ("plane",): "aircraft", ("tank",): "tanks",
    ("missile",): "missiles", ("rocket",): "rockets", ("bomb",): "bombs",
    ("weapon",): "weapons", ("equipment",): "equipment", ("pieces", "of", "equipment"): "equipment",
    ("piece", "of", "equipment"): "equipment", ("gun",): "guns", ("case",): "cases",
    ("incident",): "incidents", ("attack",): "attacks", ("vote",): "votes",
    ("day",): "days", ("week",): "weeks", ("month",): "months", ("year",): "years",
    ("hour",): "hours", ("minute",): "minutes", ("second",): "seconds", ("decade",): "decades",
    ("year-old",): "years old", ("years", "old"): "years old",
    ("megawatt",): "megawatts", ("kilowatt",): "kilowatts",
    ("kilometre",): "km", ("kilometer",): "km", ("km",): "km", ("mile",): "miles",
    ("metre",): "metres", ("meter",): "metres", ("kg",): "kg", ("tonne",): "tonnes",
    ("ton",): "tonnes", ("litre",): "litres", ("hectare",): "hectares", ("acre",): "acres",
    ("rupee",): "rupees", ("dollar",): "dollars", ("euro",): "euros", ("pound",): "pounds",
    ("percent",): "percent", ("per", "cent"): "percent", ("%",): "percent",
}
PERCENT_WORDS = frozenset({"percent", "%", "per cent"})

# Plural endings -> lemma, tried in order.
LEMMA_RULES: tuple[tuple[str, str], ...] = (("ies", "y"), ("es", ""), ("s", ""))

PERSON_UNITS = frozenset({
    "people", "civilians", "men", "women", "children", "boys", "girls", "farmers", "workers",
    "employees", "students", "passengers", "tourists", "pilgrims", "patients", "villagers",
    "families", "members", "leaders", "activists", "protesters", "rioters", "terrorists",
    "militants", "fighters", "rebels", "suspects", "prisoners", "hostages", "refugees",
    "migrants", "bodies", "troops", "soldiers", "police officers", "officers", "officials",
    "doctors", "journalists", "personnel", "firefighters", "houses",
})
CASUALTY_WORDS = frozenset({
    "killed", "dead", "died", "die", "deaths", "death", "injured", "wounded", "hurt",
    "arrested", "detained", "missing", "affected", "displaced", "homeless", "evacuated",
    "casualties", "lives", "drowned", "rescued", "held",
})
CASUALTY_PREFIXES: tuple[str, ...] = ()

# A time span is how long an event lasted (for 10 days, a two-week state of emergency: a
# hyphenated span is always one) when a word of DURATION_BEFORE precedes it or one of
# DURATION_AFTER follows it, unless NOT_DURATION_BEFORE precedes it (in the last two weeks) or
# NOT_DURATION_AFTER follows it (two days ago).
DURATION_BEFORE = frozenset({"for", "lasting", "spanning"})
DURATION_AFTER = frozenset({"long"})
NOT_DURATION_BEFORE = frozenset({"last", "past", "next", "coming", "within", "every", "per", "recent", "first",
                                 "after", "before", "in"})
NOT_DURATION_AFTER = frozenset({"ago", "later", "earlier", "before", "after", "back", "from"})
