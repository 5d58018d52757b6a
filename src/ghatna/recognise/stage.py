"""The `recognise` stage: named-entity mentions for Hindi and English sentences, grouped into
document-local entities (`doc.entities`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache

from ghatna.document import Document, Mention, Sentence
from ghatna.recognise.group import group_mentions, mention_key
from ghatna.text.normalise import match_key

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")


def _tokens(doc: Document) -> list[tuple[int, int]]:
    if doc.tokens:
        return doc.tokens
    from ghatna.text.segment import tokenize

    return tokenize(doc.text)


def hindi_mentions(doc: Document, sentences: list[Sentence]) -> list[Mention]:
    from ghatna.recognise.hindi import hindi_tagger

    tokens = _tokens(doc)
    starts = [t[0] for t in tokens]
    # Hyphens stay separate tokens, as in the training corpora (कासिम - जोमार्ट).
    sentence_tokens = [tokens[bisect_left(starts, s.start) : bisect_left(starts, s.end)] for s in sentences]
    words = [[doc.text[a:b] for a, b in toks] for toks in sentence_tokens]
    mentions = []
    for toks, spans in zip(sentence_tokens, hindi_tagger().document_spans(words), strict=True):
        for first, end, label in spans:
            start, stop = toks[first][0], toks[end - 1][1]
            mentions.append(Mention(start, stop, doc.text[start:stop], label))
    return mentions


def english_mentions(doc: Document, sentences: list[Sentence]) -> list[Mention]:
    from ghatna.lang.en.ner import LABELS, english_nlp

    nlp = english_nlp()
    # Only the NER component runs here (its own tok2vec in the sm model): cheap.
    skip = [name for name in nlp.pipe_names if name != "ner"]
    texts = [doc.text[s.start : s.end] for s in sentences]
    mentions = []
    for sentence, parsed in zip(sentences, nlp.pipe(texts, disable=skip), strict=True):
        for ent in parsed.ents:
            label = LABELS.get(ent.label_)
            if label:
                start, end = sentence.start + ent.start_char, sentence.start + ent.end_char
                mentions.append(Mention(start, end, doc.text[start:end], label))
    return mentions


@cache
def _known_place_keys() -> frozenset[str]:
    """Loose keys of the gazetteer's place names (countries, states, cities)."""
    from ghatna.recognise.hindi import hindi_tagger

    return frozenset(mention_key(k) for k, v in hindi_tagger().gazetteer.items()
                     if v == "LOC" and not k.startswith("~"))


@cache
def _everyday_place_words() -> tuple[frozenset[str], frozenset[str]]:
    """Everyday Hindi words (built with the gazetteer) and the heads of names of parks, roads
    and squares (the Hindi pack's places)."""
    from ghatna.lang import get_pack
    from ghatna.resolve.gazetteer import common_words

    return common_words(), frozenset(getattr(get_pack("hi").places, "GENERIC_PLACE_HEADS", ()))


def _everyday_place(mention: Mention) -> bool:
    """'kutta park' (the dog ... the park): a Hindi place span of a park, road or square head
    after everyday words only is no named place."""
    if mention.type not in ("LOC", "GPE") or not _DEVANAGARI.search(mention.text):
        return False
    common, heads = _everyday_place_words()
    words = [match_key(w) for w in mention.text.split()]
    return len(words) >= 2 and words[-1] in heads and all(w in common for w in words[:-1])


def _entity_type(mentions: list[Mention]) -> str:
    """Majority label; a Hindi place the gazetteer knows (country, state, city) is a GPE."""
    label = Counter(m.type for m in mentions).most_common(1)[0][0] or "MISC"
    if label == "LOC" and any(mention_key(m.text) in _known_place_keys() for m in mentions):
        return "GPE"
    return label


class RecogniseStage:
    """Fills `doc.entities` with mentions found by the Hindi CRF or spaCy's English model."""

    name = "recognise"
    needs_supported_language = True

    def __call__(self, doc: Document) -> Document:
        sentences = doc.sentences or [Sentence(0, len(doc.text), doc.lang)]
        by_lang: dict[str, list[Sentence]] = {}
        for s in sentences:
            by_lang.setdefault(s.lang or doc.lang or "", []).append(s)
        mentions: list[Mention] = []
        if by_lang.get("hi"):
            mentions += [mt for mt in hindi_mentions(doc, by_lang["hi"]) if not _everyday_place(mt)]
        if by_lang.get("en"):
            mentions += english_mentions(doc, by_lang["en"])
        doc.entities = group_mentions(mentions, _entity_type)
        return doc
