"""Hindi event language data: trigger lexicon, light verbs, case markers, modality and date words.

Written for ghatna.  International politics in Hindi news is mostly stated with a noun and a
light verb (बैठक की, समर्थन किया, आरोप लगाया, इस्तीफा दिया, आपातकाल की घोषणा की, धावा बोला)
or a participle (तैनात किया, गिरफ्तार किया).  TRIGGERS maps the nominal or verbal head (one
or more words, as written) to a PLOVER type and mode; the stage extends the span over the light
verb that follows.  Variant spellings (nukta, chandrabindu) are folded by `match_key`.
"""

from __future__ import annotations

# Generic actor nouns (सरकार, पुलिस, सेना, ...) and their CAMEO agent codes are one table, the
# agents part's AGENT_NOUNS; the codes' English names are re-exported for readers of this part.

# head phrase -> (PLOVER type, mode or None).  Inflected forms are listed: Hindi nouns take
# oblique (-े) and plural (-ों) forms before postpositions.
TRIGGERS: dict[str, tuple[str, str | None]] = {}


def _add(kind: str, mode: str | None, *heads: str) -> None:
    for head in heads:
        TRIGGERS[head] = (kind, mode)


# CONSULT: meetings, talks, visits, calls
_add("CONSULT", None, "बैठक", "बैठकों", "वार्ता", "वार्ताओं", "बातचीत", "मुलाकात", "मुलाक़ात",
     "मुलाकातों", "भेंट", "चर्चा", "चर्चाओं", "परामर्श", "विचार-विमर्श", "विचार विमर्श", "मंत्रणा")
_add("CONSULT", "multilateral", "शिखर सम्मेलन", "शिखर बैठक", "सम्मेलन", "शिखर वार्ता")
_add("CONSULT", "visit", "दौरा", "दौरे", "दौरों", "यात्रा", "यात्राओं")
_add("CONSULT", "phone", "फोन पर बात", "फ़ोन पर बात", "टेलीफोन पर बात", "फोन किया", "फ़ोन किया")
_add("CONSULT", None, "मेजबानी", "मेज़बानी")
# AGREE: intent, agreement in principle, promises
_add("AGREE", None, "सहमति", "सहमत", "राजी", "राज़ी", "वादा", "वादे", "वचन", "संकल्प", "प्रतिज्ञा",
     "प्रतिबद्धता", "आश्वासन", "इरादा जताया", "पेशकश")
# SUPPORT: endorse, praise, thank, welcome, sign agreements, recognise
_add("SUPPORT", None, "समर्थन", "प्रशंसा", "सराहना", "तारीफ", "तारीफ़", "स्वागत", "धन्यवाद", "आभार",
     "शुक्रिया", "बधाई", "मान्यता", "समझौते पर हस्ताक्षर", "समझौता", "समझौते", "संधि पर हस्ताक्षर",
     "हस्ताक्षर", "माफी मांगी", "माफ़ी मांगी", "क्षमा मांगी")
# CONCEDE: accede, ease restrictions
_add("CONCEDE", None, "मांगें मान", "मांग मान", "मांगें स्वीकार", "मांग स्वीकार", "ढील", "रियायत")
# COOPERATE
_add("COOPERATE", None, "सहयोग", "साझेदारी", "संयुक्त अभ्यास", "खुफिया जानकारी साझा", "जानकारी साझा")
# AID
_add("AID", None, "सहायता", "मदद", "राहत सामग्री", "अनुदान", "आर्थिक पैकेज",
     "उपलब्ध कराने", "उपलब्ध कराया", "उपलब्ध कराए", "शरण दी")
# RETREAT: resign, withdraw, release, ceasefire, give access
_add("RETREAT", "resign", "इस्तीफा", "इस्तीफ़ा", "इस्तीफे", "इस्तीफ़े", "त्यागपत्र", "पद छोड़", "पद छोड़ने")
_add("RETREAT", "withdraw", "वापसी", "वापस बुला", "वापस बुलाया", "पीछे हट", "पीछे हटने", "पीछे हटे",
     "हटा लिया", "हटा लिए")
