"""Hindi number words, qualifiers and counted nouns, for the quantities stage.

All word keys are match keys (`ghatna.text.normalise.match_key`, nukta folded) with
chandrabindu written as anusvara (पाँच -> पांच), the folding `ghatna.quantities.extract` applies
to every token before a lookup.

Convention for vague plurals (दर्जनों, सैकड़ों, हज़ारों, लाखों, ...): the value is the base
(सैकड़ों -> 100) and the qualifier is `at_least`, since 'hundreds of' means at least one hundred.
"""

from __future__ import annotations

# Cardinal words 0..100 (and common variant spellings).
CARDINALS: dict[str, int] = {
    "शून्य": 0, "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "छह": 6, "छः": 6, "छ": 6,
    "सात": 7, "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14,
    "पंद्रह": 15, "पन्द्रह": 15, "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20,
    "इक्कीस": 21, "बाईस": 22, "तेईस": 23, "चौबीस": 24, "पच्चीस": 25, "छब्बीस": 26,
    "सत्ताईस": 27, "अट्ठाईस": 28, "अठाईस": 28, "उनतीस": 29, "तीस": 30, "इकतीस": 31,
    "इकत्तीस": 31, "बत्तीस": 32, "तैंतीस": 33, "चौंतीस": 34, "पैंतीस": 35, "छत्तीस": 36,
    "सैंतीस": 37, "अड़तीस": 38, "अडतीस": 38, "उनतालीस": 39, "उनचालीस": 39, "चालीस": 40,
    "इकतालीस": 41, "बयालीस": 42, "तैंतालीस": 43, "चवालीस": 44, "चौवालीस": 44,
    "पैंतालीस": 45, "छियालीस": 46, "सैंतालीस": 47, "अड़तालीस": 48, "अडतालीस": 48,
    "उनचास": 49, "पचास": 50, "इक्यावन": 51, "बावन": 52, "तिरेपन": 53, "तिरपन": 53,
    "चौवन": 54, "चौव्वन": 54, "पचपन": 55, "छप्पन": 56, "सत्तावन": 57, "अट्ठावन": 58,
    "अठावन": 58, "उनसठ": 59, "साठ": 60, "इकसठ": 61, "बासठ": 62, "तिरसठ": 63, "चौंसठ": 64,
    "पैंसठ": 65, "छियासठ": 66, "सड़सठ": 67, "सरसठ": 67, "अड़सठ": 68, "उनहत्तर": 69,
    "सत्तर": 70, "इकहत्तर": 71, "बहत्तर": 72, "तिहत्तर": 73, "चौहत्तर": 74, "पचहत्तर": 75,
    "छिहत्तर": 76, "सतहत्तर": 77, "अठहत्तर": 78, "उन्यासी": 79, "उनासी": 79, "अस्सी": 80,
    "इक्यासी": 81, "बयासी": 82, "तिरासी": 83, "चौरासी": 84, "पचासी": 85, "छियासी": 86,
    "सत्तासी": 87, "अट्ठासी": 88, "नवासी": 89, "नब्बे": 90, "इक्यानवे": 91, "बानवे": 92,
    "तिरानवे": 93, "चौरानवे": 94, "पचानवे": 95, "पिचानवे": 95, "छियानवे": 96, "सत्तानवे": 97,
    "अट्ठानवे": 98, "निन्यानवे": 99, "निन्यानबे": 99,
}

# Words that are numbers on their own but also common non-numeric words; counted only when a
# counted noun, a multiplier or a qualifier follows (एक = 'one' but also the article 'a').
WEAK_CARDINALS = frozenset({"एक", "छ"})

# Multipliers: सौ multiplies what precedes it inside a group; the others close a group.
MULTIPLIERS: dict[str, int] = {
    "सौ": 100, "सैकड़ा": 100, "हजार": 1_000, "लाख": 100_000, "करोड़": 10_000_000,
    "करोड": 10_000_000, "अरब": 1_000_000_000, "खरब": 100_000_000_000,
    "मिलियन": 1_000_000, "बिलियन": 1_000_000_000,
}

# Fractions that stand for a whole number.
FRACTIONS: dict[str, float] = {"डेढ़": 1.5, "डेढ": 1.5, "ढाई": 2.5, "आधा": 0.5, "आधे": 0.5}

