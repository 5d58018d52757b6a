"""Build scripts that rebuild the shipped data files (registry, gazetteer, tables)."""