_add("RETREAT", "release", "रिहा", "रिहाई", "मुक्त कर")
_add("RETREAT", "ceasefire", "युद्धविराम", "युद्ध विराम", "संघर्षविराम", "संघर्ष विराम", "सीजफायर")
_add("RETREAT", "disarm", "हथियार डाल", "आत्मसमर्पण", "सरेंडर")
# REQUEST: demand, appeal, ask
_add("REQUEST", None, "मांग", "माँग", "मांगें", "अनुरोध", "आग्रह", "अपील", "गुहार", "आह्वान")
_add("REQUEST", "meet", "बातचीत की पेशकश")
# ACCUSE: accuse, criticise, condemn, investigate
_add("ACCUSE", "allege", "आरोप", "आरोपों", "दोषी ठहराया", "ज़िम्मेदार ठहराया", "जिम्मेदार ठहराया",
     "मुकदमा", "शिकायत")
_add("ACCUSE", "disapprove", "आलोचना", "निंदा", "भर्त्सना", "नाराजगी", "नाराज़गी", "फटकार", "विरोध जताया",
     "आपत्ति")
_add("ACCUSE", "investigate", "जांच", "जाँच", "तहकीकात", "पूछताछ")
# REJECT
_add("REJECT", None, "खारिज", "ख़ारिज", "अस्वीकार", "ठुकरा", "ठुकराया", "ठुकरा दिया", "इनकार", "इंकार",
     "मना कर", "अनुमति नहीं", "इजाजत नहीं", "इजाज़त नहीं", "बर्दाश्त नहीं", "वीटो")
# Refusals to allow something: a future one ("will not allow another revolution") is a forceful
# warning, THREATEN in PLOVER; a past one ("did not allow them in") stays REJECT.
PERMISSION_REFUSALS = ("अनुमति नहीं", "इजाजत नहीं", "इजाज़त नहीं", "बर्दाश्त नहीं")
# THREATEN
_add("THREATEN", None, "धमकी", "धमकियां", "धमकियों", "चेतावनी", "अल्टीमेटम")
_add("THREATEN", "violence", "हमले की धमकी", "युद्ध की धमकी")
# PROTEST
_add("PROTEST", "demo", "प्रदर्शन", "प्रदर्शनों", "विरोध प्रदर्शन", "विरोध-प्रदर्शन", "विरोध", "रैली",
     "आंदोलन", "आन्दोलन", "धरना", "धरने", "अशांति", "उथल-पुथल", "विद्रोह", "बगावत", "क्रांति",
     "क्रांतियों")
_add("PROTEST", "riot", "दंगा", "दंगे", "दंगों", "उपद्रव", "बवाल", "हिंसक प्रदर्शन", "लूटपाट")
_add("PROTEST", "strike", "हड़ताल", "हडताल", "बंद का आह्वान")
_add("PROTEST", "hunger", "भूख हड़ताल", "अनशन")
_add("PROTEST", "boycott", "बहिष्कार")
_add("PROTEST", "obstruct", "नाकेबंदी", "चक्का जाम", "घेराव")
_add("PROTEST", "vandalize", "तोड़फोड़", "तोड़-फोड़")
# SANCTION
_add("SANCTION", "discontinue", "प्रतिबंध", "प्रतिबंधों", "पाबंदी", "पाबंदियां", "पाबंदियों", "संबंध तोड़",
     "रिश्ते तोड़", "व्यापार रोक")
