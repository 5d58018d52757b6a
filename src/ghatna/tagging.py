"""Shared helpers for the sequence taggers (NER and event CRFs)."""

from __future__ import annotations


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token exclusive, label) of each B-/I- run in a BIO sequence."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if start >= 0:
                spans.append((start, i, label))
            start, label = (i, tag[2:]) if tag != "O" else (-1, "")
    return spans
