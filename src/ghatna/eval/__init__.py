"""Evaluation harness: `ghatna eval SUITE` runs one suite and reports named metrics.

Each suite is a module `ghatna.eval.<suite>` with `run(data_dir: Path) -> dict[str, float]`
(flat metric names such as `il_ner.test.micro_f1`).  Suites that need reference data read it
from `data_dir` (default `../shared/data`) and raise `DataMissing` when it is absent.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ghatna.document import Document
    from ghatna.options import Options
    from ghatna.pipeline import Pipeline

SUITES = ("structure", "ner", "resolve", "events", "claims", "geo", "stories")
DEFAULT_DATA_DIR = Path("../shared/data")


# The role of each data set behind a metric (by metric-name prefix, longest first):
#   train    what a model was fitted on;
#   dev      tuned on, freely (and our own checks such as the seed article and the samples);
#   test     read once per release, never used to choose;
#   dev-used a set that was a test set once but has been tuned on since: its figures flatter.
# Timings and counts carry the role of the set they were measured on.
DATA_ROLES: dict[str, str] = {
    "ednil.test": "test", "ednil.dev": "dev",
    "il_ner.test": "test", "hiner.test": "test",
    "plover_gsr": "dev-used", "case2021": "dev-used", "ntrex": "dev-used",
    "variants": "dev", "geo": "dev-used",
    "quantities": "dev-used", "quotes": "dev-used",
    "seed": "dev", "samples": "dev",
    # the geo suite names the role in each metric
    "gold.dev": "dev", "variants.dev-used": "dev-used", "fresh.dev": "dev", "fresh.test": "test",
    "ms_per_sentence": "timing",
}


def data_role(metric: str) -> str:
    """The role of the data set a metric is measured on (`DATA_ROLES`); `unknown` if undeclared."""
    for prefix in sorted(DATA_ROLES, key=len, reverse=True):
        if metric == prefix or metric.startswith(prefix + "."):
            return DATA_ROLES[prefix]
    return "unknown"


class DataMissing(RuntimeError):
    """The reference data a suite needs is not there."""


def available_suites() -> list[str]:
    found = []
    for name in SUITES:
        try:
            importlib.import_module(f"ghatna.eval.{name}")
        except ImportError:
            continue
        found.append(name)
    return found


def run_suite(name: str, data_dir: Path = DEFAULT_DATA_DIR) -> dict:
    """Run one suite; returns `{"suite": name, "metrics": {metric: number}, "roles": {metric: role}}`."""
    if name not in available_suites():
        raise KeyError(f"unknown suite {name!r}; available: {', '.join(available_suites())}")
    module = importlib.import_module(f"ghatna.eval.{name}")
    metrics = module.run(Path(data_dir))
    roles = getattr(module, "role_of", data_role)  # a suite may declare its own roles
    return {"suite": name, "metrics": metrics, "roles": {m: roles(m) for m in metrics}}


def write_report(report: dict, path: Path) -> None:
    Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def analyse(text: str, lang: str, options: Options | None = None, published: str | None = None) -> Document:
    """The shipped pipeline's output for an already normalised text in a known language (its
    offsets kept, so gold spans in it hold): what every suite scores."""
    from ghatna.document import Document, make_doc_id
    from ghatna.options import DEFAULT_OPTIONS

    doc = Document(text=text, lang=lang, lang_hint=lang, published=published, doc_id=make_doc_id(text))
    done = _pipeline(options or DEFAULT_OPTIONS).process(doc)
    if done.text != text:
        raise RuntimeError(f"the pipeline changed the text ({done.status}: {done.error}); gold offsets would not hold")
    return done


@cache
def _pipeline(options: Options) -> Pipeline:
    from ghatna.pipeline import Pipeline

    return Pipeline(options=options)


def write_labels(out: Path, header: str, fields: list[str], rows: list[list[str]]) -> int:
    """Write a labelled set as TSV: `header` (comment lines, each starting '# '), the field names,
    then `rows`; returns the number of rows."""
    import csv

    with Path(out).open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(fields)
        w.writerows(rows)
    return len(rows)
