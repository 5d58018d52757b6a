"""The two annotated Hindi NER corpora, read into one tag set (PER, LOC, ORG) with fixed splits.

IL-NER Hindi (CC BY 4.0) comes with official train/dev/test files.  HiNER (CC BY-SA 4.0) is
used through its validation file only, split by sentence index: i % 10 == 0 test, == 1 dev,
else train (../shared/data/README.md).  Tags outside PER/LOC/ORG become O.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Source tag -> ghatna tag; anything missing here is O.  Recorded in the model card.
IL_NER_TAGS = {"NEP": "PER", "NEL": "LOC", "NEO": "ORG"}
HINER_TAGS = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
TYPES = ("PER", "LOC", "ORG")
SPLITS = ("train", "dev", "test")
CORPORA = ("il_ner", "hiner")


@dataclass
class TaggedSentence:
    words: list[str]
    tags: list[str]  # BIO over TYPES


def _read_columns(path: Path) -> Iterator[list[tuple[str, str]]]:
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.rstrip("\r")
        if not line.strip():
            if rows:
                yield rows
            rows = []
            continue
        parts = line.split("\t")
        if len(parts) < 2:  # a stray tag-only line in IL-NER train
            continue
        rows.append((parts[0], parts[-1].strip()))
    if rows:
        yield rows


def _map_bio(raw_tags: list[str], mapping: dict[str, str]) -> list[str]:
    """Source tags -> BIO over our types.  IL-NER has a few malformed tags: '-NEP' is read as
    a beginning and a bare '-' as the continuation of the entity before it (else O)."""
    tags: list[str] = []
    for raw in raw_tags:
        prev = tags[-1] if tags else "O"
        if raw == "-":
            tags.append("I-" + prev[2:] if prev != "O" else "O")
            continue
        if raw.startswith("-"):
            raw = "B" + raw
        prefix, _, label = raw.partition("-")
        mapped = mapping.get(label)
        if mapped is None or prefix not in ("B", "I"):
            tags.append("O")
        elif prefix == "I" and prev[2:] == mapped:
            tags.append("I-" + mapped)
        else:
            tags.append("B-" + mapped)  # an I- after O or another type starts a new entity
    return tags


def read_il_ner(data_dir: Path, split: str) -> list[TaggedSentence]:
    path = Path(data_dir) / "il-ner" / f"Hindi-{split}.txt"
    return [TaggedSentence([w for w, _ in rows], _map_bio([t for _, t in rows], IL_NER_TAGS))
            for rows in _read_columns(path)]


def hiner_split(index: int) -> str:
    return {0: "test", 1: "dev"}.get(index % 10, "train")


def read_hiner(data_dir: Path, split: str) -> list[TaggedSentence]:
    path = Path(data_dir) / "hiner" / "validation.conll"
    return [TaggedSentence([w for w, _ in rows], _map_bio([t for _, t in rows], HINER_TAGS))
            for i, rows in enumerate(_read_columns(path)) if hiner_split(i) == split]


def read_corpus(data_dir: Path, corpus: str, split: str) -> list[TaggedSentence]:
    if corpus == "il_ner":
        return read_il_ner(data_dir, split)
    if corpus == "hiner":
        return read_hiner(data_dir, split)
    raise KeyError(corpus)


def corpus_paths(data_dir: Path) -> list[Path]:
    data_dir = Path(data_dir)
    return [data_dir / "il-ner" / f"Hindi-{s}.txt" for s in SPLITS] + [data_dir / "hiner" / "validation.conll"]

