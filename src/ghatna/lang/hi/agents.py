"""Hindi actor words: adjectival (demonym) forms of countries, role titles, and generic agent
nouns with their CAMEO agent codes (chapter 3 of the CAMEO codebook; the Phoenix agents
dictionary codes the same English nouns the same way).  Keys are match keys (nukta folded).
"""

from __future__ import annotations

from ghatna.text.normalise import match_key

# Adjectival forms -> ISO 3166-1 alpha-3.
ADJECTIVES: dict[str, str] = {match_key(k): v for k, v in {
    "रूसी": "RUS", "कज़ाख": "KAZ", "कज़ाख़": "KAZ", "क़ज़ाख़": "KAZ", "कज़ाख़स्तानी": "KAZ",
    "अमेरिकी": "USA", "अमरीकी": "USA", "अमेरिकन": "USA", "ब्रिटिश": "GBR", "ब्रितानी": "GBR",
    "चीनी": "CHN", "भारतीय": "IND", "पाकिस्तानी": "PAK", "बांग्लादेशी": "BGD", "नेपाली": "NPL",
    "श्रीलंकाई": "LKA", "अफ़ग़ान": "AFG", "अफ़ग़ानी": "AFG", "ईरानी": "IRN", "इराक़ी": "IRQ",
    "इसराइली": "ISR", "इज़राइली": "ISR", "इज़रायली": "ISR", "फ़लस्तीनी": "PSE", "फ़िलिस्तीनी": "PSE",
    "सीरियाई": "SYR", "सऊदी": "SAU", "तुर्की": "TUR", "तुर्क": "TUR", "मिस्री": "EGY",
    "फ़्रांसीसी": "FRA", "फ्रांसीसी": "FRA", "जर्मन": "DEU", "इतालवी": "ITA", "स्पेनिश": "ESP",
    "जापानी": "JPN", "कोरियाई": "KOR", "उत्तर कोरियाई": "PRK", "दक्षिण कोरियाई": "KOR",
    "यूक्रेनी": "UKR", "यूक्रेनियाई": "UKR", "बेलारूसी": "BLR", "आर्मेनियाई": "ARM", "अर्मेनियाई": "ARM",
    "ताजिक": "TJK", "किर्गिज़": "KGZ", "उज़्बेक": "UZB", "अज़रबैजानी": "AZE", "जॉर्जियाई": "GEO",
    "कनाडाई": "CAN", "ऑस्ट्रेलियाई": "AUS", "ब्राज़ीली": "BRA", "मैक्सिकन": "MEX",
    "म्यांमार": "MMR", "भूटानी": "BTN", "मालदीवी": "MDV", "इंडोनेशियाई": "IDN", "वियतनामी": "VNM",
    "पोलिश": "POL", "डच": "NLD", "यूनानी": "GRC", "नाइजीरियाई": "NGA", "केन्याई": "KEN",
    "लेबनानी": "LBN", "यमनी": "YEM", "क़तरी": "QAT", "लीबियाई": "LBY", "सूडानी": "SDN",
    "स्कॉटिश": "GBR", "अंग्रेज़": "GBR", "वेल्श": "GBR", "आयरिश": "IRL",
    "स्वीडिश": "SWE", "स्विस": "CHE", "ऑस्ट्रियाई": "AUT", "बेल्जियाई": "BEL", "पुर्तगाली": "PRT",
    "अर्जेंटीनी": "ARG", "वेनेज़ुएलाई": "VEN", "क्यूबाई": "CUB", "थाई": "THA", "मलेशियाई": "MYS",
    "फ़िलीपीनी": "PHL", "सिंगापुरी": "SGP", "ईरानियों": "IRN",
    "सर्ब": "SRB", "सर्बियाई": "SRB", "बोस्नियाई": "BIH", "ग्रीक": "GRC", "बर्मी": "MMR", "कुवैती": "KWT",
    "क्रोएशियाई": "HRV", "अल्जीरियाई": "DZA", "ताइवानी": "TWN", "तिब्बती": "CHN", "कश्मीरी": "IND",
}.items()}