_add("SANCTION", "expel", "निष्कासित", "निष्कासन", "देश छोड़ने का आदेश")
_add("SANCTION", "convict", "सजा", "सज़ा", "दोषी करार", "दोषी पाया")
_add("SANCTION", "withdraw", "राजदूत वापस")
# MOBILIZE
_add("MOBILIZE", "troops", "तैनात", "तैनाती", "सैनिक भेजे", "सेना भेजी", "सैनिकों को भेजा", "बल भेजे",
     "सैन्य अभ्यास", "लामबंद", "लामबंदी", "सैनिकों का जमावड़ा")
_add("MOBILIZE", "police", "पुलिस तैनात", "सुरक्षा बढ़ा", "अर्धसैनिक बल तैनात")
_add("MOBILIZE", "weapons", "मिसाइल परीक्षण", "परमाणु परीक्षण")
# COERCE
_add("COERCE", "martial-law", "आपातकाल", "आपात स्थिति", "आपातकाल की घोषणा", "मार्शल लॉ",
     "राष्ट्रपति शासन")
_add("COERCE", "curfew", "कर्फ्यू", "कर्फ़्यू", "धारा 144")
_add("COERCE", "arrest", "गिरफ्तार", "गिरफ़्तार", "गिरफ्तारी", "गिरफ़्तारी", "हिरासत", "हिरासत में",
     "नजरबंद", "नज़रबंद", "कैद")
_add("COERCE", "seize", "जब्त", "ज़ब्त", "छापा", "छापे", "छापेमारी", "कब्जा", "क़ब्ज़ा", "कब्जे")
_add("COERCE", "deport", "निर्वासित", "प्रत्यर्पण", "देश से निकाला")
_add("COERCE", "withhold", "इंटरनेट बंद", "इंटरनेट सेवा बंद", "बिजली काट")
_add("COERCE", "censor", "सेंसर")
_add("COERCE", "restrict", "नकेल कस", "नकेल कसने", "नकेल कसी", "नकेल कसा", "दमन", "कुचल")
# ASSAULT.  Killing verbs (मारे गए) are left out: Hindi reports use them for the casualties of
# an attack already named, and a murder by a person is a crime, not a political event.
_add("ASSAULT", None, "हमला", "हमले", "हमलों", "धावा", "आक्रमण", "झड़प", "झड़पें", "झड़पों",
     "लड़ाई", "युद्ध", "जंग", "हिंसा", "मुठभेड़", "नरसंहार",
     "सशस्त्र संघर्ष", "हिंसक संघर्ष", "कत्लेआम", "क़त्लेआम")
_add("ASSAULT", "firearms", "गोलीबारी", "गोली मार", "गोलियां चला", "फायरिंग", "फ़ायरिंग", "गोली चला")
_add("ASSAULT", "explosives", "विस्फोट", "धमाका", "धमाके", "बम धमाका", "बम धमाके", "आईईडी")
_add("ASSAULT", "aerial", "हवाई हमला", "हवाई हमले", "हवाई हमलों", "बमबारी", "हवाई बमबारी")
_add("ASSAULT", "drone", "ड्रोन हमला", "ड्रोन हमले", "ड्रोन हमलों")
_add("ASSAULT", "heavy-weapons", "गोलाबारी", "रॉकेट हमला", "रॉकेट दागे", "मिसाइल हमला", "मिसाइल दागी")
_add("ASSAULT", "suicide-attack", "आत्मघाती हमला", "आत्मघाती हमले", "आत्मघाती हमलों", "आत्मघाती हमलावर")
_add("ASSAULT", "abduct", "अपहरण", "अगवा", "बंधक")
_add("ASSAULT", "beat", "पिटाई", "मारपीट", "पीटा")
_add("ASSAULT", "sexual", "बलात्कार", "दुष्कर्म", "यौन उत्पीड़न")
_add("ASSAULT", "targeted", "हत्या की", "हत्या कर", "साजिश रच")
_add("ASSAULT", None, "मार डाला", "मार डाले", "मार गिराया", "मार गिराए")  # active killing, not मारे गए
_add("ASSAULT", "primitive", "आगजनी", "आग लगा", "चाकू")
_add("ASSAULT", "crowd-control", "लाठीचार्ज", "आंसू गैस", "आँसू गैस", "पानी की बौछार")
_add("ASSAULT", "destroy", "ध्वस्त", "नष्ट कर")

