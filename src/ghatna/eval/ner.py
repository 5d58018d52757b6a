"""Suite `ner`: exact-span precision, recall and F1 of the shipped Hindi NER model.

Scored per type (PER, LOC, ORG) and micro-averaged over them, on IL-NER Hindi test and the
HiNER test portion (sentence index % 10 == 0), plus tagging time per sentence.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ghatna.eval import DataMissing
from ghatna.recognise.corpus import CORPORA, TYPES, TaggedSentence, corpus_paths, read_corpus
from ghatna.tagging import bio_spans


def span_scores(gold: Iterable[list[tuple[int, int, str]]],
                predicted: Iterable[list[tuple[int, int, str]]]) -> dict[str, float]:
    """Exact-match P/R/F1 per type and micro-averaged, over parallel lists of sentence spans."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(g), set(p)
        for span in gs:
            n_gold[span[2]] += 1
        for span in ps:
            n_pred[span[2]] += 1
            tp[span[2]] += span in gs
    scores: dict[str, float] = {}

    def prf(t: int, ng: int, np_: int, prefix: str) -> None:
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        scores[f"{prefix}precision"] = round(p, 4)
        scores[f"{prefix}recall"] = round(r, 4)
        scores[f"{prefix}f1"] = round(2 * p * r / (p + r) if p + r else 0.0, 4)

    for t in TYPES:
        prf(tp[t], n_gold[t], n_pred[t], f"{t}.")
    prf(sum(tp[t] for t in TYPES), sum(n_gold[t] for t in TYPES), sum(n_pred[t] for t in TYPES), "micro_")
    return scores


def score_tagger(tagger: object, sentences: list[TaggedSentence], block: int = 0) -> dict[str, float]:
    """Scores of `tagger` on gold sentences, and ms per sentence.

    With `block` = 0 each sentence is tagged alone (`tagger.spans`); otherwise runs of `block`
    consecutive sentences are tagged as one document (`tagger.document_spans`), as the pipeline
    tags a document (the corpora keep sentences in document order but mark no boundaries)."""
    started = time.perf_counter()
    if block:
        predicted = [spans for lo in range(0, len(sentences), block)
                     for spans in tagger.document_spans([s.words for s in sentences[lo : lo + block]])]  # type: ignore[attr-defined]
    else:
        predicted = [tagger.spans(s.words) for s in sentences]  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - started
    scores = span_scores((bio_spans(s.tags) for s in sentences), predicted)
    scores["ms_per_sentence"] = round(1000 * elapsed / max(1, len(sentences)), 3)
    scores["sentences"] = len(sentences)
    return scores


# The people, organisations and places the seed article names (issue 3), with the Hindi
# spellings it uses for them; a name counts as found when every spelling of it that occurs
# in the document text is inside some mention.
SEED_NAMES: dict[str, list[str]] = json.loads((Path(__file__).parent / "data" / "seed_names.json").read_text(encoding="utf-8"))


def seed_coverage(seed_path: Path) -> tuple[float, list[str], list[str]]:
    """(fraction of SEED_NAMES in the text that are found, missing names, names not in the text),
    running the pipeline up to the recognise stage on the seed article."""
    from ghatna.pipeline import Pipeline
    from ghatna.read.raw import RawDocument
    from ghatna.recognise import RecogniseStage
    from ghatna.text.langid import LangIdStage
    from ghatna.text.normalise import NormaliseStage
    from ghatna.text.segment import SegmentStage

    raw = RawDocument(source=str(seed_path), content=seed_path.read_text(encoding="utf-8"), format="text")
    doc = Pipeline([NormaliseStage(), LangIdStage(), SegmentStage(), RecogniseStage()])(raw)
    mentions = [m.text for e in doc.entities for m in e.mentions]
    missing, absent = [], []
    for name, spellings in SEED_NAMES.items():
        present = [s for s in spellings if s in doc.text]
        if not present:
            absent.append(name)
        elif not all(any(s in m for m in mentions) for s in present):
            missing.append(name)
    counted = len(SEED_NAMES) - len(absent)
    return (counted - len(missing)) / max(1, counted), missing, absent


# Sentences per pseudo-document when scoring the document mode (name propagation).
DOC_BLOCK = 20


def run(data_dir: Path, limit: int | None = None, split: str = "test") -> dict[str, float]:
    """Metrics `il_ner.<split>.micro_f1`, `hiner.<split>.PER.f1`, ..., and `ms_per_sentence`.

    The main figures tag each sentence alone (the CRF).  `<corpus>.<split>.doc.micro_*` tag runs
    of DOC_BLOCK consecutive sentences as one document, as the pipeline does (with names
    propagated across the document).  `limit` scores only the first sentences of each set."""
    from ghatna.recognise.hindi import hindi_tagger

    missing = [str(p) for p in corpus_paths(data_dir) if not p.is_file()]
    if missing:
        raise DataMissing(f"NER data not found: {', '.join(missing)}")
    tagger = hindi_tagger()
    metrics: dict[str, float] = {}
    total_ms, total_n = 0.0, 0
    for corpus in CORPORA:
        sentences = read_corpus(data_dir, corpus, split)[:limit]
        scores = score_tagger(tagger, sentences)
        total_ms += scores["ms_per_sentence"] * scores["sentences"]
        total_n += int(scores["sentences"])
        metrics.update({f"{corpus}.{split}.{k}": v for k, v in scores.items()})
        doc_scores = score_tagger(tagger, sentences, block=DOC_BLOCK)
        metrics.update({f"{corpus}.{split}.doc.{k}": doc_scores[k]
                        for k in ("micro_precision", "micro_recall", "micro_f1", "ms_per_sentence")})
    metrics["ms_per_sentence"] = round(total_ms / max(1, total_n), 3)
    seed = Path(data_dir).parent / "seed" / "000_8b0be508ce58b25c.txt"
    if seed.is_file():
        found, missing, absent = seed_coverage(seed)
        metrics["seed.names_found"] = round(found, 4)
        print(f"seed article: names missed: {', '.join(missing) or 'none'}; "
              f"not in its text: {', '.join(absent) or 'none'}", file=sys.stderr)
    return metrics
