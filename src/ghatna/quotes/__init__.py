"""Quotes: direct and reported speech with its speaker and cue."""

from ghatna.quotes.stage import QuotesStage

__all__ = ["QuotesStage"]
