"""Hindi (hi): the language ghatna is built for."""

from ghatna.lang import LanguagePack

# Month names as match keys (nukta folded); both common spellings of each.
MONTHS = {
    "जनवरी": 1, "फरवरी": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4, "मई": 5, "जून": 6,
    "जुलाई": 7, "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10,
    "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}

PACK = LanguagePack(
    code="hi",
    name="Hindi",
    script="Deva",
    supported=True,
    function_words=frozenset(
        "है हैं था थे थी की के का में से को ने और पर भी यह वह इस उस कि लिए गया गई गए किया "
        "कर रहे रहा रही हो होने नहीं तो एक जो साथ बाद तक द्वारा अपने अपनी उन्होंने इसके उनके "
        "जा जाता जाती वाले वाली करने कहा हुए हुई हुआ लेकिन क्योंकि किसी सकता सकते दिया ".split()
    ),
    abbreviations=frozenset(
        # titles and common short forms
        "डॉ डा श्री श्रीमती सुश्री प्रो कु स्व मि सं लि प्रा ई रु नं "
        # Latin letter names, used as initials (ए.के. सिंह)
        "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड".split()
    ),
    months=MONTHS,
    endonyms=("हिंदी", "हिन्दी"),  # with anusvara as well as half-n
)