# Role titles -> the role names used in the registry ('president', 'pm', 'fm', 'dm', ...).
ROLE_TITLES: dict[str, str] = {match_key(k): v for k, v in {
    "राष्ट्रपति": "president", "प्रधानमंत्री": "pm", "प्रधान मंत्री": "pm", "पीएम": "pm",
    "चांसलर": "pm", "विदेश मंत्री": "fm", "विदेशमंत्री": "fm", "रक्षा मंत्री": "dm", "रक्षामंत्री": "dm",
    "गृह मंत्री": "home", "गृहमंत्री": "home", "उपराष्ट्रपति": "vp", "महासचिव": "sg",
    "सर्वोच्च नेता": "leader", "शासक": "leader", "राजा": "king", "महारानी": "king", "सम्राट": "king",
    "सेना प्रमुख": "chief", "सेनाध्यक्ष": "chief",
}.items()}
# Words before a role title that make it someone other than the holder at the document's date.
NOT_CURRENT = frozenset(match_key(w) for w in "पूर्व भूतपूर्व उप निवर्तमान दिवंगत भावी नए नव-निर्वाचित".split())

# Generic actor nouns (groups, offices and their members) -> (English name, CAMEO agent code):
# the one table of them for Hindi (the events stage makes AGENT entities of them, resolve codes
# "<name> <noun>" organisations with them).  Codes follow chapter 3 of the CAMEO codebook and the
# Phoenix agents dictionary: REB is the codebook's catch-all for violent opposition groups, so
# terrorists, militants (चरमपंथी is BBC Hindi's word for militants, not "extremist", RAD) and
# Naxalites are REB; UAF, the codebook's last resort for armed groups, is kept for armed men of
# no stated allegiance (fighters, gunmen, attackers: Phoenix COMBATANT, ASSAILANT, ARMED_MEN);
# doctors are health workers (HLH; MED is the media); a political party is PTY.
AGENT_NOUNS: dict[str, tuple[str, str]] = {}
for _words, _agent in (
    ("प्रदर्शनकारी प्रदर्शनकारियों आंदोलनकारी आंदोलनकारियों", ("protesters", "OPP")),
    ("विपक्ष विपक्षी", ("opposition", "OPP")),
    ("सरकार सरकारों प्रशासन हुकूमत", ("government", "GOV")),
    ("मंत्रालय मंत्रालयों", ("ministry", "GOV")),
    ("अधिकारी अधिकारियों अफ़सर अफ़सरों राजनयिक राजनयिकों कूटनीतिक कूटनीतिज्ञ कूटनीतिज्ञों",
     ("officials", "GOV")),
    ("पुलिस पुलिसकर्मी पुलिसकर्मियों पुलिसवाले पुलिसवालों", ("police", "COP")),
    ("सेना सेनाओं सैनिक सैनिकों सैन्य जवान जवानों फ़ौज फ़ौजों फ़ौजी फ़ौजियों बलों सुरक्षाबल सुरक्षाबलों",
     ("military", "MIL")),
    ("आतंकवादी आतंकवादियों आतंकी आतंकियों चरमपंथी चरमपंथियों उग्रवादी उग्रवादियों नक्सली नक्सलियों "
     "माओवादी माओवादियों", ("militants", "REB")),
    ("विद्रोही विद्रोहियों बागी बागियों अलगाववादी अलगाववादियों", ("rebels", "REB")),
    ("लड़ाके लड़ाकों बंदूकधारी बंदूकधारियों हमलावर हमलावरों", ("armed men", "UAF")),
    ("नागरिक नागरिकों लोग लोगों ग्रामीण ग्रामीणों", ("civilians", "CVL")),
    ("छात्र छात्रों छात्रा छात्राओं विद्यार्थी विद्यार्थियों शिक्षक शिक्षकों विश्वविद्यालय",
     ("students", "EDU")),
    ("पत्रकार पत्रकारों मीडिया", ("journalists", "MED")),
    ("किसान किसानों", ("farmers", "AGR")),
    ("मज़दूर मज़दूरों श्रमिक श्रमिकों", ("workers", "LAB")),
    ("अदालत अदालतों न्यायालय न्यायालयों न्यायाधीश न्यायाधीशों जज जजों", ("court", "JUD")),
    ("संसद सांसद सांसदों विधायक विधायकों", ("legislature", "LEG")),
    ("डॉक्टर डॉक्टरों चिकित्सक चिकित्सकों", ("doctors", "HLH")),
    ("शरणार्थी शरणार्थियों", ("refugees", "REF")),
    ("अपराधी अपराधियों तस्कर तस्करों", ("criminals", "CRM")),
    ("व्यापारी व्यापारियों कारोबारी कारोबारियों", ("business", "BUS")),
    ("पार्टी पार्टियों पार्टियां", ("party", "PTY")),
    # titles: on their own an agent (ताइवान के उप विदेश मंत्री ने); before a name, that person's role
    ("मंत्री मंत्रियों राजदूत राजदूतों", ("minister", "GOV")),
    ("जनरल ब्रिगेडियर कर्नल कमांडर कमांडरों", ("officers", "MIL")),
):
    for _word in _words.split():
        AGENT_NOUNS[match_key(_word)] = _agent
