"""Train the shipped Hindi event taggers (triggers and arguments) on EDNIL.

    python -m ghatna.train.events --data ../shared/data [--out src/ghatna/data/events] [--tune]

Reads the EDNIL train and dev splits (../shared/data/ednil-hi/split.tsv), cuts each document
into ghatna's own sentences and tokens, projects the gold trigger and argument spans onto the
tokens (BIO), trains two CRFs (see `ghatna.events.hi.tagger`) and writes
`ednil_triggers.crfsuite`, `ednil_arguments.crfsuite` and `training.json` into `out`.
The argument tagger is trained on gold trigger tags and applied to predicted ones.

Every choice (features, hyper-parameters, thresholds) is made with `--tune`: train on the train
split only and score dev.  The shipped models are then fitted on train + dev with those choices;
the test split is never used.
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

from ghatna.corpora.ednil import SCORED_ARGUMENTS, EdnilDoc, read_split
from ghatna.events.hi.detect import ARGUMENT_CONTEXT
from ghatna.events.hi.tagger import MODEL_DIR, argument_features, sentence_position, trigger_features

# Chosen on dev (see data/events/MODEL_CARD.md).
TRIGGER_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 120, "feature.possible_transitions": True}
# Arguments: more L2, less L1 (dev argument F1 0.482 -> 0.488 with (0.01, 0.3); (0.02, 0.1) 0.487,
# (0.05, 0.2) 0.485, (0.1, 0.01) 0.481; the same for triggers lowered dev trigger F1 0.755 -> 0.744).
# The argument tagger learns from the sentences within this many of a trigger's, as it is applied
# near events only (events_hindi.MAX_SENTENCE_DISTANCE; dev argument F1 0.496 -> 0.504).
ARGUMENT_TRAIN_DISTANCE = 3
ARGUMENT_PARAMS = {"c1": 0.01, "c2": 0.3, "max_iterations": 120, "feature.possible_transitions": True}


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
    arguments: list[str]  # BIO tags of the gold arguments (PLACE, TIME, CASUALTIES, PARTICIPANT)
    context: list[str]  # what the pipeline's other stages say of each word (argument_context)
    position: list[str]  # where the sentence lies in its document (sentence_position)
    distance: int | None  # sentences to the nearest one with a gold trigger (None: none in the document)


def sentences(doc: EdnilDoc) -> list[TaggedSentence]:
    """Each sentence of a document with its gold tags, cut and recognised as the pipeline does
    (see `eval.events.hindi_document`)."""
    from ghatna.eval.events import hindi_document
    from ghatna.events.candidates import sentence_views
    from ghatna.events.hi.detect import argument_context

    events = [(e.start, e.end, e.type) for e in doc.events]
    arguments = [(a.start, a.end, a.kind.removesuffix("-ARG")) for a in doc.arguments
                 if a.kind in SCORED_ARGUMENTS]
    views = sentence_views(hindi_document(doc.text, recognise=bool(ARGUMENT_CONTEXT)))
    trigger_tags = [_bio(v.tokens, events) for v in views]
    with_events = [n for n, tags in enumerate(trigger_tags) if any(t != "O" for t in tags)]
    types = Counter(e.type for e in doc.events)
    document_type = types.most_common(1)[0][0] if types else None
    out = []
    for n, (view, tags) in enumerate(zip(views, trigger_tags, strict=True)):
        if not view.tokens:
            continue
        context = argument_context(view) if ARGUMENT_CONTEXT else []
        distance = min((abs(n - m) for m in with_events), default=None)
        out.append(TaggedSentence(view.tokens, view.words, tags, _bio(view.tokens, arguments), context,
                                  sentence_position(n, distance, document_type), distance))
    return out


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


def place_words(sents: list) -> list[str]:
    """Place words for the argument tagger: country and region names in Hindi (CLDR via Babel)
    and words inside PLACE arguments of the train split in at least 30% of their occurrences."""
    from babel import Locale

    from ghatna.text.normalise import match_key

    words = {match_key(w) for name in Locale("hi").territories.values() for w in name.split()}
    inside, total = _inside_counts(
        (s.words, [t if t.endswith("PLACE") else "O" for t in s.arguments]) for s in sents)
    words |= {k for k, n in inside.items() if n >= 2 and n / total[k] >= 0.3 and any(c.isalpha() for c in k)}
    return sorted(words)


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


def train(data_dir: Path, out_dir: Path | None = None, tune: bool = False, arguments_only: bool = False) -> dict:
    """Train both taggers and write the models; returns the training record.  `tune`: train on
    the train split only and score dev (for choosing); otherwise fit on train + dev.
    `arguments_only`: keep the trigger model already in `out_dir` (argument experiments)."""

    out_dir = Path(out_dir) if out_dir else MODEL_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    began = time.time()
    train_sents = [s for doc in read_split(data_dir, "train") for s in sentences(doc)]
    dev_sents = [s for doc in read_split(data_dir, "dev") for s in sentences(doc)]
    if not tune:
        train_sents, dev_sents = train_sents + dev_sents, []
    vocabulary = trigger_vocabulary(train_sents)
    (out_dir / "trigger_words.txt").write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
    places = place_words(train_sents)
    (out_dir / "place_words.txt").write_text("\n".join(places) + "\n", encoding="utf-8")
    place_path = out_dir / "place_words.txt"
    trigger_path = out_dir / "ednil_triggers.crfsuite"
    argument_path = out_dir / "ednil_arguments.crfsuite"
    if not (arguments_only and trigger_path.is_file()):
        _train([(trigger_features(s.words), s.triggers) for s in train_sents], TRIGGER_PARAMS, trigger_path)
    _train([(argument_features(s.words, s.triggers, place_path, s.context, s.position), s.arguments)
            for s in train_sents if s.distance is not None and s.distance <= ARGUMENT_TRAIN_DISTANCE],
           ARGUMENT_PARAMS, argument_path)
    record = {
        "data": "EDNIL 2020 Hindi (FIRE), " + ("train split" if tune else "train + dev splits")
                + " of ednil-hi/split.tsv; licence: none stated (shared-task data, used for "
                  "training only, no text shipped)",
        "train_sentences": len(train_sents),
        "trigger_words": len(vocabulary),
        "place_words": len(places),
        "trigger_params": TRIGGER_PARAMS,
        "argument_params": ARGUMENT_PARAMS,
        "argument_context": list(ARGUMENT_CONTEXT),
        "seconds": round(time.time() - began, 1),
        "command": "python -m ghatna.train.events --data ../shared/data" + (" --tune" if tune else ""),
    }
    if tune:
        record.update(_dev_scores(dev_sents, trigger_path, argument_path, place_path))
    (out_dir / "training.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
    return record


def _dev_scores(dev_sents: list, trigger_path: Path, argument_path: Path, place_path: Path) -> dict:
    import pycrfsuite

    trigger_tagger = pycrfsuite.Tagger()
    trigger_tagger.open(str(trigger_path))
    argument_tagger = pycrfsuite.Tagger()
    argument_tagger.open(str(argument_path))
    dev_triggers = [trigger_tagger.tag(trigger_features(s.words)) for s in dev_sents]
    dev_arguments = [argument_tagger.tag(argument_features(s.words, p, place_path, s.context, s.position))
                     for s, p in zip(dev_sents, dev_triggers, strict=True)]
    return {
        "dev_sentences": len(dev_sents),
        "dev_trigger_token_f1": round(_token_f1([s.triggers for s in dev_sents], dev_triggers), 4),
        "dev_argument_token_f1": round(_token_f1([s.arguments for s in dev_sents], dev_arguments), 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--tune", action="store_true", help="train on the train split only and score dev")
    parser.add_argument("--arguments-only", action="store_true",
                        help="keep the trigger model already in --out, train the argument tagger only")
    args = parser.parse_args(argv)
    record = train(args.data, args.out, tune=args.tune, arguments_only=args.arguments_only)
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
