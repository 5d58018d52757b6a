"""JSON Lines export: one contract object per stored document (error records included), in ingest order."""

from __future__ import annotations

import json
from pathlib import Path

from ghatna.export.common import ExportResult, open_output
from ghatna.store import Store


def write_jsonl(store: Store, out: Path | None) -> ExportResult:
    result = ExportResult()
    with open_output(out) as stream:
        for doc in store.documents(include_errors=True):
            stream.write(json.dumps(doc, ensure_ascii=False) + "\n")
            result.written += 1
    return result
