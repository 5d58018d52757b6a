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