# Fraction prefixes: साढ़े तीन = 3.5; सवा दो = 2.25; पौने दो = 1.75.  Before a multiplier
# alone they scale it: सवा लाख = 125,000; पौने सौ = 75; साढ़े is never used alone.
FRACTION_PREFIXES: dict[str, float] = {"साढ़े": 0.5, "साढे": 0.5, "सवा": 0.25, "पौने": -0.25}

# Twelve: दो दर्जन = 24.
DOZEN = frozenset({"दर्जन"})

# Vague plurals -> base value (approx at_least, see the module docstring).
VAGUE_PLURALS: dict[str, int] = {
    "दर्जनों": 12, "सैकड़ों": 100, "सैंकड़ों": 100, "सैकडों": 100, "सैंकडों": 100, "हजारों": 1_000,
    "लाखों": 100_000, "करोड़ों": 10_000_000, "करोडों": 10_000_000, "अरबों": 1_000_000_000,
}

# 'कई हज़ार' (several thousand) -> 1000, at_least.
SEVERAL = frozenset({"कई", "कुछ"})

# Qualifiers, as token sequences (match keys).  Before the number:
QUALIFIERS_BEFORE: dict[tuple[str, ...], str] = {
    ("कम", "से", "कम"): "at_least", ("कम-से-कम",): "at_least",
    ("लगभग",): "about", ("करीब",): "about", ("करीब-करीब",): "about", ("तकरीबन",): "about",
    ("अनुमानित",): "about", ("अंदाजन",): "about",
    ("अधिकतम",): "up_to", ("ज्यादा", "से", "ज्यादा"): "up_to", ("अधिक", "से", "अधिक"): "up_to",
    ("सिर्फ",): "exact", ("केवल",): "exact", ("महज",): "exact", ("मात्र",): "exact",
    ("कुल",): "exact",
}
# After the number (before or after the counted noun):
QUALIFIERS_AFTER: dict[tuple[str, ...], str] = {
    ("से", "अधिक"): "more_than", ("से", "ज्यादा"): "more_than", ("से", "ज़्यादा"): "more_than",
    ("से", "भी", "अधिक"): "more_than", ("से", "भी", "ज्यादा"): "more_than",
    ("से", "ऊपर"): "more_than", ("से", "पार"): "more_than",
    ("के", "पार"): "more_than",
    ("से", "कम"): "less_than", ("से", "भी", "कम"): "less_than",
    ("के", "करीब"): "about", ("के", "आसपास"): "about", ("के", "लगभग"): "about",
    ("के", "आस-पास"): "about",
}
# Directly after the number only (not after a noun): '50 तक' = up to 50.
QUALIFIERS_RIGHT_AFTER_NUMBER: dict[tuple[str, ...], str] = {("तक",): "up_to"}

# Words after a number that make it a time of day, an ordinal or an identifier, not a count.
NOT_A_COUNT_AFTER = frozenset({"बजे", "बजकर", "वां", "वीं", "वें", "वा", "वी", "वे"})
# Words before a number that make it an identifier or a year.
NOT_A_COUNT_BEFORE = frozenset({
    "धारा", "अनुच्छेद", "नंबर", "नम्बर", "क्रमांक", "वार्ड", "सेक्टर", "फ्लाइट",
    "पृष्ठ", "खंड", "अध्याय", "कमरा", "गेट", "प्लेटफॉर्म", "राजमार्ग", "हाईवे", "रूट", "कक्षा", "नं",
})
# Words before and after a four-digit number that make it a year (साल 2020, 1857 ई.).
YEAR_BEFORE = frozenset({"सन", "सन्", "साल", "वर्ष", "ईसवी"})
YEAR_AFTER = frozenset({"ई", "ईस्वी", "ईसवी", "ईसा"})
# After a counted noun: '300 रुपए तक' = up to 300 rupees (but '2 दिन तक' = for two days).
QUALIFIERS_AFTER_UNIT: dict[tuple[str, ...], str] = {("तक",): "up_to"}

