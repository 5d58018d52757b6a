"""Exports of a store: `jsonl` (contract objects), `parquet` (one file per table), `plover` (PLOVER
JSON Lines, one record per event), `gdelt` (GDELT 2.0 event table, tab-separated; one row per
canonical event by default, `events="raw"` for one per document event) and `gdelt-mentions`
(GDELT 2.0 Mentions table)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ghatna.export.common import ExportResult
from ghatna.export.gdelt import EVENT_MODES, GDELT_COLUMNS, write_gdelt
from ghatna.export.jsonl import write_jsonl
from ghatna.export.mentions import MENTION_COLUMNS, write_mentions
from ghatna.export.parquet import write_parquet
from ghatna.export.plover import write_plover
from ghatna.store import Store

__all__ = ["EVENT_MODES", "FORMATS", "GDELT_COLUMNS", "MENTION_COLUMNS", "ExportResult", "export", "run_export"]

log = logging.getLogger(__name__)

FORMATS: dict[str, Callable[..., ExportResult]] = {
    "jsonl": write_jsonl,
    "parquet": write_parquet,
    "plover": write_plover,
    "gdelt": write_gdelt,
    "gdelt-mentions": write_mentions,
}
# formats with one record per event, which take `events` ('canonical' or 'raw')
EVENT_FORMATS = frozenset({"gdelt", "gdelt-mentions"})


# formats that date every event (see `dated_in_text_only`)
DATED_FORMATS = frozenset({"plover", "gdelt"})


def run_export(store: Store, fmt: str, out: Path | None, events: str = "canonical",
               dated_in_text_only: bool = False) -> ExportResult:
    """Export the store in `fmt`; returns records written and records left out, by reason.
    `events` (gdelt, gdelt-mentions): 'canonical' or 'raw'; `dated_in_text_only` (plover, gdelt)
    leaves out the events whose text states no date (dated by the publication or ingest date
    otherwise), counted as "no date in the text"."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(out) if out is not None else None
    options: dict[str, object] = {}
    if fmt in EVENT_FORMATS:
        options["events"] = events
    if fmt in DATED_FORMATS:
        options["dated_in_text_only"] = dated_in_text_only
    return FORMATS[fmt](store, target, **options)


def export(store: Store, fmt: str, out: Path | None, events: str = "canonical",
           dated_in_text_only: bool = False) -> int:
    """Export the store in `fmt` to `out` (stdout when None; a directory for parquet); returns the
    number of records written.  Events left out (e.g. no CAMEO code for gdelt) are reported as a
    warning on the `ghatna.export` logger, which Python prints to stderr by default."""
    result = run_export(store, fmt, out, events, dated_in_text_only)
    if result.skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(result.skipped.items()))
        log.warning("%s export left out %d events: %s", fmt, sum(result.skipped.values()), reasons)
    return result.written