# Violence that, in the story of a riot, is the riot itself (PLOVER PROTEST riot: arson,
# clashes, stone-pelting; not firing, mostly the police's), and explosions and destruction that,
# in the story of a disaster or accident, are that disaster (a gas cylinder or boiler blast, a
# volcano's explosion, houses destroyed by a storm), not an attack.
RIOT_ACTS = frozenset({"आगजनी", "आग", "झड़प", "झड़पें", "झड़पों", "पथराव", "हिंसा", "तोड़फोड़",
                       "तोड़-फोड़"})
DISASTER_READINGS = frozenset({"विस्फोट", "धमाका", "धमाके", "ध्वस्त"})

# Heads that are events only in a sentence with one of these words: प्रदर्शन is also a
# performance (खिलाड़ियों का अच्छा प्रदर्शन), so a protest needs protest words around it.
PROTEST_CONTEXT = frozenset({"विरोध", "प्रदर्शनकारी", "प्रदर्शनकारियों", "नारे", "नारेबाजी", "नारेबाज़ी",
                             "खिलाफ", "ख़िलाफ़", "सड़कों", "धरना", "आंदोलन", "मांग", "मांगों", "रैली",
                             "हड़ताल", "पुलिस", "सरकार", "लाठीचार्ज", "आंसू"})
CONTEXT_REQUIRED: dict[str, frozenset[str]] = {"प्रदर्शन": PROTEST_CONTEXT, "प्रदर्शनों": PROTEST_CONTEXT}

# Words that complete a nominal head into a predicate (light verbs and auxiliaries); the
# trigger span runs over them.  Also used to tell a stated event from a bare noun.
LIGHT_VERBS = frozenset("""
किया की किए किये कराने करवाने दिलाने करेगा करेगी करेंगे करूंगा करूँगा करें करे कर करना करने करते करता करती करवाया कराया कराई कराए
हुआ हुई हुए हुईं हो होगा होगी होंगे होने होता होती होते
दिया दी दिए दिये दे देंगे देगा देगी देने देते देता देती दें
लगाया लगाई लगाए लगा लगाने लगाते लिया ली लिए लिये ले लेंगे लेगा लेने लेते
बोला बोली बोले बोल बोलने गया गई गए गये गयी रहा रही रहे रहीं चुका चुकी चुके था थी थे थीं है हैं
जताया जताई जताए जताने व्यक्त प्रकट पड़ा पड़ी पड़े बुलाई बुलाया बुलाने बुलाएंगे बुलाएगा
""".split())

# Postpositions (and compound ones) after a noun phrase -> the argument role they mark.
ACTOR_MARKERS = ("ने", "द्वारा", "की ओर से", "की तरफ से", "की तरफ़ से")
RECIPIENT_MARKERS = ("को", "पर", "के खिलाफ", "के ख़िलाफ़", "के खिलाफ़", "के विरुद्ध", "के विरोध में",
                     "से", "के साथ", "के लिए", "के प्रति")
GENITIVE_MARKERS = ("का", "की", "के")
PLACE_MARKERS = ("में", "के पास", "के निकट", "के बाहर")
COORDINATORS = ("और", "तथा", "एवं", ",", "व")

# Modality and negation cues (match keys compared word by word).
NEGATION_CUES = frozenset({"नहीं", "न", "ना", "मत", "बिना"})
FUTURE_CUES = frozenset({"संकल्प", "वादा", "वादे", "प्रतिज्ञा", "कसम", "योजना", "इरादा", "तैयारी",
                         "घोषणा करेगा", "जाएगा", "जाएगी", "जाएंगे", "जायेगा", "जायेंगे"})
