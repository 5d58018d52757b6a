"""Hindi cues for recovering the layout of scraped articles (used by `ghatna.read.plaintext`).

Every cue is compared through `match_key`, so nukta and case variants need not be listed.
A prefix cue must be followed by a separator (':', ',', '-', '|') or the end of the line.
"""

# Lines that give an image credit: the rest of the line is the credit ('इमेज स्रोत,Getty Images').
CREDIT_PREFIXES = (
    "इमेज स्रोत", "इमेज सोर्स", "चित्र स्रोत", "तस्वीर स्रोत", "फोटो स्रोत", "फोटो सोर्स",
    "छवि स्रोत", "फोटो साभार", "चित्र साभार", "तस्वीर साभार", "फोटो क्रेडिट", "फोटो", "तस्वीर",
    "चित्र",
)

# Lines that hold an image caption: the rest of the line is the caption ('इमेज कैप्शन,...').
CAPTION_PREFIXES = ("इमेज कैप्शन", "चित्र कैप्शन", "फोटो कैप्शन", "कैप्शन", "चित्र परिचय")

# A line that introduces the author(s): alone on its line (the names follow on the next
# line, as in the seed's trailer) or followed by a separator and the names ('लेखक, नाम').
AUTHOR_MARKERS = ("लेखक", "लेखिका", "लेखकगण", "रिपोर्ट", "रिपोर्टर", "संवाददाता", "द्वारा")

# Lines under an author that give the author's role, dropped with the author block.
ROLE_PREFIXES = ("पदनाम", "पद")

# A byline word directly followed by the names, without a separator (English 'By Jane Doe').
BYLINE_WORDS: tuple[str, ...] = ()

# Words that may precede the date on a date line ('प्रकाशित: 12 जनवरी 2022').
DATE_PREFIXES = ("प्रकाशित", "प्रकाशन तिथि", "प्रकाशित तिथि", "पब्लिश्ड", "तारीख", "दिनांक", "तिथि")
# Prefixes of an update date: used only when the article gives no publication date.
UPDATE_PREFIXES = ("अपडेट", "अपडेटेड", "अद्यतन", "अंतिम अपडेट", "संशोधित")

# Weekday names, allowed before or after the date on a date line.
WEEKDAYS = ("सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "बृहस्पतिवार", "वीरवार", "शुक्रवार", "शनिवार",
            "रविवार", "इतवार")

# Words of a time of day that may follow the date ('12 जनवरी 2022, 10:30 बजे').
TIME_WORDS = ("बजे", "पूर्वाह्न", "अपराह्न", "सुबह", "शाम", "दोपहर", "रात", "आईएसटी")

# Words a line cannot end with unless it breaks off mid-sentence (conjunctions, possessives,
# the ergative and object markers): such a line is not a headline.  Postpositions that an
# elliptical headline may end with ('सरकार मुश्किल में') and की ('... पर बातचीत की', a verb) are
# not listed.
CONTINUATION_WORDS = (
    "ने", "को", "का", "के", "और", "या", "व", "एवं", "कि", "जो", "जब", "जिसमें", "जिनमें", "लेकिन",
    "मगर", "परंतु", "किंतु", "क्योंकि", "वाला", "वाले", "वाली", "एक", "इस", "उस", "आपका", "आपकी",
    "आपके", "उनका", "उनकी", "उनके", "उसका", "उसकी", "उसके", "इसका", "इसकी", "इसके", "मेरा", "मेरी",
    "मेरे", "हमारा", "हमारी", "हमारे", "अपना", "अपनी", "अपने",
)

# Words joining two authors' names in a byline (Jane Doe and John Roe).
NAME_JOINERS = ("और", "एवं")
