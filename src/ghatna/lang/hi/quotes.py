"""Hindi speech cues, for the quotes stage: who said what.

Cues are token sequences (nukta may be written or not; the stage folds keys).  The kind of a
cue says where its speaker is:

- `ergative`: perfective speech verbs whose subject takes ने (X ने कहा, X ने आरोप लगाया कि);
- `nominative`: imperfective forms whose subject stands bare before the verb (X कहते हैं);
- `genitive`: X का कहना है / X का मानना है (the speaker is marked with का/की/के);
- `source`: X के अनुसार / X के मुताबिक / X के हवाले से (the speaker is marked with के);
- `converb`: X ने यह कहते हुए मना किया कि (the speaker is X ने, the words follow the main verb's कि);
- `medium`: X में ख़बर छपी है कि (the speaker is the outlet X).
"""

from __future__ import annotations

CUES: dict[tuple[str, ...], str] = {
    ("कहा",): "ergative", ("बताया",): "ergative", ("पूछा",): "ergative", ("लिखा",): "ergative",
    ("ट्वीट", "किया"): "ergative", ("ट्वीट", "कर"): "ergative", ("ट्वीट", "करके"): "ergative",
    ("आरोप", "लगाया"): "ergative", ("आरोप", "लगाते"): "ergative", ("दावा", "किया"): "ergative",
    ("जोड़ा",): "ergative", ("चेतावनी", "दी"): "ergative", ("घोषणा", "की"): "ergative",
    ("ऐलान", "किया"): "ergative", ("स्वीकार", "किया"): "ergative", ("पुष्टि", "की"): "ergative",
    ("स्पष्ट", "किया"): "ergative", ("जानकारी", "दी"): "ergative", ("माना",): "ergative",
    ("अपील", "की"): "ergative", ("आश्वासन", "दिया"): "ergative", ("वादा", "किया"): "ergative",
    ("जवाब", "दिया"): "ergative", ("तर्क", "दिया"): "ergative", ("दोहराया",): "ergative",
    ("आग्रह", "किया"): "ergative", ("उम्मीद", "जताई"): "ergative", ("चिंता", "जताई"): "ergative",
    ("इनकार", "किया"): "ergative", ("इंकार", "किया"): "ergative", ("बयान", "दिया"): "ergative",
    ("सवाल", "किया"): "ergative", ("सवाल", "उठाया"): "ergative", ("कहना", "था"): "genitive",
    ("कहते",): "nominative", ("कहती",): "nominative", ("कहता",): "nominative",
    ("बोले",): "nominative", ("बोली",): "nominative", ("बोला",): "nominative",
    ("बताते",): "nominative", ("बताती",): "nominative", ("लिखते",): "nominative",
    ("मानते",): "nominative", ("मानती",): "nominative", ("बोलीं",): "nominative",
    ("कहतीं",): "nominative", ("बतातीं",): "nominative", ("लिखती",): "nominative",
    ("लिखता",): "nominative", ("याद", "करते"): "nominative", ("याद", "करती"): "nominative",
    ("याद", "करता"): "nominative", ("पूछते",): "nominative", ("पूछती",): "nominative",
    ("कहना",): "genitive", ("मानना",): "genitive",
    ("दावा",): "genitive", ("आरोप",): "genitive", ("माने", "तो"): "genitive",
    ("मानें", "तो"): "genitive", ("दावा", "करते"): "nominative", ("दावा", "करती"): "nominative",
    ("मांग", "कर"): "nominative", ("कहने", "लगे"): "nominative", ("कहने", "लगीं"): "nominative",
    ("कहने", "लगी"): "nominative", ("आरोप", "लगाए"): "ergative",
    ("कहते", "हुए"): "converb", ("बताते", "हुए"): "converb", ("कहकर",): "converb",
    ("ख़बर", "छपी"): "medium", ("ख़बर", "प्रकाशित"): "medium", ("रिपोर्ट", "छपी"): "medium",
    ("अनुसार",): "source", ("मुताबिक",): "source", ("हवाले", "से"): "source",
}

# 'कि' (that) opens reported speech after a cue.
COMPLEMENTISERS = frozenset({"कि"})
# The ergative subject marker, and the genitive markers of `genitive` and `source` cues.
SUBJECT_MARKERS = frozenset({"ने", "नें"})  # नें: a common misspelling
GENITIVE_MARKERS = frozenset({"का", "की", "के"})

# Pronouns, by the slot they fill: with ने fused (उन्होंने = उन + ने), bare, genitive.
ERGATIVE_PRONOUNS = frozenset({"उन्होंने", "इन्होंने", "उसने", "इसने", "उन्हों", "इन्हों"})
NOMINATIVE_PRONOUNS = frozenset({"वह", "वे", "वो", "ये", "यह"})
GENITIVE_PRONOUNS = frozenset({"उनका", "उनकी", "उनके", "उसका", "उसकी", "उसके", "इनका", "इनकी",
                               "इनके", "इसका", "इसकी", "इसके"})
# First and second person: inside quotes these are the speaker, never a third party.
FIRST_PERSON = frozenset({"मैंने", "हमने", "आपने", "मेरा", "मेरे", "हमारा", "हमारे", "मैं", "हम"})

