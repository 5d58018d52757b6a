"""Train the shipped Hindi NER model: a linear-chain CRF (python-crfsuite) on IL-NER + HiNER.

    python -m ghatna.train.ner --data ../shared/data [--out src/ghatna/data/ner-hi]

Reads the train portions of both corpora (see `ghatna.recognise.corpus` for the splits and the
tag mapping), builds the word lists the features use (country names from CLDR via Babel, and
word clusters from the unannotated text of the train portions), trains, scores dev, and
writes `model.crfsuite`, `gazetteer.tsv`, `clusters.tsv` and `training.json` into `out`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ghatna.recognise.corpus import CORPORA, read_corpus
from ghatna.recognise.hindi import DEFAULT_MODEL_DIR, HindiTagger, write_word_list

# CRF hyper-parameters, chosen on dev (docs/models.md).
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}


# Registry name sources used for the gazetteer: not 'news', whose spellings were attested in
# corpora that include the NER test sets.
REGISTRY_SOURCES = ("curated", "cldr", "pycountry", "generated")


def registry_names() -> list[tuple[str, str]]:
    """(Devanagari name, type) from the actor registry (ghatna/data/registry), if it is there."""
    import gzip

    from ghatna.resolve.registry import REGISTRY_PATH

    if not REGISTRY_PATH.is_file():
        return []
    with gzip.open(REGISTRY_PATH, "rt", encoding="utf-8") as f:
        actors = json.load(f)["actors"]
    types = {"PER": "PER", "ORG": "ORG", "GPE": "LOC"}
    return [(name, types[a["type"]]) for a in actors if a.get("type") in types
            for name, source, *_ in a.get("hi", []) if source in REGISTRY_SOURCES]


def build_gazetteer(use_registry: bool = True) -> dict[str, str]:
    """Place, person and organisation names.  Keys are match keys, values the type.

    Country and region names in Hindi (CLDR, via Babel), a hand-made list of Indian states and
    large cities (lang/hi/ner.py), and the actor registry's names.  Single words of registry
    person names are also listed, under '~word' (a name part: जॉन, स्मिथ)."""
    from babel import Locale

    from ghatna.lang.hi import PACK
    from ghatna.lang.hi.ner import PLACES, POSTPOSITIONS
    from ghatna.text.normalise import match_key

    gazetteer: dict[str, str] = {}
    if use_registry:
        for name, label in registry_names():
            key = match_key(name)
            gazetteer.setdefault(key, label)
            if label == "PER":
                for word in key.replace("-", " ").split():
                    if word not in PACK.function_words and word not in POSTPOSITIONS and len(word) > 1:
                        gazetteer.setdefault("~" + word, "PER")
    for name in Locale("hi").territories.values():
        gazetteer[match_key(name)] = "LOC"
    for name in PLACES:
        gazetteer[match_key(name)] = "LOC"
    return gazetteer


def unannotated_sentences(data_dir: Path) -> Iterator[list[str]]:
    """Tokenised Hindi text for the word clusters: BBC Hindi articles, EDNIL documents, the Hindi
    side of NTREX and UD Hindi PUD (none of them overlaps the NER test sets; checked verbatim).
    Only word statistics are derived from them; no text of theirs is shipped."""
    import csv

    from ghatna.text.segment import TOKEN

    def words(text: str) -> list[str]:
        return TOKEN.findall(text)

    data_dir = Path(data_dir)
    bbc = data_dir / "bbc-hindi" / "articles.csv"
    if bbc.is_file():
        csv.field_size_limit(1 << 30)
        with bbc.open(encoding="utf-8", newline="") as f:
            for row in list(csv.reader(f))[1:]:
                for line in row[-1].split("\n"):
                    yield words(line)
    for path in sorted((data_dir / "ednil-hi" / "unannotated").glob("*")):
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            yield words(line)
    for path in sorted((data_dir / "ednil-hi" / "annotated").glob("*.xml")):
        for para in re.findall(r"<P>(.*?)</P>", path.read_text(encoding="utf-8", errors="replace"), re.S):
            yield [w.strip() for w in re.findall(r"<W>([^<]*)</W>", para) if w.strip()]
    ntrex = data_dir / "ntrex" / "newstest2019-ref.hin.txt"
    if ntrex.is_file():
        for line in ntrex.read_text(encoding="utf-8").split("\n"):
            yield words(line)
    pud = data_dir / "ud-hindi-pud" / "hi_pud-ud-test.conllu"
    if pud.is_file():
        sentence: list[str] = []
        for line in pud.read_text(encoding="utf-8").split("\n"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                sentence.append(cols[1])
            elif not line.strip() and sentence:
                yield sentence
                sentence = []


def train(data_dir: Path, out_dir: Path | None = None, params: dict | None = None,
          use_clusters: bool = True) -> dict:
    """Train and save the model; returns a summary with dev scores and the training time."""
    import pycrfsuite

    from ghatna.eval.ner import score_tagger

    started = time.time()
    data_dir, out_dir = Path(data_dir), Path(out_dir) if out_dir else DEFAULT_MODEL_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    sentences = [s for c in CORPORA for s in read_corpus(data_dir, c, "train")]
    gazetteer = build_gazetteer()
    write_word_list(out_dir / "gazetteer.tsv", gazetteer)
    clusters: dict[str, str] = {}
    if use_clusters:
        from ghatna.recognise.clusters import build_clusters

        clusters = build_clusters([*(s.words for s in sentences), *unannotated_sentences(data_dir)])
    write_word_list(out_dir / "clusters.tsv", clusters)
    tagger = HindiTagger(gazetteer=gazetteer, clusters=clusters)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for s in sentences:
        trainer.append(tagger.features(s.words), s.tags)
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    model_path = out_dir / "model.crfsuite"
    trainer.train(str(model_path))
    train_seconds = time.time() - started
    tagger = HindiTagger.load(out_dir)
    summary: dict = {"train_sentences": len(sentences), "train_seconds": round(train_seconds, 1),
                     "params": {**CRF_PARAMS, **(params or {})}, "clusters": len(clusters),
                     "gazetteer": len(gazetteer)}
    for corpus in CORPORA:
        scores = score_tagger(tagger, read_corpus(data_dir, corpus, "dev"))
        summary.update({f"{corpus}.dev.{k}": v for k, v in scores.items()})
    (out_dir / "training.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ghatna train ner", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--no-clusters", action="store_true")
    parser.add_argument("--param", action="append", default=[], help="CRF parameter, e.g. c1=0.1")
    args = parser.parse_args(argv)
    params = {}
    for item in args.param:
        k, _, v = item.partition("=")
        params[k] = float(v) if "." in v else int(v)
    summary = train(args.data, args.out, params, use_clusters=not args.no_clusters)
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
