"""Hindi data for named-entity recognition: cue words, token features, and a loose phonetic key.

Devanagari has no capital letters, so a Hindi tagger leans on what surrounds a name
(postpositions such as ने / को / के, titles such as राष्ट्रपति / श्री, heads such as मंत्रालय /
विश्वविद्यालय), on affixes (-पुर, -स्तान, -बाद) and on word lists.  The tagger itself lives in
`ghatna.recognise`; everything here is language data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ghatna.text.normalise import match_key

# Case markers and postpositions that follow a noun phrase.
POSTPOSITIONS = frozenset(
    "ने को से में पर के की का तक द्वारा वाले वाली वाला लिए साथ बाद पास खिलाफ़ खिलाफ ओर तरफ "
    "सहित समेत बीच अंदर भीतर बाहर ऊपर नीचे जैसे जैसा जैसी".split()
)
# Words that often come right before a person's name.
PERSON_CUES = frozenset(
    "श्री श्रीमती सुश्री डॉ डॉक्टर प्रो प्रोफेसर राष्ट्रपति प्रधानमंत्री मुख्यमंत्री मंत्री उपराष्ट्रपति "
    "राज्यपाल सांसद विधायक नेता अध्यक्ष महासचिव सचिव प्रवक्ता जनरल कर्नल कैप्टन मेजर लेफ्टिनेंट "
    "न्यायाधीश जज संत स्वामी महाराज राजा रानी सम्राट पंडित मौलाना कवि लेखक गायक अभिनेता "
    "अभिनेत्री निर्देशक खिलाड़ी कप्तान कोच पत्नी पति बेटे बेटी पुत्र पुत्री भाई बहन पिता माता "
    "उपाध्यक्ष चांसलर राजदूत कमिश्नर आयुक्त निदेशक सीईओ संस्थापक मिस्टर मिसेज".split()
)
# Words that often end an organisation's name.
ORG_HEADS = frozenset(
    "संगठन परिषद मंत्रालय विभाग विश्वविद्यालय विद्यालय महाविद्यालय कॉलेज संस्थान बैंक पार्टी दल "
    "संघ आयोग समिति बोर्ड निगम कंपनी लिमिटेड सेना पुलिस मोर्चा सभा संसद अदालत न्यायालय "
    "सरकार प्राधिकरण एजेंसी फाउंडेशन ट्रस्ट अकादमी क्लब टीम कांग्रेस मिशन ब्यूरो केंद्र "
    "कार्यालय यूनियन लीग फेडरेशन एसोसिएशन कॉरपोरेशन इंस्टीट्यूट यूनिवर्सिटी अस्पताल".split()
)
# Words that often end or follow a place's name.
LOC_HEADS = frozenset(
    "नगर शहर जिला जिले ज़िला ज़िले राज्य प्रदेश प्रांत गांव गाँव कस्बा कस्बे नदी पर्वत पहाड़ी "
    "झील द्वीप सागर महासागर घाटी क्षेत्र इलाके इलाका देश राजधानी तट मार्ग रोड चौक".split()
)

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"[0-9\u0966-\u096f]")


def word_shape(word: str) -> str:
    if _DIGIT.search(word):
        return "num"
    if _DEVANAGARI.search(word):
        return "deva" if "-" not in word else "deva-"
    if _LATIN.search(word):
        return "latU" if word[:1].isupper() else "lat"
    return "punct" if all(unicodedata.category(c)[0] in "PS" for c in word) else "other"


def gazetteer_tags(keys: Sequence[str], gazetteer: dict[str, str], max_len: int = 4) -> list[str]:
    """BIO-like gazetteer labels per token: longest multi-word match of token keys."""
    out = ["O"] * len(keys)
    i = 0
    while i < len(keys):
        for n in range(min(max_len, len(keys) - i), 0, -1):
            label = gazetteer.get(" ".join(keys[i : i + n]))
            if label:
                out[i] = "B-" + label
                for j in range(i + 1, i + n):
                    out[j] = "I-" + label
                i += n
                break
        else:
            i += 1
    return out


def sentence_features(words: Sequence[str], gazetteer: dict[str, str],
                      clusters: dict[str, str] | None = None) -> list[list[str]]:
    """CRF features (binary, as strings) for each word of one sentence.

    `gazetteer`: match key of a (multi-word) name -> type, and '~word' for words of person
    names; `clusters`: match key ->
    'a|b|c' cluster ids (`ghatna.recognise.clusters`)."""
    keys = [match_key(w) for w in words]
    gaz = gazetteer_tags(keys, gazetteer)
    clusters = clusters or {}
    # Cluster ids at each granularity ('a|b|c'), '' for words without one.
    cl = [clusters.get(k, "").split("|") if k in clusters else [] for k in keys]
    n = len(words)
    out: list[list[str]] = []
    for i, key in enumerate(keys):
        f = ["b", "w=" + key, "shape=" + word_shape(key), "len=" + str(min(len(key), 8)), "gaz=" + gaz[i]]
        if "~" + key in gazetteer:
            f.append("namePart")
        for k in (1, 2, 3, 4):
            if len(key) > k:
                f.append(f"p{k}={key[:k]}")
                f.append(f"s{k}={key[-k:]}")
        f.extend(f"c{level}={c}" for level, c in enumerate(cl[i]))
        if key in POSTPOSITIONS:
            f.append("isPP")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                nk = keys[j]
                f.append(f"w{off}={nk}")
                if abs(off) == 1:
                    f.append(f"gaz{off}={gaz[j]}")
                    if "~" + nk in gazetteer:
                        f.append(f"namePart{off}")
                    f.append(f"s2{off}={nk[-2:]}")
                    f.extend(f"c{level}{off}={c}" for level, c in enumerate(cl[j]))
                if off == -1 and nk in PERSON_CUES:
                    f.append("prevPerCue")
                if off > 0 and nk in ORG_HEADS:
                    f.append(f"orgHead{off}")
                if off > 0 and nk in LOC_HEADS:
                    f.append(f"locHead{off}")
            else:
                f.append(f"w{off}=<pad>")
        if i + 1 < n:
            f.append(f"w0w1={key}|{keys[i + 1]}")
        if i > 0:
            f.append(f"w-1w0={keys[i - 1]}|{key}")
        # The first postposition after the word (skipping a couple of words in a name).
        for j in range(i + 1, min(n, i + 4)):
            if keys[j] in POSTPOSITIONS:
                f.append(f"nextPP={keys[j]}@{j - i}")
                break
        if key in PERSON_CUES:
            f.append("isPerCue")
        if key in ORG_HEADS:
            f.append("isOrgHead")
        if key in LOC_HEADS:
            f.append("isLocHead")
        out.append(f)
    return out


# --- a loose phonetic key, for grouping spelling variants of one name in one document -----

# Vowel signs and independent vowels folded to a small set; anusvara/chandrabindu and a
# half nasal before a consonant fold to one nasal mark; aspiration is kept (it is rarely
# varied), but ज़/ज, क़/क etc. fold via match_key.
_VOWEL_FOLD = str.maketrans({
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "े": "e", "ै": "e", "ो": "o", "ौ": "o",
    "ृ": "ri", "ॅ": "e", "ॉ": "o", "अ": "", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u",
    "ए": "e", "ऐ": "e", "ओ": "o", "औ": "o", "ऋ": "ri", "ऑ": "o",
    "ं": "N", "ँ": "N", "ः": "", "्": "", "-": "", " ": " ", "़": "",
})
# Consonants that writers swap for the same foreign sound.
_CONSONANT_FOLD = str.maketrans({"ट": "त", "ड": "द", "ठ": "थ", "ढ": "ध", "ण": "न", "श": "स", "ष": "स",
                                 "व": "ब", "य": ""})
_NASALS_BEFORE = re.compile(r"[ङञणनम]्(?=[क-ह])")


def loose_key(text: str) -> str:
    """Variants such as टोकायव / तोकायेव, कज़ाख़स्तान / कजाकिस्तान map to one key.

    Word by word: a consonant skeleton (vowels inside the word dropped, look-alike consonants
    folded) plus the word's final vowel, which writers keep (रहानी is not रहन, पत्नी not
    पुतिन).  Deliberately lossy: only used to compare names found in one document.
    """
    return " ".join(_loose_word(w) for w in re.split(r"[\s\-]+", match_key(text)) if w)


def _loose_word(word: str) -> str:
    key = _NASALS_BEFORE.sub("ं", word)
    key = key.translate(_CONSONANT_FOLD)
    key = key.replace("ख", "क").replace("घ", "ग").replace("छ", "च").replace("झ", "ज")
    key = key.translate(_VOWEL_FOLD)
    final = key[-1] if key[-1:] in ("a", "e", "i", "o", "u") and len(key) > 1 else ""
    # Vowels inside the word are what writers drop or add most (टोकायव / तोकायेव).
    key = re.sub(r"[aeiou]", "", key)
    return re.sub(r"(.)\1+", r"\1", key).replace("N", "") + final


# Indian states, union territories and large cities, and a few places that CLDR's country
# list lacks (multi-word names hyphenated); a feature for the tagger, not a geocoder (that is the registry's job).
PLACES = tuple(
    "भारत हिंदुस्तान दिल्ली नई-दिल्ली मुंबई कोलकाता चेन्नई बेंगलुरु बंगलौर बेंगलूरु हैदराबाद अहमदाबाद पुणे "
    "सूरत जयपुर लखनऊ कानपुर नागपुर इंदौर भोपाल पटना वडोदरा लुधियाना आगरा नासिक वाराणसी बनारस "
    "मेरठ राजकोट श्रीनगर अमृतसर इलाहाबाद प्रयागराज रांची गुवाहाटी चंडीगढ़ जोधपुर कोटा ग्वालियर "
    "देहरादून शिमला जम्मू लेह गोरखपुर अयोध्या मथुरा उज्जैन कोच्चि तिरुवनंतपुरम मदुरै कोयंबटूर "
    "विशाखापत्तनम भुवनेश्वर कटक रायपुर गया मुजफ्फरपुर भागलपुर अलीगढ़ बरेली मुरादाबाद गाजियाबाद "
    "नोएडा गुरुग्राम गुड़गांव फरीदाबाद हरिद्वार ऋषिकेश पणजी शिलांग इंफाल आइजोल कोहिमा अगरतला "
    "उत्तर-प्रदेश महाराष्ट्र बिहार बंगाल पश्चिम-बंगाल राजस्थान गुजरात कर्नाटक तमिलनाडु केरल "
    "आंध्र-प्रदेश तेलंगाना ओडिशा उड़ीसा झारखंड छत्तीसगढ़ मध्य-प्रदेश हरियाणा पंजाब हिमाचल-प्रदेश "
    "उत्तराखंड असम मेघालय मणिपुर मिजोरम नागालैंड त्रिपुरा सिक्किम अरुणाचल-प्रदेश गोवा कश्मीर "
    "जम्मू-कश्मीर लद्दाख पुडुचेरी अंडमान लक्षद्वीप "
    "कराची लाहौर इस्लामाबाद ढाका काठमांडू कोलंबो काबुल बीजिंग टोक्यो मास्को मॉस्को लंदन पेरिस "
    "वॉशिंगटन न्यूयॉर्क बर्लिन दुबई तेहरान बगदाद यरूशलम कीव कीएव अल्माटी अस्ताना"
    .split()
)
PLACES = tuple(name.replace("-", " ") for name in PLACES)  # multi-word names are hyphenated above
