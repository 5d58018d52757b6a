"""Shared test fixtures.  Tests that need ../shared/data use `shared_data` and skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GHATNA_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_8b0be508ce58b25c.txt"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip the test with a clear reason."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"reference data not found at {data} (set GHATNA_SHARED to its parent)")
    return data


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def validate():
    """Validates a contract object against schema/document.schema.json (raises on failure)."""
    import json

    import jsonschema

    schema = json.loads((ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    def check(obj: dict) -> dict:
        validator.validate(obj)
        for s in obj["sentences"]:
            assert 0 <= s["start"] < s["end"] <= len(obj["text"])
        for collection in ("quotes", "quantities"):
            for item in obj[collection]:
                assert obj["text"][item["start"]:item["end"]] == item["text"]
        for entity in obj["entities"]:
            for m in entity["mentions"]:
                assert obj["text"][m["start"]:m["end"]] == m["text"]
        for event in obj["events"]:
            t = event["trigger"]
            assert obj["text"][t["start"]:t["end"]] == t["text"]
        return obj

    return check


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store built by the real pipeline (`ghatna ingest`) from the bundled sample articles."""
    from ghatna.cli import main

    db = tmp_path_factory.mktemp("sample-store") / "samples.duckdb"
    samples = ROOT / "src" / "ghatna" / "data" / "samples"
    assert main(["ingest", str(samples), "--db", str(db), "--workers", "1", "--no-progress"]) == 0
    return db
