"""Training scripts that rebuild the shipped models from ../shared/data."""
