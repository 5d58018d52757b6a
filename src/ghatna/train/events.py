"""Train the shipped Hindi event trigger tagger on EDNIL.

    python -m ghatna.train.events --data ../shared/data [--out src/ghatna/data/events] [--tune]

Reads the EDNIL train and dev splits (../shared/data/ednil-hi/split.tsv), cuts each document
into ghatna's own sentences and tokens, projects the gold trigger spans onto the tokens (BIO),
trains a CRF (see `ghatna.events.hi.tagger`) and writes `ednil_triggers.crfsuite`,
`trigger_words.txt` and `training.json` into `out`.

Every choice (features, hyper-parameters, thresholds) is made with `--tune`: train on the train
split only and score dev (`ghatna eval events` with `Options(events_model_dir=out)` scores the
pipeline with those models).  The shipped model is then fitted on train + dev with those
choices; the test split is never used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from ghatna.corpora.ednil import EdnilDoc, read_split
from ghatna.events.hi.tagger import SHIPPED_MODEL_DIR, TRIGGER_MODEL, TRIGGER_WORDS, trigger_features

# Chosen on dev (see data/events/MODEL_CARD.md).
TRIGGER_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 120, "feature.possible_transitions": True}


def _bio(tokens: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags of tokens from labelled character spans (a token inside a span takes its label)."""
    tags = ["O"] * len(tokens)
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        inside = [i for i, (ts, te) in enumerate(tokens) if ts < end and te > start and tags[i] == "O"]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + label
    return tags


class TaggedSentence(NamedTuple):
    tokens: list[tuple[int, int]]
    words: list[str]
    triggers: list[str]  # BIO tags of the gold triggers (EDNIL types)


def sentences(doc: EdnilDoc) -> list[TaggedSentence]:
    """Each sentence of a document with its gold trigger tags, cut as the pipeline does."""
    from ghatna.eval.events import hindi_document
    from ghatna.events.candidates import sentence_views

    events = [(e.start, e.end, e.type) for e in doc.events]
    views = sentence_views(hindi_document(doc.text, recognise=False))
    return [TaggedSentence(v.tokens, v.words, _bio(v.tokens, events)) for v in views if v.tokens]


def _inside_counts(sentences: Iterable[tuple[list[str], list[str]]]) -> tuple[Counter, Counter]:
    """For each word key: how often it stands inside a span (tag other than O), and how often at all."""
    from ghatna.text.normalise import match_key

    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for words, tags in sentences:
        for word, tag in zip(words, tags, strict=True):
            key = match_key(word)
            total[key] += 1
            inside[key] += tag != "O"
    return inside, total

def trigger_vocabulary(sents: list) -> list[str]:
    """Word keys that are part of a gold trigger in at least 10% of their occurrences: the cheap
    prefilter that decides whether the CRF runs on a sentence at all."""
    inside, total = _inside_counts((s.words, s.triggers) for s in sents)
    return sorted(k for k, n in inside.items() if n and n / total[k] >= 0.1 and any(c.isalpha() for c in k))


def _train(items: list[tuple[list[list[str]], list[str]]], params: dict, path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in items:
        trainer.append(xseq, yseq)
    trainer.set_params(params)
    trainer.train(str(path))


def _token_f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    """Token-level labelled F1 (a quick dev figure; the `events` suite scores spans)."""
    tp = fp = fn = 0
    for g_seq, p_seq in zip(gold, pred, strict=True):
        for g, p in zip(g_seq, p_seq, strict=True):
            g, p = g[2:] if g != "O" else "O", p[2:] if p != "O" else "O"
            if p != "O" and p == g:
                tp += 1
            else:
                fp += p != "O"
                fn += g != "O"
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def train(data_dir: Path, out_dir: Path | None = None, tune: bool = False) -> dict:
    """Train the trigger tagger and write the model; returns the training record.  `tune`: train
    on the train split only and score dev (for choosing); otherwise fit on train + dev."""
    out_dir = Path(out_dir) if out_dir else SHIPPED_MODEL_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    began = time.time()
    train_sents = [s for doc in read_split(data_dir, "train") for s in sentences(doc)]
    dev_sents = [s for doc in read_split(data_dir, "dev") for s in sentences(doc)]
    if not tune:
        train_sents, dev_sents = train_sents + dev_sents, []
    vocabulary = trigger_vocabulary(train_sents)
    (out_dir / TRIGGER_WORDS).write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
    trigger_path = out_dir / TRIGGER_MODEL
    _train([(trigger_features(s.words), s.triggers) for s in train_sents], TRIGGER_PARAMS, trigger_path)
    record = {
        "data": "EDNIL 2020 Hindi (FIRE), " + ("train split" if tune else "train + dev splits")
                + " of ednil-hi/split.tsv; licence: none stated (shared-task data, used for "
                  "training only, no text shipped)",
        "train_sentences": len(train_sents),
        "trigger_words": len(vocabulary),
        "trigger_params": TRIGGER_PARAMS,
        "seconds": round(time.time() - began, 1),
        "command": "python -m ghatna.train.events --data ../shared/data" + (" --tune" if tune else ""),
    }
    if tune:
        record.update(_dev_scores(dev_sents, trigger_path))
    (out_dir / "training.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
    return record


def _dev_scores(dev_sents: list, trigger_path: Path) -> dict:
    import pycrfsuite

    trigger_tagger = pycrfsuite.Tagger()
    trigger_tagger.open(str(trigger_path))
    dev_triggers = [trigger_tagger.tag(trigger_features(s.words)) for s in dev_sents]
    return {
        "dev_sentences": len(dev_sents),
        "dev_trigger_token_f1": round(_token_f1([s.triggers for s in dev_sents], dev_triggers), 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--tune", action="store_true", help="train on the train split only and score dev")
    args = parser.parse_args(argv)
    record = train(args.data, args.out, tune=args.tune)
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
