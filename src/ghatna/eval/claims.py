"""Evaluation suite `claims`: quantities and quotes.

Metrics:

- `ednil.test.casualty_recall`: of the gold CASUALTIES-ARG spans of the EDNIL test split that
  contain a number, the fraction overlapped by a found quantity;
- `ednil.test.casualty_value_accuracy`: of those found, the fraction whose values are exactly
  right: the set of values of the quantities starting inside the span equals the set of numbers
  read from the gold span by `gold_numbers` (an independent, deliberately simple reader);
- `quantities.accuracy`: hand-labelled Hindi quantity phrases in real text (BBC Hindi, EDNIL),
  right when a found quantity overlapping the phrase has the labelled value and qualifier
  (`quantities.unit_accuracy`: the same with the labelled English unit, where one is labelled);
- `quotes.speaker_accuracy`: hand-labelled quotes in real text, right when a found quote
  overlapping the quote's anchor names the labelled speaker (see `_speaker_matches`).

The labelled sets in `ghatna/eval/data/` hold locators only (source, document, character
offset and length into the text as `load_text` builds it, a SHA-1 prefix of the located text)
and the labels; the text is read from the data directory at run time.  Labels were written by
reading the text, not from ghatna's output.  Batch `a` was labelled first and its errors were
looked at while the stages were developed; batch `b` was labelled afterwards and scored once,
so `*.fresh_*` metrics (batch b alone) are the unbiased estimate.
`--split dev` style tuning: `run_ednil(data_dir, "dev")`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from functools import cache
from pathlib import Path

from ghatna.corpora.ednil import read_doc, read_split
from ghatna.document import Document, Quote
from ghatna.eval import DataMissing, analyse
from ghatna.text.normalise import match_key, normalise_text

DATA = Path(__file__).parent / "data"
EDNIL = "ednil-hi"
BBC = "bbc-hindi/articles.csv"
_SPACE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


# -- reading the reference data ------------------------------------------------------------
@cache
def _bbc_rows(path: Path) -> tuple[str, ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(row[1] for row in list(csv.reader(fh))[1:])


def load_text(data_dir: Path, source: str, doc: str) -> str:
    """The text a locator points into: a BBC Hindi row (0-based, after the header),
    normalised; or an EDNIL annotated file as `corpora.ednil.read_doc` builds it."""
    if source == "bbc":
        path = data_dir / BBC
        if not path.is_file():
            raise DataMissing(f"BBC Hindi articles not found at {path}")
        return normalise_text(_bbc_rows(path)[int(doc)])
    if source == "ednil":
        path = data_dir / EDNIL / "annotated" / doc
        if not path.is_file():
            raise DataMissing(f"EDNIL file not found at {path}")
        return read_doc(path).text
    raise ValueError(f"unknown source {source!r}")


def anchor_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


# -- running ghatna ------------------------------------------------------------------------
def process(text: str, lang: str = "hi") -> Document:
    """Run the shipped pipeline on an already normalised text (offsets are kept)."""
    return analyse(text, lang)


# -- the gold number reader ----------------------------------------------------------------
# Deliberately small and independent of ghatna.lang: digits with an optional multiplier
# word, the commonest number words, and the vague plurals (base value, the convention of the
# quantities stage).
_GOLD = json.loads((DATA / "gold_numbers.json").read_text(encoding="utf-8"))
_GOLD_WORDS, _GOLD_MULT, _GOLD_VAGUE = _GOLD["words"], _GOLD["multipliers"], _GOLD["vague"]
_GOLD_NOT_ONE = frozenset(_GOLD["not_one"])
_ONE = next(w for w, v in _GOLD_WORDS.items() if v == 1)


def gold_numbers(span_text: str) -> set[float]:
    """The numbers written in a gold span (Devanagari or ASCII digits, number words)."""
    words = match_key(span_text).replace("\u0901", "\u0902").replace(",", " , ").split()
    words = [w.strip("।.;:()\"'‘’“”") for w in words]
    found: set[float] = set()
    i = 0
    while i < len(words):
        w = words[i]
        value: float | None = None
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            # re-join 1 , 00 , 000 split above
            j = i
            digits = w
            while j + 2 < len(words) and words[j + 1] == "," and re.fullmatch(r"\d{2,3}", words[j + 2]):
                digits += words[j + 2]
                j += 2
            if j > i:
                i = j
            value = float(digits)
        elif w in _GOLD_VAGUE:
            value = float(_GOLD_VAGUE[w])
        elif w in _GOLD_WORDS:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w == _ONE and (not nxt or nxt in _GOLD_NOT_ONE):
                i += 1
                continue
            value = float(_GOLD_WORDS[w])
        if value is not None:
            # a following multiplier: 1 लाख, दो हजार, पांच सौ
            while i + 1 < len(words) and words[i + 1] in _GOLD_MULT:
                i += 1
                value *= _GOLD_MULT[words[i]]
                # दो लाख बीस हजार: a smaller group after a multiplier adds to it
                if i + 2 < len(words) and words[i + 1] in _GOLD_WORDS and words[i + 2] in _GOLD_MULT \
                        and _GOLD_MULT[words[i + 2]] < _GOLD_MULT[words[i]]:
                    value += _GOLD_WORDS[words[i + 1]] * _GOLD_MULT[words[i + 2]]
                    i += 2
            found.add(round(value, 6))
        i += 1
    return found


# -- the suite -----------------------------------------------------------------------------
def run_ednil(data_dir: Path, split: str = "test") -> dict[str, float]:
    """Casualty recall and value accuracy on one EDNIL split."""
    total = found = right = 0
    if not (data_dir / EDNIL / "split.tsv").is_file():
        raise DataMissing(f"EDNIL split not found at {data_dir / EDNIL}")
    for gold in read_split(data_dir, split):
        doc = process(gold.text)
        for start, end in ((a.start, a.end) for a in gold.arguments if a.kind == "CASUALTIES-ARG"):
            values = gold_numbers(gold.text[start:end])
            if not values:
                continue
            total += 1
            overlapping = [q for q in doc.quantities if q.start < end and q.end > start]
            if not overlapping:
                continue
            found += 1
            if {round(q.value, 6) for q in overlapping} == values:
                right += 1
    return {
        f"ednil.{split}.casualty_spans": float(total),
        f"ednil.{split}.casualty_recall": found / total if total else 0.0,
        f"ednil.{split}.casualty_value_accuracy": right / found if found else 0.0,
    }


def read_labels(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh, delimiter="\t") if not row["source"].startswith("#")]


class _Texts:
    """Texts and processed documents by locator, each read and processed once."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.docs: dict[tuple[str, str], Document] = {}

    def doc(self, source: str, doc_key: str) -> Document:
        key = (source, doc_key)
        if key not in self.docs:
            self.docs[key] = process(load_text(self.data_dir, source, doc_key))
        return self.docs[key]

    def locate(self, row: dict[str, str], prefix: str = "") -> tuple[Document, int, int]:
        doc = self.doc(row["source"], row["doc"])
        start = int(row[f"{prefix}offset"])
        end = start + int(row[f"{prefix}length"])
        if anchor_hash(doc.text[start:end]) != row[f"{prefix}sha1"]:
            raise ValueError(f"locator does not match the text: {row}")
        return doc, start, end


