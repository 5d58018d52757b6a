"""English actor words: adjectival (demonym) forms of countries, role titles, and generic agent
nouns with their CAMEO agent codes.  Keys are match keys (case-folded)."""

from __future__ import annotations

import json
from pathlib import Path

# Plurals that name someone else as often as the nation (Cleveland Indians, Georgians of the US state).
NOT_NATIONALS = frozenset({"indians", "georgians"})

ADJECTIVES: dict[str, str] = {
    "russian": "RUS", "kazakh": "KAZ", "kazakhstani": "KAZ", "american": "USA", "u.s.": "USA",
    "british": "GBR", "chinese": "CHN", "indian": "IND", "pakistani": "PAK", "bangladeshi": "BGD",
    "nepali": "NPL", "nepalese": "NPL", "sri lankan": "LKA", "afghan": "AFG", "iranian": "IRN",
    "iraqi": "IRQ", "israeli": "ISR", "palestinian": "PSE", "syrian": "SYR", "saudi": "SAU",
    "turkish": "TUR", "egyptian": "EGY", "french": "FRA", "german": "DEU", "italian": "ITA",
    "spanish": "ESP", "japanese": "JPN", "korean": "KOR", "north korean": "PRK", "south korean": "KOR",
    "ukrainian": "UKR", "belarusian": "BLR", "armenian": "ARM", "tajik": "TJK", "kyrgyz": "KGZ",
    "uzbek": "UZB", "azerbaijani": "AZE", "georgian": "GEO", "canadian": "CAN", "australian": "AUS",
    "brazilian": "BRA", "mexican": "MEX", "burmese": "MMR", "bhutanese": "BTN", "maldivian": "MDV",
    "indonesian": "IDN", "vietnamese": "VNM", "polish": "POL", "dutch": "NLD", "greek": "GRC",
    "nigerian": "NGA", "kenyan": "KEN", "lebanese": "LBN", "yemeni": "YEM", "qatari": "QAT",
    "libyan": "LBY", "sudanese": "SDN", "welsh": "GBR", "scottish": "GBR", "irish": "IRL",
    "swedish": "SWE", "norwegian": "NOR", "danish": "DNK", "finnish": "FIN", "swiss": "CHE",
    "austrian": "AUT", "belgian": "BEL", "portuguese": "PRT", "argentine": "ARG",
    "venezuelan": "VEN", "cuban": "CUB", "european": "", "chilean": "CHL",
    "colombian": "COL", "peruvian": "PER", "thai": "THA", "malaysian": "MYS", "filipino": "PHL",
}

# Nouns for a country's people ('Americans', 'a Briton'), which Hindi writes with the adjective
# (अमेरिकी): plurals of the -an, -i and -ine adjectives, and the irregular ones.
NATIONALS: dict[str, str] = {
    **{k + "s": v for k, v in ADJECTIVES.items() if v and k.endswith(("an", "i", "ine")) and " " not in k
       and k + "s" not in NOT_NATIONALS},
    "briton": "GBR", "britons": "GBR", "brits": "GBR", "frenchman": "FRA", "frenchmen": "FRA",
    "turks": "TUR", "spaniards": "ESP", "greeks": "GRC", "danes": "DNK", "swedes": "SWE",
    "finns": "FIN", "scots": "GBR", "filipinos": "PHL", "kazakhs": "KAZ", "uzbeks": "UZB",
    "tajiks": "TJK", "thais": "THA", "dutchman": "NLD", "englishman": "GBR", "englishmen": "GBR",
}
ADJECTIVES.update({k: v for k, v in NATIONALS.items() if k not in ADJECTIVES})
# Adjectives built from PETRARCH2's country dictionary (`python -m ghatna.build.demonyms`); the
# hand-kept entries above win where both have a word.
ADJECTIVES.update({k: v for k, v in json.loads((Path(__file__).parent / "demonyms.json").read_text(encoding="utf-8")).items()
                   if k not in ADJECTIVES and k not in NOT_NATIONALS})

ROLE_TITLES: dict[str, str] = {
    "president": "president", "prime minister": "pm", "premier": "pm", "chancellor": "pm",
    "foreign minister": "fm", "secretary of state": "fm", "foreign secretary": "fm",
    "defence minister": "dm", "defense minister": "dm", "defense secretary": "dm",
    "defence secretary": "dm", "home minister": "home", "vice president": "vp",
    "secretary-general": "sg", "secretary general": "sg", "supreme leader": "leader",
    "king": "king", "queen": "king", "army chief": "chief",
}
NOT_CURRENT = frozenset("former ex late deputy vice outgoing incoming future".split())

AGENTS: dict[str, str] = {
    "protesters": "OPP", "protestors": "OPP", "demonstrators": "OPP", "opposition": "OPP",
    "soldiers": "MIL", "troops": "MIL", "army": "MIL", "military": "MIL", "forces": "MIL",
    "security forces": "MIL", "police": "COP", "policemen": "COP", "police officers": "COP",
    "government": "GOV", "administration": "GOV", "ministry": "GOV", "officials": "GOV",
    "militants": "REB", "terrorists": "REB", "extremists": "REB", "rebels": "REB",
    "insurgents": "REB", "fighters": "REB", "civilians": "CVL", "residents": "CVL",
    "villagers": "CVL", "people": "CVL", "students": "EDU", "teachers": "EDU",
    "journalists": "MED", "farmers": "AGR", "workers": "LAB", "judges": "JUD", "court": "JUD",
    "parliament": "LEG", "lawmakers": "LEG", "doctors": "HLH", "refugees": "REF",
    "criminals": "CRM", "businessmen": "BUS",
}

NOT_NAMES = frozenset(
    "north south east west northern southern eastern western north-east north-west south-east "
    "south-west northeast northwest southeast southwest central capital city country state "
    "government".split())

# Words before 'America' that make it a continent, not the United States (Latin America).
CONTINENT_QUALIFIERS = frozenset("latin south north central".split())

# Words that open a noun phrase without naming anything (the Nigerian Union of Teachers).
DETERMINERS = frozenset({"the", "a", "an"})