# Modifiers that place a group outside the document's country (विदेशी सैनिक: foreign troops), so
# that it is not given that country when its phrase names none.
FOREIGN_MODIFIERS = frozenset(match_key(w) for w in "विदेशी बाहरी अंतरराष्ट्रीय अंतर्राष्ट्रीय".split())

# Heads that make an agent only at the end of an organisation's name (सीएसटीओ बल, रूसी सुरक्षा
# बल): on its own बल is also "emphasis" (बल दिया).
NAME_HEADS: dict[str, tuple[str, str]] = {match_key(k): v for k, v in {
    "बल": ("military", "MIL"), "सुरक्षा बल": ("military", "MIL"), "अर्धसैनिक बल": ("military", "MIL"),
}.items()}

# Noun, phrase or name head -> CAMEO agent code.
AGENTS: dict[str, str] = {key: code for key, (_name, code) in (AGENT_NOUNS | NAME_HEADS).items()}


# Words that a recogniser may tag but that never name one place or actor on their own
# (directions, generic regions): never resolved.
NOT_NAMES = frozenset(match_key(w) for w in (
    "उत्तर दक्षिण पूर्व पश्चिम उत्तरी दक्षिणी पूर्वी पश्चिमी उत्तर-पूर्व उत्तर-पश्चिम दक्षिण-पूर्व "
    "दक्षिण-पश्चिम उत्तर-पूर्वी उत्तर-पश्चिमी दक्षिण-पूर्वी दक्षिण-पश्चिमी पूर्वोत्तर मध्य केंद्र "
    "राजधानी शहर देश राज्य प्रांत जिला ज़िला गांव गाँव सरकार काउंटी स्टेट सिटी टाउन नगर महानगर "
    "द्वीप महाद्वीप महासागर समुद्र नदी पहाड़ घाटी साउथ नॉर्थ ईस्ट वेस्ट सेंट्रल ग्रेटर अपर लोअर".split()))

# The country Hindi news is mostly about: a weak prior for places the text does not place
# (a town named in Hindi with no country around it is most likely Indian).
HOME_COUNTRY = "IND"
HOME_WEIGHT = 0.5

# Words that mark an organisation's name as international (or transliterated English); only
# such names are worth the cost of an embedding lookup among international organisations.
INTERNATIONAL_MARKERS = frozenset(match_key(w) for w in (
    "अंतरराष्ट्रीय अंतर्राष्ट्रीय विश्व संयुक्त यूरोपीय यूरोपियन इंटरनेशनल वर्ल्ड ग्लोबल एशियाई एशियन "
    "अफ़्रीकी अफ्रीकी अफ़्रीकन अरब इस्लामी इस्लामिक राष्ट्रमंडल नेशंस यूनाइटेड ओलंपिक "
    "अंतर-सरकारी क्षेत्रीय".split()))

# Direction words that open place names (पश्चिमी वर्जीनिया = West Virginia), in English.
DIRECTIONS: dict[str, str] = {match_key(k): v for k, v in {
    "पश्चिमी": "West", "पश्चिम": "West", "पूर्वी": "East", "पूर्व": "East", "उत्तरी": "North",
    "उत्तर": "North", "दक्षिणी": "South", "दक्षिण": "South", "न्यू": "New", "साउथ": "South",
    "नॉर्थ": "North", "ईस्ट": "East", "वेस्ट": "West",
}.items()}

# Words before अमेरिका that make it a continent, not the United States (लैटिन अमेरिका).
CONTINENT_QUALIFIERS = frozenset(match_key(w) for w in "लैटिन लातिन दक्षिण दक्षिणी उत्तर उत्तरी मध्य".split())

# Endings of nationality adjectives made from a country's name (युगांडा -> युगांडाई, इराक -> इराकी).
DEMONYM_ENDINGS = ("ी", "ई")
# Plural (oblique) endings of nationality nouns and what their singular ends in: फ़िलिस्तीनियों ->
# फ़िलिस्तीनी, तुर्कों -> तुर्क.
NATIONALITY_PLURALS = (("ियों", "ी"), ("ों", ""))
