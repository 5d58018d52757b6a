"""The Hindi NER tagger: a CRF (python-crfsuite) over the features of `ghatna.lang.hi.ner`.

The model and its word lists ship in `ghatna/data/ner-hi/` (see MODEL_CARD.md there) and are
loaded once per process by `hindi_tagger()`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from ghatna.lang.hi import PACK
from ghatna.lang.hi.ner import PERSON_CUES, POSTPOSITIONS, loose_key, sentence_features
from ghatna.tagging import bio_spans
from ghatna.text.normalise import match_key

Spans = list[tuple[int, int, str]]


def _name_key(word: str) -> str:
    """Loose key of a word for finding a name again; short skeletons are too ambiguous, so
    those must match exactly."""
    key = loose_key(word)
    return key if len(key) >= 3 else "=" + match_key(word)


# Words never taken as a name on their own (they are tagged inside names by mistake now and then).
_NOT_NAMES = PACK.function_words | POSTPOSITIONS | PERSON_CUES

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "ner-hi"


def write_word_list(path: Path, entries: dict[str, str]) -> None:
    lines = (f"{k}\t{v}" for k, v in sorted(entries.items()))
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def read_word_list(path: Path) -> dict[str, str]:
    if not Path(path).is_file():
        return {}
    entries: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("\t")
        if key:
            entries[key] = value
    return entries


class HindiTagger:
    def __init__(self, gazetteer: dict[str, str], clusters: dict[str, str],
                 model_path: Path | None = None) -> None:
        self.gazetteer = gazetteer
        self.clusters = clusters
        self._crf = None
        if model_path is not None:
            import pycrfsuite

            self._crf = pycrfsuite.Tagger()
            self._crf.open(str(model_path))

    @classmethod
    def load(cls, model_dir: Path = DEFAULT_MODEL_DIR) -> HindiTagger:
        model_dir = Path(model_dir)
        model_path = model_dir / "model.crfsuite"
        if not model_path.is_file():
            raise FileNotFoundError(f"no Hindi NER model at {model_path} (train one: ghatna train ner)")
        return cls(read_word_list(model_dir / "gazetteer.tsv"), read_word_list(model_dir / "clusters.tsv"),
                   model_path)

    def features(self, words: Sequence[str]) -> list[list[str]]:
        return sentence_features(words, self.gazetteer, self.clusters)

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags (PER, LOC, ORG) for one sentence's words."""
        if not words:
            return []
        if self._crf is None:
            raise RuntimeError("tagger has no model loaded")
        return list(self._crf.tag(self.features(words)))

    def spans(self, words: Sequence[str]) -> Spans:
        """(first word, end word exclusive, type) of each entity in one sentence."""
        return bio_spans(self.tag(words))

    def document_spans(self, sentences: Sequence[Sequence[str]]) -> list[Spans]:
        """Spans of each sentence of one document, with names made consistent across it.

        The CRF sees one sentence at a time and misses a name in a context that does not give
        it away (पुतिन ने ... after व्लादिमीर पुतिन).  A second pass tags every other occurrence
        of a name found in the document (compared by loose key, so तोकायेव also finds टोकायव),
        and the surname of a multi-word person name on its own."""
        found = propagate_names(sentences, [self.spans(words) for words in sentences])
        return [bridge_hyphenated_names(words, spans) for words, spans in zip(sentences, found, strict=True)]


def bridge_hyphenated_names(words: Sequence[str], spans: Spans) -> Spans:
    """कासिम - जोमार्ट टोकायव: the corpora split hyphenated names at the hyphen and the CRF often
    tags the parts apart; two person spans with only a hyphen (and at most one word) between
    them are one name."""
    out: Spans = []
    for span in spans:
        if out and out[-1][2] == span[2] == "PER" and words[out[-1][1]] == "-" and span[0] - out[-1][1] <= 2:
            out[-1] = (out[-1][0], span[1], "PER")
        else:
            out.append(span)
    return out


# Types whose names are propagated; measured on dev (docs/models.md): propagating places
# gains recall but loses more precision (both corpora tag places inconsistently).
PROPAGATED_TYPES = ("PER", "ORG")


def propagate_names(sentences: Sequence[Sequence[str]], found: list[Spans], max_len: int = 4,
                    types: Sequence[str] = PROPAGATED_TYPES) -> list[Spans]:
    keys = [[_name_key(w) for w in words] for words in sentences]
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for words, sentence_keys, spans in zip(sentences, keys, found, strict=True):
        for first, end, label in spans:
            if label not in types:
                continue
            if match_key(words[first]) in _NOT_NAMES or match_key(words[end - 1]) in _NOT_NAMES:
                continue
            name = tuple(sentence_keys[first:end])
            votes.setdefault(name, Counter())[label] += 1
            if label == "PER" and end - first > 1:
                votes.setdefault(name[-1:], Counter())[label] += 1
    names = {name: c.most_common(1)[0][0] for name, c in votes.items() if len(name[-1]) > 2}
    if not names:
        return found
    out: list[Spans] = []
    for words, sentence_keys, spans in zip(sentences, keys, found, strict=True):
        taken = [False] * len(words)
        for first, end, _ in spans:
            taken[first:end] = [True] * (end - first)
        extra: Spans = []
        i = 0
        while i < len(words):
            for n in range(min(max_len, len(words) - i), 0, -1):
                label = names.get(tuple(sentence_keys[i : i + n]))
                if label and not any(taken[i : i + n]) and (i + n == len(words) or not taken[i + n]) \
                        and (i == 0 or not taken[i - 1]):
                    extra.append((i, i + n, label))
                    i += n - 1
                    break
            i += 1
        out.append(sorted(spans + extra))
    return out


@cache
def hindi_tagger() -> HindiTagger:
    """The shipped model, loaded once per process."""
    return HindiTagger.load()
