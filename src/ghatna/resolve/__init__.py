"""Entity resolution: a cross-script actor registry, a gazetteer, and the `resolve` stage.

`ResolveStage` (name 'resolve') turns the recogniser's document-local entities into registry
actors (Wikidata QID or a stable slug, canonical English name, country, CAMEO actor code) and
places (`geonames:<id>`, coordinates); see docs/registry.md.
"""

from ghatna.resolve.stage import ResolveStage

__all__ = ["ResolveStage"]
