"""Evaluation harness: `ghatna eval SUITE` runs one suite and reports named metrics.

Each suite is a module `ghatna.eval.<suite>` with `run(data_dir: Path) -> dict[str, float]`
(flat metric names such as `il_ner.test.micro_f1`).  Suites that need reference data read it
from `data_dir` (default `../shared/data`) and raise `DataMissing` when it is absent.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

SUITES = ("structure", "ner", "resolve", "events", "claims", "stories")
DEFAULT_DATA_DIR = Path("../shared/data")


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
    """Run one suite; returns `{"suite": name, "metrics": {metric: number}}`, and `"roles"`
    (metric -> the role of its data set: train, dev, test, dev-used) for suites that declare them
    with a `role_of(metric)` function."""
    if name not in available_suites():
        raise KeyError(f"unknown suite {name!r}; available: {', '.join(available_suites())}")
    module = importlib.import_module(f"ghatna.eval.{name}")
    metrics = module.run(Path(data_dir))
    report = {"suite": name, "metrics": metrics}
    if hasattr(module, "role_of"):
        report["roles"] = {metric: module.role_of(metric) for metric in metrics}
    return report


def write_report(report: dict, path: Path) -> None:
    Path(path).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
