"""English cues for recovering the layout of scraped articles (used by `ghatna.read.plaintext`).

Every cue is compared through `match_key` (case-folded), so case variants need not be listed.
A prefix cue must be followed by a separator (':', ',', '-', '|') or the end of the line.
"""

# Lines that give an image credit: the rest of the line is the credit ('IMAGE SOURCE: KREMLIN').
CREDIT_PREFIXES = (
    "image source", "image credit", "image credits", "picture source", "photo source",
    "photo credit", "photo credits", "photograph", "photographs", "photo", "photos", "picture",
    "pictures", "credit", "image", "source image", "image courtesy", "photo courtesy",
)

# Lines that hold an image caption: the rest of the line is the caption.
CAPTION_PREFIXES = ("image caption", "photo caption", "caption")

# A line that introduces the author(s): alone on its line, or followed by a separator and names.
AUTHOR_MARKERS = ("author", "authors", "written by", "about the author", "reported by", "reporter",
                  "byline")

# Lines under an author that give the author's role, dropped with the author block.
ROLE_PREFIXES = ("role", "position", "designation")

# A byline word directly followed by the names ('By Jane Doe and John Roe').
BYLINE_WORDS = ("by",)

# Words that may precede the date on a date line ('Published: 12 January 2022').
DATE_PREFIXES = ("published", "published on", "first published", "posted", "posted on", "date",
                 "dated")
# Prefixes of an update date: used only when the article gives no publication date.
UPDATE_PREFIXES = ("updated", "updated on", "last updated", "modified", "last modified")

# Weekday names, allowed before or after the date on a date line.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

# Words of a time of day that may follow the date ('January 12, 2022 10:30 AM IST').
TIME_WORDS = ("am", "pm", "a.m", "p.m", "a.m.", "p.m.", "at", "ist", "gmt", "utc", "bst", "cet",
              "est", "edt", "pst", "pdt", "msk", "hrs", "hours")

# Words a line cannot end with unless it breaks off mid-sentence: such a line is not a headline.
# Particles that end phrasal verbs in headlines ('Troops move in', 'Talks drag on') are not listed.
CONTINUATION_WORDS = (
    "the", "a", "an", "of", "to", "at", "for", "with", "by", "from", "into", "and",
    "or", "but", "that", "which", "who", "whose", "as", "than", "is", "are", "was", "were", "be",
    "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
)

# Words joining two authors' names in a byline (Jane Doe and John Roe).
NAME_JOINERS = ("and",)