# Future verb endings: करेगा, देंगे, होगी, रहेंगे ...
FUTURE_SUFFIXES = ("ेगा", "ेगी", "ेंगे", "ेंगी", "ूंगा", "ूँगा", "ोगे", "ोगा", "ोगी", "ोंगे", "एगा", "एगी", "एंगे")
HYPOTHETICAL_CUES = frozenset({"अगर", "यदि", "सकता", "सकती", "सकते", "संभावना", "शायद", "आशंका",
                               "संभवतः", "चाहिए"})
# Presumptive: a perfective participle + होगा ("इस्तेमाल किया होगा", must have used) is a guess.
PERFECTIVE = frozenset({"किया", "की", "किए", "किये", "दिया", "दी", "दिए", "लिया", "ली", "लिए", "हुआ", "हुई",
                        "हुए", "गया", "गई", "गए"})
PRESUMPTIVE = frozenset({"होगा", "होगी", "होंगे"})
# Heads that are themselves promises or vows: their event is future.
VOW_HEADS = frozenset({"वादा", "वादे", "वचन", "संकल्प", "प्रतिज्ञा", "आश्वासन"})
REPORTED_CUES = frozenset({"आरोप", "दावा", "दावे", "कथित", "कथित तौर", "तथाकथित", "बताया जाता",
                           "अफवाह", "अफ़वाह"})

# Relative time words -> (kind, amount): day offsets, weekdays, relative weeks/months/years.
WEEKDAYS = {"सोमवार": 0, "मंगलवार": 1, "बुधवार": 2, "गुरुवार": 3, "बृहस्पतिवार": 3, "वीरवार": 3,
            "शुक्रवार": 4, "शनिवार": 5, "रविवार": 6, "इतवार": 6}
DAY_WORDS = {"आज": 0, "परसों": -2}
YESTERDAY_OR_TOMORROW = "कल"  # yesterday with a past verb, tomorrow with a future one
RELATIVE_PERIODS = {
    ("पिछले", "हफ्ते"): ("week", -1), ("पिछले", "सप्ताह"): ("week", -1), ("पिछले", "हफ़्ते"): ("week", -1),
    ("इस", "हफ्ते"): ("week", 0), ("इस", "सप्ताह"): ("week", 0), ("अगले", "हफ्ते"): ("week", 1),
    ("अगले", "सप्ताह"): ("week", 1), ("पिछले", "महीने"): ("month", -1), ("इस", "महीने"): ("month", 0),
    ("अगले", "महीने"): ("month", 1), ("पिछले", "साल"): ("year", -1), ("पिछले", "वर्ष"): ("year", -1),
    ("इस", "साल"): ("year", 0), ("इस", "वर्ष"): ("year", 0), ("अगले", "साल"): ("year", 1),
    ("अगले", "वर्ष"): ("year", 1), ("बीते", "हफ्ते"): ("week", -1), ("बीते", "सप्ताह"): ("week", -1),
    ("बीते", "महीने"): ("month", -1), ("बीते", "साल"): ("year", -1), ("गत", "सप्ताह"): ("week", -1),
    ("गत", "वर्ष"): ("year", -1), ("गत", "माह"): ("month", -1), ("पिछले", "माह"): ("month", -1),
}

# Words that open a new clause inside a sentence (arguments of one clause's event stay in it).
CLAUSE_BREAKS = frozenset({"कि", "क्योंकि", "जिसमें", "जिसके", "जिससे", "जबकि", "लेकिन", "परंतु", "परन्तु",
                           "किंतु", "ताकि", "जो", "जिन्होंने", "जिसने", "जिन्हें", "जिसे", "जिनको", "जिनका",
                           "जिसका", "जिनमें", "जिनसे", ";"})