# Words that may stand between a number and its counted noun.
UNIT_MODIFIERS = frozenset({"अन्य", "और", "नए", "नये", "नई", "बड़े", "बड़ी", "छोटे", "छोटी", "अतिरिक्त"})

# Words that are never a counted noun (postpositions, auxiliaries, conjunctions, pronouns, ...).
NOT_A_UNIT = frozenset(
    "का की के को से में पर ने तक और या व एवं है हैं था थे थी थीं हो होगा होगी होंगे हुआ हुए हुई "
    "गया गई गए जा कर करने किया की कि जो जिसमें जिनमें जिसके जिनके यह वह ये वे इस उस इन उन "
    "भी ही तो नहीं न लिए बाद पहले साथ द्वारा बजे प्रति लगभग करीब अधिक ज्यादा कम "
    "रहा रहे रही रहीं सकता सकते सकती चुके चुका चुकी गये आदि लेकिन मगर किंतु यानी यानि "
    "नए नई नये छोटे छोटी बड़े बड़ी प्रमुख कथित अन्य तरह तरफ ऐसे ऐसी जैसे जैसी खास अलग-अलग वो "
    "मारे मारा मारी आसान जीतने पहुंच पहुँच".split()
)

# Counted nouns (lemma match keys) -> English gloss.  Multi-word nouns are tuples of keys.
UNITS: dict[tuple[str, ...], str] = {
    # people
    ("लोग",): "people", ("व्यक्ति",): "people", ("आदमी",): "people", ("इंसान",): "people",
    ("जन",): "people", ("शख्स",): "people", ("नागरिक",): "civilians", ("युवक",): "young men",
    ("युवती",): "young women", ("महिला",): "women", ("पुरुष",): "men", ("बच्चा",): "children",
    ("बच्ची",): "girls", ("लड़का",): "boys", ("लड़की",): "girls", ("बुजुर्ग",): "elderly people",
    ("किसान",): "farmers", ("मजदूर",): "workers", ("श्रमिक",): "workers",
    ("कर्मचारी",): "employees", ("छात्र",): "students", ("छात्रा",): "students",
    ("यात्री",): "passengers", ("पर्यटक",): "tourists", ("श्रद्धालु",): "pilgrims",
    ("तीर्थयात्री",): "pilgrims", ("मरीज",): "patients", ("ग्रामीण",): "villagers",
    ("परिवार",): "families", ("सदस्य",): "members", ("नेता",): "leaders",
    ("कार्यकर्ता",): "activists", ("प्रदर्शनकारी",): "protesters", ("उपद्रवी",): "rioters",
    ("दंगाई",): "rioters", ("आतंकवादी",): "terrorists", ("आतंकी",): "terrorists",
    ("उग्रवादी",): "militants", ("चरमपंथी",): "militants", ("नक्सली",): "Naxalites",
    ("माओवादी",): "Maoists", ("लड़ाका",): "fighters", ("विद्रोही",): "rebels",
    ("अपराधी",): "criminals", ("आरोपी",): "accused", ("संदिग्ध",): "suspects",
    ("कैदी",): "prisoners", ("बंदी",): "prisoners", ("बंधक",): "hostages",
    ("शरणार्थी",): "refugees", ("प्रवासी",): "migrants", ("मृतक",): "dead", ("घायल",): "injured",
    ("शव",): "bodies", ("लाश",): "bodies", ("सैनिक",): "troops", ("सैन्यकर्मी",): "troops",
    ("फौजी",): "troops", ("जवान",): "soldiers", ("सिपाही",): "soldiers",
    ("पुलिसकर्मी",): "police officers", ("पुलिसवाला",): "police officers",
    ("सुरक्षाकर्मी",): "security personnel", ("अधिकारी",): "officials", ("डॉक्टर",): "doctors",
    ("पत्रकार",): "journalists", ("कर्मी",): "personnel", ("दमकलकर्मी",): "firefighters",
    ("मछुआरा",): "fishermen", ("भारतीय",): "Indians", ("विदेशी",): "foreigners",
    ("मतदाता",): "voters", ("उम्मीदवार",): "candidates", ("प्रत्याशी",): "candidates",
    ("सांसद",): "MPs", ("विधायक",): "MLAs", ("मंत्री",): "ministers", ("जज",): "judges",
    ("न्यायाधीश",): "judges", ("खिलाड़ी",): "players", ("बच्चे",): "children",
    # animals
    ("मवेशी",): "cattle", ("गाय",): "cows", ("पशु",): "animals", ("जानवर",): "animals",
    ("भेड़",): "sheep", ("बकरी",): "goats",
    # places, buildings, organisations
    ("घर",): "houses", ("मकान",): "houses", ("इमारत",): "buildings", ("भवन",): "buildings",
    ("झोपड़ी",): "huts", ("गांव",): "villages", ("जिला",): "districts", ("राज्य",): "states",
    ("देश",): "countries", ("शहर",): "cities", ("दुकान",): "shops", ("व्यवसाय",): "businesses",
    ("कारोबार",): "businesses", ("कंपनी",): "companies", ("बैंक",): "banks",
    ("शॉपिंग", "सेंटर"): "shopping centres", ("शापिंग", "सेंटर"): "shopping centres",
    ("मॉल",): "malls", ("स्कूल",): "schools", ("विद्यालय",): "schools",
    ("अस्पताल",): "hospitals", ("मंदिर",): "temples", ("मस्जिद",): "mosques",
    ("चर्च",): "churches", ("शिविर",): "camps", ("राहत", "शिविर"): "relief camps",
    ("कैंप",): "camps", ("पुल",): "bridges", ("सड़क",): "roads", ("संगठन",): "organisations",
    ("दल",): "parties", ("पार्टी",): "parties", ("टीम",): "teams", ("सीट",): "seats",
    ("पद",): "posts", ("केंद्र",): "centres", ("थाना",): "police stations",
    # things
    ("वाहन",): "vehicles", ("गाड़ी",): "vehicles", ("कार",): "cars", ("बस",): "buses",
    ("ट्रक",): "trucks", ("ट्रेन",): "trains", ("विमान",): "aircraft",
    ("हेलीकॉप्टर",): "helicopters", ("टैंक",): "tanks", ("मिसाइल",): "missiles",
    ("रॉकेट",): "rockets", ("बम",): "bombs", ("हथियार",): "weapons", ("उपकरण",): "equipment",
    ("बंदूक",): "guns", ("गोली",): "bullets", ("नाव",): "boats", ("पेड़",): "trees",
    ("खंभा",): "poles", ("मामला",): "cases", ("घटना",): "incidents", ("हमला",): "attacks",
    ("धमाका",): "blasts", ("विस्फोट",): "explosions", ("वोट",): "votes", ("मत",): "votes",
    ("प्रस्ताव",): "proposals", ("फसल",): "crops", ("पदक",): "medals", ("फिल्म",): "films",
    ("सवाल",): "questions", ("नौकरी",): "jobs", ("स्थान",): "places", ("जगह",): "places",
    ("ग्रह",): "planets", ("भाई",): "brothers", ("बहन",): "sisters", ("वकील",): "lawyers",
    ("शिक्षक",): "teachers", ("सहयोगी",): "colleagues", ("दर्शक",): "spectators",
    # sport
    ("रन",): "runs", ("विकेट",): "wickets", ("गेंद",): "balls", ("मैच",): "matches",
    ("टेस्ट",): "tests", ("ओवर",): "overs", ("गोल",): "goals", ("छक्का",): "sixes",
    ("चौका",): "fours", ("पारी",): "innings", ("शतक",): "centuries",
    # how many times
    ("बार",): "times", ("दफा",): "times", ("गुना",): "times over",
    # time
    ("दिन",): "days", ("सप्ताह",): "weeks", ("हफ्ता",): "weeks", ("महीना",): "months",
    ("माह",): "months", ("साल",): "years", ("वर्ष",): "years", ("बरस",): "years",
    ("घंटा",): "hours", ("मिनट",): "minutes", ("सेकंड",): "seconds", ("दशक",): "decades",
    ("सदी",): "centuries", ("शताब्दी",): "centuries", ("रात",): "nights",
    ("वर्षीय",): "years old", ("साला",): "years old",
    # measures and money
    ("मेगावाट",): "megawatts", ("किलोवाट",): "kilowatts", ("वाट",): "watts",
    ("किलोमीटर",): "km", ("किमी",): "km", ("मीटर",): "metres", ("फुट",): "feet", ("फीट",): "feet",
    ("किलो",): "kg", ("किलोग्राम",): "kg", ("ग्राम",): "grams", ("टन",): "tonnes",
    ("लीटर",): "litres", ("हेक्टेयर",): "hectares", ("एकड़",): "acres", ("मिमी",): "mm",
    ("मिलीमीटर",): "mm", ("सेंटीमीटर",): "cm", ("डिग्री",): "degrees", ("रुपया",): "rupees",
    ("रुपए",): "rupees", ("रूपया",): "rupees", ("रूपए",): "rupees", ("डॉलर",): "dollars", ("यूरो",): "euros", ("पाउंड",): "pounds",
    ("प्रतिशत",): "percent", ("फीसदी",): "percent", ("फीसद",): "percent",
}

