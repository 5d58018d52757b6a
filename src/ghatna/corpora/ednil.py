"""Reader for the EDNIL 2020 Hindi event corpus (../shared/data/ednil-hi), for training and evaluation.

Each XML document becomes plain text (words joined by single spaces, paragraphs by newlines,
each word normalised like `Document.text`) with the gold event triggers and argument spans as
code-point offsets into that text, and the argument -> event links.  The EDNIL types are mapped
to ghatna's ontology: violent man-made events to PLOVER (riots are PROTEST riot; shoot-outs,
bombings and attacks are ASSAULT with the matching mode), every other type to DISASTER with the
EDNIL type as mode.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ghatna.events.hi.tagger import EDNIL_TO_ONTOLOGY, ontology_type  # noqa: F401 - the corpus's types in ghatna's ontology
from ghatna.text.normalise import normalise_text

# The argument kinds scored by the `events` suite (EDNIL has more: after-effects, reason, ...).
SCORED_ARGUMENTS = ("PLACE-ARG", "TIME-ARG", "CASUALTIES-ARG", "PARTICIPANT-ARG")
EVENT_TAGS = ("MAN_MADE_EVENT", "NATURAL_EVENT")


@dataclass
class GoldEvent:
    id: str
    start: int
    end: int
    type: str  # the EDNIL type
    cluster: str = ""  # id shared by coreferent mentions of one event (EVENT-COREF-LINK)


@dataclass
class GoldArgument:
    id: str
    kind: str  # PLACE-ARG, TIME-ARG, ...
    start: int
    end: int
    events: list[str] = field(default_factory=list)  # ids of the events it is linked to


@dataclass
class EdnilDoc:
    name: str
    text: str
    events: list[GoldEvent]
    arguments: list[GoldArgument]


def read_doc(path: Path) -> EdnilDoc:
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    length = 0
    events: list[GoldEvent] = []
    arguments: list[GoldArgument] = []
    coref: list[tuple[str, str]] = []

    def add_word(word: str) -> None:
        nonlocal length
        word = normalise_text(word).replace("\n", " ")
        if not word:
            return
        if pieces and not pieces[-1].endswith("\n"):
            pieces.append(" ")
            length += 1
        pieces.append(word)
        length += len(word)

    def walk(el: ET.Element) -> None:
        nonlocal length
        if el.tag == "W":
            add_word(el.text or "")
            return
        start, first_piece = length, len(pieces)
        for child in el:
            walk(child)
        # a span starts after the separating space that add_word put before its first word
        span_start = start + 1 if len(pieces) > first_piece and pieces[first_piece] == " " else start
        if el.tag in EVENT_TAGS and length > span_start:
            events.append(GoldEvent(el.get("ID", ""), span_start, length, el.get("TYPE", "")))
            for link in el.findall("EVENT-COREF-LINK"):
                coref.append((el.get("ID", ""), link.get("EVENT_ID", "")))
        elif el.tag.endswith("-ARG") and length > span_start:
            links = [link.get("EVENT_ARG", "") for link in el.findall("LINK")]
            arguments.append(GoldArgument(el.get("ID", ""), el.tag, span_start, length, links))
        if el.tag == "P" and pieces and not pieces[-1].endswith("\n"):
            pieces.append("\n")
            length += 1

    for child in root:
        if child.tag in ("P",) or child.tag in EVENT_TAGS or child.tag.endswith("-ARG") or child.tag == "W":
            walk(child)
    text = "".join(pieces)
    parent = {e.id: e.id for e in events}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in coref:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    for e in events:
        e.cluster = find(e.id)
    return EdnilDoc(path.name, text.rstrip("\n"), events, arguments)


def read_split(data_dir: Path, split: str) -> list[EdnilDoc]:
    """The documents of one split (train, dev, test) of ../shared/data/ednil-hi/split.tsv."""
    base = Path(data_dir) / "ednil-hi"
    with open(base / "split.tsv", encoding="utf-8") as handle:
        names = [row["file"] for row in csv.DictReader(handle, delimiter="\t") if row["split"] == split]
    return [read_doc(base / "annotated" / name) for name in sorted(names)]
