"""Language identification, per document, per sentence and per caption.

Script first (Devanagari, Latin, Arabic, Bengali, Gurmukhi), then, among the language packs
written in that script, the pack whose distinctive function words occur most often.  Hindi,
Marathi and Nepali share Devanagari but hardly share their most frequent words (है / आहे / छ),
so a few sentences settle it.  A language without a supported pack gives the document status
`unsupported_language`.  A language given with the input wins; it may be written as any
BCP 47 tag, ISO 639 code or language name (`ghatna.lang.tags`), and a tag that names no
language makes the document an error record.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from ghatna.document import STATUS_OK, STATUS_UNSUPPORTED, Document
from ghatna.lang import LanguagePack, all_packs, get_pack
from ghatna.lang.tags import normalise_tag
from ghatna.text.normalise import match_key

UNDETERMINED = "und"
_SCRIPTS = {
    "Deva": regex.compile(r"\p{Script=Devanagari}"),
    "Latn": regex.compile(r"\p{Script=Latin}"),
    "Arab": regex.compile(r"\p{Script=Arabic}"),
    "Beng": regex.compile(r"\p{Script=Bengali}"),
    "Guru": regex.compile(r"\p{Script=Gurmukhi}"),
}
_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
# Enough text to decide a document's language; reading more only costs time.
_DOC_SAMPLE_CHARS = 4000
# Below this many words a text in a script shared by several packs is too short to judge alone.
_MIN_WORDS = 4


@cache
def _distinctive_words() -> dict[str, dict[str, frozenset[str]]]:
    """For each script, each pack's function words that no other pack of that script uses."""
    by_script: dict[str, list[LanguagePack]] = {}
    for pack in all_packs():
        by_script.setdefault(pack.script, []).append(pack)
    table: dict[str, dict[str, frozenset[str]]] = {}
    for script, packs in by_script.items():
        keyed = {p.code: frozenset(match_key(w) for w in p.function_words) for p in packs}
        table[script] = {
            code: words - frozenset().union(*(w for c, w in keyed.items() if c != code))
            for code, words in keyed.items()
        }
    return table


def dominant_script(text: str) -> str | None:
    counts = Counter()
    for script, pattern in _SCRIPTS.items():
        counts[script] = len(pattern.findall(text))
    script, n = counts.most_common(1)[0]
    return script if n else None


def identify(text: str, prior: str | None = None) -> tuple[str, float]:
    """(language code, confidence in 0..1).  `prior` breaks ties for short texts."""
    text = text[:_DOC_SAMPLE_CHARS]
    script = dominant_script(text)
    if script is None:
        return (prior or UNDETERMINED), 0.0
    candidates = _distinctive_words().get(script, {})
    if not candidates:
        return UNDETERMINED, 0.5
    words = [match_key(w) for w in _WORD.findall(text)]
    scores = {code: sum(w in vocab for w in words) for code, vocab in candidates.items()}
    best = max(scores, key=lambda c: (scores[c], c == prior))
    total = sum(scores.values())
    if len(candidates) == 1:
        # One pack for this script (Latin: English).  A long text with none of its function
        # words is some other language written in that script.
        if len(words) >= 20 and scores[best] / len(words) < 0.03:
            return UNDETERMINED, 0.5
        return best, 1.0
    if total == 0 or (len(words) < _MIN_WORDS and prior in candidates):
        fallback = prior if prior in candidates else _default_for_script(script)
        return fallback, 0.3
    return best, scores[best] / total


@cache
def _default_for_script(script: str) -> str:
    """The supported pack of a script, if there is one (Devanagari: Hindi)."""
    for pack in all_packs():
        if pack.script == script and pack.supported:
            return pack.code
    return UNDETERMINED


def is_supported(code: str | None) -> bool:
    try:
        return code is not None and get_pack(code).supported
    except KeyError:
        return False


class LangIdStage:
    """Sets `doc.lang` (a given `lang_hint` wins), caption languages and the status.

    Raises `UnknownLanguageTag` (a ValueError) when the given language names no language."""

    name = "langid"

    def __call__(self, doc: Document) -> Document:
        given = normalise_tag(doc.lang_hint) if doc.lang_hint else None
        if given:
            doc.lang = given
        else:
            doc.lang, _ = identify(doc.text or doc.title or "")
        for caption in doc.captions:
            caption.lang, _ = identify(caption.text, prior=doc.lang)
        if doc.status == STATUS_OK and not is_supported(doc.lang):
            doc.status = STATUS_UNSUPPORTED
        return doc