# Nouns for percentages: the unit is written '%'.
PERCENT_WORDS = frozenset({"प्रतिशत", "फीसदी", "फीसद", "%"})

# Plural and oblique endings -> what to put back to get the lemma, tried in order.
# (सैनिकों -> सैनिक, प्रदर्शनकारियों -> प्रदर्शनकारी, महिलाओं -> महिला, लड़के -> लड़का,
# घटनाएं -> घटना, गाड़ियां -> गाड़ी.)
LEMMA_RULES: tuple[tuple[str, str], ...] = (
    ("ियों", "ी"), ("ियां", "ी"), ("ुओं", "ु"), ("ाओं", "ा"), ("ओं", ""), ("ों", "ा"), ("ों", ""),
    ("एं", ""), ("ें", ""), ("े", "ा"), ("ए", "आ"),
)

# Counted nouns for which the quantity is a casualty count when a casualty word is near.
PERSON_UNITS = frozenset({
    "people", "civilians", "young men", "young women", "women", "men", "children", "girls",
    "boys", "elderly people", "farmers", "workers", "employees", "students", "passengers",
    "tourists", "pilgrims", "patients", "villagers", "families", "members", "leaders",
    "activists", "protesters", "rioters", "terrorists", "militants", "Naxalites", "Maoists",
    "fighters", "rebels", "criminals", "accused", "suspects", "prisoners", "hostages",
    "refugees", "migrants", "dead", "injured", "bodies", "troops", "soldiers",
    "police officers", "security personnel", "officials", "doctors", "journalists",
    "personnel", "firefighters", "fishermen", "Indians", "foreigners", "cattle", "cows",
    "animals", "houses", "MPs", "MLAs", "ministers",
})