def _fraction(hits: list[bool]) -> float:
    return sum(hits) / len(hits) if hits else 0.0


def run_quantities(texts: _Texts) -> dict[str, float]:
    rows = read_labels("quantities.tsv")
    right = unit_total = unit_right = 0
    fresh: list[bool] = []
    for row in rows:
        doc, start, end = texts.locate(row)
        value, approx = float(row["value"]), row["approx"]
        overlapping = [q for q in doc.quantities if q.start < end and q.end > start]
        match = next((q for q in overlapping if abs(q.value - value) < 1e-6 and q.approx == approx), None)
        if match:
            right += 1
        if row["batch"] == "b":
            fresh.append(match is not None)
        if row["unit_en"] and row["unit_en"] != "-":
            unit_total += 1
            chosen = match or (overlapping[0] if overlapping else None)
            if match and chosen and chosen.unit_en == row["unit_en"]:
                unit_right += 1
    return {
        "quantities.items": float(len(rows)),
        "quantities.accuracy": right / len(rows) if rows else 0.0,
        "quantities.fresh_accuracy": _fraction(fresh),
        "quantities.unit_accuracy": unit_right / unit_total if unit_total else 0.0,
    }


def _speaker_matches(doc: Document, quote: Quote, expected: str) -> bool:
    """The expected speaker's head word (the last word of its surface form, usually the
    surname) is among the words of the found speaker text or of its entity's mentions, and
    the found speaker text is a phrase, not a clause (at most eight words)."""
    head = match_key(expected).split()[-1]
    names = [quote.speaker_text or ""]
    if quote.speaker:
        for entity in doc.entities:
            if entity.id == quote.speaker:
                names += [entity.name] + [m.text for m in entity.mentions]
    for name in names:
        words = match_key(name).replace("-", " ").split()
        if head in words and len(words) <= 8:
            return True
    return False


def run_quotes(texts: _Texts) -> dict[str, float]:
    rows = read_labels("quotes.tsv")
    right = found = 0
    fresh: list[bool] = []
    for row in rows:
        doc, start, end = texts.locate(row)
        _, s_start, s_end = texts.locate(row, "speaker_")
        expected = doc.text[s_start:s_end]
        overlapping = [q for q in doc.quotes if q.start < end and q.end > start]
        if overlapping:
            found += 1
        hit = any(_speaker_matches(doc, q, expected) for q in overlapping)
        right += hit
        if row["batch"] == "b":
            fresh.append(hit)
    return {
        "quotes.items": float(len(rows)),
        "quotes.found": found / len(rows) if rows else 0.0,
        "quotes.speaker_accuracy": right / len(rows) if rows else 0.0,
        "quotes.fresh_speaker_accuracy": _fraction(fresh),
    }


def run(data_dir: Path) -> dict[str, float]:
    data_dir = Path(data_dir)
    if not (data_dir / EDNIL).is_dir() or not (data_dir / BBC).is_file():
        raise DataMissing(f"EDNIL or BBC Hindi data not found under {data_dir}")
    metrics = run_ednil(data_dir, "test")
    texts = _Texts(data_dir)
    metrics.update(run_quantities(texts))
    metrics.update(run_quotes(texts))
    return metrics