# Pronouns in the ergative or nominative that point back to the previous sentence's actor.
ANAPHORS = frozenset({"उन्होंने", "उसने", "इन्होंने", "इसने", "वह", "वे"})
# Those of them that news uses for people (the honorific उन्होंने, वह, वे): they point back to the
# last person who acted or was named, before a party or country (उसने, इसने often are those).
PERSON_ANAPHORS = frozenset({"उन्होंने", "इन्होंने", "वह", "वे"})
# The passive auxiliary after a perfective participle (निलंबित किया गया था): its को-marked noun is
# the one the sentence is about, as a subject would be.
PASSIVE_AUXILIARIES = frozenset({"गया", "गई", "गए", "गये", "गयी"})
# "बैठक में भाग लिया": nouns of taking part, after the event noun and में.
PARTICIPATION = frozenset({"भाग", "हिस्सा", "शामिल"})
# "बैठक का नेतृत्व X ने किया और इसमें Y, Z ने भाग लिया": taking part in, leading or chairing a
# meeting named earlier in the sentence; those who did are the meeting's actors.
PARTICIPANT_HEADS = PARTICIPATION | frozenset({"शिरकत", "नेतृत्व", "अध्यक्षता", "मेजबानी"})
# "X की घोषणा की" / "X का ऐलान किया": a noun of announcing after a trigger head's genitive.
ANNOUNCE_NOUNS = frozenset({"घोषणा", "ऐलान", "एलान"})

# Disasters (ghatna's DISASTER type; the mode is the EDNIL subtype).  The EDNIL-trained CRF types
# them in context; these catch the common words where it is silent.
DISASTERS: dict[str, str] = {}
for _words, _subtype in (
    ("बाढ़ बाढ", "FLOODS"), ("भूकंप भूचाल", "EARTHQUAKE"), ("भूस्खलन भू-स्खलन", "LAND_SLIDE"),
    ("सुनामी सूनामी", "TSUNAMI"), ("चक्रवात चक्रवाती", "CYCLONE"), ("आंधी आँधी", "STORM"),
    ("हिमस्खलन", "AVALANCHES"), ("सूखा सूखे", "DROUGHT"), ("लू हीटवेव हीट-वेव", "HEAT_WAVE"),
    ("शीतलहर", "COLD_WAVE"), ("ओलावृष्टि", "HAIL_STORMS"), ("बवंडर", "TORNADO"), ("ज्वालामुखी", "VOLCANO"),
    ("अग्निकांड", "FIRE"), ("दुर्घटना हादसा हादसे", "VEHICULAR_COLLISION"),
):
    for _word in _words.split():
        DISASTERS[_word] = _subtype

# Words the Hindi role and modality rules look for (events/hi/detect.py), named by what they do.
ERGATIVE = "ने"  # marks the agent of a perfective transitive verb
LOCATIVE = "में"  # "in"; also "into" after participation nouns (में भाग लिया)
CONDITIONALS = frozenset({"अगर", "यदि"})  # a clause stated under a condition
# a conditional's own verb forms (अगर ... करते / करके): the condition's clause, not the event's
CONDITIONAL_VERB_FORMS = frozenset({"करते", "करके", "कर"})
PURPOSE = ("के", "लिए")  # "for": a purpose, not an act
# What may follow a bare-noun trigger that continues its phrase (its genitive, its place, a
# coordination), so the noun is not an act of its own.
AND = "और"
NOUN_PHRASE_CONTINUATIONS = frozenset({*("का", "की", "के"), LOCATIVE, AND, ","})
# Date words (events/dates.py): a bare year with one of these after or before it is a date;
# a weekday after NEXT_WORDS lies ahead, after LAST_WORDS behind.
YEAR_AFTER = frozenset({"में", "तक"})
YEAR_BEFORE = frozenset({"साल", "वर्ष", "सन", "सन्"})
NEXT_WORDS = frozenset({"अगले", "आगामी"})
LAST_WORDS = frozenset({"पिछले", "बीते", "गत"})