# Words that end a speaker's noun phrase when reading backwards from the cue.
NP_STOP = frozenset(
    "ने को से में पर तक और कि है हैं था थे थी थीं तो जब लेकिन मगर बाद लिए यह ये इस उस इन उन "
    "अनुसार मुताबिक हवाले हुए हुआ हुई किया की गई गया गए करते करने कर कहा बताया दी दिया "
    "जहां जहाँ वहीं वहां जिसमें जो जिन्होंने जिसने साथ बीच दौरान भी ही आज कल फिर अब "
    "हालांकि उधर इधर मगर किंतु परंतु बल्कि यानी".split()
) - {"की"}
# Words that may stand between a bare subject and its verb (X भी कहते हैं).
SKIP_BEFORE_VERB = frozenset({"भी", "ही", "तो", "आगे", "फिर", "साफ", "अब", "हमेशा", "खुद"})

# Auxiliaries after a cue (कहना है X का; कहा था) and passive helpers (कहा जाता है: "it is said",
# no speaker): quotes/extract.py reads past them.
AUXILIARIES = frozenset({"है", "था", "हैं", "थे", "थी", "थीं", "है।"})
PASSIVE_HELPERS = frozenset({"जा", "जाता", "जाती", "जाते", "गया", "गई", "गए", "गयी", "जाएगा"})

# Case markers after a noun phrase, for following a pronoun back to its person: the subject
# (X ने, bare X) is the likeliest antecedent, then a topic or possessor (X को, X का), and an
# oblique (X से, X में, X पर) hardly ever.
OBLIQUE_MARKERS = frozenset({"से", "में", "पर", "तक", "द्वारा"})
OBJECT_MARKERS = frozenset({"को"})
# Singular pronouns may stand for an organisation (फ्रीडम हाउस ... उसके अनुसार).
SINGULAR_PRONOUNS = frozenset({"उसने", "इसने", "उसका", "उसकी", "उसके", "इसका", "इसकी", "इसके",
                               "वह", "यह"})
# Nouns naming unnamed people or bodies who speak (दो बूढ़ी महिलाएं, पुलिस, मंत्रालय के प्रवक्ता):
# a pronoun may stand for them, and they are kept as the speaker's words.
GROUP_NOUNS = frozenset(
    "पुलिस सरकार सेना मंत्रालय अधिकारी अधिकारियों प्रवक्ता महिला महिलाएं महिलाओं लोग लोगों "
    "छात्र छात्रों छात्रा छात्राओं डॉक्टर डॉक्टरों परिवार परिजन परिजनों पिता मां बेटा बेटे बेटी "
    "पत्नी पति नेता नेताओं कार्यकर्ता कार्यकर्ताओं प्रदर्शनकारी प्रदर्शनकारियों विशेषज्ञ "
    "विशेषज्ञों संगठन पार्टी मंच आयोग अदालत मीडिया एजेंसी संवाददाता पत्रकार पत्रकारों ग्रामीण "
    "ग्रामीणों निवासी निवासियों किसान किसानों मज़दूर मज़दूरों शिक्षक शिक्षकों वकील वकीलों "
    "चश्मदीद चश्मदीदों गवाह प्रशासन विभाग".split()
)
CONJUNCTIONS = frozenset({"और", "व", "तथा", "एवं"})
# Helpers after a verb's participle (लेटी हुई थीं, कह रहे हैं), to tell a verb from a noun.
VERB_HELPERS = frozenset({"हुआ", "हुई", "हुए", "हुईं", "रहा", "रही", "रहे", "रहीं", "चुका",
                          "चुकी", "चुके", "गया", "गई", "गए", "गयी", "सकता", "सकती", "सकते"})
# X में छपी ख़बर के अनुसार: a report noun after X में speaks for X (the paper, the channel).
REPORT_NOUNS = frozenset({"ख़बर", "ख़बरों", "ख़बरें", "जानकारी", "रिपोर्ट", "रिपोर्टों", "लेख",
                          "संपादकीय", "बयान", "बयानों"})
MEDIUM_MARKERS = frozenset({"में"})
# After a cue and before its words: auxiliaries and helpers (कहती आई है कि, मांग कर रहे हैं कि).
CUE_TAILS = frozenset({"रहे", "रही", "रहा", "रहीं", "आई", "आए", "आया", "आईं"})
# A cue ending in तो opens its clause by itself (राज्य सरकार की माने तो ...).
CLAUSE_OPENING_CUE_ENDS = frozenset({"तो"})
# यह/ये between a subject and its speech verb (पार्टी ये कहती आई है, उनका यह भी मानना है).
DEMONSTRATIVES = frozenset({"यह", "ये"})
# Who a passive speech verb's words come from (रिपोर्ट में कहा गया है, X की ओर से घोषणा की गई).
AGENT_POSTPOSITIONS: tuple[tuple[str, ...], ...] = (
    ("की", "ओर", "से"), ("के", "द्वारा"), ("द्वारा",), ("में",))
# Noun cues that are speech only with है/था after them (X का दावा है कि; not आरोप पत्र).
NOUNS_NEEDING_AUX = frozenset({"दावा", "आरोप"})
# X अपनी किताब में लिखते हैं: a reflexive opens an adjunct after the subject.
REFLEXIVES = frozenset({"अपनी", "अपने", "अपना"})
# X से (जब) पूछा गया ... तो उन्होंने कहा: the person asked answers.
ADDRESSEE_MARKERS = frozenset({"से"})
QUESTION_WORDS = frozenset({"पूछा", "पूछे", "पूछी", "पूछने", "पूछते"})
# Relative pronouns after the noun they qualify (X, जिनका ... , उनका कहना है).
RELATIVE_PRONOUNS = frozenset({"जिनका", "जिनकी", "जिनके", "जिन्होंने", "जिसने", "जिसका", "जिसकी",
                               "जिसके", "जो"})
