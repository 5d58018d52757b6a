"""Every Hindi text unit of the reference data by (corpus, locator), for building tables and for
suites whose labels point into the corpora (`eval/data/resolve_variants.tsv`)."""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")


def hindi_texts(data_dir: Path) -> Iterator[tuple[str, str, str]]:
    """(corpus, locator, text) of every Hindi text unit in the data folder.

    Locators: bbc-hindi row index, ntrex line number (0-based), ednil file name, hiner / il-ner
    sentence index, seed file name (the seed articles beside the data folder, ../seed).
    `ghatna.eval.resolve` uses the same locators.
    """
    bbc = data_dir / "bbc-hindi" / "articles.csv"
    if bbc.is_file():
        with bbc.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            next(reader, None)
            for i, row in enumerate(reader):
                if len(row) >= 2:
                    yield "bbc-hindi", str(i), row[1]
    ntrex = data_dir / "ntrex" / "newstest2019-ref.hin.txt"
    if ntrex.is_file():
        for i, line in enumerate(ntrex.read_text(encoding="utf-8").splitlines()):
            yield "ntrex", str(i), line
    ednil = data_dir / "ednil-hi"
    if ednil.is_dir():
        for path in sorted(ednil.rglob("*.xml")):
            text = html.unescape(_TAG.sub(" ", path.read_text(encoding="utf-8", errors="replace")))
            yield "ednil", path.name, text
    seed = data_dir.parent / "seed"
    if seed.is_dir():
        for path in sorted(seed.glob("*.txt")):
            yield "seed", path.name, path.read_text(encoding="utf-8")
    for corpus, paths in (("hiner", [data_dir / "hiner" / "validation.conll"]),
                          ("il-ner", sorted((data_dir / "il-ner").glob("Hindi-*.txt")))):
        for path in paths:
            if not path.is_file():
                continue
            words: list[str] = []
            index = 0
            for line in path.read_text(encoding="utf-8").splitlines() + [""]:
                if line.strip():
                    words.append(line.split()[0])
                elif words:
                    yield corpus, f"{path.name}:{index}", " ".join(words)
                    words = []
                    index += 1


