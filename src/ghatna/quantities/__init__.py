"""Quantities: numbers with their unit and qualifier, linked to the events they count."""

from ghatna.quantities.stage import QuantitiesStage

__all__ = ["QuantitiesStage"]
