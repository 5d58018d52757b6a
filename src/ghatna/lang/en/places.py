"""English place words for the `resolve` stage's gazetteer step (lower-cased match keys);
read through `ghatna.lang.get_pack("en").places`."""

from __future__ import annotations

# A word right before or after a name that asks for a first-level subdivision
# ('the state of Oklahoma', 'Sindh province').
ADMIN1_CUES = frozenset("province state region oblast governorate prefecture emirate canton".split())
# ... for a district or county.
ADMIN2_CUES = frozenset("district county".split())
# ... for a populated place ('the town of Oxford', 'Homs city').
CITY_CUES = frozenset("city town village suburb township".split())  # not capital: "the capital of Kosovo"
COUNTRY_CUES = frozenset("country nation republic".split())

# Words that may open a name span but are not part of the name.
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. president prime minister general gen. lt. sir the".split())

GENERIC_PLACE_HEADS = frozenset("park square road street".split())

# Subdivisions named by a common geographic word (Gulf province of Papua New Guinea, Bay region
# of Somalia, Central, Western): their translated names (the Hindi for 'gulf', 'bay') are
# everyday words, so the gazetteer build keeps only their own names for them.
GENERIC_FEATURE_NAMES = frozenset(
    "gulf bay coast coastal central centre center north south east west northern southern eastern "
    "western island islands lakes lake river valley mountain mountains highlands lowlands upper lower "
    "middle capital border sea".split())

# Words that join the names of a list (X, Y and Z).
LIST_LINKS = frozenset("and or".split())

# Prepositions before a place ('in Monte Carlo', 'near Glasgow'): a city's name right after one
# is the city, whatever type the recogniser gave it.
# (not 'to' or 'from': 'spoke to Lincoln', 'a letter from Jackson')
LOCATIVE_PREPOSITIONS = frozenset("in at near outside inside across around through".split())
