"""Readers of the reference corpora in ../shared/data, shared by evaluation and training (no stage imports them)."""
