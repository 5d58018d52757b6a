"""Hindi place words for the `resolve` stage's gazetteer step and the gazetteer build.

Keys are match keys (nukta folded).  The resolver reads them through
`ghatna.lang.get_pack("hi").places`; no stage holds Hindi words of its own.
"""

from __future__ import annotations

from ghatna.text.normalise import match_key


def _keys(words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words.split())


# A word right before or after a name that asks for a first-level subdivision (सिंध प्रांत, राज्य बिहार).
ADMIN1_CUES = _keys("प्रांत प्रान्त राज्य राज्यों प्रदेश क्षेत्र सूबे सूबा")
# ... for a district (मंडी ज़िले में, ज़िला खेड़ा).
ADMIN2_CUES = _keys("ज़िला ज़िले ज़िलों जिला जिले जनपद")
# ... for a populated place (होम्स शहर, गांव गोलवां).
CITY_CUES = _keys("शहर शहरों नगर क़स्बा क़स्बे कस्बा कस्बे गांव गाँव गांवों ग्राम राजधानी महानगर")
# ... for a country.
COUNTRY_CUES = _keys("देश")

# 'Y के X' (बिहार के गया में): a place followed by one of these, then another place, puts the
# second inside the first.
QUALIFIER_LINKS = _keys("के की का")

# Words that may open a name span but are not part of the name (titles before a person's name).
HONORIFICS = _keys(
    "श्री श्रीमती सुश्री डॉ डॉ. जनरल लेफ्टिनेंट-जनरल लेफ्टिनेंट कर्नल मेजर कैप्टन मिस्टर मिसेज")

# Generic words in Hindi names of subdivisions (pycountry's catalogue): left out to get the
# name people use (खैबर पख़्तूनख़्वा प्रांत -> खैबर पख़्तूनख़्वा).
SUBDIVISION_GENERIC = ("ओब्लीसी", "ओब्लिसी", "ओब्लोसी", "ओब्लास्ट", "प्रांत", "प्रान्त", "क्षेत्र", "राज्य",
                       "ज़िला", "जिला")
# The last word of Indian state names that news often leaves out (हिमाचल for हिमाचल प्रदेश);
# the short form is kept only where the annotated corpora tag it as a place on its own.
SUBDIVISION_DROPPABLE = _keys("प्रदेश")

# Heads of names of parks, roads and squares: 'X पार्क' whose other words are everyday words
# (कुत्ता पार्क में दौड़ा: 'the dog ran into the park') is no named place.
GENERIC_PLACE_HEADS = _keys("पार्क मैदान चौक मार्ग सड़क रोड बाज़ार बाजार गली")

# Postpositions after a place name (X में, X से): the gazetteer build takes a spelling found in
# unannotated text for a place only where it is mostly followed by one of these.
POSTPOSITIONS = _keys("में से के की का को पर तक ने")

# Words that join the names of a list (X, Y और Z): places in one list are mostly of one country.
LIST_LINKS = _keys("और व तथा एवं या")

# The genitive link of 'X ke rashtrapati' (X's president), in the resolver's role phrases.
GENITIVE_LINKS = _keys("के")
