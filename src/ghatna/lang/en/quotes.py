"""English speech cues, for the quotes stage.

`verb` cues take their speaker before them (Putin said) or, after a quotation, just after them
(..., said Putin); `source` cues take it after them (according to the ministry).
"""

from __future__ import annotations

CUES: dict[tuple[str, ...], str] = {
    **{(verb,): "verb" for verb in (
        "said", "says", "say", "told", "tells", "added", "stated", "warned", "claimed",
        "announced", "insisted", "explained", "asked", "wrote", "tweeted", "noted", "argued",
        "alleged", "declared", "stressed", "acknowledged", "admitted", "confirmed", "replied",
        "remarked", "urged", "vowed", "saying", "accused")},
    ("according", "to"): "source",
}
COMPLEMENTISERS = frozenset({"that"})
PRONOUNS = frozenset({"he", "she", "they"})
FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})
# Words that end a speaker's noun phrase when reading backwards from the cue.
NP_STOP = frozenset(
    "that and but which who whom when while as because if so then also has have had is are was "
    "were will would could should can may might do does did not never it this these those there "
    "here said says told added".split()
)
# Auxiliaries and adverbs between a subject and its verb (Putin has also said).
SKIP_BEFORE_VERB = frozenset({"has", "had", "have", "also", "later", "then", "previously",
                              "earlier", "once", "reportedly", "publicly", "repeatedly", "long",
                              "always", "often", "recently", "further", "just", "again"})
# Capitalised words that are never a speaker (dates in 'in July wrote').
NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "in", "on", "at", "the"})
# Words inside a capitalised name run (Secretary of State Antony Blinken).
NAME_JOINERS = frozenset({"of", "al", "bin", "de", "van", "von", "the"})
