"""Where the shipped resources live: every model, table and word list is under `ghatna/data/`
(their build scripts are in `ghatna/build/` and `ghatna/train/`)."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
