"""Hindi speech cues, for the quotes stage: who said what.

Cues are token sequences (nukta may be written or not; the stage folds keys).  The kind of a
cue says where its speaker is:

- `ergative`: perfective speech verbs whose subject takes ने (X ने कहा, X ने आरोप लगाया कि);
- `nominative`: imperfective forms whose subject stands bare before the verb (X कहते हैं);
- `genitive`: X का कहना है / X का मानना है (the speaker is marked with का/की/के);
- `source`: X के अनुसार / X के मुताबिक / X के हवाले से (the speaker is marked with के).
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
    ("अनुसार",): "source", ("मुताबिक",): "source", ("हवाले", "से"): "source",
}

# 'कि' (that) opens reported speech after a cue.
COMPLEMENTISERS = frozenset({"कि"})
# The ergative subject marker, and the genitive markers of `genitive` and `source` cues.
SUBJECT_MARKERS = frozenset({"ने"})
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
    "जहां जहाँ वहीं वहां जिसमें जो जिन्होंने जिसने साथ बीच दौरान भी ही आज कल फिर अब".split()
) - {"की"}
# Words that may stand between a bare subject and its verb (X भी कहते हैं).
SKIP_BEFORE_VERB = frozenset({"भी", "ही", "तो", "आगे", "फिर", "साफ", "अब", "हमेशा", "खुद"})

# Auxiliaries after a cue (कहना है X का; कहा था) and passive helpers (कहा जाता है: "it is said",
# no speaker): quotes/extract.py reads past them.
AUXILIARIES = frozenset({"है", "था", "हैं", "थे", "थी", "थीं", "है।"})
PASSIVE_HELPERS = frozenset({"जा", "जाता", "जाती", "जाते", "गया", "गई", "गए", "गयी", "जाएगा"})