# Words that mark a count as casualties (dead, injured, missing, arrested, affected,
# displaced): exact match keys, and prefixes that only start such words.
CASUALTY_WORDS = frozenset({
    "मौत", "मौतें", "मारे", "मारा", "मारी", "मरने", "मरे", "मरी", "हताहत", "लापता", "हिरासत",
    "प्रभावित", "बेघर", "शहीद", "हत्या", "जान", "डूबे", "डूबने", "डूब", "झुलसे", "झुलस", "दबे",
    "दबकर", "बहे", "बह",
})
CASUALTY_PREFIXES = ("घायल", "जख्मी", "गिरफ्तार", "हताहत", "विस्थापित", "मृत", "शव", "लाश")

# A time span is how long an event lasted (दो सप्ताह का आपातकाल, 10 दिन तक कर्फ्यू) when one of
# DURATION_AFTER follows it, unless a word of NOT_DURATION_BEFORE precedes it or one of
# NOT_DURATION_AFTER follows it or that cue (पिछले दो सप्ताह में, दो दिन पहले, दो दिन के भीतर).
DURATION_BEFORE: frozenset[str] = frozenset()
DURATION_AFTER = frozenset({"के", "का", "की", "तक", "भर", "लंबे", "लंबी", "लंबा"})
NOT_DURATION_BEFORE = frozenset({"पिछले", "बीते", "गत", "अगले", "आगामी", "इन", "उन", "हर", "प्रति", "पहले"})
NOT_DURATION_AFTER = frozenset({"पहले", "बाद", "में", "से", "भीतर", "अंदर", "अंतराल", "पूर्व", "बीतने"})
