"""English event detection over spaCy's dependency parse."""
