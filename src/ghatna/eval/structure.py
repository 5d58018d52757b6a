"""Suite `structure`: is the layout of a scraped article recovered, and its boilerplate dropped?

Runs the full pipeline on the seed article and on the bundled samples, which share one
layout (non-blank lines): headline; standfirst; date line; the headline again; an image
caption; an image-credit line ('IMAGE SOURCE: ...'); body paragraphs; and an author trailer
of three lines (marker, author, role).  What each field must be is read from that layout
(the title is the first line, the credit what follows the credit line's cue, ...), never
typed in here.

Metrics (for `seed.` and `samples.`, the samples averaged):
- `fields_correct`: fraction of title, published, caption text, caption credit, authors right.
- `boilerplate_lines_left`: layout lines (headline, date, caption, credit, trailer) still in text.
- `body_paragraphs_kept`: fraction of standfirst and body paragraphs found in text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ghatna.document import STATUS_ERROR, Document
from ghatna.eval import DataMissing
from ghatna.lang import all_packs
from ghatna.pipeline import Pipeline
from ghatna.read.sources import iter_sources, sample_paths
from ghatna.text.normalise import devanagari_digits_to_ascii, match_key, normalise_text

SEED_NAME = "000_8b0be508ce58b25c.txt"
FIELDS = ("title", "published", "caption_text", "caption_credit", "authors")


@dataclass
class Expected:
    """What structure recovery must give for a file in the seed's layout."""

    title: str
    published: str | None
    caption: str
    credit: str
    authors: list[str]
    boilerplate: list[str]  # lines that must not remain in the text
    paragraphs: list[str]  # lines that must remain


def expected_from_layout(raw_text: str) -> Expected:
    lines = [line for line in normalise_text(raw_text).split("\n") if line]
    if len(lines) < 10:
        raise ValueError(f"not in the seed's layout: {len(lines)} non-blank lines")
    title, standfirst, date_line, repeated, caption, credit_line = lines[:6]
    body, trailer = lines[6:-3], lines[-3:]
    # the credit is what follows the credit line's cue word and its separator
    credit = re.split(r"[:,]", credit_line, maxsplit=1)[-1].strip()
    return Expected(
        title=title,
        published=_date_from_line(date_line),
        caption=caption,
        credit=credit,
        authors=[trailer[1]],
        boilerplate=[title, date_line, repeated, caption, credit_line, *trailer],
        paragraphs=[standfirst, *body],
    )


def _date_from_line(line: str) -> str | None:
    """The date on a '<month> <day>, <year>' or '<day> <month> <year>' line: the 4-digit number
    is the year, the 1-2 digit one the day, the word a month name of a language pack."""
    numbers = re.findall(r"\d+", devanagari_digits_to_ascii(line))
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    months = {match_key(name): number for pack in all_packs() for name, number in pack.months.items()}
    month = next((months[w] for w in match_key(line).replace(",", " ").split() if w in months), None)
    if len(years) != 1 or len(days) != 1 or month is None:
        return None
    return f"{years[0]}-{month:02d}-{int(days[0]):02d}"


def check(doc: Document, expected: Expected) -> dict[str, float]:
    """Metrics of one processed document against what its layout says."""
    if doc.status == STATUS_ERROR:
        return {"fields_correct": 0.0, "boilerplate_lines_left": float(len(expected.boilerplate)),
                "body_paragraphs_kept": 0.0}
    correct = {
        "title": doc.title == expected.title,
        "published": expected.published is not None and doc.published == expected.published,
        "caption_text": any(match_key(c.text) == match_key(expected.caption) for c in doc.captions),
        "caption_credit": any(c.credit == expected.credit for c in doc.captions),
        "authors": doc.authors == expected.authors,
    }
    text_keys = [match_key(line) for line in doc.text.split("\n") if line.strip()]
    boilerplate = {match_key(line) for line in expected.boilerplate}
    kept = sum(match_key(p) in text_keys for p in expected.paragraphs)
    return {
        "fields_correct": sum(correct[f] for f in FIELDS) / len(FIELDS),
        "boilerplate_lines_left": float(sum(key in boilerplate for key in text_keys)),
        "body_paragraphs_kept": kept / len(expected.paragraphs),
    }


def check_file(path: Path, pipeline: Pipeline) -> dict[str, float]:
    expected = expected_from_layout(path.read_text(encoding="utf-8"))
    (raw,) = list(iter_sources([str(path)]))
    return check(pipeline(raw), expected)


def run(data_dir: Path) -> dict[str, float]:
    seed = Path(data_dir).parent / "seed" / SEED_NAME
    if not seed.is_file():
        raise DataMissing(f"seed article not found at {seed}")
    pipeline = Pipeline()
    metrics = {f"seed.{name}": value for name, value in check_file(seed, pipeline).items()}
    per_sample = [check_file(path, pipeline) for path in sample_paths()]
    for name in per_sample[0]:
        values = [m[name] for m in per_sample]
        total = sum(values)
        metrics[f"samples.{name}"] = total if name == "boilerplate_lines_left" else total / len(values)
    return metrics
