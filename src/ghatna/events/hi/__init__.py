"""Hindi event detection: lexicon and case-marker roles (`detect`), EDNIL trigger CRF (`tagger`)."""
